import { topicMarker } from "../core/markers.js";
import type { GitHubContext } from "./context.js";
import { lockKey } from "./locks.js";
import { opened, sealed } from "./records.js";
import type { Freshness } from "./facts.js";
import type { GitHub, IssueRef } from "./types.js";

export interface BotComment {
  id: number;
  body: string;
}

/** The bot's comments of the topic, oldest first, their records opened. */
async function listBotComments(ctx: GitHubContext, issue: IssueRef, topic: string, freshness: Freshness): Promise<BotComment[]> {
  const { services } = ctx;
  const botLogin = await services.botLogin();
  const comments = opened(ctx, issue, await services.facts.comments(issue, freshness));
  const marker = topicMarker(topic);
  return comments
    .filter((c) => c.user?.login === botLogin && (c.body ?? "").includes(marker))
    .map((c) => ({ id: c.id, body: c.body ?? "" }));
}

export type StickyOutcome = "created" | "updated" | "unchanged" | "absent";

/**
 * The topic's comment as the caller found it (`findStickyComment`, possibly
 * none) while holding the lock under which every write of that topic runs
 * (the feature's lock for the issue): listing again would find the same.
 */
export interface Found {
  comment: BotComment | undefined;
}

/** One write of a topic's comment: its body without the marker, and the comment as the caller found it, if it did. */
export interface StickyWrite {
  issue: IssueRef;
  topic: string;
  body: string;
  found?: Found | undefined;
}

/**
 * One comment per topic per issue/PR, found by its hidden marker among the
 * bot's own comments. Runs under a per-issue lock and re-reads the comments
 * inside it, so redelivered or concurrent events never create a second one;
 * an older duplicate (from another instance) is deleted. With `create: false`
 * an absent comment stays absent (for "resolved" states). The body is
 * compared as read (records opened) and sealed on its way out.
 */
async function writeStickyComment(ctx: GitHubContext, { issue, topic, body, found }: StickyWrite, create: boolean): Promise<StickyOutcome> {
  const { octokit, services } = ctx;
  const fullBody = `${topicMarker(topic)}\n${body}`;
  const write = async (first: BotComment | undefined): Promise<StickyOutcome> => {
    if (!first) {
      if (!create) return "absent";
      const { data } = await octokit.rest.issues.createComment({ ...issue, body: sealed(ctx, issue, fullBody) });
      services.facts.wroteComment(issue, data);
      return "created";
    }
    if (first.body === fullBody) return "unchanged";
    const { data } = await octokit.rest.issues.updateComment({ owner: issue.owner, repo: issue.repo, comment_id: first.id, body: sealed(ctx, issue, fullBody) });
    services.facts.editedComment(issue, data);
    return "updated";
  };
  if (found) return write(found.comment);
  return services.locks.run(lockKey("comments", issue, issue.issue_number), async () => {
    const [first, ...duplicates] = await listBotComments(ctx, issue, topic, { fresh: true });
    for (const duplicate of duplicates) {
      await octokit.rest.issues.deleteComment({ owner: issue.owner, repo: issue.repo, comment_id: duplicate.id });
      services.facts.deletedComment(issue, duplicate.id);
    }
    return write(first);
  });
}

/** With `found`, writes without listing the comments again. */
export function upsertStickyComment(ctx: GitHubContext, write: StickyWrite): Promise<StickyOutcome> {
  return writeStickyComment(ctx, write, true);
}

/** Edits the topic's comment if there is one; never creates it. */
export function updateStickyCommentIfPresent(ctx: GitHubContext, write: StickyWrite): Promise<StickyOutcome> {
  return writeStickyComment(ctx, write, false);
}

/**
 * Reads the topic's current comment (for features that keep state in it):
 * `{ fresh: true }` under the lock of the topic's writes, before deciding one.
 */
export async function findStickyComment(ctx: GitHubContext, issue: IssueRef, topic: string, freshness: Freshness = {}): Promise<BotComment | undefined> {
  const [first] = await listBotComments(ctx, issue, topic, freshness);
  return first;
}

// The dispatcher answers commands through `execute`; the topic is core's, named here too for features that read their answer.
export { commandReplyTopic } from "../core/command-answers.js";

export type { Reaction } from "../core/actions.js";
import type { Reaction } from "../core/actions.js";

/** Reacting twice with the same content is a no-op on GitHub, so this is safe to repeat. */
export async function reactToComment(octokit: GitHub, issue: IssueRef, commentId: number, content: Reaction): Promise<void> {
  await octokit.rest.reactions.createForIssueComment({ owner: issue.owner, repo: issue.repo, comment_id: commentId, content });
}
