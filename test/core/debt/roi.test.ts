import { describe, expect, it } from "vitest";
import type { DebtItem } from "../../../src/core/dashboard/model.js";
import { rankOutstanding } from "../../../src/core/dashboard/order.js";
import { summarizeRoi } from "../../../src/core/dashboard/roi-summary.js";
import {
  assessItem,
  DEFAULT_ROI,
  formatEffort,
  formatFriction,
  formatPayback,
  formatWeeklyHours,
  friction,
  payback,
  roiWindow,
  weeklyCost,
  type MergedPr,
  type RepositoryFacts,
} from "../../../src/core/debt/roi.js";

const NOW = new Date("2026-11-23T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const pr = (number: number, patch: Partial<MergedPr> = {}): MergedPr => ({ number, createdAt: daysAgo(10), mergedAt: daysAgo(8), labels: [], closes: [], ...patch });
const NOTHING: RepositoryFacts = { merged: [], bugIssues: [] };

describe("the window", () => {
  it.each([
    ["shipped long ago: the last 12 weeks", 200, 12],
    ["shipped 3 weeks ago: 3 weeks", 21, 3],
    ["shipped 10 days ago: 10/7 weeks", 10, 10 / 7],
    ["shipped yesterday: at least 1 week", 1, 1],
    ["shipped in the future (a clock skew): 1 week", -3, 1],
  ])("%s", (_, days, weeks) => {
    expect(roiWindow(daysAgo(days), NOW, 12).weeks).toBeCloseTo(weeks, 10);
  });
});

describe("weekly cost and payback", () => {
  it.each([
    // changes, bug fixes, weeks, settings, hours per week
    [3, 0, 12, DEFAULT_ROI, 0.5],
    [3, 1, 2, DEFAULT_ROI, 5],
    [0, 0, 12, DEFAULT_ROI, 0],
    [4, 4, 4, { ...DEFAULT_ROI, hoursPerChange: 1, hoursPerBug: 0 }, 1],
  ])("%i changes, %i bug fixes over %i weeks", (changes, bugs, weeks, settings, hours) => {
    expect(weeklyCost(changes, bugs, weeks, settings)).toBe(hours);
  });

  it.each([
    [80, 4, { kind: "weeks", weeks: 20 }, "20w"],
    [100, 40, { kind: "weeks", weeks: 2.5 }, "2.5w"],
    [80, 0, { kind: "never" }, "never"],
    [undefined, 4, { kind: "unestimated" }, "—"],
    [undefined, 0, { kind: "unestimated" }, "—"],
    [80, null, { kind: "unknown" }, "?"],
  ] as const)("rebuild %sh at %sh/w", (rebuild, weekly, expected, text) => {
    expect(payback(rebuild, weekly)).toEqual(expected);
    expect(formatPayback(payback(rebuild, weekly))).toBe(text);
  });

  it("writes hours per week and efforts like estimates", () => {
    expect([formatWeeklyHours(12), formatWeeklyHours(1.6131), formatWeeklyHours(null)]).toEqual(["12h/w", "1.6h/w", "?"]);
    expect([formatEffort(6), formatEffort(24), formatEffort(60), formatEffort(104)]).toEqual(["6h", "3d", "1.5w", "2.6w"]);
  });
});

describe("one item's return", () => {
  const item = (patch: Partial<DebtItem> = {}) => ({ shippedAt: daysAgo(200), rebuildHours: 40, changes: [], ...patch });

  it("counts only the changes inside the window", () => {
    const roi = assessItem(item({ changes: [{ pr: 1, mergedAt: daysAgo(100) }, { pr: 2, mergedAt: daysAgo(10) }] }), NOTHING, DEFAULT_ROI, NOW);
    expect(roi).toMatchObject({ windowWeeks: 12, changes: 1, bugFixes: 0 });
    expect(roi.weeklyHours).toBeCloseTo(2 / 12, 10);
  });

  it("a window shorter than 12 weeks divides by the weeks since the hack shipped", () => {
    const roi = assessItem(item({ shippedAt: daysAgo(28), changes: [{ pr: 1, mergedAt: daysAgo(20) }, { pr: 2, mergedAt: daysAgo(3) }] }), NOTHING, DEFAULT_ROI, NOW);
    expect(roi).toMatchObject({ windowWeeks: 4, changes: 2, weeklyHours: 1, payback: { kind: "weeks", weeks: 40 } });
  });

  it("no estimate: the cost is still measured, the payback is —", () => {
    const roi = assessItem(item({ rebuildHours: undefined, changes: [{ pr: 1, mergedAt: daysAgo(3) }] }), NOTHING, DEFAULT_ROI, NOW);
    expect(roi.weeklyHours).toBeCloseTo(2 / 12, 10);
    expect(roi.payback).toEqual({ kind: "unestimated" });
  });

  it("zero cost: nothing changed its files, so the rebuild never pays back", () => {
    expect(assessItem(item(), NOTHING, DEFAULT_ROI, NOW)).toMatchObject({ changes: 0, weeklyHours: 0, payback: { kind: "never" }, friction: { kind: "none" } });
  });

  it("a bug fix by its label (any case) and by the bug issue it closes", () => {
    const changes = [1, 2, 3, 4].map((n) => ({ pr: n, mergedAt: daysAgo(7) }));
    const repository: RepositoryFacts = {
      merged: [pr(1, { labels: ["Bug"] }), pr(2, { closes: [7] }), pr(3, { closes: [8], labels: ["feature"] })],
      bugIssues: [7],
    };
    // #4 is not among the merged PRs read: a change, not a bug fix.
    const roi = assessItem(item({ shippedAt: daysAgo(84), changes }), repository, DEFAULT_ROI, NOW);
    expect(roi).toMatchObject({ changes: 4, bugFixes: 2, weeklyHours: (4 * 2 + 2 * 4) / 12 });
    const defect = assessItem(item({ shippedAt: daysAgo(84), changes }), { ...repository, bugIssues: [] }, { ...DEFAULT_ROI, bugLabels: ["feature"] }, NOW);
    expect(defect.bugFixes).toBe(1);
  });

  it("the repository's merged PRs could not be read: bug fixes and friction unknown, the cost counts the changes alone", () => {
    const roi = assessItem(item({ shippedAt: daysAgo(84), changes: [{ pr: 1, mergedAt: daysAgo(3) }] }), { merged: null, bugIssues: null }, DEFAULT_ROI, NOW);
    expect(roi).toMatchObject({ changes: 1, bugFixes: null, weeklyHours: 2 / 12, payback: { kind: "weeks", weeks: 240 }, friction: { kind: "unknown" } });
  });

  it("history that could not be read: cost, payback and friction unknown", () => {
    expect(assessItem(item({ changes: null }), NOTHING, DEFAULT_ROI, NOW)).toMatchObject({ changes: null, weeklyHours: null, payback: { kind: "unknown" }, friction: { kind: "unknown" } });
    expect(assessItem(item({ changes: null, rebuildHours: undefined }), NOTHING, DEFAULT_ROI, NOW).payback).toEqual({ kind: "unestimated" });
  });
});

describe("friction", () => {
  const merged = [pr(1, { createdAt: daysAgo(5), mergedAt: daysAgo(1) }), pr(2, { createdAt: daysAgo(3), mergedAt: daysAgo(1) }), pr(3, { createdAt: daysAgo(2), mergedAt: daysAgo(1) }), pr(4, { createdAt: daysAgo(1.5), mergedAt: daysAgo(1) })];

  it.each([
    ["the item's median against the others'", [1, 2], { merged, bugIssues: [] }, "3 d vs 0.8 d"],
    ["no other PR merged", [1, 2, 3, 4], { merged, bugIssues: [] }, "1.5 d vs ?"],
    ["none of its PRs among those read", [9], { merged, bugIssues: [] }, "—"],
    ["the repository's PRs could not be read", [1], { merged: null, bugIssues: null }, "?"],
  ] as const)("%s", (_, prs, repository, text) => {
    expect(formatFriction(friction(new Set(prs), repository))).toBe(text);
  });
});

describe("ranking by return", () => {
  const debt = (issue: number, patch: Partial<DebtItem>): DebtItem => ({ issue, title: `#${issue}`, state: "open", teams: [], hackPrs: [], shippedAt: daysAgo(84), interest: 0, changes: [], ...patch });
  const changed = (count: number) => Array.from({ length: count }, (_, i) => ({ pr: 100 + i, mergedAt: daysAgo(7) }));
  const items = [
    debt(1, { rebuildHours: 40, changes: changed(6), interest: 6 }), // 1h/w → 40w
    debt(2, { rebuildHours: 8, changes: changed(6), interest: 6 }), // 1h/w → 8w
    debt(3, { rebuildHours: 40, changes: [], interest: 0 }), // never
    debt(4, { rebuildHours: undefined, changes: changed(12), interest: 12 }), // —
    debt(5, { rebuildHours: 400, rebuildBy: "2026-11-01", changes: changed(6), interest: 6 }), // overdue, 400w
    debt(6, { rebuildHours: 8, changes: changed(6), interest: 9, shippedAt: daysAgo(90) }), // 8w, more interest than #2
    debt(7, { rebuildHours: 8, changes: changed(6), interest: 6, shippedAt: daysAgo(100) }), // 8w, as #2 but older
    debt(8, { rebuildHours: 40, changes: null, interest: null }), // unknown cost
    debt(9, { shippedAt: undefined }), // not shipped: not outstanding
  ];
  const settings = { settings: DEFAULT_ROI, repository: { merged: [], bugIssues: [] } };

  it("overdue first, then shortest payback, then interest, then age; never, unknown and — last", () => {
    expect(rankOutstanding(items, { ...settings, sort: "return" }, NOW).map((a) => a.item.issue)).toEqual([5, 6, 7, 2, 1, 3, 8, 4]);
  });

  it("dashboard.sort: priority keeps the order by overdue, interest and age", () => {
    expect(rankOutstanding(items, { ...settings, sort: "priority" }, NOW).map((a) => a.item.issue)).toEqual([5, 4, 6, 7, 1, 2, 3, 8]);
  });

  it("summarises the weekly cost, the best return and hack vs rebuild estimates", () => {
    const ranked = rankOutstanding(
      [...items, debt(10, { hackHours: 8, rebuildHours: 24, changes: [] }), debt(11, { hackHours: 40, rebuildHours: 16, changes: [] })],
      { ...settings, sort: "return" },
      NOW,
    );
    const summary = summarizeRoi(ranked);
    expect(summary).toEqual({ weeklyHours: 7, costUnknown: 1, best: { issue: 6, weeks: 8 }, estimates: { items: 2, savedHours: 16, owedHours: 40 } });
  });
});
