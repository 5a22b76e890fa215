import { comparePayback } from "../debt/roi.js";
import type { Assessed } from "./order.js";

export interface RoiSummary {
  /** Hours per week of carrying the outstanding items whose cost could be read. */
  weeklyHours: number;
  /** Outstanding items whose cost could not be read. */
  costUnknown: number;
  /** The item that pays back soonest. */
  best?: { issue: number; weeks: number } | undefined;
  /** Over the items that declare both estimates: what the hacks saved then (rebuild − hack) and the rebuilds owed now. */
  estimates?: { items: number; savedHours: number; owedHours: number } | undefined;
}

/** Of the outstanding items in the dashboard's order. */
export function summarizeRoi(assessed: readonly Assessed[]): RoiSummary {
  const known = assessed.flatMap((a) => (a.roi.weeklyHours === null ? [] : [a.roi.weeklyHours]));
  // A stable sort: between equal paybacks, the one the dashboard lists first.
  const best = [...assessed].sort((a, b) => comparePayback(a.roi.payback, b.roi.payback))[0];
  const both = assessed.flatMap(({ item }) => (item.hackHours !== undefined && item.rebuildHours !== undefined ? [{ hack: item.hackHours, rebuild: item.rebuildHours }] : []));
  return {
    weeklyHours: known.reduce((sum, hours) => sum + hours, 0),
    costUnknown: assessed.length - known.length,
    best: best?.roi.payback.kind === "weeks" ? { issue: best.item.issue, weeks: best.roi.payback.weeks } : undefined,
    estimates:
      both.length > 0
        ? {
            items: both.length,
            savedHours: both.reduce((sum, e) => sum + Math.max(0, e.rebuild - e.hack), 0),
            owedHours: both.reduce((sum, e) => sum + e.rebuild, 0),
          }
        : undefined,
  };
}
