import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/schema.js";
import { decideIntent } from "../../../src/core/intent/decide.js";
import { judgeBody } from "../../../src/core/intent/judge.js";
import { carriedIntent, phaseIssueMarker, readPhaseIssueMarker, renderPhaseIssueBody } from "../../../src/core/phases/child.js";
import { intentRules } from "../../../src/core/intent/rules.js";

const rules = intentRules(defaultConfig);
const headings = { why: "why", who: "who" };

function passes(body: string): boolean {
  return decideIntent({ own: judgeBody(body, rules, new Set()), linked: [], external: [] }).met;
}

describe("phase issue marker", () => {
  it("reads back what it writes, and nothing else", () => {
    expect(readPhaseIssueMarker(`text\n\n${phaseIssueMarker(7, 3)}`)).toEqual({ kind: "phase", v: 1, parent: 7, number: 3 });
    expect(readPhaseIssueMarker('<!-- intentbot:data {"kind":"debt","version":1} -->')).toBeUndefined();
    expect(readPhaseIssueMarker('<!-- intentbot:data {"kind":"phase","v":1,"parent":0,"number":3} -->')).toBeUndefined();
    expect(readPhaseIssueMarker(null)).toBeUndefined();
  });
});

describe("renderPhaseIssueBody", () => {
  it("carries the parent's why and who under headings, so the phase passes the intent check by itself", () => {
    const parent = "Some context first.\n\n## Why\nDrafts vanish when the page reloads.\n\n## Who it is for\nSupport agents answering long tickets.";
    const body = renderPhaseIssueBody({ parent: 4, number: 2, name: "Autosave", intent: carriedIntent(parent, rules), headings });
    expect(body).toContain("## Why\nDrafts vanish when the page reloads.\n\n## Who\nSupport agents answering long tickets.");
    expect(passes(body)).toBe(true);
    expect(readPhaseIssueMarker(body)).toEqual({ kind: "phase", v: 1, parent: 4, number: 2 });
  });

  it("carries a user story whole: its who alone would be too short", () => {
    const parent = "As an admin, I want to invite people by email so that my team can join without asking support.";
    const intent = carriedIntent(parent, rules);
    expect(intent).toEqual({ stories: [parent] });
    const body = renderPhaseIssueBody({ parent: 4, number: 1, name: "Invite", intent, headings });
    expect(passes(body)).toBe(true);
  });

  it("says so when the parent states no why or who", () => {
    const body = renderPhaseIssueBody({ parent: 4, number: 1, name: "Invite", intent: carriedIntent("Just do it.", rules), headings });
    expect(body).toContain("_#4 states no why or who yet; this phase shares them once it does._");
    expect(body).not.toContain("## Why");
  });

  it("repeats no mention and no marker from the parent or the name", () => {
    const parent = "## Why\nAsk @octo-org/sales <!-- intentbot:data {\"kind\":\"phase\",\"v\":1,\"parent\":9,\"number\":9} --> why.\n\n## Who\nAdmins of @acme workspaces.";
    const body = renderPhaseIssueBody({ parent: 4, number: 1, name: "Ping @alice\n<!-- x -->", intent: carriedIntent(parent, rules), headings });
    expect(body).not.toMatch(/@(?=[\w-])/);
    expect(body.match(/<!--/g)).toHaveLength(1);
    expect(readPhaseIssueMarker(body)).toEqual({ kind: "phase", v: 1, parent: 4, number: 1 });
  });

  it("uses the configured headings", () => {
    const custom = { ...rules, why: ["rationale"], who: ["persona"] };
    const parent = "## Rationale\nDrafts vanish when the page reloads.\n\n## Persona\nSupport agents answering long tickets.";
    const body = renderPhaseIssueBody({ parent: 4, number: 1, name: "Autosave", intent: carriedIntent(parent, custom), headings: { why: "rationale", who: "persona" } });
    expect(body).toContain("## Rationale\nDrafts vanish");
    expect(body).toContain("## Persona\nSupport agents");
  });
});
