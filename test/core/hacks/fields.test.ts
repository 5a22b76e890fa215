import { describe, expect, it } from "vitest";
import { estimateHours, fieldsFromBody, fieldsFromLines, mergeFields, parseIssueRef, sameRef, withoutDebtLines } from "../../../src/core/hacks/fields.js";
import { referenceLabel } from "../../../src/core/intent/references.js";

const here = { owner: "octo-org", repo: "widgets" };

describe("debt issue references", () => {
  it.each([
    ["#45", { ...here, number: 45 }],
    ["#45.", { ...here, number: 45 }],
    ["#45 (the queue rewrite)", { ...here, number: 45 }],
    ["octo-org/api#7", { owner: "octo-org", repo: "api", number: 7 }],
    ["https://github.com/octo-org/api/issues/7", { owner: "octo-org", repo: "api", number: 7 }],
    ["<https://github.com/octo-org/api/issues/7>", { owner: "octo-org", repo: "api", number: 7 }],
    ["https://github.com/octo-org/api/issues/7#issuecomment-1", { owner: "octo-org", repo: "api", number: 7 }],
    ["[the rebuild](https://github.com/octo-org/widgets/issues/9)", { ...here, number: 9 }],
    ["soon", undefined],
    ["#0", undefined],
    ["https://github.com/octo-org/api/pull/7", undefined],
    ["https://example.com/issues/7", undefined],
  ])("%j", (text, ref) => {
    expect(parseIssueRef(text, here)).toEqual(ref);
  });

  it("compares and labels references", () => {
    expect(sameRef({ owner: "Octo-Org", repo: "Widgets", number: 1 }, { ...here, number: 1 })).toBe(true);
    expect(sameRef({ ...here, number: 1 }, undefined)).toBe(false);
    expect(referenceLabel({ ...here, number: 4 }, here)).toBe("#4");
    expect(referenceLabel({ owner: "octo-org", repo: "api", number: 4 }, here)).toBe("octo-org/api#4");
  });
});

describe("hack fields", () => {
  it("reads every field, in any of its spellings", () => {
    const body = [
      "Debt: #45",
      "- **Rebuild when:** the demo wins a customer",
      "Rebuild by: 2026-12-01",
      "**Hack estimate**: 2d",
      "__Rebuild estimate:__ 2w",
      "Proper build: a price service with caching",
    ].join("\n");
    expect(fieldsFromBody(body, here)).toEqual({
      debt: { ...here, number: 45 },
      rebuildWhen: "the demo wins a customer",
      rebuildBy: "2026-12-01",
      hackEstimate: "2d",
      rebuildEstimate: "2w",
      properBuild: "a price service with caching",
    });
  });

  it.each([
    ["Rebuild: #45", { debt: { ...here, number: 45 } }],
    ["Rebuild: https://github.com/octo-org/api/issues/3", { debt: { owner: "octo-org", repo: "api", number: 3 } }],
    ["Debt issue: octo-org/api#3", { debt: { owner: "octo-org", repo: "api", number: 3 } }],
    ["Estimate (hack): 4h\nEstimate (rebuild): 3 weeks", { hackEstimate: "4h", rebuildEstimate: "3 weeks" }],
    ["Rebuild by: end of Q3", { rebuildWhen: "by end of Q3" }],
    ["Rebuild by: 2026-02-30", { rebuildWhen: "by 2026-02-30" }],
    ["Rebuild by: 2026/12/01", { rebuildBy: "2026-12-01" }],
    ["Rebuild: when we have time", {}],
    ["Debt: #1\nDebt: #2", { debt: { ...here, number: 1 } }],
    ["`Debt: #1`\n```\nDebt: #2\n```\n> Debt: #3\n<!-- Debt: #4 -->", {}],
    ["Rebuilding: #5", {}],
  ])("%j", (body, fields) => {
    expect(fieldsFromBody(body, here)).toEqual(fields);
  });

  it("keeps an unreadable debt value for commands to report", () => {
    expect(fieldsFromLines(["Debt: soon"], here)).toEqual({ unreadableDebt: "soon" });
  });

  it("drops the debt lines (a debt issue is not the change's ticket)", () => {
    expect(withoutDebtLines("Closes #7\nDebt: #45\n**Rebuild:** #46\nRebuild by: 2026-12-01")).toBe("Closes #7\nRebuild by: 2026-12-01");
  });

  it("merges sources, earlier ones winning", () => {
    expect(mergeFields({ debt: { ...here, number: 1 } }, { debt: { ...here, number: 2 }, rebuildBy: "2026-01-01" }, undefined)).toEqual({
      debt: { ...here, number: 1 },
      rebuildBy: "2026-01-01",
    });
  });
});

describe("estimates in hours", () => {
  it.each([
    ["3h", 3],
    ["2d", 16],
    ["2w", 80],
    ["1.5 days", 12],
    ["2 weeks", 80],
    ["1 month", 160],
    ["~4 hours", 4],
    ["2 sprints", undefined],
    ["a while", undefined],
    [undefined, undefined],
  ])("%j is %j hours", (text, hours) => {
    expect(estimateHours(text)).toBe(hours);
  });
});
