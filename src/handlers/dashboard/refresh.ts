import { labelSpecs } from "../../core/labels.js";
import type { Config } from "../../config/schema.js";
import type { DebtItem } from "../../core/dashboard/model.js";
import { DASHBOARD_TOPIC, overdueReminder, renderDashboard, type ActionId } from "../../core/dashboard/render.js";
import { rankOutstanding } from "../../core/dashboard/order.js";
import { rollupPaybacks, type RepoSummary } from "../../core/dashboard/rollup.js";
import { isOutstanding, isOverdue, summarize } from "../../core/dashboard/summary.js";
import { readIssueBody, writeIssueBody } from "../../github/bot-issues.js";
import { createDashboardIssue, findDashboardIssue } from "../../github/dashboard-issue.js";
import { lockKey } from "../../github/locks.js";
import type { Services } from "../../github/services.js";
import type { GitHub, Log, RepoRef } from "../../github/types.js";
import { gatherDashboard } from "./gather.js";

/** `unreadable`: the dashboard's body could not be read within the parse budget; nothing was written. */
export type RefreshOutcome = "created" | "updated" | "unchanged" | "paused" | "none" | "unreadable";

export interface RefreshResult {
  outcome: RefreshOutcome;
  /** This repository's row for the organisation roll-up, when the dashboard is live. */
  summary?: RepoSummary | undefined;
}

/** The dashboard settings a person's close is measured against: a change to them turns the dashboard back on. */
function configKey(config: Config): string {
  const { enabled, title, label } = config.dashboard;
  return JSON.stringify({ enabled, title, label });
}

async function runActions(octokit: GitHub, repo: RepoRef, ticked: readonly ActionId[], items: readonly DebtItem[], dashboard: number, now: Date): Promise<void> {
  if (!ticked.includes("remind-overdue")) return;
  for (const item of items.filter((i) => isOutstanding(i) && isOverdue(i, now))) {
    await octokit.rest.issues.createComment({ ...repo, issue_number: item.issue, body: overdueReminder(item, dashboard, now) });
  }
}

/**
 * Recomputes one repository's dashboard under a per-repository lock:
 * creates it with the first debt, leaves it closed while a person keeps it
 * closed, runs ticked actions and resets their boxes, and writes only when
 * the body changes. The body is re-read just before writing, so a box
 * ticked in the meantime is acted on instead of lost.
 */
export async function refreshDashboard(
  octokit: GitHub,
  services: Services,
  log: Log,
  config: Config,
  repo: RepoRef,
  now: Date,
  options: { turnOn?: boolean } = {},
): Promise<RefreshResult> {
  return services.locks.run(lockKey("dashboard", repo), async () => {
    const settings = config.dashboard;
    const existing = await findDashboardIssue(octokit, services, repo, settings.label, DASHBOARD_TOPIC);
    if (existing?.state === "closed") {
      const read = await services.parse.run("parseDashboard", [existing.body], log);
      if (!read.ok) return { outcome: "unreadable" };
      const { state } = read.value;
      const changed = state.pausedConfig !== undefined && state.pausedConfig !== configKey(config);
      if (!options.turnOn && !changed) {
        if (state.pausedConfig === undefined) {
          const paused = await services.parse.run("withState", [existing.body, { ...state, pausedConfig: configKey(config) }], log);
          if (!paused.ok) return { outcome: "unreadable" };
          await writeIssueBody(octokit, repo, existing.number, existing.body, paused.value);
        }
        return { outcome: "paused" };
      }
      await octokit.rest.issues.update({ ...repo, issue_number: existing.number, state: "open" });
    }

    const facts = await gatherDashboard(octokit, services, log, config, repo, now);
    const roi = { settings: settings.roi, sort: settings.sort, repository: facts.repository };
    const input = { now, items: facts.items, untracked: facts.untracked, repo: `${repo.owner}/${repo.repo}`, debtLabel: config.hacks.debtLabel, roi };
    const rollupRow = (history: RepoSummary["history"]): RepoSummary => {
      const summary = summarize(facts.items, facts.untracked.length, now);
      const paybacks = rollupPaybacks(rankOutstanding(facts.items, roi, now));
      return { outstanding: summary.outstanding, overdue: summary.overdue, interest: summary.interest, history, paybacks };
    };
    if (!existing) {
      if (!facts.items.some((i) => i.state === "open") && facts.untracked.length === 0) return { outcome: "none" };
      const { body, state } = renderDashboard({ ...input, state: { history: [] } }, settings.title);
      const number = await createDashboardIssue(octokit, services, repo, settings.title, body, labelSpecs.dashboard(settings.label), log);
      log.info({ issue: number }, "dashboard created");
      return { outcome: "created", summary: rollupRow(state.history) };
    }

    const current = await readIssueBody(octokit, repo, existing.number);
    const read = await services.parse.run("parseDashboard", [current], log);
    if (!read.ok) return { outcome: "unreadable" };
    const parsed = read.value;
    await runActions(octokit, repo, parsed.ticked, facts.items, existing.number, now);
    const { body, state } = renderDashboard({ ...input, state: { history: parsed.state.history } }, settings.title);
    const summary = rollupRow(state.history);
    const wrote = await writeIssueBody(octokit, repo, existing.number, current, body);
    return { outcome: wrote ? "updated" : "unchanged", summary };
  });
}
