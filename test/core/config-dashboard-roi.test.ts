import { describe, expect, it } from "vitest";
import type { ConfigProblem } from "../../src/config/problems.js";
import { defaultConfig } from "../../src/config/schema.js";
import { validateConfigText } from "../../src/config/validate.js";

function problems(text: string): ConfigProblem[] {
  const result = validateConfigText(text, "intent.yml");
  return result.ok ? [] : result.problems;
}

describe("dashboard.roi and dashboard.sort", () => {
  it("default to the issue's figures and the order by return", () => {
    expect(defaultConfig.dashboard.sort).toBe("return");
    expect(defaultConfig.dashboard.roi).toEqual({ weeks: 12, hoursPerChange: 2, hoursPerBug: 4, bugLabels: ["bug"] });
  });

  it("accepts other figures, and 0 hours to leave a term out", () => {
    const text = "dashboard:\n  sort: priority\n  roi:\n    weeks: 26\n    hoursPerChange: 1.5\n    hoursPerBug: 0\n    bugLabels: [bug, defect]\n";
    const result = validateConfigText(text, "intent.yml");
    expect(result.ok && result.config.dashboard).toMatchObject({ sort: "priority", roi: { weeks: 26, hoursPerChange: 1.5, hoursPerBug: 0, bugLabels: ["bug", "defect"] } });
  });

  it.each([
    ["an unknown order", "dashboard:\n  sort: payback\n", { key: "dashboard.sort", line: 2, given: '"payback"', allowed: "one of `return`, `priority`" }],
    ["a window of no weeks", "dashboard:\n  roi:\n    weeks: 0\n", { key: "dashboard.roi.weeks", line: 3, given: "0", allowed: "a number ≥ 1" }],
    ["a window over two years", "dashboard:\n  roi:\n    weeks: 1e300\n", { key: "dashboard.roi.weeks", line: 3, given: "1e+300", allowed: "a number ≤ 104" }],
    ["a fraction of a week", "dashboard:\n  roi:\n    weeks: 2.5\n", { key: "dashboard.roi.weeks", line: 3, given: "2.5", allowed: "a value of type int" }],
    ["negative hours", "dashboard:\n  roi:\n    hoursPerChange: -1\n", { key: "dashboard.roi.hoursPerChange", line: 3, given: "-1", allowed: "a number ≥ 0" }],
    ["hours beyond reason", "dashboard:\n  roi:\n    hoursPerBug: 5000\n", { key: "dashboard.roi.hoursPerBug", line: 3, given: "5000", allowed: "a number ≤ 1000" }],
    ["hours as text", "dashboard:\n  roi:\n    hoursPerBug: 4h\n", { key: "dashboard.roi.hoursPerBug", line: 3, given: '"4h"', allowed: "a value of type number" }],
    ["more than 10 bug labels (each costs a search)", `dashboard:\n  roi:\n    bugLabels: [${Array.from({ length: 11 }, (_, i) => `b${i}`).join(", ")}]\n`, { key: "dashboard.roi.bugLabels", line: 3, allowed: "at most 10 item(s)" }],
    ["an empty bug label", "dashboard:\n  roi:\n    bugLabels: ['  ']\n", { key: "dashboard.roi.bugLabels.0", line: 3, given: '"  "', allowed: "at least 1 character(s)" }],
    ["a misspelt key", "dashboard:\n  roi:\n    hoursPerFix: 3\n", { key: "dashboard.roi.hoursPerFix", line: 3, given: "3", allowed: "one of the keys `weeks`, `hoursPerChange`, `hoursPerBug`, `bugLabels`" }],
  ])("%s is one clear problem", (_, text, problem) => {
    const found = problems(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "intent.yml", ...problem });
  });
});
