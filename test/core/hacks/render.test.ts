import { renderedMentions } from "../../helpers/rendered.js";
import { describe, expect, it } from "vitest";
import type { DebtRecord } from "../../../src/core/debt/record.js";
import { debtStatusLine, hackCheck, hackDeclaredElsewhere, renderDebtRegion, renderHackComment, usageReply } from "../../../src/core/hacks/render.js";
import type { HackPrState } from "../../../src/core/hacks/state.js";

const repo = { owner: "octo-org", repo: "widgets" };
const options = { label: "hack", createDebtIssue: true };
const base: HackPrState = { kind: "hack-pr", version: 1, declared: true, ways: ["label"], pr: { state: "open" } };
const debt = (patch: Partial<NonNullable<HackPrState["debt"]>> = {}) => ({ ...repo, number: 50, createdByApp: true, state: "open" as const, ...patch });

describe("the hack PR's comment", () => {
  it.each<[string, HackPrState, string[]]>([
    ["declared by the label only", { ...base, debt: debt() }, ["Declared by the `hack` label.", "Its rebuild debt is tracked in #50 (created by intentbot).", "When this merges, #50 becomes **outstanding** debt"]],
    [
      "declared several ways, including /hack",
      { ...base, ways: ["label", "title", "checkbox", "command"], command: { by: "@lead", reason: "x", fields: {} }, debt: debt({ createdByApp: false }) },
      ["Declared by its title prefix, the ticked “This is a hack” box and `/hack` from @\u200blead; it carries the `hack` label.", "(named by this hack)"],
    ],
    ["merged", { ...base, debt: debt(), pr: { state: "merged", mergedAt: "2026-10-02T10:00:00Z" } }, ["Shipped on 2026-10-02: #50 is **outstanding** rebuild debt until it is closed."]],
    ["repaid", { ...base, debt: debt({ state: "closed", stateReason: "completed" }), pr: { state: "merged", mergedAt: "2026-10-02" } }, ["✅ **Repaid:** #50 is closed."]],
    ["abandoned", { ...base, debt: debt({ state: "closed", stateReason: "not_planned" }), pr: { state: "closed" } }, ["This pull request was closed without merging, so #50 was closed as not planned."]],
    ["abandoned, a person's issue", { ...base, debt: debt({ createdByApp: false }), pr: { state: "closed" } }, ["#50 stays open since intentbot did not create it: close it if the rebuild is no longer needed."]],
    ["won't be rebuilt", { ...base, debt: debt({ state: "closed", stateReason: "not_planned" }) }, ["#50 was closed as not planned: this hack will not be rebuilt."]],
    [
      "named issue missing",
      { ...base, problem: { kind: "named missing", ref: { ...repo, number: 45 } } },
      ["⚠️ This hack names #45 as its debt issue, but intentbot cannot find it (it does not exist, or the app cannot see it). Name an existing open issue, or remove the `Debt:` line so that intentbot creates one."],
    ],
    ["named issue closed", { ...base, problem: { kind: "named closed", ref: { owner: "octo-org", repo: "api", number: 3 } } }, ["but octo-org/api#3 is closed. Reopen it, or name an open issue"]],
    ["named issue unusable, still linked", { ...base, debt: debt(), problem: { kind: "named closed", ref: { ...repo, number: 45 } } }, ["Note: this hack names #45 as its debt issue, but #45 is closed, so it stays linked to #50."]],
    ["none named and creation off", { ...base, problem: { kind: "none named" } }, ["(`hacks.createDebtIssue: false`)", "```markdown\nDebt: #123\n```", "or comment `/hack <reason> Debt: #123`."]],
    [
      "label removed",
      { ...base, declared: false, ways: [], withdrawn: { ways: ["title"] }, debt: debt() },
      ["### This pull request is no longer treated as a hack", "**Should #50 be closed?**", "intentbot never closes it on its own", "add the `hack` label back", "To declare it a hack again"],
    ],
    ["label removed, debt already closed", { ...base, declared: false, ways: [], debt: debt({ state: "closed" }) }, ["Its debt issue #50 is closed."]],
  ])("%s", (_name, state, parts) => {
    const text = renderHackComment(state, repo, options);
    for (const part of parts) expect(text).toContain(part);
  });

  it("never mentions through the bot", () => {
    const text = renderHackComment({ ...base, ways: ["command"], command: { by: "@octo-org/everyone", reason: "", fields: {} }, debt: debt() }, repo, options);
    expect(text).not.toMatch(/@[\w]/);
  });
});

describe("the Hack debt check", () => {
  const unmet = { ...options, mode: "enforce" as const };
  it.each<[HackPrState, string, string]>([
    [{ ...base, debt: debt() }, "success", "Rebuild debt tracked in #50"],
    [{ ...base, debt: debt({ state: "closed", stateReason: "completed" }) }, "success", "Rebuild debt #50 repaid"],
    [{ ...base, problem: { kind: "named missing", ref: { ...repo, number: 45 } } }, "failure", "Debt issue #45 not found"],
    [{ ...base, problem: { kind: "named closed", ref: { ...repo, number: 45 } } }, "failure", "Debt issue #45 is closed"],
    [{ ...base, problem: { kind: "named pull request", ref: { ...repo, number: 45 } } }, "failure", "#45 is a pull request, not an issue"],
    [{ ...base, problem: { kind: "none named" } }, "failure", "No debt issue named"],
    [{ ...base, declared: false, ways: [] }, "success", "Not a hack"],
  ])("%#: %s %s", (state, conclusion, title) => {
    expect(hackCheck(state, repo, unmet)).toMatchObject({ name: "Hack debt", conclusion, title });
  });

  it("quotes a label name in its summary without pinging anyone or forging a marker", () => {
    const summary = hackCheck(base, repo, { ...unmet, label: "x` @acme/security <!-- intentbot:hack --> `y" }).summary;
    expect(renderedMentions(summary)).toEqual([]);
    expect(summary).not.toContain("<!--");
    // In code, as written: GitHub notifies no one for a mention in code.
    expect(summary).toContain("``x` @acme/security <\u200b!-- intentbot:hack --\u200b> `y``");
  });
});

const record: DebtRecord = {
  kind: "debt",
  version: 1,
  createdByApp: true,
  hackPrs: [
    { number: 12, state: "merged", mergedAt: "2026-10-02T10:00:00Z", declared: true },
    { number: 3, repo: "octo-org/api", state: "merged", mergedAt: "2026-09-30T10:00:00Z", declared: true },
  ],
  reason: "ping @octo-org/everyone <!-- intentbot:data {} -->",
  estimate: {},
  files: [],
  teams: [],
};

describe("the debt issue's region", () => {
  it("ships on the first merge, naming PRs in other repositories in full", () => {
    expect(debtStatusLine(record, repo)).toBe("**Outstanding:** shipped in octo-org/api#3 on 2026-09-30.");
  });

  it.each<[Partial<DebtRecord>, string]>([
    [{ hackPrs: [{ number: 12, state: "open", declared: true }] }, "**Not shipped yet:** #12 is still open. Once the hack merges, this debt is outstanding."],
    [{ hackPrs: [{ number: 12, state: "closed", declared: true }] }, "**Not planned:** #12 closed without merging."],
    [{ hackPrs: [], supersededBy: { number: 45 } }, "**Superseded:** the hack now names #45 as its debt issue."],
    [{ hackPrs: [], phase: { parent: 4, number: 2 } }, "**Planned:** a hack phase of #4."],
    [{ hackPrs: [{ number: 12, state: "merged", mergedAt: "2026-10-02", declared: false }] }, "**Unlinked:** no hack pull request declares this debt any more."],
  ])("%#: %s", (patch, line) => {
    expect(debtStatusLine({ ...record, ...patch }, repo)).toBe(line);
  });

  it("quotes user text without mentions or markers", () => {
    const region = renderDebtRegion(record, repo, { createdByApp: true, codeMarker: "HACK:" });
    expect(region).not.toMatch(/@[\w]/);
    expect(region).not.toContain("<!--");
    expect(region).toContain("> ping @\u200bocto-org/everyone &lt;!-- intentbot:data {} --&gt;");
    expect(region).toContain("- octo-org/api#3 — merged on 2026-09-30");
  });

  it("quotes a configured label in code, whatever it holds", () => {
    const comment = renderHackComment({ ...base, declared: false }, repo, { label: "x` @acme/security `y", createDebtIssue: true });
    expect(comment).toContain("The ``x` @acme/security `y`` label was removed.");
    expect(renderedMentions(comment)).toEqual([]);
  });
});

describe("replies to /hack", () => {
  it("says why a command cannot be read, and how to declare otherwise", () => {
    expect(hackDeclaredElsewhere("x` @acme/security `y")).toContain("a ``x` @acme/security `y`` label");
    expect(usageReply({ problem: "no reason" })).toContain("`/hack` needs a reason");
    expect(usageReply({ problem: "unreadable debt", given: "soon" })).toContain("could not read the debt issue `soon`");
    expect(usageReply({ problem: "no reason" })).toContain("/hack <reason> [Debt: #123]");
  });
});
