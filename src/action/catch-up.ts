import type { Probot } from "probot";
import { COMMAND_NAMES, REACTION } from "../core/command-answers.js";
import type { GitHub, RepoRef } from "../github/types.js";

/**
 * Events whose own handlers already read the open thread's whole state: after
 * one of them, reconciling the thread again would only repeat its reads.
 */
const READS_THE_THREAD = new Set(["issues.opened", "issues.edited", "issues.reopened", "pull_request.opened", "pull_request.edited", "pull_request.reopened", "pull_request.synchronize"]);

/** How far back a run looks for command comments without an answer: a burst's cancelled runs are minutes old. */
const LOOKBACK_MS = 24 * 3_600_000;

interface ThreadPayload {
  action?: string;
  issue?: { number: number };
  pull_request?: { number: number };
  repository: { name: string; owner: { login: string } };
  sender: unknown;
}

interface ListedComment {
  id: number;
  body?: string | undefined;
  user: { login: string; type?: string } | null;
  reactions?: { rocket?: number; confused?: number } | undefined;
}

export interface CatchUpOptions {
  /** The run's delivery id: each event received here gets it with a suffix. */
  deliveryId: string;
  /** The account the app writes as (`github-actions[bot]`). */
  botLogin: string;
  now?: number;
}

/**
 * GitHub keeps at most one pending run per concurrency group and cancels it
 * when a newer one queues, so a run in a burst may never start. What it
 * would have done is done by the next run on the same issue or PR, which is
 * why the workflow groups runs by thread (docs/action.md): after its own
 * event, each run
 * - reconciles the thread: the app receives the thread as it is now, as a
 *   `reopened` event when it is open and a `closed` event when it is closed
 *   (the handlers read the state they act on, so this redoes a missed edit,
 *   push, label or close, and changes nothing that is already right), unless
 *   its own event already did that;
 * - answers every command comment of the last day that the app has not
 *   answered (no 🚀 or 😕 of its own), as if it had just been posted.
 * The returned promise rejects when any of these fails, as a handler's failure does
 * (after every unanswered command was tried).
 */
export async function catchUp(receive: Probot["receive"], octokit: GitHub, eventName: string, payload: ThreadPayload, options: CatchUpOptions): Promise<void> {
  const number = payload.issue?.number ?? payload.pull_request?.number;
  // A deleted or transferred issue is no longer here to catch up on.
  if (number === undefined || payload.action === "deleted" || payload.action === "transferred") return;
  const repo: RepoRef = { owner: payload.repository.owner.login, repo: payload.repository.name };
  const { data: issue } = await octokit.rest.issues.get({ ...repo, issue_number: number });
  // Each event gets a copy of what GitHub returned: the router opens the records in a payload in
  // place, and a record opened once no longer passes as sealed in the next event's payload.
  const base = () => structuredClone({ repository: payload.repository, sender: payload.sender });

  const action = issue.state === "closed" ? "closed" : "reopened";
  const name = issue.pull_request ? "pull_request" : "issues";
  const own = `${eventName}.${payload.action ?? ""}`;
  if (own !== `${name}.${action}` && !(action === "reopened" && READS_THE_THREAD.has(own))) {
    const subject = issue.pull_request ? { number, pull_request: (await octokit.rest.pulls.get({ ...repo, pull_number: number })).data } : { issue: structuredClone(issue) };
    await receive({ id: `${options.deliveryId}:thread`, name, payload: { action, ...subject, ...base() } } as never);
  }

  const since = new Date((options.now ?? Date.now()) - LOOKBACK_MS).toISOString();
  const { data: comments } = await octokit.rest.issues.listComments({ ...repo, issue_number: number, since, per_page: 100 });
  // One command's failure does not keep the others waiting for another run.
  const failures: unknown[] = [];
  for (const comment of comments as ListedComment[]) {
    if (!mayHoldCommand(comment) || (await answered(octokit, repo, comment, options.botLogin))) continue;
    const event = { action: "created", issue: structuredClone(issue), comment, ...base(), sender: comment.user };
    await receive({ id: `${options.deliveryId}:comment-${comment.id}`, name: "issue_comment", payload: event } as never).catch((error: unknown) => failures.push(...(error instanceof AggregateError ? error.errors : [error])));
  }
  if (failures.length > 0) throw new AggregateError(failures, "commands caught up on failed");
}

/** A person's comment naming a command: the dispatcher decides whether it holds one (a plain substring test is linear). */
function mayHoldCommand(comment: ListedComment): boolean {
  if (!comment.user || comment.user.type === "Bot") return false;
  const lower = (comment.body ?? "").toLowerCase();
  return COMMAND_NAMES.some((name) => lower.includes(`/${name}`));
}

/** Whether the app reacted to the comment: its reaction is the last write of every answer (docs/architecture.md). */
async function answered(octokit: GitHub, repo: RepoRef, comment: ListedComment, botLogin: string): Promise<boolean> {
  // The listing counts reactions by kind: none of either kind, no answer, without asking who reacted.
  if (!comment.reactions?.rocket && !comment.reactions?.confused) return false;
  for (const content of [REACTION.done, REACTION.refused]) {
    const reactions = await octokit.paginate(octokit.rest.reactions.listForIssueComment, { ...repo, comment_id: comment.id, content, per_page: 100 });
    if (reactions.some((reaction) => reaction.user?.login === botLogin)) return true;
  }
  return false;
}
