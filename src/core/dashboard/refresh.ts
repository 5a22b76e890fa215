import type { Action, IssueKey } from "../actions.js";
import { labelSpecs } from "../labels.js";
import type { RepoRef } from "../repo.js";
import type { DashboardRoi, DebtItem, UntrackedHack } from "./model.js";
import { rankOutstanding } from "./order.js";
import { overdueReminder, renderDashboard, withState, type ParsedDashboard } from "./render.js";
import { rollupPaybacks, type RepoSummary } from "./rollup.js";
import { isOutstanding, isOverdue, summarize } from "./summary.js";

/**
 * What a refresh of one repository's dashboard writes, decided from plain
 * facts: the dashboard issue as found (its body parsed in the parse budget),
 * the debt items, and the time. The handler gathers, runs these, and carries
 * out the actions; it pins a dashboard it creates.
 */

/** The dashboard settings a person's close is measured against: a change to them turns the dashboard back on. */
export interface DashboardSwitch {
  enabled: boolean;
  title: string;
  label: string;
}

export function switchKey({ enabled, title, label }: DashboardSwitch): string {
  return JSON.stringify({ enabled, title, label });
}

/** A dashboard a person closed, as found: its body and what `parseDashboard` read of it. */
export interface ClosedDashboard {
  issue: IssueKey;
  body: string;
  parsed: ParsedDashboard;
}

export type ClosedDecision =
  /** It stays closed; the actions note the settings it was closed under, the first time. */
  | { kind: "paused"; actions: Action[] }
  /** `/dashboard on`, or the settings changed since the close: it is reopened and refreshed. */
  | { kind: "reopen" };

/** Whether a closed dashboard stays closed: until `/dashboard on`, or a change to the settings it was closed under. */
export function decideClosed(closed: ClosedDashboard, settings: DashboardSwitch, turnOn: boolean): ClosedDecision {
  const { state, stateAt } = closed.parsed;
  const key = switchKey(settings);
  const changed = state.pausedConfig !== undefined && state.pausedConfig !== key;
  if (turnOn || changed) return { kind: "reopen" };
  if (state.pausedConfig !== undefined) return { kind: "paused", actions: [] };
  const body = withState(closed.body, stateAt, { ...state, pausedConfig: key });
  return { kind: "paused", actions: body === closed.body ? [] : [{ type: "update-issue", issue: closed.issue, change: { body } }] };
}

/** The live dashboard, as read again just before writing. */
export interface FoundDashboard {
  number: number;
  /** Closed by a person, and to be reopened (see `decideClosed`). */
  reopen: boolean;
  body: string;
  parsed: ParsedDashboard;
}

export interface RefreshFacts {
  repo: RepoRef;
  now: Date;
  title: string;
  label: string;
  debtLabel: string;
  roi: DashboardRoi;
  items: DebtItem[];
  untracked: UntrackedHack[];
  /** None: the repository has no dashboard yet. */
  dashboard?: FoundDashboard | undefined;
}

/** `none`: no dashboard, and no debt to open one for. */
export type RefreshPlanOutcome = "created" | "updated" | "unchanged" | "none";

export interface RefreshPlan {
  outcome: RefreshPlanOutcome;
  actions: Action[];
  /** This repository's row for the organisation roll-up, when the dashboard is live. */
  summary?: RepoSummary | undefined;
}

/**
 * The refresh of a live dashboard: created with the first debt; otherwise
 * reopened when asked, the ticked actions run (a reminder on each overdue
 * item) and their boxes reset, and the body written only when it changes.
 */
export function planRefresh(facts: RefreshFacts): RefreshPlan {
  const { repo, now, items, dashboard } = facts;
  const input = { now, items, untracked: facts.untracked, repo: `${repo.owner}/${repo.repo}`, debtLabel: facts.debtLabel, roi: facts.roi };
  if (!dashboard) {
    if (!items.some((i) => i.state === "open") && facts.untracked.length === 0) return { outcome: "none", actions: [] };
    const { body, state } = renderDashboard({ ...input, state: { history: [] } }, facts.title);
    const create: Action = { type: "create-issue", repo, issue: { title: facts.title, body, labels: [labelSpecs.dashboard(facts.label)] } };
    return { outcome: "created", actions: [create], summary: repoSummary(facts, state.history) };
  }
  const issue = { ...repo, number: dashboard.number };
  const actions: Action[] = dashboard.reopen ? [{ type: "update-issue", issue, change: { state: "open" } }] : [];
  if (dashboard.parsed.ticked.includes("remind-overdue")) {
    for (const item of items.filter((i) => isOutstanding(i) && isOverdue(i, now))) {
      actions.push({ type: "comment", issue: { ...repo, number: item.issue }, body: overdueReminder(item, dashboard.number, now) });
    }
  }
  const { body, state } = renderDashboard({ ...input, state: { history: dashboard.parsed.state.history } }, facts.title);
  const changed = body !== dashboard.body;
  if (changed) actions.push({ type: "update-issue", issue, change: { body } });
  return { outcome: changed ? "updated" : "unchanged", actions, summary: repoSummary(facts, state.history) };
}

function repoSummary(facts: RefreshFacts, history: RepoSummary["history"]): RepoSummary {
  const summary = summarize(facts.items, facts.untracked.length, facts.now);
  const paybacks = rollupPaybacks(rankOutstanding(facts.items, facts.roi, facts.now));
  return { outstanding: summary.outstanding, overdue: summary.overdue, interest: summary.interest, history, paybacks };
}
