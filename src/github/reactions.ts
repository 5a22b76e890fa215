import type { Reaction } from "./comments.js";
import type { GitHub, RepoRef } from "./types.js";

/**
 * Takes back the bot's own reaction of one kind, so that an edited command
 * that now succeeds does not still show the 😕 of its earlier refusal.
 */
export async function removeOwnReaction(octokit: GitHub, repo: RepoRef, commentId: number, content: Reaction, botLogin: string): Promise<void> {
  const reactions = await octokit.paginate(octokit.rest.reactions.listForIssueComment, { ...repo, comment_id: commentId, content, per_page: 100 });
  for (const reaction of reactions) {
    if (reaction.user?.login !== botLogin) continue;
    await octokit.rest.reactions.deleteForIssueComment({ ...repo, comment_id: commentId, reaction_id: reaction.id });
  }
}
