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
  rebuildWhen?: string | undefined;
  rebuildBy?: string | undefined;
  /** PRs merged since the hack shipped that changed the hack's files; null when they could not be read. */
  interest: number | null;
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
}
