import type { CheckResult } from "../core/checks.js";
import { clip } from "../core/sanitize.js";
import type { GitHub, RepoRef } from "./types.js";

// Core owns the type; intent's renderer still imports it from here.

// GitHub rejects check output fields longer than 65,535 characters, and titles longer than 255.
const OUTPUT_LIMIT = 65_000;
const TITLE_LIMIT = 255;
const CUT = "\n\n…(cut to fit GitHub's limit)";

/** A completed check run on the head commit; GitHub shows the newest run of each name. */
export async function publishCheck(octokit: GitHub, repo: RepoRef, headSha: string, result: CheckResult): Promise<void> {
  await octokit.rest.checks.create({
    ...repo,
    name: result.name,
    head_sha: headSha,
    status: "completed",
    conclusion: result.conclusion,
    output: {
      // A title is plain text on one line; the renderers escape what they quote into it.
      title: clip(result.title.replace(/\s+/g, " "), TITLE_LIMIT),
      summary: clip(result.summary, OUTPUT_LIMIT, CUT),
      ...(result.text ? { text: clip(result.text, OUTPUT_LIMIT, CUT) } : {}),
    },
  });
}
