import type { CheckResult } from "./checks.js";
import type { LabelSpec } from "./labels.js";
import type { RepoRef } from "./repo.js";

/** An issue or pull request by number. */
export interface IssueKey extends RepoRef {
  number: number;
}

/** One of the bot's comments as read: its id and its whole body (marker included). */
export interface KnownComment {
  id: number;
  body: string;
}

/**
 * Every write a feature can ask for, as plain data: decisions in core return
 * a list of these, and one executor (`src/github/execute.ts`) carries them
 * out in order. A decision leaves out a write that would change nothing, so
 * the executor writes what it is given.
 */
export type Action =
  /** A completed check run on the head commit. */
  | { type: "check"; repo: RepoRef; headSha: string; result: CheckResult }
  /**
   * The topic's one bot comment: created, or edited in place (`create: false`
   * never creates it). `found` is the comment as the decision read it under
   * the lock every write of the topic holds (`null`: there is none), so the
   * executor writes without listing again; without it, the executor finds the
   * comment itself under the issue's comment lock.
   */
  | { type: "sticky-comment"; issue: IssueKey; topic: string; body: string; create: boolean; found?: KnownComment | null }
  /** A new comment that is not kept up to date (a reminder). */
  | { type: "comment"; issue: IssueKey; body: string }
  /** The label is created in the repository first when it lacks it. */
  | { type: "add-label"; issue: IssueKey; label: LabelSpec }
  | { type: "remove-label"; issue: IssueKey; name: string }
  | { type: "create-issue"; repo: RepoRef; issue: NewIssue }
  | { type: "update-issue"; issue: IssueKey; change: IssueChange }
  | { type: "request-team-reviews"; pr: IssueKey; teams: string[] }
  /** `child` is the REST id of the issue to link. */
  | { type: "add-sub-issue"; parent: IssueKey; child: number }
  | { type: "react"; comment: CommentKey; content: Reaction }
  /** Takes back the bot's own reaction (after an edited command's answer changed). */
  | { type: "unreact"; comment: CommentKey; content: Reaction };

export interface NewIssue {
  title: string;
  body: string;
  labels: LabelSpec[];
  /** Kept to those who can be assigned: anyone else would fail the whole create. */
  assignees?: string[];
}

export interface IssueChange {
  title?: string;
  body?: string;
  state?: "open" | "closed";
  stateReason?: "completed" | "not_planned";
}

export interface CommentKey extends RepoRef {
  /** The issue or PR the comment is on. */
  number: number;
  commentId: number;
}

export type Reaction = "+1" | "-1" | "eyes" | "rocket" | "confused" | "hooray";
