import type { GitHub, RepoRef } from "./types.js";

export type CheckConclusion = "success" | "neutral" | "failure";

export interface CheckResult {
  name: string;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  text?: string | undefined;
}

// GitHub rejects check output fields longer than 65,535 characters.
const OUTPUT_LIMIT = 65_000;

function clip(text: string): string {
  return text.length > OUTPUT_LIMIT ? `${text.slice(0, OUTPUT_LIMIT)}\n\n…(cut to fit GitHub's limit)` : text;
}

/** A completed check run on the head commit; GitHub shows the newest run of each name. */
export async function publishCheck(octokit: GitHub, repo: RepoRef, headSha: string, result: CheckResult): Promise<void> {
  await octokit.rest.checks.create({
    ...repo,
    name: result.name,
    head_sha: headSha,
    status: "completed",
    conclusion: result.conclusion,
    output: {
      title: result.title.slice(0, 255),
      summary: clip(result.summary),
      ...(result.text ? { text: clip(result.text) } : {}),
    },
  });
}

/** How an unmet rule concludes: advise never fails a check, enforce does. */
export function unmetConclusion(mode: "advise" | "enforce"): CheckConclusion {
  return mode === "enforce" ? "failure" : "neutral";
}
