import type { Context } from "probot";
import { configErrorCheck } from "../../core/intent/render.js";
import { SIGNOFF_CHECK } from "../../core/signoff/render.js";
import { execute } from "../../github/execute.js";
import { enabledConfig } from "../config-gate.js";
import type { Services } from "../../github/services.js";
import { repoOf } from "../../github/types.js";
import { evaluateSignoff } from "./evaluate.js";
import type { SignoffPullRequest } from "./gather.js";

/** pull_request opened/synchronize/reopened/ready_for_review/edited, pull_request_review submitted/dismissed. */
export async function onSignoffPullRequest(context: Context<"pull_request" | "pull_request_review">, services: Services): Promise<void> {
  // Both events carry the pull request; reading it through one shape keeps the types simple.
  const payload = context.payload as { pull_request: SignoffPullRequest & { draft?: boolean; state: string }; repository: { name: string; owner: { login: string } } };
  const pr = payload.pull_request;
  if (pr.draft || pr.state !== "open") return;
  // A review that only comments changes no one's verdict (each reviewer's latest approval, change request or dismissal counts): nothing to read.
  if (context.name === "pull_request_review" && (context.payload as { review?: { state?: string } }).review?.state?.toLowerCase() === "commented") return;
  const repo = repoOf(payload);
  const ctx = { octokit: context.octokit, services, log: context.log, repo };
  const config = await enabledConfig(context, services, "signoff", {
    invalid: (problems) => execute(ctx, [{ type: "check", repo, headSha: pr.head.sha, result: configErrorCheck(SIGNOFF_CHECK, problems) }]),
  });
  if (!config) return;
  await evaluateSignoff({ ...ctx, config }, pr);
}
