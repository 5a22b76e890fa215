import { labelSpecs } from "../../core/labels.js";
import type { Context } from "probot";
import { loadConfig } from "../../config/load.js";
import { decideIntent } from "../../core/intent/decide.js";
import { issueComplaint, issueResolved } from "../../core/intent/render.js";
import { updateStickyCommentIfPresent, upsertStickyComment } from "../../github/comments.js";
import { addLabel, labelNames, removeLabel } from "../../github/labels.js";
import { enabledConfig } from "../config-gate.js";
import type { Services } from "../../github/services.js";
import type { GitHub, Log, RepoRef } from "../../github/types.js";
import { unreadableLine } from "../../parse/unreadable.js";
import { gatherIntentFacts } from "./gather.js";
import { checkPullRequestIntent } from "./pull-request.js";

export const INTENT_TOPIC = "intent";

const MAX_RECHECKED_PULL_REQUESTS = 20;

/** issues opened, edited, reopened: label and one sticky comment while why/who are missing. */
export async function onIssueIntent(context: Context<"issues.opened" | "issues.edited" | "issues.reopened">, services: Services): Promise<void> {
  const { issue } = context.payload;
  const ref = context.issue();
  const config = await enabledConfig(context, services, "intent", { invalid: (problems) => upsertStickyComment(context.octokit, services, ref, INTENT_TOPIC, problems) });
  if (!config?.intent.issues) return;

  const labels = labelNames(issue.labels);
  const exempt = await services.parse.run("exemptionReason", [{ authorType: issue.user?.type, labels, title: issue.title }, config.intent.exempt], context.log);
  if (!exempt.ok) {
    await upsertStickyComment(context.octokit, services, ref, INTENT_TOPIC, unreadableLine("title", exempt.reason));
    return;
  }
  if (exempt.value) {
    context.log.debug({ issue: issue.number, exempt: exempt.value }, "issue exempt from intent check");
    return;
  }
  const facts = await gatherIntentFacts(context.octokit, services, context.log, config, context.repo(), { kind: "issue", number: issue.number, title: issue.title, body: issue.body });
  if (!facts.ok) {
    // No verdict either way: the label stays as it was, the app's one comment says why.
    await upsertStickyComment(context.octokit, services, ref, INTENT_TOPIC, unreadableLine("body", facts.reason));
    return;
  }
  const verdict = decideIntent(facts.value);
  context.log.info({ issue: issue.number, met: verdict.met, missing: verdict.missing }, "intent decided");

  if (verdict.met) {
    await removeLabel(context.octokit, ref, labels, config.intent.label);
    await updateStickyCommentIfPresent(context.octokit, services, ref, INTENT_TOPIC, issueResolved(verdict));
  } else {
    await addLabel(context.octokit, services, ref, labels, labelSpecs.needsIntent(config.intent.label));
    await upsertStickyComment(context.octokit, services, ref, INTENT_TOPIC, issueComplaint(verdict, config.intent.label));
  }

  if (context.payload.action === "edited" && "body" in (context.payload.changes ?? {})) {
    await recheckLinkingPullRequests(context.octokit, services, context.log, context.repo(), issue.number);
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
async function recheckLinkingPullRequests(octokit: GitHub, services: Services, log: Log, repo: RepoRef, issueNumber: number): Promise<void> {
  const events = await octokit.paginate(octokit.rest.issues.listEventsForTimeline, { ...repo, issue_number: issueNumber, per_page: 100 });
  const seen = new Set<string>();
  const targets: { repo: RepoRef; number: number }[] = [];
  for (const event of events) {
    if (!("event" in event) || event.event !== "cross-referenced") continue;
    const source = (event as { source?: TimelineSource }).source?.issue;
    if (!source?.pull_request || source.state !== "open") continue;
    const target = source.repository ? { owner: source.repository.owner.login, repo: source.repository.name } : repo;
    const key = `${target.owner}/${target.repo}#${source.number}`.toLowerCase();
    if (seen.has(key) || targets.length >= MAX_RECHECKED_PULL_REQUESTS) continue;
    seen.add(key);
    targets.push({ repo: target, number: source.number });
  }
  for (const target of targets) {
    const config = await loadConfig(octokit, target.repo);
    if (!config.ok) continue; // reported on that pull request's own events
    const { data: pr } = await octokit.rest.pulls.get({ ...target.repo, pull_number: target.number });
    if (pr.state !== "open") continue;
    await checkPullRequestIntent(octokit, services, log, config.config, target.repo, pr);
  }
}
