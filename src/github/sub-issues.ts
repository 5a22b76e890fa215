import type { GitHubContext } from "./context.js";
import { isMissing } from "./errors.js";
import { opened } from "./records.js";
import type { GitHub, IssueRef } from "./types.js";

/** The parts of a sub-issue `/phase` reads. */
export interface SubIssue {
  id: number;
  number: number;
  title: string;
  state: string;
  state_reason?: string | null | undefined;
  body?: string | null | undefined;
  user: { login: string } | null;
}

/**
 * An issue's sub-issues (their records opened), or undefined where the sub-issues API does not exist
 * (older GitHub Enterprise Server answers 404; the caller has already read the
 * parent issue, so a 404 here never means the parent is missing).
 */
export async function listSubIssues(ctx: GitHubContext, issue: IssueRef): Promise<SubIssue[] | undefined> {
  try {
    return opened(ctx, issue, await ctx.services.facts.subIssues(issue, { fresh: true }));
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** Makes an issue a sub-issue of `parent`; the API takes the child's REST `id`, not its number. */
export async function addSubIssue(octokit: GitHub, parent: IssueRef, childId: number): Promise<void> {
  await octokit.rest.issues.addSubIssue({ ...parent, sub_issue_id: childId });
}
