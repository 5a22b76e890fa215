import { assessItem, comparePayback, DEFAULT_ROI, prepareRepository, UNKNOWN_REPOSITORY, type ItemRoi } from "../debt/roi.js";
import type { DashboardRoi, DebtItem } from "./model.js";
import { byPriority, isOutstanding, isOverdue } from "./summary.js";

/** An outstanding item with its return. */
export interface Assessed {
  item: DebtItem;
  roi: ItemRoi;
  overdue: boolean;
}

export const DEFAULT_DASHBOARD_ROI: DashboardRoi = { settings: DEFAULT_ROI, sort: "return", repository: UNKNOWN_REPOSITORY };

/**
 * Ranked by return, most worth repaying first: overdue items, then the
 * shortest payback (`never`, unknown and no estimate after every number),
 * then the highest interest, then the oldest.
 */
export function byReturn(a: Assessed, b: Assessed): number {
  return (
    Number(b.overdue) - Number(a.overdue) ||
    comparePayback(a.roi.payback, b.roi.payback) ||
    (b.item.interest ?? 0) - (a.item.interest ?? 0) ||
    (a.item.shippedAt ?? "").localeCompare(b.item.shippedAt ?? "") ||
    a.item.issue - b.item.issue
  );
}

/** The outstanding items with their return, in the dashboard's order (`dashboard.sort`). */
export function rankOutstanding(items: readonly DebtItem[], roi: DashboardRoi, now: Date): Assessed[] {
  const repository = prepareRepository(roi.repository, roi.settings);
  const assessed = items.filter(isOutstanding).map((item) => ({ item, roi: assessItem(item, repository, roi.settings, now), overdue: isOverdue(item, now) }));
  const priority = byPriority(now);
  return assessed.sort(roi.sort === "priority" ? (a, b) => priority(a.item, b.item) : byReturn);
}
