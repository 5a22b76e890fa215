import { topicMarker } from "../core/markers.js";
import { lockKey } from "./locks.js";
import type { Services } from "./services.js";
import type { GitHub, IssueRef } from "./types.js";

export interface BotComment {
  id: number;
  body: string;
}

async function listBotComments(octokit: GitHub, issue: IssueRef, botLogin: string, topic: string): Promise<BotComment[]> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...issue, per_page: 100 });
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

/**
 * One comment per topic per issue/PR, found by its hidden marker among the
 * bot's own comments. Runs under a per-issue lock and re-reads the comments
 * inside it, so redelivered or concurrent events never create a second one;
 * an older duplicate (from another instance) is deleted. With `create: false`
 * an absent comment stays absent (for "resolved" states).
 */
async function writeStickyComment(
  octokit: GitHub,
  services: Services,
  issue: IssueRef,
  topic: string,
  body: string,
  { create, found }: { create: boolean; found?: Found | undefined },
): Promise<StickyOutcome> {
  const fullBody = `${topicMarker(topic)}\n${body}`;
  const write = async (first: BotComment | undefined): Promise<StickyOutcome> => {
    if (!first) {
      if (!create) return "absent";
      await octokit.rest.issues.createComment({ ...issue, body: fullBody });
      return "created";
    }
    if (first.body === fullBody) return "unchanged";
    await octokit.rest.issues.updateComment({ owner: issue.owner, repo: issue.repo, comment_id: first.id, body: fullBody });
    return "updated";
  };
  if (found) return write(found.comment);
  return services.locks.run(lockKey("comments", issue, issue.issue_number), async () => {
    const [first, ...duplicates] = await listBotComments(octokit, issue, await services.botLogin(), topic);
    for (const duplicate of duplicates) {
      await octokit.rest.issues.deleteComment({ owner: issue.owner, repo: issue.repo, comment_id: duplicate.id });
    }
    return write(first);
  });
}

/** With `found`, writes without listing the comments again. */
export function upsertStickyComment(octokit: GitHub, services: Services, issue: IssueRef, topic: string, body: string, found?: Found): Promise<StickyOutcome> {
  return writeStickyComment(octokit, services, issue, topic, body, { create: true, found });
}

/** Edits the topic's comment if there is one; never creates it. */
export function updateStickyCommentIfPresent(octokit: GitHub, services: Services, issue: IssueRef, topic: string, body: string, found?: Found): Promise<StickyOutcome> {
  return writeStickyComment(octokit, services, issue, topic, body, { create: false, found });
}

/** Reads the topic's current comment (for features that keep state in it). */
export async function findStickyComment(
  octokit: GitHub,
  services: Services,
  issue: IssueRef,
  topic: string,
): Promise<BotComment | undefined> {
  const [first] = await listBotComments(octokit, issue, await services.botLogin(), topic);
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
