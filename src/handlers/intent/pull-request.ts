import type { Context } from "probot";
import { planPullRequestIntent } from "../../core/intent/plan.js";
import { configErrorCheck, INTENT_CHECK } from "../../core/intent/render.js";
import type { FeatureContext } from "../../github/context.js";
import { execute } from "../../github/execute.js";
import { labelNames } from "../../github/labels.js";
import type { Services } from "../../github/services.js";
import { enabledConfig } from "../config-gate.js";
import { gatherIntent } from "./gather.js";

/** The parts of a pull request the intent check reads. */
export interface PullRequestSubject {
  number: number;
  title: string;
  body: string | null;
  draft?: boolean | undefined;
  labels?: { name?: string }[] | undefined;
  user: { type?: string } | null;
  head: { sha: string };
}

/** The intent check on a pull request's head commit (nothing on a draft, or where pull requests are not checked). */
export async function checkPullRequestIntent(ctx: FeatureContext, pr: PullRequestSubject): Promise<void> {
  const { config } = ctx;
  if (!config.intent.enabled || !config.intent.pullRequests || pr.draft) return;
  const outcome = await gatherIntent(ctx, { kind: "pull request", number: pr.number, title: pr.title, body: pr.body, authorType: pr.user?.type, labels: labelNames(pr.labels) });
  await execute(ctx, planPullRequestIntent(ctx.repo, pr.head.sha, outcome, config));
}

/** pull_request opened, edited, reopened, ready_for_review, synchronize. */
export async function onPullRequestIntent(context: Context<"pull_request">, services: Services): Promise<void> {
  const pr = context.payload.pull_request;
  if (pr.draft) return;
  const repo = context.repo();
  const ctx = { octokit: context.octokit, services, log: context.log, repo };
  const config = await enabledConfig(context, services, "intent", {
    invalid: (problems) => execute(ctx, [{ type: "check", repo, headSha: pr.head.sha, result: configErrorCheck(INTENT_CHECK, problems) }]),
  });
  if (!config) return;
  await checkPullRequestIntent({ ...ctx, config }, pr);
}
