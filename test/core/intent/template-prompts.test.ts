import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/schema.js";
import { asksForBody, templateAsks } from "../../../src/core/intent/template-prompts.js";
import { issueFormText } from "../../../src/github/templates.js";

const aliases = defaultConfig.intent;
const BUG = "---\nname: Bug\n---\n## Describe the bug\n\n## Steps to reproduce\n";
const FEATURE = "**Is your feature request related to a problem? Please describe.**\n\n**Who would use it?**\n";

describe("what a template asks for, in its own words", () => {
  it.each([
    ["a heading", "## Motivation\n\nWhy do you need it?\n", { why: "Motivation" }],
    ["bold prompts", FEATURE, { why: "Is your feature request related to a problem? Please describe.", who: "Who would use it?" }],
    ["a label with nothing after its colon", "What this PR does / why we need it:\n\nWho it is for:\n", { why: "What this PR does / why we need it", who: "Who it is for" }],
    ["an issue form's labels", issueFormText("body:\n  - type: textarea\n    attributes:\n      label: What problem does this solve?\n"), { why: "What problem does this solve?" }],
    ["neither", BUG, {}],
  ])("%s", (_shape, template, asks) => {
    expect(templateAsks(template, aliases)).toEqual(asks);
  });

  it("a body is matched to the template it shares most lines with", () => {
    expect(asksForBody("**Who would use it?**\n\nDesigners.", [BUG, FEATURE], aliases)).toMatchObject({ who: "Who would use it?" });
    expect(asksForBody("## Describe the bug\n\nIt crashes.", [FEATURE, BUG], aliases)).toEqual({});
  });

  it("a body sharing nothing is matched only when the repository has one template", () => {
    expect(asksForBody("It crashes.", [FEATURE], aliases)).toMatchObject({ who: "Who would use it?" });
    expect(asksForBody("It crashes.", [FEATURE, BUG], aliases)).toEqual({});
    expect(asksForBody("It crashes.", [], aliases)).toEqual({});
  });
});
