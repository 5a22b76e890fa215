import type { DashboardRoi, DebtItem } from "../dashboard/model.js";
import { rankOutstanding } from "../dashboard/order.js";
import { summarizeRoi } from "../dashboard/roi-summary.js";
import { ageInDays, isOverdue } from "../dashboard/summary.js";
import { formatFriction, formatPayback, type Payback, type RoiSettings } from "./roi.js";

/**
 * The debt register a roadmap tool imports (`intentbot debt --json`): every
 * outstanding item in the dashboard's order with every figure the dashboard
 * shows. The shape is documented in docs/dashboard.md; add fields, never
 * rename them.
 */
export interface RegisterItem {
  rank: number;
  issue: number;
  title: string;
  url: string | null;
  hackPrs: number[];
  /** `YYYY-MM-DD`. */
  shipped: string | null;
  ageDays: number | null;
  owner: string | null;
  teams: string[];
  estimates: { hack: string | null; hackHours: number | null; rebuild: string | null; rebuildHours: number | null };
  rebuild: { when: string | null; by: string | null; overdue: boolean };
  /** PRs merged since the hack shipped that changed its files; null when unknown. */
  interest: number | null;
  window: { weeks: number; changes: number | null; bugFixes: number | null };
  weeklyCostHours: number | null;
  payback: { kind: Payback["kind"]; weeks: number | null; text: string };
  friction: { medianDaysToMerge: number | null; othersMedianDaysToMerge: number | null; text: string };
}

export interface DebtRegister {
  repo: string;
  generatedAt: string;
  sort: DashboardRoi["sort"];
  settings: RoiSettings;
  summary: {
    outstanding: number;
    weeklyCostHours: number;
    costUnknown: number;
    best: { issue: number; paybackWeeks: number } | null;
    estimates: { items: number; savedHours: number; owedHours: number } | null;
  };
  items: RegisterItem[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

/** The register of the outstanding items, in the dashboard's order; pure. */
export function debtRegister(repo: string, items: readonly DebtItem[], roi: DashboardRoi, now: Date, urls: ReadonlyMap<number, string> = new Map()): DebtRegister {
  const ranked = rankOutstanding(items, roi, now);
  const summary = summarizeRoi(ranked);
  return {
    repo,
    generatedAt: now.toISOString(),
    sort: roi.sort,
    settings: { ...roi.settings, bugLabels: [...roi.settings.bugLabels] },
    summary: {
      outstanding: ranked.length,
      weeklyCostHours: round2(summary.weeklyHours),
      costUnknown: summary.costUnknown,
      best: summary.best ? { issue: summary.best.issue, paybackWeeks: round2(summary.best.weeks) } : null,
      estimates: summary.estimates
        ? { items: summary.estimates.items, savedHours: round2(summary.estimates.savedHours), owedHours: round2(summary.estimates.owedHours) }
        : null,
    },
    items: ranked.map(({ item, roi: r }, index) => ({
      rank: index + 1,
      issue: item.issue,
      title: item.title,
      url: urls.get(item.issue) ?? null,
      hackPrs: item.hackPrs,
      shipped: item.shippedAt?.slice(0, 10) ?? null,
      ageDays: item.shippedAt ? ageInDays(item.shippedAt, now) : null,
      owner: orNull(item.owner),
      teams: item.teams,
      estimates: { hack: orNull(item.hackEstimate), hackHours: orNull(item.hackHours), rebuild: orNull(item.estimate), rebuildHours: orNull(item.rebuildHours) },
      rebuild: { when: orNull(item.rebuildWhen), by: item.rebuildBy?.slice(0, 10) ?? null, overdue: isOverdue(item, now) },
      interest: item.interest,
      window: { weeks: round2(r.windowWeeks), changes: r.changes, bugFixes: r.bugFixes },
      weeklyCostHours: r.weeklyHours === null ? null : round2(r.weeklyHours),
      payback: { kind: r.payback.kind, weeks: r.payback.kind === "weeks" ? round2(r.payback.weeks) : null, text: formatPayback(r.payback) },
      friction: {
        medianDaysToMerge: r.friction.kind === "measured" ? round2(r.friction.itemDays) : null,
        othersMedianDaysToMerge: r.friction.kind === "measured" && r.friction.othersDays !== null ? round2(r.friction.othersDays) : null,
        text: formatFriction(r.friction),
      },
    })),
  };
}
