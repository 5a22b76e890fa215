import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/schema.js";
import { judgeBody, templateLines } from "../../../src/core/intent/judge.js";
import { boldPrompt, fieldOfPrompt } from "../../../src/core/intent/prompts.js";
import { intentRules } from "../../../src/core/intent/rules.js";

const rules = intentRules(defaultConfig);
const judge = (body: string, template = "") => judgeBody(body, rules, templateLines(template ? [template] : []));

// Modelled on a feature-request template that asks its questions in bold (as several UI libraries' do).
const BOLD_TEMPLATE = "**Why do we need this feature?**\n\n<!-- A clear description of the need. -->\nDescribe the need here.\n\n**Who is this feature for?**\n\nDescribe who benefits.\n\n**Alternatives you considered**\n\nNone yet.\n";

describe("a bold-only paragraph is a prompt", () => {
  it("answered in the next paragraph", () => {
    const body = BOLD_TEMPLATE.replace("Describe the need here.", "Tables with 5,000 rows freeze the tab for ten seconds on every sort.").replace(
      "Describe who benefits.",
      "Analysts building finance dashboards on the hosted plan.",
    );
    const result = judge(body, BOLD_TEMPLATE);
    expect(result.why).toMatchObject({ source: "prompt", label: "Why do we need this feature?", text: "Tables with 5,000 rows freeze the tab for ten seconds on every sort." });
    expect(result.who).toMatchObject({ source: "prompt", label: "Who is this feature for?" });
  });

  it("answered on the line right under it, in the same paragraph", () => {
    const result = judge("__Why is this needed?__\nour nightly import job dies halfway when the vendor rate-limits us\n\n__Who benefits__:\nthe data platform on-call rotation");
    expect(result.why?.text).toBe("our nightly import job dies halfway when the vendor rate-limits us");
    expect(result.who?.text).toBe("the data platform on-call rotation");
  });

  it("left unchanged is rejected and named", () => {
    const result = judge(BOLD_TEMPLATE, BOLD_TEMPLATE);
    expect(result.why).toBeUndefined();
    expect(result.rejections).toContainEqual({ field: "why", label: "Why do we need this feature?", reason: "template" });
    expect(result.rejections).toContainEqual({ field: "who", label: "Who is this feature for?", reason: "template" });
  });

  it("ends at the next prompt: an answer to another question is not the why", () => {
    const result = judge("**Why do we need this feature?**\n\n**Alternatives you considered**\n\nWe tried a cron job but it drifted by hours.");
    expect(result.why).toBeUndefined();
    expect(result.rejections).toContainEqual({ field: "why", label: "Why do we need this feature?", reason: "empty" });
  });

  it.each([
    ["**Why do we need this?**", "Why do we need this?"],
    ["**Why is this needed**:", "Why is this needed"],
    ["  __Motivation__  ", "Motivation"],
    ["**Is your request about a problem? Please explain.**", "Is your request about a problem? Please explain."],
  ])("%j is a prompt", (line, inner) => expect(boldPrompt(line)).toBe(inner));

  it("an answer written in bold is the answer, not the next prompt", () => {
    expect(judge("**Why do we need this feature?**\n\n**Our largest customer cannot renew without audit logs.**").why?.text).toBe("Our largest customer cannot renew without audit logs.");
  });

  it.each(["**Why** we need this is obvious", "**bold** and **more bold**", "****", "Why do we need this?", "**unclosed", "**Ship it before the freeze!**"])("%j is not", (line) => {
    expect(boldPrompt(line)).toBeUndefined();
  });

  it("bold text under a real heading that names no field stays part of that section", () => {
    const result = judge("## Motivation\n\n**Exports fail for large workspaces every month end.**\n\n## Who\nFinance admins closing the books.");
    expect(result.why?.text).toBe("Exports fail for large workspaces every month end.");
  });
});

describe("a label with nothing after its colon", () => {
  it("takes the next paragraph as its answer", () => {
    const result = judge("**Why is this needed**:\n\nKeeping two copies of the schema in sync by hand has broken prod twice this quarter.\n\n**Who is it for**:\n\n- backend engineers touching the billing schema");
    expect(result.why?.text).toBe("Keeping two copies of the schema in sync by hand has broken prod twice this quarter.");
    expect(result.who?.text).toBe("backend engineers touching the billing schema");
  });

  it("takes a plain `Why:` line's next paragraph too", () => {
    expect(judge("Why:\n\nThe retry storm after a deploy takes the queue down for minutes.").why?.text).toBe("The retry storm after a deploy takes the queue down for minutes.");
  });

  it("does not take text across a heading, from a code block, or the template's own text", () => {
    expect(judge("Why:\n\n## Changes\nRenamed the retry helper across the codebase.").why).toBeUndefined();
    expect(judge("Why:\n\n```\nthe retry storm takes the queue down\n```").why).toBeUndefined();
    const template = "What this PR does / why we need it:\n\nExplain the change here.\n";
    expect(judge(template, template).rejections).toContainEqual({ field: "why", label: "What this PR does / why we need it", reason: "template" });
  });
});

describe("an alias anywhere in a heading or prompt, as a whole word", () => {
  it.each([
    ["### What is the problem this feature will solve?", "why"],
    ["## The problem", "why"],
    ["### 🚀 The feature, motivation and pitch", "why"],
    ["#### What this PR does / why we need it:", "why"],
    ["## Rationale", "why"],
    ["### Use case", "why"],
    ["### Impact", "why"],
    ["### 👥 Who would benefit?", "who"],
    ["### What problem does this solve, and who benefits?", "why"],
    ["### Who is this for?", "who"],
    ["## Target users", "who"],
    ["## Affected users", "who"],
    ["## Stakeholders", "who"],
  ])("%j asks for the %s", (heading, field) => {
    const result = judge(`${heading}\n\nWorkspace owners on the free plan hit the 100-member cap without warning.`);
    expect(result[field as "why" | "who"]).toBeDefined();
  });

  it.each([
    ["## Additional context", "a catch-all, not the reason"],
    ["### Any other context", "a catch-all"],
    ["### Steps to reproduce the problem", "asks for steps"],
    ["### Describe alternative solutions that would also satisfy this problem", "asks for other solutions"],
    ["### Who can help?", "asks for reviewers to mention"],
    ["## Contextual menu", "context only as part of a longer word"],
    ["## Whoami output", "who only as part of a longer word"],
    ["### Impacted files", "impact only as part of a longer word"],
  ])("%j does not (%s)", (heading) => {
    expect(fieldOfPrompt(heading.replace(/^#+ /, ""), rules)).toBeUndefined();
  });
});
