import { decideClosed, planRefresh, type FoundDashboard } from "../../core/dashboard/refresh.js";
import { DASHBOARD_TOPIC } from "../../core/dashboard/render.js";
import type { RepoSummary } from "../../core/dashboard/rollup.js";
import { readIssueBody } from "../../github/bot-issues.js";
import type { FeatureContext } from "../../github/context.js";
import { findDashboardIssue, pinDashboard } from "../../github/dashboard-issue.js";
import { execute } from "../../github/execute.js";
import { lockKey } from "../../github/locks.js";
import { gatherDashboard } from "./gather.js";

/** `unreadable`: the dashboard's body could not be read within the parse budget; nothing was written. */
export type RefreshOutcome = "created" | "updated" | "unchanged" | "paused" | "none" | "unreadable";

export interface RefreshResult {
  outcome: RefreshOutcome;
  /** This repository's row for the organisation roll-up, when the dashboard is live. */
  summary?: RepoSummary | undefined;
}

/**
 * Recomputes one repository's dashboard under a per-repository lock: a
 * closed one is left closed unless core decides otherwise (`decideClosed`);
 * then the debt is gathered, the body read again just before deciding (so a
 * box ticked in the meantime is acted on instead of lost), and the plan
 * (`planRefresh`) carried out. A dashboard it creates is pinned.
 */
export async function refreshDashboard(ctx: FeatureContext, now: Date, options: { turnOn?: boolean } = {}): Promise<RefreshResult> {
  const { services, log, config, repo } = ctx;
  const settings = config.dashboard;
  const parse = (body: string) => services.parse.run("parseDashboard", [body], log);
  return services.locks.run(lockKey("dashboard", repo), async (): Promise<RefreshResult> => {
    const existing = await findDashboardIssue(ctx, repo, { label: settings.label, topic: DASHBOARD_TOPIC });
    if (existing?.state === "closed") {
      const read = await parse(existing.body);
      if (!read.ok) return { outcome: "unreadable" };
      const closed = decideClosed({ issue: { ...repo, number: existing.number }, body: existing.body, parsed: read.value }, settings, options.turnOn ?? false);
      if (closed.kind === "paused") {
        await execute(ctx, closed.actions);
        return { outcome: "paused" };
      }
    }

    const facts = await gatherDashboard(ctx, now);
    let dashboard: FoundDashboard | undefined;
    if (existing) {
      const body = await readIssueBody(ctx, repo, existing.number);
      const read = await parse(body);
      if (!read.ok) return { outcome: "unreadable" };
      dashboard = { number: existing.number, reopen: existing.state === "closed", body, parsed: read.value };
    }
    const roi = { settings: settings.roi, sort: settings.sort, repository: facts.repository };
    const plan = planRefresh({ repo, now, title: settings.title, label: settings.label, debtLabel: config.hacks.debtLabel, roi, items: facts.items, untracked: facts.untracked, dashboard });
    const { created } = await execute(ctx, plan.actions);
    for (const issue of created) {
      await pinDashboard(ctx, issue);
      log.info({ issue: issue.number }, "dashboard created");
    }
    return { outcome: plan.outcome, summary: plan.summary };
  });
}
