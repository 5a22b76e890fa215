import type { Context } from "probot";
import { configForEvent } from "../../config/for-event.js";
import { renderConfigProblems } from "../../config/problems.js";
import type { Config } from "../../config/schema.js";
import { DASHBOARD_TOPIC, DASHBOARD_USAGE } from "../../core/dashboard/render.js";
import { ROLLUP_TOPIC } from "../../core/dashboard/rollup.js";
import { hasTopicMarker } from "../../core/markers.js";
import { reactToComment, replyToCommand } from "../../github/comments.js";
import { hasLabel, labelNames } from "../../github/labels.js";
import { hasPermission } from "../../github/permissions.js";
import { enabledConfig } from "../config-gate.js";
import type { Services } from "../../github/services.js";
import { repoOf, type GitHub, type Log, type RepoRef } from "../../github/types.js";
import { firstCommand, markUnreadable } from "../commands.js";
import { refreshDashboard } from "./refresh.js";
import { refreshWholeRollup, updateRollup } from "./rollup.js";
import { escapeInlineCode } from "../../core/sanitize.js";

type DebtEvent = Context<"issues" | "pull_request">;

interface Item {
  number: number;
  labels?: ({ name?: string } | null)[] | null;
  user: { login: string } | null;
  body?: string | null;
  pull_request?: unknown;
}

/** A refresh of the repository's dashboard, then of its row in the organisation roll-up. */
async function refresh(octokit: GitHub, services: Services, log: Log, config: Config, repo: RepoRef, options: { turnOn?: boolean } = {}): Promise<void> {
  const result = await refreshDashboard(octokit, services, log, config, repo, new Date(services.clock.now()), options);
  log.info({ repo: `${repo.owner}/${repo.repo}`, outcome: result.outcome }, "dashboard refreshed");
  if (result.summary) await updateRollup(octokit, services, log, repo, result.summary);
}

function scheduleRefresh(octokit: GitHub, services: Services, log: Log, config: Config, repo: RepoRef) {
  return services.dashboardRuns.request(`${repo.owner}/${repo.repo}`.toLowerCase(), () => refresh(octokit, services, log, config, repo));
}

async function isDashboard(item: Item, config: Config, services: Services, topic = DASHBOARD_TOPIC): Promise<boolean> {
  return !item.pull_request && hasLabel(labelNames(item.labels ?? []), config.dashboard.label) && hasTopicMarker(item.body, topic) && item.user?.login === (await services.botLogin());
}

/** How many action boxes a person ticked; none when the body cannot be read (the next refresh reads it again). */
async function tickedBoxes(services: Services, log: Log, body: string | null | undefined): Promise<number> {
  const parsed = await services.parse.run("parseDashboard", [body], log);
  return parsed.ok ? parsed.value.ticked.length : 0;
}

/**
 * Hack PRs and debt issues changing (state, labels, edits): refresh the
 * repository's dashboard, coalesced. Edits and closes of the dashboard
 * issue itself by a person: act on ticked boxes at once / note the close.
 */
export async function onDashboardEvent(context: DebtEvent, services: Services): Promise<void> {
  const payload = context.payload as {
    action: string;
    label?: { name: string };
    issue?: Item;
    pull_request?: Item;
    sender: { login: string; type?: string };
    repository: { name: string; owner: { login: string } };
  };
  const config = await enabledConfig(context, services, "dashboard");
  if (!config) return;
  const repo = repoOf(payload);
  const item = payload.issue ?? payload.pull_request;
  if (!item) return;

  if (payload.issue && (await isDashboard(payload.issue, config, services))) {
    if (payload.sender.login === (await services.botLogin())) return; // our own edit
    if (payload.action === "closed" || (payload.action === "edited" && (await tickedBoxes(services, context.log, payload.issue.body)) > 0)) {
      await services.dashboardRuns.markRun(`${repo.owner}/${repo.repo}`.toLowerCase());
      await refresh(context.octokit, services, context.log, config, repo);
    }
    return;
  }

  const watched = payload.pull_request ? config.hacks.label : config.hacks.debtLabel;
  const relevant = hasLabel(labelNames(item.labels ?? []), watched) || payload.label?.name.toLowerCase() === watched.toLowerCase();
  if (!relevant) return;
  await scheduleRefresh(context.octokit, services, context.log, config, repo);
}

/** `/dashboard refresh` and `/dashboard on`, on the dashboard issue, by someone with `dashboard.permission`. */
export async function onDashboardCommand(context: Context<"issue_comment.created">, services: Services): Promise<void> {
  const { issue, comment } = context.payload;
  if (comment.user?.type === "Bot") return;
  const ref = context.issue();
  const command = await firstCommand(services, context.log, comment.body, "dashboard");
  if (command === "unreadable") return markUnreadable(context.octokit, ref, comment.id);
  if (!command) return;
  const reply = (body: string) => replyToCommand(context.octokit, services, ref, comment.id, body);
  const result = await configForEvent(context, services);
  if (!result.ok) {
    await reply(renderConfigProblems(result.problems));
    return;
  }
  const { config } = result;
  const repo = context.repo();
  const onRollup = repo.repo === ".github" && (await isDashboard(issue, config, services, ROLLUP_TOPIC));
  if (!onRollup && !(await isDashboard(issue, config, services))) {
    await reply(`\`/dashboard\` works on the dashboard issue itself (labelled ${escapeInlineCode(config.dashboard.label)}).\n\n${DASHBOARD_USAGE}`);
    return;
  }
  const verb = command.args.toLowerCase();
  if (verb !== "refresh" && verb !== "on") {
    await reply(`Unknown \`/dashboard\` command.\n\n${DASHBOARD_USAGE}`);
    await reactToComment(context.octokit, ref, comment.id, "confused");
    return;
  }
  const user = comment.user?.login ?? "";
  if (!(await hasPermission(context.octokit, context.repo(), user, config.dashboard.permission))) {
    await reply(`Sorry, \`/dashboard ${verb}\` needs at least the \`${config.dashboard.permission}\` permission on this repository.`);
    await reactToComment(context.octokit, ref, comment.id, "confused");
    return;
  }
  if (!config.dashboard.enabled) {
    await reply("The dashboard is turned off in `.github/intent.yml` (`dashboard.enabled: false`).");
    return;
  }
  if (onRollup) {
    await refreshWholeRollup(context.octokit, services, context.log, repo.owner, new Date(services.clock.now()), verb === "on");
  } else {
    await services.dashboardRuns.markRun(`${repo.owner}/${repo.repo}`.toLowerCase());
    await refresh(context.octokit, services, context.log, config, repo, { turnOn: verb === "on" });
  }
  await reactToComment(context.octokit, ref, comment.id, "rocket");
}
