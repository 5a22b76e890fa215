import { done, refused, type CommandAnswer } from "../../core/command-answers.js";
import { answeredTag, commandTag, taggedReply } from "../../core/phases/answer-tag.js";
import { decidePhases } from "../../core/phases/decide.js";
import type { PhaseCommand } from "../../core/phases/types.js";
import { reportReply, usageReply } from "../../core/phases/reply.js";
import { commandReplyTopic, findStickyComment } from "../../github/comments.js";
import type { FeatureContext } from "../../github/context.js";
import { lockKey } from "../../github/locks.js";
import { unreadableLine } from "../../parse/unreadable.js";
import type { CommandHandler, CommandRun } from "../command-dispatch.js";
import { applyPhasePlan } from "./apply.js";
import { gatherPhaseFacts, readParent } from "./gather.js";

/**
 * `/phase …` on a feature issue: plans, lists, finishes or marks phases.
 * The work runs under the parent issue's lock and starts from what GitHub
 * says now, so redelivered and concurrent commands create nothing twice.
 * Its answer says what it did, tagged with the command it answers.
 */
export const phaseCommand: CommandHandler = {
  name: "phase",
  section: "phases",
  place: "issue",
  wrongPlaceHint: "It splits a feature issue into phases; comment it on the issue.",
  permission: (config) => config.phases.permission,
  async run(input) {
    const { context, services, command, thread } = input;
    const read = await services.parse.run("parsePhaseCommand", [command], context.log);
    if (!read.ok) return refused(unreadableLine("comment", read.reason));
    const parsed = read.value;
    if (!parsed.ok) return refused(usageReply(parsed.error));
    const tag = commandTag(command);
    const tagged = (answer: CommandAnswer): CommandAnswer => (answer.reply === undefined ? answer : { ...answer, reply: taggedReply(answer.reply, tag) });
    return services.locks.run(lockKey("phases", context.repo(), thread.issue_number), async () => tagged(await plan(input, parsed.command, tag)));
  },
};

async function plan(input: CommandRun, command: PhaseCommand, tag: string): Promise<CommandAnswer> {
  const { context, services, config, thread, actor, comment } = input;
  const { octokit, log } = context;
  const ctx: FeatureContext = { octokit, services, log, config, repo: context.repo() };
  const parent = await readParent(ctx, ctx.repo, thread.issue_number);
  const gathered = await gatherPhaseFacts(ctx, parent, command, comment.html_url);
  if (!gathered.ok) return refused(unreadableLine("body", gathered.reason));
  const { facts, intent } = gathered.value;
  const decision = decidePhases(facts);
  log.info(
    { issue: thread.issue_number, command: command.kind, decision: decision.kind, steps: decision.kind === "apply" ? decision.steps.map((s) => s.type) : [] },
    "/phase decided",
  );
  if (decision.kind === "refuse") return refused(decision.reply);
  if (decision.kind === "reply") return done(decision.reply);

  const applied = await applyPhasePlan(ctx, { parent: gathered.value.parent, plan: decision, actor, intent });
  if (!applied.ok) return refused(unreadableLine("body", applied.reason));
  const result = applied.value;
  // A redelivered command changes nothing, and its first answer (which said what it did) stays.
  const answered = !result.wrote && answeredTag((await findStickyComment(ctx, thread, commandReplyTopic(comment.id, "phase"), { fresh: true }))?.body) === tag;
  return done(answered ? undefined : reportReply(decision.report, result.final, result));
}
