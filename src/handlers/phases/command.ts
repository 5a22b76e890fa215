import { createHash } from "node:crypto";
import type { Context } from "probot";
import type { Command } from "../../core/commands.js";
import { dataMarker, readDataMarker } from "../../core/markers.js";
import { decidePhases } from "../../core/phases/decide.js";
import { disabledReply, failedReply, permissionReply, reportReply, usageReply } from "../../core/phases/reply.js";
import { findStickyComment, reactToComment, replyToCommand } from "../../github/comments.js";
import { hasPermission } from "../../github/permissions.js";
import { removeOwnReaction } from "../../github/reactions.js";
import { enabledConfig } from "../config-gate.js";
import type { Services } from "../../github/services.js";
import type { RepoRef } from "../../github/types.js";
import { unreadableLine, UnreadableText } from "../../parse/unreadable.js";
import { commandToRun, markUnreadable } from "../commands.js";
import { applyPhasePlan, type ApplyResult } from "./apply.js";
import { gatherPhaseFacts, readParent } from "./gather.js";

/** The topic `replyToCommand` files its answer under. */
const replyTopic = (commentId: number) => `reply:${commentId}`;

/** Which command an answer answers, kept in it, so a redelivery can tell its own answer from one to an earlier version of the comment. */
function commandTag(command: Command): string {
  return createHash("sha256")
    .update(JSON.stringify([command.args, command.body]))
    .digest("hex")
    .slice(0, 16);
}

function answeredTag(body: string | undefined): unknown {
  const data = readDataMarker(body);
  return typeof data === "object" && data !== null && "phaseCommand" in data ? data.phaseCommand : undefined;
}

export function phasesLockKey(repo: RepoRef, issueNumber: number): string {
  return `phases:${repo.owner}/${repo.repo}#${issueNumber}`.toLowerCase();
}

/**
 * `/phase …` in a comment on an issue, new or edited so that the command
 * changed. 👀 when seen, then one answer per command comment and 🚀 when
 * done or 😕 when refused. The work runs under the parent issue's lock and
 * starts from what GitHub says now, so redelivered and concurrent commands
 * create nothing twice.
 */
export async function onPhaseCommand(context: Context<"issue_comment.created" | "issue_comment.edited">, services: Services): Promise<void> {
  const { payload, octokit, log } = context;
  const { comment, issue, sender } = payload;
  if (issue.pull_request || sender.type === "Bot") return;
  const repo = context.repo();
  const thread = { ...repo, issue_number: issue.number };
  // Only the first `/phase` of a comment runs: one comment, one answer.
  const command = await commandToRun(services, log, payload, "phase");
  if (command === "unreadable") return markUnreadable(octokit, thread, comment.id);
  if (!command) return;
  const edited = payload.action === "edited";

  const tag = commandTag(command);
  const finish = async (outcome: "rocket" | "confused", reply: string | undefined) => {
    if (reply !== undefined) await replyToCommand(octokit, services, thread, comment.id, `${reply}\n\n${dataMarker({ phaseCommand: tag })}`);
    // An edited command's earlier outcome no longer holds.
    if (edited) await removeOwnReaction(octokit, repo, comment.id, outcome === "rocket" ? "confused" : "rocket", await services.botLogin());
    await reactToComment(octokit, thread, comment.id, outcome);
  };

  await reactToComment(octokit, thread, comment.id, "eyes");
  const config = await enabledConfig(context, services, "phases", { invalid: (problems) => finish("confused", problems), disabled: () => finish("confused", disabledReply) });
  if (!config) return;
  const rules = config.phases;
  if (!(await hasPermission(octokit, repo, sender.login, rules.permission))) {
    log.info({ issue: issue.number, user: sender.login, needed: rules.permission }, "/phase refused: permission");
    return finish("confused", permissionReply(sender.login, rules.permission));
  }
  const read = await services.parse.run("parsePhaseCommand", [command], log);
  if (!read.ok) return finish("confused", unreadableLine("comment", read.reason));
  const parsed = read.value;
  if (!parsed.ok) return finish("confused", usageReply(parsed.error));

  await services.locks.run(phasesLockKey(repo, issue.number), async () => {
    const parent = await readParent(octokit, repo, issue.number);
    const gathered = await gatherPhaseFacts(octokit, services, log, config, repo, parent, parsed.command, comment.html_url);
    if (!gathered.ok) return finish("confused", unreadableLine("body", gathered.reason));
    const facts = gathered.value;
    const decision = decidePhases(facts);
    log.info(
      { issue: issue.number, command: parsed.command.kind, decision: decision.kind, actions: decision.kind === "apply" ? decision.actions.map((a) => a.type) : [] },
      "/phase decided",
    );
    if (decision.kind === "refuse") return finish("confused", decision.reply);
    if (decision.kind === "reply") return finish("rocket", decision.reply);

    let result: ApplyResult;
    try {
      result = await applyPhasePlan(
        { octokit, services, log, config, repo, parent, subIssues: facts.subIssues, next: decision.next, commentUrl: decision.commentUrl, actor: sender.login },
        decision.actions,
      );
    } catch (error) {
      if (error instanceof UnreadableText) return finish("confused", unreadableLine("body", error.reason));
      await finish("confused", failedReply).catch((replyError: unknown) => log.error({ err: replyError }, "could not report the failed /phase"));
      throw error;
    }
    // A redelivered command changes nothing, and its first answer (which said what it did) stays.
    const answered = !result.wrote && answeredTag((await findStickyComment(octokit, services, thread, replyTopic(comment.id)))?.body) === tag;
    return finish("rocket", answered ? undefined : reportReply(decision.report, result.final, result));
  });
}
