import { sameCommand, type Command } from "../core/commands.js";
import { reactToComment } from "../github/comments.js";
import type { Services } from "../github/services.js";
import type { GitHub, IssueRef, Log } from "../github/types.js";

/**
 * The first `/name` command of a comment, read within the parse budget, or
 * `"unreadable"`. A comment that never mentions `/name` is not parsed at
 * all: most comments are no command, and each feature reads only its own.
 */
export async function firstCommand(services: Services, log: Log, body: string | null | undefined, name: string): Promise<Command | undefined | "unreadable"> {
  const text = body ?? "";
  // A plain substring test is linear and can only let more comments through than the parser accepts.
  if (!text.toLowerCase().includes(`/${name}`)) return undefined;
  const result = await services.parse.run("parseCommands", [text, [name]], log);
  return result.ok ? result.value[0] : "unreadable";
}

/** The parts of an `issue_comment` payload that say which command to run. */
interface CommentEvent {
  action: string;
  comment: { body?: string | null };
  changes?: { body?: { from: string } };
}

/**
 * The command a comment event asks to run, the same way for every feature:
 * the first `/name` of a new comment, or of an edited one whose command
 * changed. An edit that leaves the command as it was (a typo fixed below it)
 * or changes no text runs nothing; an edit that turns prose into a command
 * runs it.
 */
export async function commandToRun(services: Services, log: Log, event: CommentEvent, name: string): Promise<Command | undefined | "unreadable"> {
  const command = await firstCommand(services, log, event.comment.body, name);
  if (event.action !== "edited" || command === "unreadable" || !command) return command;
  const from = event.changes?.body?.from;
  if (from === undefined) return undefined;
  const before = await firstCommand(services, log, from, name);
  return before && before !== "unreadable" && sameCommand(before, command) ? undefined : command;
}

/**
 * A comment whose commands could not be read gets 😕 and nothing else: it
 * may hold no command at all, and every feature reacting the same way
 * leaves one reaction.
 */
export async function markUnreadable(octokit: GitHub, thread: IssueRef, commentId: number): Promise<void> {
  await reactToComment(octokit, thread, commentId, "confused");
}
