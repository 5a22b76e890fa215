import { done, refused } from "../../core/command-answers.js";
import { dashboardReplies } from "../../core/dashboard/render.js";
import { ROLLUP_TOPIC } from "../../core/dashboard/rollup.js";
import type { CommandHandler } from "../command-dispatch.js";
import { isDashboard, refresh } from "./events.js";
import { repoKey } from "../../core/repo.js";
import { refreshWholeRollup } from "./rollup.js";

/** `/dashboard refresh` and `/dashboard on`, on the dashboard issue (or the organisation's roll-up). */
export const dashboardCommand: CommandHandler = {
  name: "dashboard",
  section: "dashboard",
  place: "issue",
  wrongPlaceHint: "It works on the dashboard issue itself.",
  permission: (config) => config.dashboard.permission,
  async run({ context, services, config, command, thread }) {
    const { octokit, log } = context;
    const repo = context.repo();
    const issue = context.payload.issue;
    const onRollup = repo.repo === ".github" && (await isDashboard(issue, config, services, ROLLUP_TOPIC));
    if (!onRollup && !(await isDashboard(issue, config, services))) return refused(dashboardReplies.notTheDashboard(config.dashboard.label));
    const verb = command.args.toLowerCase();
    if (verb !== "refresh" && verb !== "on") return refused(dashboardReplies.unknown);
    if (onRollup) {
      await refreshWholeRollup({ octokit, services, log }, repo.owner, verb === "on");
    } else {
      await services.dashboardRuns.markRun(repoKey(repo));
      await refresh({ octokit, services, log, config, repo }, { turnOn: verb === "on" });
    }
    log.info({ issue: thread.issue_number, verb }, "/dashboard carried out");
    return done();
  },
};
