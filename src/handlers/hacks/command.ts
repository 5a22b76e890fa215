import { done, refused } from "../../core/command-answers.js";
import { hackDeclaredElsewhere, usageReply } from "../../core/hacks/render.js";
import { unreadableLine } from "../../parse/unreadable.js";
import type { CommandHandler } from "../command-dispatch.js";
import { reconcileHack } from "./reconcile.js";

/**
 * `/hack <reason> [Debt: #N]` on a pull request: declares it a hack and
 * reconciles its debt. Done shows as 🚀 and in the hack comment on the pull
 * request, which names the debt issue.
 */
export const hackCommand: CommandHandler = {
  name: "hack",
  section: "hacks",
  place: "pull request",
  wrongPlaceHint: "It declares a pull request a hack; for a hack phase of a feature issue, use `/phase hack N`.",
  permission: (config) => config.hacks.permission,
  permissionHint: (config) => hackDeclaredElsewhere(config.hacks.label),
  async run({ context, services, config, command, thread, actor }) {
    const read = await services.parse.run("parseHackCommand", [command, context.repo()], context.log);
    if (!read.ok) return refused(unreadableLine("comment", read.reason));
    const parsed = read.value;
    if (!parsed.ok) return refused(usageReply(parsed));
    const trigger = { kind: "command" as const, command: { by: actor, reason: parsed.reason, fields: parsed.fields } };
    await reconcileHack({ octokit: context.octokit, services, log: context.log, config, repo: context.repo() }, { number: thread.issue_number }, trigger);
    return done();
  },
};
