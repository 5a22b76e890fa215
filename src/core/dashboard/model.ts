import { shippedAt, type DebtRecord } from "../debt/record.js";
import type { Change, RepositoryFacts, RoiSettings } from "../debt/roi.js";
import { parseEstimate } from "../phases/estimate.js";

/** One rebuild-debt issue as the dashboard sees it (plain data gathered from GitHub). */
export interface DebtItem {
  issue: number;
  title: string;
  state: "open" | "closed";
  /** `completed` means repaid; `not_planned` means abandoned. */
  stateReason?: string | undefined;
  closedAt?: string | undefined;
  owner?: string | undefined;
  teams: string[];
  hackPrs: number[];
  /** The first merge of its hack PRs; unset while no hack PR has merged. */
  shippedAt?: string | undefined;
  estimate?: string | undefined;
  rebuildHours?: number | undefined;
  /** The hack's own estimate, as written and in working hours. */
  hackEstimate?: string | undefined;
  hackHours?: number | undefined;
  rebuildWhen?: string | undefined;
  rebuildBy?: string | undefined;
  /** PRs merged since the hack shipped that changed the hack's files; null when they could not be read. */
  interest: number | null;
  /** Those PRs with the day each merged, for the weekly cost; null or absent when they could not be read. */
  changes?: Change[] | null | undefined;
}

/** A hack PR that merged with no debt issue linked to it. */
export interface UntrackedHack {
  pr: number;
  title: string;
  mergedAt: string;
}

export interface HistoryPoint {
  /** Monday of the week, `YYYY-MM-DD`. */
  week: string;
  outstanding: number;
}

/** What the dashboard keeps in its own hidden data between renders. */
export interface DashboardState {
  history: HistoryPoint[];
  /** Set when a person closed the dashboard: it stays closed until `/dashboard on` or a config change. */
  pausedConfig?: string | undefined;
}

export interface DashboardInput {
  now: Date;
  items: DebtItem[];
  untracked: UntrackedHack[];
  state: DashboardState;
  /** `owner/repo`, for links to searches. */
  repo: string;
  debtLabel: string;
  /** How items are ranked and their return measured; the defaults, with nothing known of the repository, when absent. */
  roi?: DashboardRoi | undefined;
}

export type DashboardSort = "return" | "priority";

export interface DashboardRoi {
  settings: RoiSettings;
  sort: DashboardSort;
  repository: RepositoryFacts;
}

/** What a debt issue itself says, as the dashboard needs it. */
export interface DebtIssueFacts {
  number: number;
  title: string;
  state: string;
  stateReason?: string | null | undefined;
  closedAt?: string | null | undefined;
}

/**
 * A dashboard item from a debt issue and its record (undefined when none can
 * be read). Interest is left unknown (null): it needs the history of the
 * hacked files, which the caller reads when it can.
 */
export function debtItemOf(issue: DebtIssueFacts, record: DebtRecord | undefined): DebtItem {
  return {
    issue: issue.number,
    title: issue.title,
    state: issue.state === "closed" ? "closed" : "open",
    stateReason: issue.stateReason ?? undefined,
    closedAt: issue.closedAt ?? undefined,
    owner: record?.owner,
    teams: record?.teams ?? [],
    hackPrs: (record?.hackPrs ?? []).filter((pr) => !pr.repo).map((pr) => pr.number),
    shippedAt: record ? shippedAt(record) : undefined,
    estimate: record?.estimate.rebuild,
    rebuildHours: record?.estimate.rebuildHours,
    hackEstimate: record?.estimate.hack,
    // An estimate is a few characters; a longer text is no estimate.
    hackHours: record?.estimate.hack && record.estimate.hack.length <= 40 ? parseEstimate(record.estimate.hack)?.hours : undefined,
    rebuildWhen: record?.rebuildWhen,
    rebuildBy: record?.rebuildBy,
    interest: null,
  };
}
