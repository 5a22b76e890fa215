import { describe, expect, it } from "vitest";
import { parseRollup, renderRollup, sparkline } from "../../../src/core/dashboard/rollup.js";

const repos = {
  "octo-org/widgets": { outstanding: 3, overdue: 1, interest: 7, history: [{ week: "2026-11-16", outstanding: 2 }, { week: "2026-11-23", outstanding: 3 }] },
  "octo-org/api": { outstanding: 5, overdue: 0, interest: 2, history: [{ week: "2026-11-23", outstanding: 5 }] },
};

describe("organisation roll-up", () => {
  it("renders one row per repository, most debt first, with totals", () => {
    const body = renderRollup(repos, "Debt across octo-org");
    expect(body).toContain("| octo-org/api | 5 | 0 | 2 | █ |\n| octo-org/widgets | 3 | 1 | 7 | ▆█ |\n| **All 2 repositories** | **8** | **1** | **9** | |");
  });

  it("parses back what it rendered", () => {
    expect(parseRollup(renderRollup(repos, "T"))).toEqual(repos);
    expect(parseRollup("no data")).toEqual({});
  });

  it("draws an empty trend flat", () => {
    expect(sparkline([{ week: "a", outstanding: 0 }, { week: "b", outstanding: 0 }])).toBe("▁▁");
  });
});
