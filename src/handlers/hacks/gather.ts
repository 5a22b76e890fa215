import type { Config } from "../../config/schema.js";
import { readDebtRecord } from "../../core/debt/record.js";
import type { HackChanges, IntentSummary } from "../../core/hacks/debt.js";
import type { DebtRef } from "../../core/hacks/fields.js";
import type { DebtIssueFacts, PullRequestFacts } from "../../core/hacks/plan.js";
import { DEBT_TOPIC } from "../../core/hacks/render.js";
import { decideIntent } from "../../core/intent/decide.js";
import { findBotIssue } from "../../github/bot-issues.js";
import { findStickyComment } from "../../github/comments.js";
import { isMissing } from "../../github/errors.js";
import { labelNames } from "../../github/labels.js";
import type { Services } from "../../github/services.js";
import type { GitHub, Log, RepoRef } from "../../github/types.js";
import { mustRead } from "../../parse/budget.js";
import { gatherIntentFacts } from "../../github/intent-facts.js";

/** The PR as it is now: payloads of redelivered or concurrent events may be stale. */
export async function readPullRequest(octokit: GitHub, repo: RepoRef, number: number): Promise<PullRequestFacts> {
  const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: number });
  return {
    number: data.number,
    title: data.title,
    body: data.body,
    labels: labelNames(data.labels),
    author: data.user?.login ?? "ghost",
    state: data.state === "closed" ? "closed" : "open",
    merged: data.merged,
    mergedAt: data.merged_at,
    headSha: data.head.sha,
  };
}

/**
 * A debt issue and its trusted record: in the body when the app wrote the
 * issue, else in the app's `debt` comment on it. A missing issue (or one in a
 * repository the app cannot see) comes back with `exists: false`.
 */
export async function readDebtIssue(octokit: GitHub, services: Services, ref: DebtRef, withRecord: boolean): Promise<DebtIssueFacts> {
  const missing: DebtIssueFacts = { ref, exists: false, isPullRequest: false, state: "closed", closedByApp: false, byApp: false, body: "", labels: [] };
  let data;
  try {
    ({ data } = await octokit.rest.issues.get({ owner: ref.owner, repo: ref.repo, issue_number: ref.number }));
  } catch (error) {
    // Only "not there": a 403 (often a secondary rate limit) must never read as missing,
    // or a linked debt issue would be replaced by a duplicate.
    if (isMissing(error)) return missing;
    throw error;
  }
  const bot = await services.botLogin();
  const byApp = data.user?.login === bot;
  const isPullRequest = Boolean(data.pull_request);
  const issue: DebtIssueFacts = {
    ref,
    exists: true,
    isPullRequest,
    state: data.state === "closed" ? "closed" : "open",
    stateReason: data.state_reason,
    closedByApp: data.closed_by?.login === bot,
    byApp,
    body: data.body ?? "",
    labels: labelNames(data.labels),
  };
  if (byApp) return { ...issue, record: readDebtRecord(data.body) };
  if (!withRecord || isPullRequest) return issue;
  const comment = await findStickyComment(octokit, services, { owner: ref.owner, repo: ref.repo, issue_number: ref.number }, DEBT_TOPIC);
  return { ...issue, record: readDebtRecord(comment?.body), debtComment: comment?.body };
}

// The issue sought was created moments before a restart, so it is among the newest.
const LISTED_ISSUES = 30;

/**
 * The debt issue the app created for this PR, found among its newest debt
 * issues by the record that names the PR: the fallback for a restart between
 * creating the issue and writing its number into the PR's comment.
 */
export async function findCreatedDebt(octokit: GitHub, services: Services, repo: RepoRef, prNumber: number, debtLabel: string): Promise<DebtIssueFacts | undefined> {
  const namesThePr = (body: string) => readDebtRecord(body)?.hackPrs.some((p) => p.number === prNumber && p.repo === undefined) ?? false;
  const found = await findBotIssue(octokit, services, repo, { label: debtLabel, recognise: namesThePr, newest: LISTED_ISSUES });
  return found ? readDebtIssue(octokit, services, { ...repo, number: found.number }, true) : undefined;
}

/** The files the PR touches and the added lines carrying the code marker (patches are read within the budget). */
export async function readChanges(octokit: GitHub, services: Services, log: Log, repo: RepoRef, pr: PullRequestFacts, marker: string): Promise<HackChanges> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: pr.number, per_page: 100 });
  const patches = files.map((f) => ({ filename: f.filename, patch: f.patch }));
  const markers = mustRead(await services.parse.run("findCodeMarkers", [patches, marker], log));
  return { files: files.map((f) => f.filename), markers, sha: pr.headSha };
}

/** The why/who the PR states or inherits from its ticket, as the intent check reads them. */
export async function readIntent(octokit: GitHub, services: Services, log: Log, config: Config, repo: RepoRef, pr: PullRequestFacts): Promise<IntentSummary> {
  const body = mustRead(await services.parse.run("withoutDebtLines", [pr.body], log));
  const facts = mustRead(await gatherIntentFacts({ octokit, services, log, config, repo }, { kind: "pull request", number: pr.number, title: pr.title, body }));
  const verdict = decideIntent(facts);
  return { why: verdict.why?.text, who: verdict.who?.text, from: verdict.why?.from ?? verdict.who?.from };
}
