import { bench, describe } from "vitest";
import type { DebtItem } from "../src/core/dashboard/model.js";
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
}));

describe("dashboard with 5,000 debt items", () => {
  bench("render (sort, summary, budgeted table)", () => {
    renderDashboard({ now, items, untracked: [], state: { history: [] }, repo: "acme/app", debtLabel: "rebuild-debt" }, "Hack-to-rebuild debt dashboard");
  });
  const { body } = renderDashboard({ now, items, untracked: [], state: { history: [] }, repo: "acme/app", debtLabel: "rebuild-debt" }, "T");
  bench("parse", () => {
    parseDashboard(body);
  });
});
