import type { Context } from "probot";
import type { Config } from "../../config/schema.js";
import { hasTopicMarker } from "../../core/markers.js";
import { hasLabel, labelNames } from "../../github/labels.js";
import { enabledConfig } from "../config-gate.js";
import type { Services } from "../../github/services.js";
import type { FeatureContext } from "../../github/context.js";
import { repoOf, type Log } from "../../github/types.js";
import { DASHBOARD_TOPIC } from "../../core/dashboard/render.js";
import { refreshDashboard } from "./refresh.js";
import { updateRollup } from "./rollup.js";
import { repoKey } from "../../core/repo.js";

type DebtEvent = Context<"issues" | "pull_request">;

interface Item {
  number: number;
  labels?: ({ name?: string } | null)[] | null;
  user: { login: string } | null;
  body?: string | null;
  pull_request?: unknown;
}

/** A refresh of the repository's dashboard, then of its row in the organisation roll-up. */
export async function refresh(ctx: FeatureContext, options: { turnOn?: boolean } = {}): Promise<void> {
  const { repo } = ctx;
  const result = await refreshDashboard(ctx, new Date(ctx.services.clock.now()), options);
  ctx.log.info({ repo: `${repo.owner}/${repo.repo}`, outcome: result.outcome }, "dashboard refreshed");
  if (result.summary) await updateRollup(ctx, repo, result.summary);
}

export async function isDashboard(item: Item, config: Config, services: Services, topic = DASHBOARD_TOPIC): Promise<boolean> {
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

  const ctx: FeatureContext = { octokit: context.octokit, services, log: context.log, config, repo };

  if (payload.issue && (await isDashboard(payload.issue, config, services))) {
    if (payload.sender.login === (await services.botLogin())) return; // our own edit
    if (payload.action === "closed" || (payload.action === "edited" && (await tickedBoxes(services, context.log, payload.issue.body)) > 0)) {
      await services.dashboardRuns.markRun(repoKey(repo));
      await refresh(ctx);
    }
    return;
  }

  const watched = payload.pull_request ? config.hacks.label : config.hacks.debtLabel;
  const relevant = hasLabel(labelNames(item.labels ?? []), watched) || payload.label?.name.toLowerCase() === watched.toLowerCase();
  if (!relevant) return;
  await services.dashboardRuns.request(repoKey(repo), () => refresh(ctx));
}
