import { readDebtRecord } from "../../core/debt/record.js";
import { NEW_DEBT_BODY, type HackChanges, type IntentSummary } from "../../core/hacks/debt.js";
import type { DebtRef } from "../../core/hacks/fields.js";
import type { DebtIssueFacts, NewDebtIssue, PullRequestFacts } from "../../core/hacks/plan.js";
import type { HackText } from "../../core/hacks/read.js";
import { DEBT_TOPIC } from "../../core/hacks/render.js";
import { decideIntent } from "../../core/intent/decide.js";
import type { LabelSpec } from "../../core/labels.js";
import { createBotIssue, findBotIssue } from "../../github/bot-issues.js";
import { findStickyComment } from "../../github/comments.js";
import type { FeatureContext, GitHubContext } from "../../github/context.js";
import { isMissing } from "../../github/errors.js";
import { labelNames } from "../../github/labels.js";
import { opened } from "../../github/records.js";
import type { Budgeted } from "../../parse/budget.js";
import { gatherIntentFacts } from "../../github/intent-facts.js";

/** A pull request as GitHub gives it, in a `pull_request` payload or from `GET pulls/:n`. */
export interface PullRequestData {
  number: number;
  title: string;
  body: string | null;
  labels: readonly ({ name?: string } | null)[];
  user: { login: string } | null;
  state: string;
  merged?: boolean | null | undefined;
  merged_at: string | null;
  head: { sha: string };
}

export function pullRequestFacts(data: PullRequestData): PullRequestFacts {
  return {
    number: data.number,
    title: data.title,
    body: data.body,
    labels: labelNames(data.labels),
    author: data.user?.login ?? "ghost",
    state: data.state === "closed" ? "closed" : "open",
    merged: data.merged ?? false,
    mergedAt: data.merged_at,
    headSha: data.head.sha,
  };
}

/** The PR as it is now: for an event whose payload does not carry it (a comment), or carries it stale. */
export async function readPullRequest(ctx: FeatureContext, number: number): Promise<PullRequestFacts> {
  return pullRequestFacts(opened(ctx, ctx.repo, await ctx.services.facts.pullRequest(ctx.repo, number, { fresh: true })));
}

/** The PR's title and description, read once for the event within the parse budget. */
export function readPullRequestText(ctx: FeatureContext, pr: Pick<PullRequestFacts, "title" | "body">): Promise<Budgeted<HackText>> {
  return ctx.services.parse.run("readHackText", [{ title: pr.title, body: pr.body }, ctx.config.hacks.titlePrefixes, ctx.repo], ctx.log);
}

/**
 * A debt issue and its trusted record: in the body when the app wrote the
 * issue (read in the parse worker, since people may edit it), else in the
 * app's `debt` comment on it. A missing issue (or one in a repository the app
 * cannot see) comes back with `exists: false`.
 */
export async function readDebtIssue(ctx: GitHubContext, ref: DebtRef, withRecord: boolean): Promise<Budgeted<DebtIssueFacts>> {
  const { services } = ctx;
  const missing: DebtIssueFacts = { ref, exists: false, isPullRequest: false, state: "closed", closedByApp: false, byApp: false, body: "", pieces: [], labels: [] };
  let data;
  try {
    data = opened(ctx, ref, await services.facts.issue(ref, ref.number, { fresh: true }));
  } catch (error) {
    // Only "not there": a 403 (often a secondary rate limit) must never read as missing,
    // or a linked debt issue would be replaced by a duplicate.
    if (isMissing(error)) return { ok: true, value: missing };
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
    pieces: [],
    labels: labelNames(data.labels),
  };
  if (byApp) {
    const read = await services.parse.run("readDebtBody", [issue.body], ctx.log);
    return read.ok ? { ok: true, value: { ...issue, record: read.value.record, pieces: read.value.pieces } } : read;
  }
  if (!withRecord || isPullRequest) return { ok: true, value: issue };
  const comment = await findStickyComment(ctx, { owner: ref.owner, repo: ref.repo, issue_number: ref.number }, DEBT_TOPIC, { fresh: true });
  return { ok: true, value: { ...issue, record: readDebtRecord(comment?.body), debtComment: comment?.body } };
}

// The issue sought was created moments before a restart, so it is among the newest.
const LISTED_ISSUES = 30;

/**
 * The debt issue the app created for this PR, found among its newest debt
 * issues by the record that names the PR: the fallback for a restart between
 * creating the issue and writing its number into the PR's comment.
 */
export async function findCreatedDebt(ctx: FeatureContext, prNumber: number): Promise<Budgeted<DebtIssueFacts | undefined>> {
  const namesThePr = (body: string) => readDebtRecord(body)?.hackPrs.some((p) => p.number === prNumber && p.repo === undefined) ?? false;
  const found = await findBotIssue(ctx, ctx.repo, { label: ctx.config.hacks.debtLabel, recognise: namesThePr, newest: LISTED_ISSUES });
  return found ? readDebtIssue(ctx, { ...ctx.repo, number: found.number }, true) : { ok: true, value: undefined };
}

/** Creates the debt issue (assigned to the hack's author when they can be) and returns it as the plan's next pass reads it. */
export async function createDebtIssue(ctx: FeatureContext, issue: NewDebtIssue, label: LabelSpec): Promise<DebtIssueFacts> {
  const created = await createBotIssue(ctx, ctx.repo, { title: issue.title, body: issue.body, labels: [label], assignees: [issue.owner] });
  return {
    ref: { ...ctx.repo, number: created.number },
    exists: true,
    isPullRequest: false,
    state: "open",
    closedByApp: false,
    byApp: true,
    body: issue.body,
    pieces: NEW_DEBT_BODY,
    labels: [label.name],
    record: issue.record,
  };
}

/** The files the PR touches and the added lines carrying the code marker (patches are read within the budget). */
export async function readChanges(ctx: FeatureContext, pr: PullRequestFacts): Promise<Budgeted<HackChanges>> {
  const files = await ctx.services.facts.files(ctx.repo, pr.number);
  const patches = files.map((f) => ({ filename: f.filename, patch: f.patch }));
  const markers = await ctx.services.parse.run("findCodeMarkers", [patches, ctx.config.hacks.codeMarker], ctx.log);
  return markers.ok ? { ok: true, value: { files: files.map((f) => f.filename), markers: markers.value, sha: pr.headSha } } : markers;
}

/** The why/who the PR states or inherits from its ticket, as the intent check reads them (without its `Debt:` lines). */
export async function readIntent(ctx: FeatureContext, pr: PullRequestFacts, text: HackText): Promise<Budgeted<IntentSummary>> {
  const facts = await gatherIntentFacts(ctx, { kind: "pull request", number: pr.number, title: pr.title, body: text.intentBody });
  if (!facts.ok) return facts;
  const verdict = decideIntent(facts.value);
  return { ok: true, value: { why: verdict.why?.text, who: verdict.who?.text, from: verdict.why?.from ?? verdict.who?.from } };
}
