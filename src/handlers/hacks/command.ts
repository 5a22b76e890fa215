import type { Context } from "probot";
import { appliedReply, disabledReply, HACK_CHECK, HACK_REPLY_TOPIC, notPullRequestReply, permissionReply, usageReply } from "../../core/hacks/render.js";
import { configErrorCheck } from "../../core/intent/render.js";
import { publishCheck } from "../../github/checks.js";
import { updateStickyCommentIfPresent, upsertStickyComment } from "../../github/comments.js";
import { hasPermission } from "../../github/permissions.js";
import { enabledConfig } from "../config-gate.js";
import type { Services } from "../../github/services.js";
import { unreadableLine } from "../../parse/unreadable.js";
import { commandToRun, markUnreadable } from "../commands.js";
import { reconcileHack } from "./reconcile.js";

/** `/hack <reason> [Debt: #N]` in a comment (new, or edited so that the command changed). */
export async function onHackCommand(context: Context<"issue_comment.created" | "issue_comment.edited">, services: Services): Promise<void> {
  const { payload } = context;
  const { comment, issue, sender } = payload;
  if (sender.type === "Bot") return;
  const repo = context.repo();
  const thread = { ...repo, issue_number: issue.number };
  const command = await commandToRun(services, context.log, payload, "hack");
  if (command === "unreadable") return markUnreadable(context.octokit, thread, comment.id);
  if (!command) return;

  const reply = (body: string) => upsertStickyComment(context.octokit, services, thread, HACK_REPLY_TOPIC, body);
  const config = await enabledConfig(context, services, "hacks", {
    invalid: async (problems) => {
      if (!issue.pull_request) return;
      const { data: pr } = await context.octokit.rest.pulls.get({ ...repo, pull_number: issue.number });
      await publishCheck(context.octokit, repo, pr.head.sha, configErrorCheck(HACK_CHECK, problems));
    },
    disabled: () => reply(disabledReply),
  });
  if (!config) return;
  const rules = config.hacks;
  if (!issue.pull_request) {
    await reply(notPullRequestReply);
    return;
  }
  if (!(await hasPermission(context.octokit, repo, sender.login, rules.permission))) {
    context.log.info({ pr: issue.number, user: sender.login, needed: rules.permission }, "/hack refused: permission");
    await reply(permissionReply(sender.login, rules.permission, rules.label));
    return;
  }
  const read = await services.parse.run("parseHackCommand", [command, repo], context.log);
  if (!read.ok) {
    await reply(unreadableLine("comment", read.reason));
    return;
  }
  const parsed = read.value;
  if (!parsed.ok) {
    await reply(usageReply(parsed));
    return;
  }
  const trigger = { kind: "command" as const, command: { by: sender.login, reason: parsed.reason, fields: parsed.fields } };
  await reconcileHack(context.octokit, services, context.log, config, repo, issue.number, trigger);
  // An earlier refusal on this PR is now out of date.
  await updateStickyCommentIfPresent(context.octokit, services, thread, HACK_REPLY_TOPIC, appliedReply(sender.login));
}
