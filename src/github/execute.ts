import type { Action, IssueKey } from "../core/actions.js";
import { createBotIssue, type CreatedIssue } from "./bot-issues.js";
import { publishCheck } from "./checks.js";
import { reactToComment, updateStickyCommentIfPresent, upsertStickyComment, type Found } from "./comments.js";
import type { GitHubContext } from "./context.js";
import { isInvalid, isMissing } from "./errors.js";
import { ensureLabel } from "./labels.js";
import { removeOwnReaction } from "./reactions.js";
import { sealed } from "./records.js";
import { addSubIssue } from "./sub-issues.js";
import type { IssueRef } from "./types.js";

/** What carrying out a plan left behind that the feature may need next. */
export interface Executed {
  /** The issues created, in the order of their actions. */
  created: CreatedIssue[];
  /** Actions GitHub refused as invalid where that is an expected answer (a team without access, an issue with another parent). */
  refused: Action[];
}

/**
 * Carries out a plan, one write at a time and in order: a later write may
 * depend on an earlier one (a label before the issue that carries it), and
 * a run cut short leaves a prefix that the next run's plan completes.
 */
export async function execute(ctx: GitHubContext, actions: readonly Action[]): Promise<Executed> {
  const executed: Executed = { created: [], refused: [] };
  for (const action of actions) {
    const refused = await executeOne(ctx, action, executed);
    if (refused) {
      ctx.log.warn({ err: refused, action: action.type }, "GitHub refused a write; carried on without it");
      executed.refused.push(action);
    }
  }
  return executed;
}

/** Returns the error of a write GitHub refused in an expected way; throws any other. */
async function executeOne(ctx: GitHubContext, action: Action, executed: Executed): Promise<unknown> {
  const { octokit, services } = ctx;
  switch (action.type) {
    case "check": {
      // A run this instance published unchanged on this commit is not published again (`PublishedChecks`).
      const check = { repo: action.repo, headSha: action.headSha, result: action.result };
      if (services.publishedChecks.isRepeated(check)) return undefined;
      await publishCheck(octokit, action.repo, action.headSha, action.result);
      services.publishedChecks.published(check);
      return undefined;
    }
    case "sticky-comment": {
      const found: Found | undefined = action.found === undefined ? undefined : { comment: action.found ?? undefined };
      const write = action.create ? upsertStickyComment : updateStickyCommentIfPresent;
      await write(ctx, { issue: issueRef(action.issue), topic: action.topic, body: action.body, found });
      return undefined;
    }
    case "comment": {
      const { data } = await octokit.rest.issues.createComment({ ...issueRef(action.issue), body: sealed(ctx, action.issue, action.body) });
      services.facts.wroteComment(issueRef(action.issue), data);
      return undefined;
    }
    case "add-label":
      await ensureLabel(octokit, services, action.issue, action.label);
      await octokit.rest.issues.addLabels({ ...issueRef(action.issue), labels: [action.label.name] });
      services.facts.changed(action.issue, action.issue.number);
      return undefined;
    case "remove-label":
      services.facts.changed(action.issue, action.issue.number);
      // A 404 means someone removed it meanwhile: the goal is reached.
      return tolerate(() => octokit.rest.issues.removeLabel({ ...issueRef(action.issue), name: action.name }), isMissing, false);
    case "create-issue":
      executed.created.push(await createBotIssue(ctx, action.repo, action.issue));
      return undefined;
    case "update-issue": {
      const { title, body, state, stateReason } = action.change;
      await octokit.rest.issues.update({
        ...issueRef(action.issue),
        ...(title !== undefined ? { title } : {}),
        ...(body !== undefined ? { body: sealed(ctx, action.issue, body) } : {}),
        ...(state !== undefined ? { state } : {}),
        ...(stateReason !== undefined ? { state_reason: stateReason } : {}),
      });
      services.facts.changed(action.issue, action.issue.number);
      return undefined;
    }
    case "request-team-reviews":
      services.facts.changed(action.pr, action.pr.number);
      // 422: a team without access to the repository cannot be requested; the comment still names it.
      return tolerate(() => octokit.rest.pulls.requestReviewers({ owner: action.pr.owner, repo: action.pr.repo, pull_number: action.pr.number, team_reviewers: action.teams }), isInvalid);
    case "add-sub-issue":
      services.facts.changed(action.parent, action.parent.number);
      // 422: it has another parent (someone moved it); the parent's checklist still links it.
      return tolerate(() => addSubIssue(octokit, issueRef(action.parent), action.child), isInvalid);
    case "react":
      await reactToComment(octokit, issueRef(action.comment), action.comment.commentId, action.content);
      return undefined;
    case "unreact":
      await removeOwnReaction(octokit, { owner: action.comment.owner, repo: action.comment.repo }, action.comment.commentId, action.content, await services.botLogin());
      return undefined;
    default: {
      const unknown: never = action;
      throw new Error(`unknown action ${JSON.stringify(unknown)}`);
    }
  }
}

/** Runs a write; an error `expected` recognises is returned (or, with `report: false`, dropped), any other thrown. */
async function tolerate(write: () => Promise<unknown>, expected: (error: unknown) => boolean, report = true): Promise<unknown> {
  try {
    await write();
    return undefined;
  } catch (error) {
    if (!expected(error)) throw error;
    return report ? error : undefined;
  }
}

function issueRef(key: IssueKey): IssueRef {
  return { owner: key.owner, repo: key.repo, issue_number: key.number };
}

