import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/schema.js";
import { readDebtRecord, type DebtRecord } from "../../../src/core/debt/record.js";
import { cutDebtBody, newDebtBody, updateRecord } from "../../../src/core/hacks/debt.js";
import {
  chooseDebt,
  debtStateChanged,
  decideHack,
  declaration,
  needsChanges,
  needsIntent,
  newDebtIssue,
  planHack,
  type DebtIssueFacts,
  type HackAction,
  type HackActions,
  type HackFacts,
  type Trigger,
} from "../../../src/core/hacks/plan.js";
import { readHackText } from "../../../src/core/hacks/read.js";
import { readHackState, type HackPrState } from "../../../src/core/hacks/state.js";

const repo = { owner: "octo-org", repo: "widgets" };
const rules = defaultConfig.hacks;
const SHA = "abc123";

/** The facts of PR #12, its text read as the parse worker reads it. */
function facts(patch: Partial<HackFacts> & { trigger?: Trigger } = {}, pr: Partial<HackFacts["pr"]> = {}): HackFacts {
  const full = { number: 12, title: "[hack] Hard-code prices", body: "## Hack\nFor the demo.", labels: [], author: "ana", state: "open" as const, merged: false, headSha: SHA, ...pr };
  return { repo, trigger: { kind: "opened" }, ...patch, pr: full, text: readHackText(full, rules.titlePrefixes, repo) };
}

function appIssue(number: number, record: DebtRecord, patch: Partial<DebtIssueFacts> = {}): DebtIssueFacts {
  const issue = { ref: { ...repo, number }, exists: true, isPullRequest: false, state: "open" as const, closedByApp: false, byApp: true, body: newDebtBody("region", record), labels: ["rebuild-debt"], record, ...patch };
  return { ...issue, pieces: cutDebtBody(issue.body) };
}

function personIssue(number: number, patch: Partial<DebtIssueFacts> = {}): DebtIssueFacts {
  return { ref: { ...repo, number }, exists: true, isPullRequest: false, state: "open", closedByApp: false, byApp: false, body: "Rebuild the price service", pieces: [], labels: [], ...patch };
}

const created = newDebtIssue(facts(), rules);
const linkedState = (number: number, extra: Partial<HackPrState> = {}): HackPrState => ({
  kind: "hack-pr",
  version: 1,
  declared: true,
  ways: ["label", "title"],
  debt: { ...repo, number, createdByApp: true, state: "open" },
  pr: { state: "open" },
  ...extra,
});

/** Each write in the hack feature's words: the PR's hack comment, the debt issue's comment, body, close and reopen. */
function kind(action: HackAction): string {
  if (action.type === "sticky-comment") return action.topic === "hack" ? "pr-comment" : "debt-comment";
  if (action.type !== "update-issue") return action.type;
  if (action.change.body !== undefined) return "update-debt-body";
  return action.change.state === "closed" ? "close-debt" : "reopen-debt";
}
const types = (actions: readonly HackAction[]) => actions.map(kind);
/** The body an action writes (a comment's or an issue's), or "" for one that writes none. */
const bodyOf = (action: HackAction | undefined): string => (action?.type === "sticky-comment" ? action.body : action?.type === "update-issue" ? (action.change.body ?? "") : "");

/** A plan that needs no new debt issue: its actions. */
function planActions(...args: Parameters<typeof planHack>): HackActions {
  const plan = planHack(...args);
  if (plan.kind !== "apply") throw new Error(`expected actions, planned ${plan.kind}`);
  return plan;
}

describe("declaration", () => {
  it.each<[string, Partial<HackFacts>, Partial<HackFacts["pr"]>, { declared: boolean; ways: string[]; withdrawn?: string[] }]>([
    ["the label alone", {}, { title: "Prices", body: "", labels: ["Hack"] }, { declared: true, ways: ["label"] }],
    ["title and section", {}, {}, { declared: true, ways: ["label", "title", "section"] }],
    ["the box", {}, { title: "Prices", body: "- [x] This is a hack" }, { declared: true, ways: ["label", "checkbox"] }],
    ["a /hack comment", { trigger: { kind: "command", command: { by: "lead", reason: "demo", fields: {} } } }, { title: "Prices", body: "" }, { declared: true, ways: ["label", "command"] }],
    ["a /hack remembered from before", { previous: { ...linkedState(50), command: { by: "lead", reason: "demo", fields: {} } } }, { title: "Prices", body: "", labels: ["hack"] }, { declared: true, ways: ["label", "command"] }],
    ["nothing", {}, { title: "Prices", body: "" }, { declared: false, ways: [] }],
    ["the label removed, title still prefixed", { trigger: { kind: "unlabeled" } }, { body: "" }, { declared: false, ways: [], withdrawn: ["title"] }],
    ["still withdrawn on a later edit", { trigger: { kind: "edited", bodyChanged: false }, previous: { ...linkedState(50), withdrawn: { ways: ["title"] } } }, { body: "" }, { declared: false, ways: [], withdrawn: ["title"] }],
    ["a new kind of declaration after withdrawal", { trigger: { kind: "edited", bodyChanged: true }, previous: { ...linkedState(50), withdrawn: { ways: ["title"] } } }, {}, { declared: true, ways: ["label", "section"], withdrawn: ["title"] }],
    ["the label back ends withdrawal", { trigger: { kind: "labeled" }, previous: { ...linkedState(50), withdrawn: { ways: ["title"] } } }, { labels: ["hack"], body: "" }, { declared: true, ways: ["label", "title"] }],
    ["an unlabeled event after the label came back", { trigger: { kind: "unlabeled" } }, { labels: ["hack"] }, { declared: true, ways: ["label", "title", "section"] }],
  ])("%s", (_name, patch, pr, expected) => {
    const result = declaration(facts(patch, pr), rules);
    expect({ declared: result.declared, ways: result.ways, ...(result.withdrawn ? { withdrawn: result.withdrawn } : {}) }).toEqual(expected);
  });
});

describe("decisions on the text the worker read", () => {
  it("follow the read text, never the description itself", () => {
    const read = facts({}, { title: "Prices", body: "" });
    const declared = { ...read, text: { ...read.text, ways: ["section" as const], fields: { debt: { ...repo, number: 45 } } } };
    expect(declaration(read, rules)).toMatchObject({ declared: false, named: undefined });
    expect(declaration(declared, rules)).toMatchObject({ declared: true, ways: ["label", "section"], named: { ...repo, number: 45 } });
    expect(decideHack(declared, rules).choice).toEqual({ kind: "problem", problem: { kind: "named missing", ref: { ...repo, number: 45 } } });
  });

  it("name the debt from the description first, then the /hack comment", () => {
    const command = { by: "lead", reason: "demo", fields: { debt: { ...repo, number: 9 } } };
    expect(declaration(facts({ trigger: { kind: "command", command } }, { body: "" }), rules).named).toEqual({ ...repo, number: 9 });
    expect(declaration(facts({ trigger: { kind: "command", command } }, { body: "Debt: #45" }), rules).named).toEqual({ ...repo, number: 45 });
  });
});

describe("choosing the debt issue", () => {
  const decide = (f: HackFacts, r = rules) => chooseDebt(f, r, declaration(f, r));

  it("creates one when none is named or linked", () => {
    expect(decide(facts())).toEqual({ kind: "create" });
  });

  it("keeps the linked issue, even closed (repaid)", () => {
    const linked = appIssue(50, created.record, { state: "closed", stateReason: "completed" });
    expect(decide(facts({ linked }))).toEqual({ kind: "keep", issue: linked });
  });

  it("links a named open issue", () => {
    const named = personIssue(45);
    expect(decide(facts({ named }, { body: "## Hack\nx\n\nDebt: #45" }))).toEqual({ kind: "link", issue: named, replacing: undefined });
  });

  it.each([
    ["missing", personIssue(45, { exists: false }), "named missing"],
    ["closed", personIssue(45, { state: "closed" }), "named closed"],
    ["a pull request", personIssue(45, { isPullRequest: true }), "named pull request"],
  ])("reports a named issue that is %s, creating nothing", (_name, named, kind) => {
    expect(decide(facts({ named }, { body: "Debt: #45" }))).toEqual({ kind: "problem", problem: { kind, ref: { ...repo, number: 45 } } });
  });

  it("creates in place of an unusable named issue only when configured", () => {
    const named = personIssue(45, { state: "closed" });
    expect(decide(facts({ named }, { body: "Debt: #45" }), { ...rules, replaceUnusableDebtIssue: true })).toEqual({
      kind: "create",
      note: { kind: "named closed", ref: { ...repo, number: 45 } },
    });
  });

  it("keeps the linked issue when a newly named one is unusable", () => {
    const linked = appIssue(50, created.record);
    const named = personIssue(45, { state: "closed" });
    expect(decide(facts({ linked, named }, { body: "Debt: #45" }))).toEqual({ kind: "keep", issue: linked, note: { kind: "named closed", ref: { ...repo, number: 45 } } });
  });

  it("switches to a newly named open issue", () => {
    const linked = appIssue(50, created.record);
    const named = personIssue(45);
    expect(decide(facts({ linked, named }, { body: "Debt: #45" }))).toEqual({ kind: "link", issue: named, replacing: linked });
  });

  it("reports a missing debt issue when creation is off", () => {
    expect(decide(facts(), { ...rules, createDebtIssue: false })).toEqual({ kind: "problem", problem: { kind: "none named" } });
  });

  it("creates nothing for a hack closed without merging, but does for a merged one", () => {
    expect(decide(facts({ trigger: { kind: "closed" } }, { state: "closed" }))).toEqual({ kind: "none" });
    expect(decide(facts({ trigger: { kind: "closed" } }, { state: "closed", merged: true, mergedAt: "2026-10-02T10:00:00Z" }))).toEqual({ kind: "create" });
  });

  it("knows when to read files and why/who", () => {
    const linked = appIssue(50, updateRecord(created.record, { createdByApp: true, pr: { number: 12, state: "open", declared: true } }));
    expect(needsChanges(facts(), { kind: "create" })).toBe(true);
    expect(needsChanges(facts({ trigger: { kind: "synchronize" } }), { kind: "keep", issue: linked })).toBe(true);
    expect(needsChanges(facts({ trigger: { kind: "edited", bodyChanged: true } }), { kind: "keep", issue: linked })).toBe(false);
    expect(needsChanges(facts({ trigger: { kind: "edited", bodyChanged: true } }), { kind: "link", issue: personIssue(45) })).toBe(true);
    expect(needsIntent(facts(), { kind: "create" })).toBe(true);
    expect(needsIntent(facts({ trigger: { kind: "edited", bodyChanged: true } }), { kind: "keep", issue: linked })).toBe(true);
    expect(needsIntent(facts({ trigger: { kind: "synchronize" } }), { kind: "keep", issue: linked })).toBe(false);
  });
});

describe("reading the files again", () => {
  const readAt = (sha: string, pr = 12) => updateRecord(created.record, { createdByApp: true, pr: { number: pr, state: "open", declared: true }, changes: { files: ["src/prices.ts"], markers: [], sha } });
  const keep = (record: DebtRecord) => ({ kind: "keep" as const, issue: appIssue(50, record) });

  it.each<Trigger["kind"]>(["opened", "reopened", "synchronize", "labeled"])("skips them on %s when the entry's files were read at the PR's head", (kind) => {
    expect(needsChanges(facts({ trigger: { kind } as Trigger }), keep(readAt(SHA)))).toBe(false);
    expect(needsChanges(facts({ trigger: { kind } as Trigger }), keep(readAt("0ld")))).toBe(true);
  });

  it("skips them for a /hack at the same head, and reads them once the head moved", () => {
    const command: Trigger = { kind: "command", command: { by: "lead", reason: "demo", fields: {} } };
    expect(needsChanges(facts({ trigger: command }), keep(readAt(SHA)))).toBe(false);
    expect(needsChanges(facts({ trigger: command }, { headSha: "new" }), keep(readAt(SHA)))).toBe(true);
  });

  it("goes by this PR's own entry: another PR of the record read at the same commit does not count", () => {
    const other = updateRecord(created.record, { createdByApp: true, pr: { number: 13, state: "open", declared: true }, changes: { files: ["a.ts"], markers: [], sha: SHA } });
    expect(needsChanges(facts({ trigger: { kind: "labeled" } }), keep(other))).toBe(true);
    expect(needsChanges(facts({ trigger: { kind: "labeled" } }, { number: 13 }), keep(other))).toBe(false);
  });

  it("reads them for an entry whose files were never read (an older record's, or one written while the PR was closed)", () => {
    expect(needsChanges(facts({ trigger: { kind: "labeled" } }), keep(created.record))).toBe(true);
  });
});

describe("the new debt issue", () => {
  it("is titled after the PR and holds the record", () => {
    expect(created.title).toBe("Rebuild: Hard-code prices");
    expect(created.owner).toBe("ana");
    expect(readDebtRecord(created.body)).toEqual(created.record);
    expect(created.record).toMatchObject({ createdByApp: true, reason: "For the demo.", hackPrs: [{ number: 12, state: "open", declared: true }] });
  });
});

describe("the plan", () => {
  it("links a just-created issue: comment first, then the label, then the check; the issue is already up to date", () => {
    const plan = planActions(facts({ linked: appIssue(50, created.record, { body: created.body }) }), rules, "advise");
    expect(types(plan.actions)).toEqual(["pr-comment", "add-label", "check"]);
    expect(plan.state).toEqual({ kind: "hack-pr", version: 1, declared: true, ways: ["label", "title", "section"], debt: { ...repo, number: 50, createdByApp: true, state: "open" }, pr: { state: "open" } });
    const comment = plan.actions[0];
    expect(readHackState(bodyOf(comment))).toEqual(plan.state);
    expect(plan.actions[1]).toEqual({ type: "add-label", issue: { ...repo, number: 12 }, label: { name: "hack", color: "fbca04", description: "A deliberate shortcut that must be rebuilt if it works (intentbot)" } });
    expect(plan.actions[2]).toMatchObject({ type: "check", headSha: SHA, result: { name: "Hack debt", conclusion: "success", title: "Rebuild debt tracked in #50" } });
  });

  it("writes nothing but the check when nothing changed", () => {
    const linked = appIssue(50, created.record, { body: created.body });
    const first = planActions(facts({ linked }, { labels: ["hack"] }), rules, "advise");
    const comment = first.actions.find((a) => kind(a) === "pr-comment");
    const again = planActions(facts({ linked, previous: first.state, previousComment: `<!-- intentbot:hack -->\n${bodyOf(comment)}` }, { labels: ["hack"] }), rules, "advise");
    expect(types(again.actions)).toEqual(["check"]);
  });

  it("links a named issue a person created: debt label and a debt comment that links back", () => {
    const plan = planActions(facts({ named: personIssue(45) }, { body: "## Hack\nFor the demo.\n\nDebt: #45", labels: ["hack"] }), rules, "advise");
    expect(types(plan.actions)).toEqual(["pr-comment", "add-label", "debt-comment", "check"]);
    expect(plan.actions[1]).toMatchObject({ issue: { number: 45 }, label: { name: "rebuild-debt" } });
    const debtComment = plan.actions[2];
    const record = readDebtRecord(bodyOf(debtComment));
    expect(record).toMatchObject({ createdByApp: false, hackPrs: [{ number: 12, state: "open" }] });
    expect(bodyOf(debtComment)).toContain("intentbot linked this issue as the **rebuild debt** of the hack in #12.");
    expect(plan.state?.debt).toEqual({ ...repo, number: 45, createdByApp: false, state: "open" });
  });

  it.each([
    ["advise", "neutral"],
    ["enforce", "failure"],
  ] as const)("a named closed issue is unmet in %s mode (%s)", (mode, conclusion) => {
    const plan = planActions(facts({ named: personIssue(45, { state: "closed" }) }, { body: "Debt: #45", labels: ["hack"] }), rules, mode);
    expect(types(plan.actions)).toEqual(["pr-comment", "check"]);
    expect(plan.actions[1]).toMatchObject({ result: { conclusion, title: "Debt issue #45 is closed" } });
  });

  it("records the merge: shipped in #N on DATE, outstanding", () => {
    const linked = appIssue(50, created.record);
    const plan = planActions(facts({ linked, trigger: { kind: "closed" } }, { labels: ["hack"], state: "closed", merged: true, mergedAt: "2026-10-02T10:00:00Z" }), rules, "advise");
    expect(types(plan.actions)).toEqual(["pr-comment", "update-debt-body"]);
    const update = plan.actions[1];
    const body = bodyOf(update);
    expect(body).toContain("**Outstanding:** shipped in #12 on 2026-10-02.");
    expect(readDebtRecord(body)?.hackPrs[0]).toMatchObject({ state: "merged", mergedAt: "2026-10-02T10:00:00Z" });
    expect(plan.state?.pr).toEqual({ state: "merged", mergedAt: "2026-10-02T10:00:00Z" });
  });

  it("closes the app's debt issue as not planned when the hack closes unmerged", () => {
    const plan = planActions(facts({ linked: appIssue(50, created.record), trigger: { kind: "closed" } }, { labels: ["hack"], state: "closed" }), rules, "advise");
    expect(types(plan.actions)).toEqual(["pr-comment", "update-debt-body", "close-debt"]);
    expect(plan.state?.debt).toMatchObject({ state: "closed", stateReason: "not_planned" });
  });

  it("leaves it open when another hack links it, and never closes a person's issue", () => {
    const shared = updateRecord(created.record, { createdByApp: true, pr: { number: 13, state: "merged", declared: true, mergedAt: "2026-09-01" } });
    const plan = planActions(facts({ linked: appIssue(50, shared), trigger: { kind: "closed" } }, { labels: ["hack"], state: "closed" }), rules, "advise");
    expect(types(plan.actions)).toEqual(["pr-comment", "update-debt-body"]);
    const person = personIssue(45, { record: updateRecord(undefined, { createdByApp: false, pr: { number: 12, state: "open", declared: true } }) });
    const closedOnPerson = planActions(facts({ linked: person, trigger: { kind: "closed" } }, { labels: ["hack"], state: "closed" }), rules, "advise");
    expect(types(closedOnPerson.actions)).not.toContain("close-debt");
  });

  it("reopens the debt issue it closed when the hack is reopened", () => {
    const closed = appIssue(50, created.record, { state: "closed", stateReason: "not_planned", closedByApp: true });
    const plan = planActions(facts({ linked: closed, trigger: { kind: "reopened" } }, { labels: ["hack"] }), rules, "advise");
    expect(types(plan.actions)).toContain("reopen-debt");
    expect(plan.state?.debt?.state).toBe("open");
    const byPerson = appIssue(50, created.record, { state: "closed", stateReason: "completed" });
    expect(types(planActions(facts({ linked: byPerson, trigger: { kind: "reopened" } }, { labels: ["hack"] }), rules, "advise").actions)).not.toContain("reopen-debt");
  });

  it("asks, and closes nothing, when the label is removed", () => {
    const plan = planActions(facts({ linked: appIssue(50, created.record), previous: linkedState(50), trigger: { kind: "unlabeled" } }, { body: "" }), rules, "advise");
    expect(types(plan.actions)).toEqual(["pr-comment", "update-debt-body", "check"]);
    const comment = bodyOf(plan.actions[0]);
    expect(comment).toContain("**Should #50 be closed?**");
    expect(comment).toContain("intentbot never closes it on its own");
    expect(plan.actions[2]).toMatchObject({ result: { conclusion: "success", title: "Not a hack" } });
    const update = bodyOf(plan.actions[1]);
    expect(readDebtRecord(update)?.hackPrs[0]?.declared).toBe(false);
  });

  it("does nothing for a PR that is not a hack and never was", () => {
    expect(planHack(facts({}, { title: "Prices", body: "" }), rules, "advise")).toEqual({ kind: "apply", actions: [] });
  });

  it("moves the link to a newly named issue and closes the superseded one it created", () => {
    const plan = planActions(facts({ linked: appIssue(50, created.record), named: personIssue(45) }, { body: "## Hack\nFor the demo.\nDebt: #45", labels: ["hack"] }), rules, "advise");
    expect(types(plan.actions)).toEqual(["pr-comment", "add-label", "debt-comment", "update-debt-body", "close-debt", "check"]);
    expect(plan.actions[3]).toMatchObject({ issue: { number: 50 } });
    const old = bodyOf(plan.actions[3]);
    expect(old).toContain("**Superseded:** the hack now names #45 as its debt issue.");
    expect(plan.actions[4]).toEqual({ type: "update-issue", issue: { ...repo, number: 50 }, change: { state: "closed", stateReason: "not_planned" } });
  });

  it("asks for the debt issue first; with it linked, plans as for any linked issue", () => {
    const first = planHack(facts(), rules, "advise");
    expect(first).toEqual({ kind: "create-debt", issue: created, label: { name: "rebuild-debt", color: "5319e7", description: "Rebuild owed by a hack (intentbot)" } });
    const issue = first.kind === "create-debt" ? first.issue : created;
    const second = planActions(facts({ linked: appIssue(50, issue.record, { body: issue.body }) }), rules, "advise");
    expect(types(second.actions)).toEqual(["pr-comment", "add-label", "check"]);
    expect(second.state?.debt).toEqual({ ...repo, number: 50, createdByApp: true, state: "open" });
  });

  it("keeps the reason it created a replacement on the second pass", () => {
    const replacing = { ...rules, replaceUnusableDebtIssue: true };
    const pr = { body: "## Hack\nFor the demo.\nDebt: #45", labels: ["hack"] };
    const first = planHack(facts({ named: personIssue(45, { state: "closed" }) }, pr), replacing, "advise");
    expect(first.kind).toBe("create-debt");
    const issue = first.kind === "create-debt" ? first.issue : created;
    const second = planActions(facts({ named: personIssue(45, { state: "closed" }), linked: appIssue(50, issue.record, { body: issue.body }) }, pr), replacing, "advise");
    expect(second.state).toMatchObject({ debt: { number: 50 }, problem: { kind: "named closed", ref: { ...repo, number: 45 } } });
  });

  it("plans the same with the decision the caller made as without it", () => {
    const linked = appIssue(50, created.record, { body: created.body });
    expect(planHack(facts({ linked }), rules, "advise", decideHack(facts({ linked }), rules))).toEqual(planHack(facts({ linked }), rules, "advise"));
    expect(planHack(facts(), rules, "advise", decideHack(facts(), rules))).toEqual(planHack(facts(), rules, "advise"));
  });
});

describe("debt issue closed or reopened", () => {
  it("shows the debt repaid, then outstanding again", () => {
    const merged = linkedState(50, { pr: { state: "merged", mergedAt: "2026-10-02T10:00:00Z" } });
    const repaid = debtStateChanged(merged, { ref: { ...repo, number: 50 }, state: "closed", stateReason: "completed" }, repo, rules);
    expect(repaid?.body).toContain("✅ **Repaid:** #50 is closed.");
    const reopened = debtStateChanged(repaid?.state ?? merged, { ref: { ...repo, number: 50 }, state: "open", stateReason: "reopened" }, repo, rules);
    expect(reopened?.body).toContain("Shipped on 2026-10-02: #50 is **outstanding** rebuild debt until it is closed.");
    expect(reopened?.state.debt).toEqual({ ...repo, number: 50, createdByApp: true, state: "open" });
  });

  it("ignores an issue the PR is not linked to", () => {
    expect(debtStateChanged(linkedState(50), { ref: { ...repo, number: 51 }, state: "closed" }, repo, rules)).toBeUndefined();
  });
});
