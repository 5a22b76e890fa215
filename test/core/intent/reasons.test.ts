import { describe, expect, it } from "vitest";
import { configSchema, defaultConfig } from "../../../src/config/schema.js";
import { judgeBody, templateLines } from "../../../src/core/intent/judge.js";
import { intentRules } from "../../../src/core/intent/rules.js";

const rules = intentRules(defaultConfig);
const WHO = "\n\n## Who\nBilling admins of team workspaces.";
const judge = (why: string, title?: string, r = rules) => judgeBody(`## Why\n${why}${WHO}`, r, templateLines([]), title);

describe("a why must give a reason", () => {
  it.each([
    ["Would be nice to have.", "filler"],
    ["It would be really nice!", "filler"],
    ["+1", "filler"],
    ["see above", "filler"],
    ["As discussed.", "filler"],
    ["See the title", "filler"],
    ["See the paper: https://arxiv.org/abs/2101.00001", "link"],
    ["https://example.com/rfc/42", "link"],
    ["More details here: <https://docs.example.com/d/1>", "link"],
  ])("rejects %j as %s", (why, reason) => {
    const result = judge(why);
    expect(result.why).toBeUndefined();
    expect(result.rejections).toEqual([{ field: "why", label: "Why", reason }]);
  });

  it("rejects a why that only restates the title", () => {
    const result = judge("We need CSV export for invoices.", "CSV export for invoices");
    expect(result.rejections).toEqual([{ field: "why", label: "Why", reason: "title" }]);
  });

  it.each([
    ["Would be nice to have, because month-end close takes finance two extra days without it."],
    ["The paper (https://arxiv.org/abs/2101.00001) shows a 3x speedup on sparse inputs, which is our main workload."],
    ["Invoices can only be exported one by one, so finance copies 400 rows by hand each month."],
  ])("accepts a reason with filler or a link around it: %j", (why) => {
    expect(judge(why, "CSV export for invoices").why).toBeDefined();
  });

  it("the filler list is configurable", () => {
    const custom = intentRules(configSchema.parse({ intent: { filler: ["per the roadmap"] } }));
    expect(judge("Per the roadmap.", undefined, custom).rejections).toEqual([{ field: "why", label: "Why", reason: "filler" }]);
    expect(judge("Would be great to add", undefined, custom).why).toBeDefined();
  });
});
