import type { PermissionLevel } from "../config/schema.js";
import type { Action, CommentKey } from "./actions.js";
import { escapeText } from "./sanitize.js";

/** The slash commands, as typed after the `/`. */
export const COMMAND_NAMES = ["hack", "signoff", "phase", "dashboard"] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/**
 * What a command comment gets back, the same way for every command: 🚀 when
 * it was carried out, 😕 when it was refused, and a reply (one per command
 * comment, edited in place) when there is something to say. A command whose
 * result shows elsewhere on the thread (the hack comment, the sign-off
 * table) is answered by its reaction alone.
 */
export interface CommandAnswer {
  outcome: "done" | "refused";
  reply?: string | undefined;
}

export const done = (reply?: string): CommandAnswer => ({ outcome: "done", reply });
export const refused = (reply: string): CommandAnswer => ({ outcome: "refused", reply });

/** The reaction each outcome shows on the command comment. */
export const REACTION = { done: "rocket", refused: "confused" } as const;

/** The topic of the answer to one command of a comment: a redelivered or edited command updates its answer, and two commands in one comment get one each. */
export const commandReplyTopic = (commandCommentId: number, command: string) => `reply:${commandCommentId}:${command}`;

/**
 * The writes that answer a command comment: the reply when there is
 * something to say (one sticky comment per comment and command), then the
 * outcome's reaction. `replaces`: an earlier answer to this comment (an edit,
 * a failure) may show the other reaction, which no longer holds, so it is
 * taken back first.
 */
export function answerActions(comment: CommentKey, name: CommandName, answer: CommandAnswer, replaces: boolean): Action[] {
  const issue = { owner: comment.owner, repo: comment.repo, number: comment.number };
  const other = answer.outcome === "done" ? REACTION.refused : REACTION.done;
  return [
    ...(answer.reply !== undefined ? [{ type: "sticky-comment", issue, topic: commandReplyTopic(comment.commentId, name), body: answer.reply, create: true } as const] : []),
    ...(replaces ? [{ type: "unreact", comment, content: other } as const] : []),
    { type: "react", comment, content: REACTION[answer.outcome] },
  ];
}

/** Where a command works. */
export type CommandPlace = "pull request" | "issue";

// The commenter is named, never @-mentioned: the reply is on the thread they just wrote in.
const who = (login: string) => escapeText(login, 60);

export const commandReplies = {
  wrongPlace: (name: CommandName, place: CommandPlace, hint = "") =>
    `\`/${name}\` works in ${place === "pull request" ? "a pull request's" : "an issue's"} conversation, so nothing was done here.${hint && ` ${hint}`}`,

  disabled: (name: CommandName, section: string) => `\`/${name}\` is turned off in this repository (\`${section}.enabled: false\` in \`.github/intent.yml\`), so nothing was done.`,

  /** `problems`: the config's problems as Markdown (`renderConfigProblems`). */
  invalidConfig: (name: CommandName, problems: string) => `\`/${name}\` was not carried out: intentbot cannot use this repository's \`.github/intent.yml\`.\n\n${problems}`,

  permission: (name: CommandName, login: string, needed: PermissionLevel, section: string, hint = "") =>
    [
      `Sorry ${who(login)}, \`/${name}\` needs at least **${needed}** access to this repository (\`${section}.permission\` in \`.github/intent.yml\`), so nothing was done.`,
      hint && `\n\n${hint}`,
    ].join(""),

  /** A command carried out on a later try, after its failure was reported here. */
  doneAfterFailure: (name: CommandName) => `This \`/${name}\` was carried out on a later try; the earlier failure is resolved.`,

  failed: (name: CommandName) =>
    `Something went wrong while carrying out this \`/${name}\`, and intentbot will try again. If nothing changes, edit this comment or comment the command again: nothing is done twice.`,
};
