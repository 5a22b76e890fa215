import type { Context } from "probot";
import type { Config, PermissionLevel } from "../config/schema.js";
import type { CommentKey } from "../core/actions.js";
import { answerActions, commandReplies, REACTION, refused, type CommandAnswer, type CommandName, type CommandPlace } from "../core/command-answers.js";
import { sameCommand, type Command } from "../core/commands.js";
import type { GitHubContext } from "../github/context.js";
import { execute } from "../github/execute.js";
import { hasPermission } from "../github/permissions.js";
import type { Services } from "../github/services.js";
import type { IssueRef } from "../github/types.js";
import type { EventRouter } from "../delivery/router.js";
import { gatedConfig, type FeatureSection } from "./config-gate.js";

export type CommentEvent = Context<"issue_comment.created" | "issue_comment.edited">;

/** What a command's `run` is given: everything the dispatcher already checked. */
export interface CommandRun {
  context: CommentEvent;
  services: Services;
  config: Config;
  command: Command;
  /** The issue or pull request the comment is on. */
  thread: IssueRef;
  /** Who wrote the command (the editor, for an edit): permissions were checked for them. */
  actor: string;
  /** The comment holding the command. */
  comment: { id: number; html_url: string; created_at: string; updated_at: string };
  edited: boolean;
}

/**
 * One slash command, declared by its feature: where it works, which config
 * section gates it, the repository permission it needs (none: it checks its
 * own, as `/signoff` checks team membership), and `run`, which gathers,
 * decides (in core) and applies, and says how to answer.
 */
export interface CommandHandler {
  name: CommandName;
  section: FeatureSection;
  place: CommandPlace;
  /** Said after "works in …" when the command is used in the wrong place. */
  wrongPlaceHint?: string;
  permission?: (config: Config) => PermissionLevel;
  /** Said after a permission refusal: another way to get the same done. */
  permissionHint?: (config: Config) => string;
  run: (input: CommandRun) => Promise<CommandAnswer>;
}

/** The first command of each name in a comment; when it could not be parsed within the budget, the names it mentions. */
type CommentCommands = Map<string, Command> | { unreadable: readonly string[] };

/**
 * The one `issue_comment` path for every slash command. Each command is
 * its own route (so a retry runs only the command that failed), and each
 * goes through the same steps: skip bots; parse the comment once for all
 * commands; run a new comment's command, or an edit's whose command changed;
 * check the place, the config (reported in the reply), the permission; run
 * the feature; answer with a reaction and, when there is something to say,
 * one reply per command comment. An edited command's earlier reaction is
 * taken back when the outcome changed.
 */
export class CommandDispatcher {
  private readonly names: CommandName[] = [];
  // Per delivery (keyed on its payload, shared by the routes of one event): the comment is parsed once for every command.
  private readonly parsed = new WeakMap<object, Promise<{ now: CommentCommands; before: CommentCommands | undefined }>>();

  register(router: EventRouter, handler: CommandHandler): void {
    this.names.push(handler.name);
    router.on(["issue_comment.created", "issue_comment.edited"], `${handler.section}:command`, (context, services) => this.dispatch(handler, context, services));
  }

  private async dispatch(handler: CommandHandler, context: CommentEvent, services: Services): Promise<void> {
    const { payload } = context;
    const { comment, issue, sender } = payload;
    if (sender.type === "Bot") return;
    const thread = { ...context.repo(), issue_number: issue.number };
    const ctx: GitHubContext = { octokit: context.octokit, services, log: context.log };
    const key: CommentKey = { ...context.repo(), number: issue.number, commentId: comment.id };
    const command = await this.commandToRun(context, services, handler.name);
    if (command === "unreadable") {
      // It may hold no command at all: one 😕 (the same from every command) and nothing else.
      await execute(ctx, [{ type: "react", comment: key, content: REACTION.refused }]);
      return;
    }
    if (!command) return;
    const edited = payload.action === "edited";
    // `replaces`: an earlier answer to this comment (an edit, a failure) may show the other reaction, which no longer holds.
    const answer = async (result: CommandAnswer, replaces = edited) => {
      await execute(ctx, answerActions(key, handler.name, result, replaces));
    };

    const onPullRequest = Boolean(issue.pull_request);
    if (onPullRequest !== (handler.place === "pull request")) return answer(refused(commandReplies.wrongPlace(handler.name, handler.place, handler.wrongPlaceHint)));
    const gated = await gatedConfig(context, services, handler.section);
    if (!gated.ok) {
      return answer(refused("problems" in gated ? commandReplies.invalidConfig(handler.name, gated.problems) : commandReplies.disabled(handler.name, handler.section)));
    }
    const { config } = gated;
    const needed = handler.permission?.(config);
    if (needed && !(await hasPermission(services.facts, context.repo(), sender.login, needed))) {
      context.log.info({ command: handler.name, thread: issue.number, user: sender.login, needed }, "command refused: permission");
      return answer(refused(commandReplies.permission(handler.name, sender.login, needed, handler.section, handler.permissionHint?.(config))));
    }

    const failure = `${thread.owner}/${thread.repo}#${comment.id}:${handler.name}`.toLowerCase();
    let result: CommandAnswer;
    try {
      result = await handler.run({ context, services, config, command, thread, actor: sender.login, comment, edited });
    } catch (error) {
      await services.failedCommands.mark(failure).catch((markError: unknown) => context.log.warn({ err: markError }, "could not remember the failed command"));
      await answer(refused(commandReplies.failed(handler.name))).catch((replyError: unknown) => context.log.error({ err: replyError }, "could not report the failed command"));
      throw error;
    }
    context.log.info({ command: handler.name, thread: issue.number, outcome: result.outcome }, "command answered");
    // After a failure that was reported on the comment, this run's answer replaces it.
    const afterFailure = await services.failedCommands.take(failure);
    if (afterFailure && result.reply === undefined) result = { ...result, reply: commandReplies.doneAfterFailure(handler.name) };
    await answer(result, edited || afterFailure);
  }

  /**
   * The command of this name the event asks to run: the first `/name` of a
   * new comment, or of an edited one whose command changed. An edit that
   * leaves the command as it was (a typo fixed below it) runs nothing; an
   * edit that turns prose into a command runs it.
   */
  private async commandToRun(context: CommentEvent, services: Services, name: CommandName): Promise<Command | undefined | "unreadable"> {
    const { now, before } = await this.commandsOf(context, services);
    if ("unreadable" in now) return now.unreadable.includes(name) ? "unreadable" : undefined;
    const command = now.get(name);
    if (context.payload.action !== "edited" || !command) return command;
    if (before === undefined) return undefined; // no text changed
    const earlier = "unreadable" in before ? undefined : before.get(name);
    return earlier && sameCommand(earlier, command) ? undefined : command;
  }

  private commandsOf(context: CommentEvent, services: Services) {
    let parsed = this.parsed.get(context.payload);
    if (!parsed) {
      const { payload, log } = context;
      const read = async (text: string | null | undefined): Promise<CommentCommands> => {
        // A plain substring test is linear, and can only let more comments through than the parser accepts.
        const lower = (text ?? "").toLowerCase();
        const names = this.names.filter((name) => lower.includes(`/${name}`));
        if (names.length === 0) return new Map();
        const result = await services.parse.run("parseCommands", [text ?? "", names], log);
        if (!result.ok) return { unreadable: names };
        const first = new Map<string, Command>();
        for (const command of result.value) if (!first.has(command.name)) first.set(command.name, command);
        return first;
      };
      const from = payload.action === "edited" ? (payload as { changes?: { body?: { from: string } } }).changes?.body?.from : undefined;
      // The earlier text matters only when the new one holds a command.
      parsed = read(payload.comment.body).then(async (now) => ({ now, before: from !== undefined && now instanceof Map && now.size > 0 ? await read(from) : undefined }));
      this.parsed.set(payload, parsed);
    }
    return parsed;
  }
}
