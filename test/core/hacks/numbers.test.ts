import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/schema.js";
import { MAX_ESTIMATE_HOURS } from "../../../src/core/bounds.js";
import { readDebtRecord } from "../../../src/core/debt/record.js";
import { addedLines, findCodeMarkers } from "../../../src/core/hacks/diff.js";
import { estimateHours, fieldsFromBody, parseIssueRef } from "../../../src/core/hacks/fields.js";
import { cutDebtBody } from "../../../src/core/hacks/debt.js";
import { newDebtIssue, planHack, type HackFacts } from "../../../src/core/hacks/plan.js";
import { readHackText } from "../../../src/core/hacks/read.js";

const here = { owner: "octo-org", repo: "widgets" };
const NINES = "9".repeat(309);

describe("estimateHours stays within bounds", () => {
  it.each([
    ["10000h", 10_000],
    ["1250d", 10_000],
    ["250w", 10_000],
    ["62.5 months", 10_000],
    ["0h", 0],
    ["0.0001h", 0],
    ["0.5h", 0.5],
    ["1,5d", 12],
    ["1,25 days", 10],
  ])("%j is %j hours", (text, hours) => {
    expect(estimateHours(text)).toBe(hours);
  });

  it.each([
    ["just above the bound", "10001h"],
    ["just above the bound in days", "1251d"],
    ["309 nines", `${NINES}h`],
    ["309 nines after the point", `1.${NINES}h`],
    ["an exponent", "1e400h"],
    ["a negative amount", "-3h"],
    ["a comma grouping thousands (or a decimal comma: ambiguous)", "1,000h"],
    ["grouped millions", "1,000,000h"],
    ["eight digits", "00000001h"],
    ["Infinity", "Infinity h"],
    ["NaN", "NaN h"],
  ])("%s is no amount", (_, text) => {
    expect(estimateHours(text)).toBeUndefined();
  });

  it("keeps the text of an estimate it cannot count, to show it as written", () => {
    expect(fieldsFromBody(`Rebuild estimate: ${NINES}h`, here)).toEqual({ rebuildEstimate: `${NINES}h` });
  });
});

describe("a hack PR with an estimate out of range still gets its debt issue", () => {
  const facts = (body: string): HackFacts => ({
    repo: here,
    trigger: { kind: "opened" },
    pr: { number: 12, title: "[hack] Hard-code prices", body, labels: [], author: "ana", state: "open", merged: false, headSha: "abc123" },
    text: readHackText({ title: "[hack] Hard-code prices", body }, defaultConfig.hacks.titlePrefixes, here),
  });

  it.each([
    ["309 nines", `${NINES}h`],
    ["an exponent", "1e400h"],
    ["just above the bound", "10001h"],
    ["an ambiguous comma", "1,000h"],
    ["a negative amount", "-2w"],
  ])("Rebuild estimate: %s", (_, estimate) => {
    const issue = newDebtIssue(facts(`## Hack\nFor the demo.\nRebuild estimate: ${estimate}`), defaultConfig.hacks);
    expect(issue.record.estimate).toEqual({ rebuild: estimate });
    expect(readDebtRecord(issue.body)).toEqual(issue.record);
  });

  it("counts an estimate at the bound", () => {
    const issue = newDebtIssue(facts("## Hack\nFor the demo.\nRebuild estimate: 250w"), defaultConfig.hacks);
    expect(issue.record.estimate).toEqual({ rebuild: "250w", rebuildHours: MAX_ESTIMATE_HOURS });
  });

  it("still plans the comment and the check", () => {
    const pr = facts(`## Hack\nFor the demo.\nRebuild estimate: ${NINES}h`);
    const issue = newDebtIssue(pr, defaultConfig.hacks);
    const linked = { ref: { ...here, number: 50 }, exists: true, isPullRequest: false, state: "open" as const, closedByApp: false, byApp: true, body: issue.body, pieces: cutDebtBody(issue.body), labels: ["rebuild-debt"], record: issue.record };
    const plan = planHack({ ...pr, linked }, defaultConfig.hacks, "advise");
    const types = plan.kind === "apply" ? plan.actions.map((action) => action.type) : [plan.kind];
    expect(types).toContain("sticky-comment");
    expect(types).toContain("check");
  });
});

describe("debt records and hours out of range", () => {
  it("reads a record whose hours an older version wrote beyond the bound, without the hours", () => {
    const body = `<!-- intentbot:data {"kind":"debt","version":1,"createdByApp":true,"estimate":{"rebuild":"99999h","rebuildHours":99999}} -->`;
    expect(readDebtRecord(body)?.estimate).toEqual({ rebuild: "99999h" });
  });
});

describe("issue numbers", () => {
  it.each([
    ["309 nines", `#${NINES}`],
    ["beyond the safe integers", "#9007199254740993"],
    ["negative", "#-1"],
    ["an exponent", "#1e3"],
  ])("%s names no issue", (_, text) => {
    expect(parseIssueRef(text, here)).toBeUndefined();
  });
});

describe("diff line numbers", () => {
  it.each([
    ["a hunk starting at line 0", "@@ -1,2 +0,0 @@\n+x HACK:"],
    ["a hunk numbered beyond any file", `@@ -1 +${NINES} @@\n+x HACK:`],
    ["a hunk numbered just beyond the bound", "@@ -1 +100000001 @@\n+x HACK:"],
  ])("%s is not read", (_, patch) => {
    expect(addedLines(patch)).toEqual([]);
  });

  it("reads the next hunk after one it could not read", () => {
    expect(addedLines(`@@ -1 +${NINES} @@\n+a\n@@ -1 +7 @@\n+b`)).toEqual([{ line: 7, text: "b" }]);
  });

  it("never cuts a marker's text inside a character", () => {
    // The 160th unit would be the first half of the first emoji.
    const [marker] = findCodeMarkers([{ filename: "a.ts", patch: `@@ -1 +1 @@\n+// HACK: ${"x".repeat(149)}${"🙂".repeat(20)}` }], "HACK:");
    expect(marker?.text).toBe(`// HACK: ${"x".repeat(149)}…`);
  });
});
