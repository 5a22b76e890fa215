import type { DebtItem, HistoryPoint } from "./model.js";

const DAY = 24 * 60 * 60 * 1000;

export function ageInDays(since: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / DAY));
}

export function isOutstanding(item: DebtItem): boolean {
  return item.state === "open" && item.shippedAt !== undefined;
}

export function isOverdue(item: DebtItem, now: Date): boolean {
  return item.rebuildBy !== undefined && item.rebuildBy.slice(0, 10) < now.toISOString().slice(0, 10);
}

export function isRepaid(item: DebtItem): boolean {
  return item.state === "closed" && item.stateReason !== "not_planned";
}

/**
 * Priority, most urgent first: overdue items, then the highest interest
 * (hacked code that keeps changing costs more every week), then the oldest.
 */
export function byPriority(now: Date): (a: DebtItem, b: DebtItem) => number {
  return (a, b) =>
    Number(isOverdue(b, now)) - Number(isOverdue(a, now)) ||
    (b.interest ?? 0) - (a.interest ?? 0) ||
    (a.shippedAt ?? "").localeCompare(b.shippedAt ?? "") ||
    a.issue - b.issue;
}

export interface Summary {
  outstanding: number;
  overdue: number;
  pending: number;
  untracked: number;
  oldestDays?: number | undefined;
  medianDays?: number | undefined;
  rebuildHours: number;
  unestimated: number;
  /** Of the outstanding items whose interest could be read. */
  interest: number;
  /** Outstanding items whose interest could not be read. */
  interestUnknown: number;
  repaid30: number;
  repaid90: number;
}

export function summarize(items: readonly DebtItem[], untracked: number, now: Date): Summary {
  const outstanding = items.filter(isOutstanding);
  const ages = outstanding.map((i) => ageInDays(i.shippedAt ?? "", now)).sort((a, b) => a - b);
  const middle = Math.floor(ages.length / 2);
  const median = ages.length === 0 ? undefined : ages.length % 2 ? ages[middle] : Math.round(((ages[middle - 1] ?? 0) + (ages[middle] ?? 0)) / 2);
  const repaidWithin = (days: number) => items.filter((i) => isRepaid(i) && i.closedAt && ageInDays(i.closedAt, now) < days).length;
  return {
    outstanding: outstanding.length,
    overdue: outstanding.filter((i) => isOverdue(i, now)).length,
    pending: items.filter((i) => i.state === "open" && i.shippedAt === undefined).length,
    untracked,
    oldestDays: ages.at(-1),
    medianDays: median,
    rebuildHours: outstanding.reduce((sum, i) => sum + (i.rebuildHours ?? 0), 0),
    unestimated: outstanding.filter((i) => i.rebuildHours === undefined).length,
    interest: outstanding.reduce((sum, i) => sum + (i.interest ?? 0), 0),
    interestUnknown: outstanding.filter((i) => i.interest === null).length,
    repaid30: repaidWithin(30),
    repaid90: repaidWithin(90),
  };
}

/** Monday (UTC) of the week containing `date`, as `YYYY-MM-DD`. */
export function weekOf(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

export const HISTORY_WEEKS = 12;

/** The history with this week's point set to `outstanding`, keeping the last 12 weeks. */
export function recordWeek(history: readonly HistoryPoint[], now: Date, outstanding: number): HistoryPoint[] {
  const week = weekOf(now);
  const others = history.filter((p) => p.week !== week);
  return [...others, { week, outstanding }].sort((a, b) => a.week.localeCompare(b.week)).slice(-HISTORY_WEEKS);
}
