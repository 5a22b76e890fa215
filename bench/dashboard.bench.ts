import { bench, describe } from "vitest";
import type { DashboardRoi, DebtItem } from "../src/core/dashboard/model.js";
import { DEFAULT_ROI, type MergedPr } from "../src/core/debt/roi.js";
import { parseDashboard, renderDashboard } from "../src/core/dashboard/render.js";

const now = new Date("2026-11-23T12:00:00Z");
const items: DebtItem[] = Array.from({ length: 5000 }, (_, i) => ({
  issue: i + 1,
  title: `Rebuild: a long descriptive title for debt item number ${i + 1}`,
  state: "open",
  teams: ["@acme/platform"],
  hackPrs: [i + 10_000],
  shippedAt: new Date(now.getTime() - (i % 365) * 86_400_000).toISOString(),
  owner: "someone",
  estimate: "2w",
  rebuildHours: 80,
  rebuildBy: i % 3 ? "2027-01-01" : "2026-10-01",
  interest: i % 11,
  // The PRs that changed its files, some of them in the 12-week window.
  changes: Array.from({ length: i % 11 }, (_, k) => ({ pr: 20_000 + ((i * 7 + k) % 300), mergedAt: new Date(now.getTime() - (k * 9 + 1) * 86_400_000).toISOString() })),
}));
// The repository's figures as one refresh reads them: its latest 300 merged PRs, a tenth of them bug fixes.
const merged: MergedPr[] = Array.from({ length: 300 }, (_, k) => ({
  number: 20_000 + k,
  createdAt: new Date(now.getTime() - (k % 80) * 86_400_000 - ((k * 37) % 100) * 3_600_000).toISOString(),
  mergedAt: new Date(now.getTime() - (k % 80) * 86_400_000).toISOString(),
  labels: k % 10 ? [] : ["bug"],
  closes: k % 7 ? [] : [k],
}));
const roi: DashboardRoi = { settings: DEFAULT_ROI, sort: "return", repository: { merged, bugIssues: Array.from({ length: 50 }, (_, k) => k * 14) } };

describe("dashboard with 5,000 debt items", () => {
  bench("render (return, sort, summary, budgeted table)", () => {
    renderDashboard({ now, items, untracked: [], state: { history: [] }, repo: "acme/app", debtLabel: "rebuild-debt", roi }, "Hack-to-rebuild debt dashboard");
  });
  const { body } = renderDashboard({ now, items, untracked: [], state: { history: [] }, repo: "acme/app", debtLabel: "rebuild-debt" }, "T");
  bench("parse", () => {
    parseDashboard(body);
  });
});
