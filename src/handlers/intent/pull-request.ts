import type { Context } from "probot";
import type { Config } from "../../config/schema.js";
import { decideIntent } from "../../core/intent/decide.js";
import { configErrorCheck, exemptCheck, INTENT_CHECK, intentCheck } from "../../core/intent/render.js";
import { publishCheck } from "../../github/checks.js";
import { labelNames } from "../../github/labels.js";
import type { Services } from "../../github/services.js";
import type { GitHub, Log, RepoRef } from "../../github/types.js";
import { unreadableCheck } from "../../parse/unreadable.js";
import { enabledConfig } from "../config-gate.js";
import { gatherIntentFacts } from "./gather.js";

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

export async function checkPullRequestIntent(
  octokit: GitHub,
  services: Services,
  log: Log,
  config: Config,
  repo: RepoRef,
  pr: PullRequestSubject,
): Promise<void> {
  if (!config.intent.enabled || !config.intent.pullRequests || pr.draft) return;
  const exempt = await services.parse.run("exemptionReason", [{ authorType: pr.user?.type, labels: labelNames(pr.labels), title: pr.title }, config.intent.exempt], log);
  if (!exempt.ok) {
    await publishCheck(octokit, repo, pr.head.sha, unreadableCheck(INTENT_CHECK, "title", exempt.reason, config.mode));
    return;
  }
  if (exempt.value) {
    await publishCheck(octokit, repo, pr.head.sha, exemptCheck(exempt.value));
    return;
  }
  const facts = await gatherIntentFacts(octokit, services, log, config, repo, { kind: "pull request", number: pr.number, title: pr.title, body: pr.body });
  const result = facts.ok ? intentCheck(decideIntent(facts.value), config.mode) : unreadableCheck(INTENT_CHECK, "pull request", facts.reason, config.mode);
  await publishCheck(octokit, repo, pr.head.sha, result);
}

/** pull_request opened, edited, reopened, ready_for_review, synchronize. */
export async function onPullRequestIntent(context: Context<"pull_request">, services: Services): Promise<void> {
  const pr = context.payload.pull_request;
  if (pr.draft) return;
  const config = await enabledConfig(context, services, "intent", {
    invalid: (problems) => publishCheck(context.octokit, context.repo(), pr.head.sha, configErrorCheck(INTENT_CHECK, problems)),
  });
  if (!config) return;
  await checkPullRequestIntent(context.octokit, services, context.log, config, context.repo(), pr);
}
