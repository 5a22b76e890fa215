/**
 * The return on repaying one hack: what carrying it costs each week, how soon
 * its rebuild pays for itself, and how much slower the code it touched is to
 * change. Pure: plain facts in, plain numbers out; the dashboard, the
 * organisation roll-up and `intentbot debt` all read these.
 */

const DAY = 24 * 60 * 60 * 1000;
const WEEK = 7 * DAY;

export interface RoiSettings {
  /** The window, in weeks, the weekly cost is measured over. */
  weeks: number;
  hoursPerChange: number;
  hoursPerBug: number;
  bugLabels: readonly string[];
}

export const DEFAULT_ROI: RoiSettings = { weeks: 12, hoursPerChange: 2, hoursPerBug: 4, bugLabels: ["bug"] };

/** A PR merged since the hack shipped that changed the hack's files. */
export interface Change {
  pr: number;
  /** When its commit reached the default branch: the PR's merge. */
  mergedAt: string;
}

/** A PR of the repository merged within the window, as one search lists it. */
export interface MergedPr {
  number: number;
  createdAt: string;
  mergedAt: string;
  labels: readonly string[];
  /** Issues of the same repository its description closes (`Fixes #12`). */
  closes: readonly number[];
}

/** What the whole repository says, read once per refresh; null where it could not be read. */
export interface RepositoryFacts {
  /** The repository's PRs merged in the window (the latest ones, up to a bound). */
  merged: readonly MergedPr[] | null;
  /** Issues labelled as bugs (`bugLabels`) closed in the window. */
  bugIssues: readonly number[] | null;
}

export const UNKNOWN_REPOSITORY: RepositoryFacts = { merged: null, bugIssues: null };

export type Payback =
  | { kind: "weeks"; weeks: number }
  /** It costs nothing to carry: the rebuild never pays back. */
  | { kind: "never" }
  /** The changes to its files could not be read. */
  | { kind: "unknown" }
  /** No rebuild estimate. */
  | { kind: "unestimated" };

export type Friction =
  | { kind: "unknown" }
  /** No PR with a known time to merge changed its files in the window. */
  | { kind: "none" }
  /** Median days from opening to merge: the PRs that changed its files, and the repository's other PRs (null when there were none). */
  | { kind: "measured"; itemDays: number; othersDays: number | null };

export interface ItemRoi {
  /** Weeks the cost is measured over. */
  windowWeeks: number;
  /** PRs merged in the window that changed its files; null when unknown. */
  changes: number | null;
  /** Those of them that are bug fixes; null when the repository's merged PRs could not be read. */
  bugFixes: number | null;
  /** Hours per week; null when unknown. */
  weeklyHours: number | null;
  payback: Payback;
  friction: Friction;
}

/** What the ROI needs of one debt item. */
export interface RoiSubject {
  shippedAt?: string | undefined;
  rebuildHours?: number | undefined;
  /** Null or absent when the history of its files could not be read. */
  changes?: readonly Change[] | null | undefined;
}

/** The last `weeks` weeks, or the weeks since the hack shipped when fewer, and at least 1 week. */
export function roiWindow(shippedAt: string, now: Date, weeks: number): { start: number; weeks: number } {
  const since = Math.max(0, now.getTime() - Date.parse(shippedAt)) / WEEK;
  const length = Math.max(1, Math.min(weeks, since));
  return { start: now.getTime() - length * WEEK, weeks: length };
}

/** Where the window starts for the repository's own figures: the last `weeks` weeks. */
export function repositoryWindowStart(now: Date, weeks: number): string {
  return new Date(now.getTime() - weeks * WEEK).toISOString();
}

/** A bug fix: labelled with one of the bug labels, or closing an issue labelled so. */
export function isBugFix(pr: MergedPr | undefined, bugLabels: ReadonlySet<string>, bugIssues: ReadonlySet<number>): boolean {
  if (!pr) return false;
  return pr.labels.some((l) => bugLabels.has(l.toLowerCase())) || pr.closes.some((n) => bugIssues.has(n));
}

/** Weekly cost in hours = (changes × hours per change + bug fixes × hours per bug) ÷ weeks. */
export function weeklyCost(changes: number, bugFixes: number, weeks: number, settings: RoiSettings): number {
  return (changes * settings.hoursPerChange + bugFixes * settings.hoursPerBug) / weeks;
}

/** Payback in weeks = rebuild estimate in hours ÷ weekly cost. */
export function payback(rebuildHours: number | undefined, weeklyHours: number | null): Payback {
  if (rebuildHours === undefined) return { kind: "unestimated" };
  if (weeklyHours === null) return { kind: "unknown" };
  if (weeklyHours === 0) return { kind: "never" };
  return { kind: "weeks", weeks: rebuildHours / weeklyHours };
}

const daysToMerge = (pr: MergedPr) => Math.max(0, Date.parse(pr.mergedAt) - Date.parse(pr.createdAt)) / DAY;

/** The repository's facts indexed once for every item of a refresh (thousands of items, hundreds of PRs). */
export interface PreparedRepository {
  known: boolean;
  byNumber: ReadonlyMap<number, { pr: MergedPr; days: number }>;
  /** Every merged PR's days to merge, shortest first. */
  sortedDays: readonly { number: number; days: number }[];
  bugLabels: ReadonlySet<string>;
  bugIssues: ReadonlySet<number>;
}

export function prepareRepository(repository: RepositoryFacts, settings: RoiSettings): PreparedRepository {
  const timed = (repository.merged ?? []).map((pr) => ({ pr, number: pr.number, days: daysToMerge(pr) }));
  return {
    known: repository.merged !== null,
    byNumber: new Map(timed.map((t) => [t.number, t])),
    sortedDays: [...timed].sort((a, b) => a.days - b.days),
    bugLabels: new Set(settings.bugLabels.map((l) => l.toLowerCase())),
    bugIssues: new Set(repository.bugIssues ?? []),
  };
}

function medianOfSorted(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function median(values: readonly number[]): number | null {
  return medianOfSorted([...values].sort((a, b) => a - b));
}

/** The median time to merge of the PRs that changed the item's files against that of the repository's other PRs. */
export function friction(prs: ReadonlySet<number>, repository: RepositoryFacts | PreparedRepository): Friction {
  const prepared = "known" in repository ? repository : prepareRepository(repository, DEFAULT_ROI);
  if (!prepared.known) return { kind: "unknown" };
  const itemDays = median([...prs].flatMap((n) => {
    const timed = prepared.byNumber.get(n);
    return timed ? [timed.days] : [];
  }));
  if (itemDays === null) return { kind: "none" };
  return { kind: "measured", itemDays, othersDays: medianOfSorted(prepared.sortedDays.filter((t) => !prs.has(t.number)).map((t) => t.days)) };
}

/**
 * The ROI of one outstanding item. A PR counts when it merged in the item's
 * window; whether it is a bug fix comes from the repository's merged PRs
 * (a PR outside the ones read counts as a change, not as a bug fix).
 */
export function assessItem(item: RoiSubject, repository: RepositoryFacts | PreparedRepository, settings: RoiSettings, now: Date): ItemRoi {
  const prepared = "known" in repository ? repository : prepareRepository(repository, settings);
  const window = roiWindow(item.shippedAt ?? now.toISOString(), now, settings.weeks);
  if (!item.changes) {
    return { windowWeeks: window.weeks, changes: null, bugFixes: null, weeklyHours: null, payback: payback(item.rebuildHours, null), friction: { kind: "unknown" } };
  }
  const inWindow = item.changes.filter((c) => Date.parse(c.mergedAt) >= window.start);
  // Without the repository's merged PRs no change can be told a bug fix: the cost counts the changes alone.
  const bugFixes = prepared.known ? inWindow.filter((c) => isBugFix(prepared.byNumber.get(c.pr)?.pr, prepared.bugLabels, prepared.bugIssues)).length : null;
  const weeklyHours = weeklyCost(inWindow.length, bugFixes ?? 0, window.weeks, settings);
  return {
    windowWeeks: window.weeks,
    changes: inWindow.length,
    bugFixes,
    weeklyHours,
    payback: payback(item.rebuildHours, weeklyHours),
    friction: friction(new Set(inWindow.map((c) => c.pr)), prepared),
  };
}

const round1 = (value: number) => String(Math.round(value * 10) / 10);

/** `2w`, `2.5w`, like the estimates; `never`; `?` when unknown; `—` without an estimate. */
export function formatPayback(p: Payback): string {
  switch (p.kind) {
    case "weeks":
      return `${round1(p.weeks)}w`;
    case "never":
      return "never";
    case "unknown":
      return "?";
    case "unestimated":
      return "—";
  }
}

/** `12h/w`, or `?` when unknown. */
export function formatWeeklyHours(hours: number | null): string {
  return hours === null ? "?" : `${round1(hours)}h/w`;
}

/** `3.1 d vs 1.2 d`; `?` when it could not be read; `—` when no PR changed the files in the window. */
export function formatFriction(f: Friction): string {
  switch (f.kind) {
    case "unknown":
      return "?";
    case "none":
      return "—";
    case "measured":
      return `${round1(f.itemDays)} d vs ${f.othersDays === null ? "?" : `${round1(f.othersDays)} d`}`;
  }
}

/** Numbers first, shortest first; then `never`, unknown, and no estimate. */
const PAYBACK_RANK: Record<Payback["kind"], number> = { weeks: 0, never: 1, unknown: 2, unestimated: 3 };

export function comparePayback(a: Payback, b: Payback): number {
  const rank = PAYBACK_RANK[a.kind] - PAYBACK_RANK[b.kind];
  if (rank !== 0 || a.kind !== "weeks" || b.kind !== "weeks") return rank;
  return a.weeks - b.weeks;
}

/** Working hours in the largest unit that reads well, like an estimate: `6h`, `3d`, `1.5w` (8-hour days, 5-day weeks). */
export function formatEffort(hours: number): string {
  if (hours < 8) return `${round1(hours)}h`;
  if (hours < 40) return `${round1(hours / 8)}d`;
  return `${round1(hours / 40)}w`;
}
