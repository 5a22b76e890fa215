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

  it("ranks every repository's items together by payback, shortest first, and parses them back", () => {
    const withPaybacks = {
      ...repos,
      "octo-org/widgets": { ...repos["octo-org/widgets"], paybacks: [{ issue: 50, weeks: 2, weeklyHours: 4, overdue: false }, { issue: 51, weeks: 12.25, weeklyHours: 1, overdue: true }] },
      "octo-org/api": { ...repos["octo-org/api"], paybacks: [{ issue: 7, weeks: 2, weeklyHours: 6, overdue: false }, { issue: 9, weeks: 5, weeklyHours: 2, overdue: false }] },
    };
    const body = renderRollup(withPaybacks, "T");
    expect(body).toContain(
      [
        "| Rank | Debt | Payback | Weekly cost | |",
        "| --- | --- | --- | --- | --- |",
        "| 1 | octo-org/api#7 | 2w | 6h/w |  |",
        "| 2 | octo-org/widgets#50 | 2w | 4h/w |  |",
        "| 3 | octo-org/api#9 | 5w | 2h/w |  |",
        "| 4 | octo-org/widgets#51 | 12.3w | 1h/w | ⚠️ overdue |",
      ].join("\n"),
    );
    expect(parseRollup(body)).toEqual(withPaybacks);
    // Only the paybacks the ranking shows are kept in the hidden data, so it stays small with many repositories.
    const many = Object.fromEntries(
      Array.from({ length: 40 }, (_, r) => [`octo-org/r${r}`, { ...repos["octo-org/api"], paybacks: Array.from({ length: 5 }, (_, i) => ({ issue: i + 1, weeks: r + i, weeklyHours: 1, overdue: false })) }]),
    );
    const kept = parseRollup(renderRollup(many, "T"));
    expect(Object.values(kept).flatMap((row) => row.paybacks ?? [])).toHaveLength(30);
    expect(kept["octo-org/r0"]?.paybacks).toHaveLength(5);
    expect(kept["octo-org/r39"]?.paybacks).toEqual([]);
    // A roll-up written before ROI has no paybacks, and no ranking is shown.
    expect(renderRollup(repos, "T")).not.toContain("## Best returns");
  });

  it("draws an empty trend flat", () => {
    expect(sparkline([{ week: "a", outstanding: 0 }, { week: "b", outstanding: 0 }])).toBe("▁▁");
  });
  it("stays within GitHub's body limit with many repositories: the least indebted are left out, rows and data alike, and said to be", () => {
    const history = Array.from({ length: 12 }, (_, w) => ({ week: `2026-09-${String(w + 1).padStart(2, "0")}`, outstanding: w }));
    const paybacks = [{ issue: 1, weeks: 3, weeklyHours: 2, overdue: false }];
    const many = Object.fromEntries(
      Array.from({ length: 400 }, (_, r) => [`octo-org/a-rather-long-repository-name-number-${r}`, { outstanding: r + 1, overdue: 0, interest: r, history, paybacks }]),
    );
    const body = renderRollup(many, "T");
    expect(body.length).toBeLessThanOrEqual(65_536 - 1_024);
    const kept = parseRollup(body);
    const left = 400 - Object.keys(kept).length;
    expect(left).toBeGreaterThan(0);
    // The most indebted are the ones kept.
    expect(Object.keys(kept)).toContain("octo-org/a-rather-long-repository-name-number-399");
    expect(Object.keys(kept)).not.toContain("octo-org/a-rather-long-repository-name-number-0");
    expect(body).toContain(`| …and ${left} more with less outstanding debt, left out to keep this issue within GitHub's 65,536 characters | | | | |`);
    expect(body).toContain(`| **All ${400 - left} listed repositories** |`);
  });
});
