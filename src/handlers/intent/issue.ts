import type { Context } from "probot";
import { loadConfig } from "../../config/load.js";
import { INTENT_TOPIC, planIssueIntent } from "../../core/intent/plan.js";
import type { FeatureContext, GitHubContext } from "../../github/context.js";
import { execute } from "../../github/execute.js";
import { labelNames } from "../../github/labels.js";
import { opened } from "../../github/records.js";
import type { Services } from "../../github/services.js";
import type { RepoRef } from "../../github/types.js";
import { enabledConfig } from "../config-gate.js";
import { gatherIntent } from "./gather.js";
import { checkPullRequestIntent } from "./pull-request.js";
import { issueKey } from "../../core/repo.js";

const MAX_RECHECKED_PULL_REQUESTS = 20;

/** issues opened, edited, reopened: label and one sticky comment while why/who are missing. */
export async function onIssueIntent(context: Context<"issues.opened" | "issues.edited" | "issues.reopened">, services: Services): Promise<void> {
  const { issue } = context.payload;
  const repo = context.repo();
  const key = { ...repo, number: issue.number };
  const base = { octokit: context.octokit, services, log: context.log };
  const config = await enabledConfig(context, services, "intent", {
    invalid: (problems) => execute(base, [{ type: "sticky-comment", issue: key, topic: INTENT_TOPIC, body: problems, create: true }]),
  });
  if (!config?.intent.issues) return;
  const ctx: FeatureContext = { ...base, repo, config };

  const labels = labelNames(issue.labels);
  const outcome = await gatherIntent(ctx, { kind: "issue", number: issue.number, title: issue.title, body: issue.body, authorType: issue.user?.type, labels });
  if (outcome.kind === "exempt") context.log.debug({ issue: issue.number, exempt: outcome.reason }, "issue exempt from intent check");
  if (outcome.kind === "verdict") context.log.info({ issue: issue.number, met: outcome.verdict.met, missing: outcome.verdict.missing }, "intent decided");
  await execute(ctx, planIssueIntent({ issue: key, labels }, outcome, config));

  if (outcome.kind === "verdict" && context.payload.action === "edited" && "body" in (context.payload.changes ?? {})) {
    await recheckLinkingPullRequests(base, repo, issue.number);
  }
}

interface TimelineSource {
  issue?: {
    number: number;
    state?: string;
    pull_request?: unknown;
    repository?: { name: string; owner: { login: string } };
  };
}

/** Open pull requests that mention the issue inherit its why/who: check them again. */
async function recheckLinkingPullRequests(ctx: GitHubContext, repo: RepoRef, issueNumber: number): Promise<void> {
  const events = await ctx.services.facts.timeline({ ...repo, issue_number: issueNumber });
  const seen = new Set<string>();
  const targets: { repo: RepoRef; number: number }[] = [];
  for (const event of events) {
    if (!("event" in event) || event.event !== "cross-referenced") continue;
    const source = (event as { source?: TimelineSource }).source?.issue;
    if (!source?.pull_request || source.state !== "open") continue;
    const target = source.repository ? { owner: source.repository.owner.login, repo: source.repository.name } : repo;
    const key = issueKey(target, source.number);
    if (seen.has(key) || targets.length >= MAX_RECHECKED_PULL_REQUESTS) continue;
    seen.add(key);
    targets.push({ repo: target, number: source.number });
  }
  for (const target of targets) {
    const config = await loadConfig(ctx.services.facts, target.repo);
    if (!config.ok) continue; // reported on that pull request's own events
    const pr = opened(ctx, target.repo, await ctx.services.facts.pullRequest(target.repo, target.number));
    if (pr.state !== "open") continue;
    await checkPullRequestIntent({ ...ctx, repo: target.repo, config: config.config }, pr);
  }
}
