import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/schema.js";
import { judgeBody, templateLines } from "../../../src/core/intent/judge.js";
import { intentRules } from "../../../src/core/intent/rules.js";

const rules = intentRules(defaultConfig);
const none = templateLines([]);
const judge = (body: string, template = none) => judgeBody(body, rules, template);

describe("why/who detection", () => {
  it.each([
    ["# Why\nUsers lose their drafts on reload.\n\n# Who\nSupport agents answering tickets.", "heading h1"],
    ["### Motivation\nUsers lose their drafts on reload.\n\n###### Audience\nSupport agents answering tickets.", "alias headings of any level"],
    ["**Why:** users lose their drafts on reload\n**Who:** support agents answering tickets", "bold labels"],
    ["Why: users lose their drafts on reload\n\nWho: support agents answering tickets", "plain labels"],
    ["**Problem**: users lose their drafts on reload\n\n**Customer**: support agents answering tickets", "bold alias labels, colon outside"],
    ["As a support agent answering tickets, I want drafts kept so that I never retype a long answer.", "user story"],
    ["- Why: users lose their drafts on reload\n- Who: support agents answering tickets", "labels in a list"],
  ])("finds both in %j (%s)", (body) => {
    const result = judge(body);
    expect(result.why, "why").toBeDefined();
    expect(result.who, "who").toBeDefined();
  });

  it("reports the source of each finding", () => {
    const result = judge("## Why\nUsers lose drafts on reload.\n\n## Story\nAs a support agent, I want drafts kept so that I never retype.");
    expect(result.why).toMatchObject({ source: "heading", label: "Why", text: "Users lose drafts on reload." });
    expect(result.who).toMatchObject({ source: "user story", text: "support agent" });
  });

  it("a section runs until a heading of the same or a higher level", () => {
    const result = judge("## Why\n### Details\nUsers lose drafts on reload.\n## Notes\nWho: nobody cares about this");
    expect(result.why?.text).toBe("Users lose drafts on reload.");
    expect(result.who?.text).toBe("nobody cares about this");
  });

  it.each([
    ["```\nWhy: users lose drafts on reload\nWho: support agents answering tickets\n```", "a code block"],
    ["> Why: users lose drafts on reload\n> Who: support agents answering tickets", "a quote"],
    ["<!--\nWhy: users lose drafts on reload\nWho: support agents answering tickets\n-->", "an HTML comment"],
    ["    Why: users lose drafts on reload\n    Who: support agents answering tickets", "an indented code block"],
  ])("ignores statements inside %s", (body) => {
    const result = judge(body);
    expect(result.why).toBeUndefined();
    expect(result.who).toBeUndefined();
  });

  it.each(["TBD", "N/A", "TODO", "...", "tbd.", "_No response_"])("rejects the placeholder %j", (placeholder) => {
    const result = judge(`## Why\n${placeholder}\n## Who\nSupport agents answering tickets`);
    expect(result.why).toBeUndefined();
    expect(result.rejections).toEqual([{ field: "why", label: "Why", reason: "placeholder" }]);
  });

  it("a lone dash is an empty list item, so it does not count either", () => {
    expect(judge("## Why\n-\n## Who\nSupport agents answering tickets").rejections).toEqual([{ field: "why", label: "Why", reason: "empty" }]);
  });

  it("requires the minimum word count", () => {
    const result = judge("Why: drafts matter\nWho: support agents answering");
    expect(result.why).toBeUndefined();
    expect(result.rejections).toEqual([{ field: "why", label: "Why", reason: "too short", words: 2 }]);
    expect(judgeBody("Why: drafts matter", { ...rules, minWords: 2 }, none).why).toBeDefined();
  });

  it("an empty section is reported as empty", () => {
    expect(judge("## Why\n\n## Who\nSupport agents answering tickets").rejections).toEqual([{ field: "why", label: "Why", reason: "empty" }]);
  });

  it("does not count text left unchanged from the template", () => {
    const template = "---\nname: Feature\n---\n## Why\nDescribe the problem this solves.\n\n## Who\n<!-- who is it for? -->\n";
    const lines = templateLines([template]);
    const untouched = judge(template.replace(/^---[\s\S]*?---\n/, ""), lines);
    expect(untouched.why).toBeUndefined();
    expect(untouched.rejections).toEqual([
      { field: "why", label: "Why", reason: "template" },
      { field: "who", label: "Who", reason: "empty" },
    ]);
    const filled = judge("## Why\nDescribe the problem this solves.\nDrafts vanish on reload for everyone.\n## Who\nSupport agents answering tickets", lines);
    expect(filled.why?.text).toBe("Drafts vanish on reload for everyone.");
    expect(filled.who).toBeDefined();
  });

  it("a later valid statement wins over an earlier rejected one", () => {
    const result = judge("Why: TBD\n\n## Motivation\nDrafts vanish on reload for everyone.\n\nWho: support agents answering tickets");
    expect(result.why?.label).toBe("Motivation");
    expect(result.rejections).toEqual([]);
  });

  it("uses configured aliases", () => {
    const custom = { ...rules, why: ["reasoning"], who: ["beneficiaries"] };
    const result = judgeBody("## Reasoning\nSupport agents write long drafts.\n## Beneficiaries\nSupport agents answering tickets", custom, none);
    expect(result.why).toBeDefined();
    expect(result.who).toBeDefined();
    expect(judge("## Reasoning\nSupport agents write long drafts.").why).toBeUndefined();
  });

  it("handles a 65,536-character body", () => {
    const filler = "lorem ipsum dolor sit amet ".repeat(1300);
    const body = `${filler}\n\n## Why\nDrafts vanish on reload for everyone.\n\n## Who\nSupport agents answering tickets.\n\n${filler}${filler}`.slice(0, 65_536);
    expect(body.length).toBe(65_536);
    const result = judge(body);
    expect(result.why?.text).toBe("Drafts vanish on reload for everyone.");
    expect(result.who?.text).toMatch(/^Support agents answering tickets\./);
  });

  it("handles null and CRLF bodies", () => {
    expect(judgeBody(null, rules, none)).toEqual({ rejections: [] });
    expect(judge("Why: drafts vanish on reload\r\nWho: support agents answering tickets\r\n").who).toBeDefined();
  });
});

describe("a body of many prompts for one field", () => {
  it("judges only its first prompts, and still reads a reason under a later one as prose", () => {
    const rules = intentRules(defaultConfig);
    const body = `${"### Why would you like it?\n\nx\n\n".repeat(1000)}### Why would you like it?\n\nThe export fails for every team with more than forty boards.\n`;
    const found = judgeBody(body, rules, templateLines([]));
    expect(found.rejections.length).toBeLessThanOrEqual(32);
    expect(found.why).toMatchObject({ source: "prose", text: "The export fails for every team with more than forty boards." });
  });
});
