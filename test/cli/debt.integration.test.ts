import { afterEach, describe, expect, it } from "vitest";
import type { DebtRegister } from "../../src/core/debt/register.js";
import { repository, run, stopRepository } from "./debt-repository.js";

afterEach(stopRepository);

// The CLI's own client, throttled as the app is: it waits 2 s between searches (GitHub's search limit).
describe("intentbot debt, paced as GitHub asks", () => {
  it("exports the register as JSON in the dashboard's order, every column, and only reads", { timeout: 30_000 }, async () => {
    const github = repository();
    // With the client it is built with: the CLI's, throttled as the app is.
    const { code, out, err } = await run({ json: true }, null);

    expect(err).toEqual([]);
    expect(code).toBe(0);
    const register = JSON.parse(out.join("\n")) as DebtRegister;
    expect(register.items.map((i) => i.issue)).toEqual([52, 51, 50]);
    expect(register.items[1]).toEqual({
      rank: 2,
      issue: 51,
      title: "Rebuild: invites",
      url: null,
      hackPrs: [13],
      shipped: "2026-11-09",
      ageDays: 14,
      owner: "ana",
      teams: ["@acme/web"],
      estimates: { hack: "1d", hackHours: 8, rebuild: "3d", rebuildHours: 24 },
      rebuild: { when: null, by: null, overdue: false },
      interest: 2,
      window: { weeks: 2, changes: 2, bugFixes: 0 },
      weeklyCostHours: 2,
      payback: { kind: "weeks", weeks: 12, text: "12w" },
      friction: { medianDaysToMerge: 2.5, othersMedianDaysToMerge: 1, text: "2.5 d vs 1 d" },
    });
    expect(register.items[2]).toMatchObject({ issue: 50, window: { changes: 2, bugFixes: 2 }, weeklyCostHours: 1.61, payback: { kind: "weeks", weeks: 49.6 } });
    expect(register.items[0]).toMatchObject({ issue: 52, rebuild: { by: "2026-11-01", overdue: true }, payback: { kind: "unestimated", weeks: null, text: "—" } });
    expect(register).toMatchObject({
      repo: "octo-org/widgets",
      generatedAt: "2026-11-23T12:00:00.000Z",
      sort: "return",
      settings: { weeks: 12, hoursPerChange: 2, hoursPerBug: 4, bugLabels: ["bug"] },
      summary: { outstanding: 3, weeklyCostHours: 3.78, costUnknown: 0, best: { issue: 51, paybackWeeks: 12 }, estimates: { items: 2, savedHours: 80, owedHours: 104 } },
    });

    expect(github.calls.filter((call) => !call.startsWith("GET "))).toEqual([]);
    expect(github.unknown).toEqual([]);
  });
});
