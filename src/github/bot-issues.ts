import type { LabelSpec } from "../core/labels.js";
import { topicMarker } from "../core/markers.js";
import type { GitHubContext } from "./context.js";
import { ensureLabel } from "./labels.js";
import { opened, sealed } from "./records.js";
import type { RepoRef } from "./types.js";
import { issueKey } from "../core/repo.js";

/**
 * The issues the app owns (debt issues, phase issues, dashboards): finding
 * the one it wrote, creating one, and reading its body. Written once so
 * that every feature recognises its issues the same way (label, the bot as
 * author, something in the body no title can fake) and creates them the same
 * way (labels made first, assignees only those who can be).
 */

/** One of the app's issues as listed. */
export interface BotIssue {
  number: number;
  nodeId: string;
  state: "open" | "closed";
  body: string;
}

/** How to recognise one of the app's issues. */
export interface BotIssueKind {
  /** The label the app puts on every issue of the kind. */
  label: string;
  /** Whether the body is the one sought: its hidden marker, or a record that names it. */
  recognise: (body: string) => boolean;
  /**
   * Look only at the newest this many (one request), for a label that marks
   * many issues. Without it every page is read and the oldest match wins: a
   * kind with one issue per repository.
   */
  newest?: number;
}

/**
 * The app's issue of a kind: listed through the issues API by label and
 * creator (consistent, unlike search, so an issue created a moment ago is
 * found), then checked for the bot's authorship and the body's mark, never
 * the title.
 */
export async function findBotIssue(ctx: GitHubContext, repo: RepoRef, kind: BotIssueKind): Promise<BotIssue | undefined> {
  const { services } = ctx;
  const bot = await services.botLogin();
  // Read under the lock of the kind's writes, before deciding one: afresh.
  const read = await services.facts.issuesBy(repo, { label: kind.label, creator: bot, newest: kind.newest }, { fresh: true });
  const issues = opened(ctx, repo, kind.newest === undefined ? read.sort((a, b) => a.number - b.number) : read);
  const found = issues.find((issue) => issue.user?.login === bot && !issue.pull_request && kind.recognise(issue.body ?? ""));
  return found && { number: found.number, nodeId: found.node_id, state: found.state === "closed" ? "closed" : "open", body: found.body ?? "" };
}

export interface NewBotIssue {
  title: string;
  body: string;
  /** Created first (with their colour and description) where the repository lacks them. */
  labels: readonly LabelSpec[];
  /** Kept to those who can be assigned: anyone else would fail the whole create. */
  assignees?: readonly string[];
}

export interface CreatedIssue {
  number: number;
  /** The REST id, which links a sub-issue. */
  id: number;
  /** The GraphQL id, which pins it. */
  nodeId: string;
}

/** Creates the issue, its records sealed. */
export async function createBotIssue(ctx: GitHubContext, repo: RepoRef, issue: NewBotIssue): Promise<CreatedIssue> {
  const { octokit, services } = ctx;
  for (const label of issue.labels) await ensureLabel(octokit, services, repo, label);
  const assignees = issue.assignees && { assignees: await assignable(ctx, repo, issue.assignees) };
  const labels = issue.labels.map((label) => label.name);
  const { data } = await octokit.rest.issues.create({ ...repo, title: issue.title, body: sealed(ctx, repo, issue.body), labels, ...assignees });
  services.facts.created();
  services.createdIssues.set(issueKey(repo, data.number), true);
  return { number: data.number, id: data.id, nodeId: data.node_id };
}


async function assignable({ services }: GitHubContext, repo: RepoRef, logins: readonly string[]): Promise<string[]> {
  const can: string[] = [];
  for (const login of logins) if (await services.facts.assignable(repo, login)) can.push(login);
  return can;
}

/** The issue's body as it is now (its records opened): read just before writing, so edits made meanwhile (boxes ticked) are seen. */
export async function readIssueBody(ctx: GitHubContext, repo: RepoRef, number: number): Promise<string> {
  return opened(ctx, repo, await ctx.services.facts.issue(repo, number, { fresh: true })).body ?? "";
}

/**
 * Closes one of the app's issues that duplicates `keeper`: created by a write
 * that reached GitHub after a retry (or a restart's recovery) had already
 * created and linked another. GitHub lets an app close an issue but not
 * delete it, so it is closed as not planned, its labels and its body (with
 * the record that made it the app's) replaced by a pointer to the keeper:
 * nothing finds it as the app's issue again, and the dashboard does not
 * count it.
 */
export async function retireDuplicateIssue(ctx: GitHubContext, repo: RepoRef, { number, keeper, what }: { number: number; keeper: number; what: string }): Promise<void> {
  const body = `${topicMarker("duplicate")}\nDuplicate of #${keeper}, ${what}. It was created a second time when a write sent before a restart reached GitHub after the work had been done again; intentbot closed this copy.`;
  await ctx.octokit.rest.issues.update({ ...repo, issue_number: number, state: "closed", state_reason: "not_planned", labels: [], body });
  ctx.services.facts.changed(repo, number);
}
