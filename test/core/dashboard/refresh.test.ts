import { describe, expect, it } from "vitest";
import type { DebtItem } from "../../../src/core/dashboard/model.js";
import { DEFAULT_DASHBOARD_ROI } from "../../../src/core/dashboard/order.js";
import { decideClosed, planRefresh, switchKey, type RefreshFacts } from "../../../src/core/dashboard/refresh.js";
import { parseDashboard, renderDashboard } from "../../../src/core/dashboard/render.js";
import { planRollup, renderRollup, type RollupFacts } from "../../../src/core/dashboard/rollup.js";
import { labelSpecs } from "../../../src/core/labels.js";

const repo = { owner: "o", repo: "r" };
const NOW = new Date("2026-11-23T12:00:00Z");
const SETTINGS = { enabled: true, title: "Debt", label: "intent-dashboard" };
const KEY = switchKey(SETTINGS);

const item = (patch: Partial<DebtItem>): DebtItem => ({
  issue: 50,
  title: "Rebuild: prices",
  state: "open",
  teams: [],
  hackPrs: [12],
  shippedAt: "2026-10-02T10:00:00Z",
  owner: "ana",
  interest: 0,
  ...patch,
});
const overdue = item({ rebuildBy: "2026-11-01" });
const onTime = item({ issue: 51, rebuildBy: "2026-12-01" });

describe("decideClosed: a dashboard a person closed", () => {
  const closed = (body: string) => ({ issue: { ...repo, number: 99 }, body, parsed: parseDashboard(body) });
  const record = (pausedConfig?: string) => `<!-- intentbot:data ${JSON.stringify({ kind: "dashboard", history: [], ...(pausedConfig && { pausedConfig }) })} -->`;

  it.each([
    ["is paused the first time: the settings it was closed under are noted in its record", `top\n${record()}\nend`, false, { kind: "paused", actions: [{ type: "update-issue", issue: { ...repo, number: 99 }, change: { body: `top\n${record(KEY)}\nend` } }] }],
    ["gets the record appended when it has none", "top", false, { kind: "paused", actions: [{ type: "update-issue", issue: { ...repo, number: 99 }, change: { body: `top\n${record(KEY)}` } }] }],
    ["stays paused, unwritten, under the same settings", record(KEY), false, { kind: "paused", actions: [] }],
    ["is reopened by /dashboard on", record(KEY), true, { kind: "reopen" }],
    ["is reopened when the settings changed since", record(switchKey({ ...SETTINGS, title: "Old" })), false, { kind: "reopen" }],
  ])("%s", (_, body, turnOn, expected) => {
    expect(decideClosed(closed(body), SETTINGS, turnOn)).toEqual(expected);
  });
});

describe("planRefresh", () => {
  const facts = (patch: Partial<RefreshFacts>): RefreshFacts => ({
    repo,
    now: NOW,
    title: "Debt",
    label: "intent-dashboard",
    debtLabel: "rebuild-debt",
    roi: DEFAULT_DASHBOARD_ROI,
    items: [overdue, onTime],
    untracked: [],
    ...patch,
  });
  const rendered = (items: DebtItem[]) => renderDashboard({ now: NOW, items, untracked: [], state: { history: [] }, repo: "o/r", debtLabel: "rebuild-debt", roi: DEFAULT_DASHBOARD_ROI }, "Debt").body;
  const found = (body: string, reopen = false) => ({ number: 99, reopen, body, parsed: parseDashboard(body) });
  const ticked = "- [x] <!-- intentbot:action:remind-overdue --> Remind";

  it.each([
    ["no dashboard and no debt: nothing", { items: [item({ state: "closed" })] }, "none", []],
    ["no dashboard and an open debt: created, labelled", {}, "created", ["create-issue"]],
    ["no dashboard and only untracked hacks: created", { items: [], untracked: [{ pr: 3, title: "t", mergedAt: "2026-11-01" }] }, "created", ["create-issue"]],
    ["a dashboard that says it all already: nothing written", { dashboard: found(rendered([overdue, onTime])) }, "unchanged", []],
    ["a stale one: its body", { dashboard: found("old") }, "updated", ["update-issue"]],
    ["one to reopen: reopened, then written", { dashboard: found("old", true) }, "updated", ["update-issue", "update-issue"]],
    ["a ticked reminder: a comment on each overdue item only, then the body with the box reset", { dashboard: found(ticked) }, "updated", ["comment", "update-issue"]],
  ] as [string, Partial<RefreshFacts>, string, string[]][])("%s", (_, patch, outcome, types) => {
    const plan = planRefresh(facts(patch));
    expect(plan.outcome).toBe(outcome);
    expect(plan.actions.map((a) => a.type)).toEqual(types);
    expect(plan.summary === undefined).toBe(outcome === "none");
  });

  it("writes exactly what it renders, where it belongs", () => {
    const [reopen, reminder, body] = planRefresh(facts({ dashboard: found(ticked, true) })).actions;
    expect(reopen).toEqual({ type: "update-issue", issue: { ...repo, number: 99 }, change: { state: "open" } });
    expect(reminder).toMatchObject({ type: "comment", issue: { ...repo, number: 50 }, body: expect.stringMatching(/^@ana this rebuild debt was due by 2026-11-01 .*\(Reminder from the debt dashboard, #99\.\)$/) as unknown });
    expect(body).toEqual({ type: "update-issue", issue: { ...repo, number: 99 }, change: { body: rendered([overdue, onTime]) } });
    const [create] = planRefresh(facts({})).actions;
    expect(create).toEqual({ type: "create-issue", repo, issue: { title: "Debt", body: rendered([overdue, onTime]), labels: [labelSpecs.dashboard("intent-dashboard")] } });
  });

  it("gives the repository's row for the roll-up", () => {
    expect(planRefresh(facts({})).summary).toEqual({ outstanding: 2, overdue: 1, interest: 0, history: [{ week: "2026-11-23", outstanding: 2 }], paybacks: [] });
  });
});

describe("planRollup", () => {
  const row = { outstanding: 1, overdue: 0, interest: 0, history: [] };
  const home = { owner: "o", repo: ".github" };
  const facts = (patch: Partial<RollupFacts>): RollupFacts => ({ home, title: "Org debt", label: "intent-dashboard", rows: { "o/r": row }, replaceAll: false, turnOn: false, ...patch });
  const issue = { ...home, number: 4 };

  it.each([
    ["none yet: created with the row", {}, [{ type: "create-issue", repo: home, issue: { title: "Org debt", body: renderRollup({ "o/r": row }, "Org debt"), labels: [labelSpecs.dashboard("intent-dashboard")] } }]],
    ["the row merged into the others", { found: { number: 4, state: "open", body: "old", rows: { "o/a": row } } }, [{ type: "update-issue", issue, change: { body: renderRollup({ "o/a": row, "o/r": row }, "Org debt") } }]],
    ["the whole table, without the rows gone", { replaceAll: true, found: { number: 4, state: "open", body: "old" } }, [{ type: "update-issue", issue, change: { body: renderRollup({ "o/r": row }, "Org debt") } }]],
    ["unchanged: nothing", { found: { number: 4, state: "open", body: renderRollup({ "o/r": row }, "Org debt"), rows: { "o/r": row } } }, []],
    ["rows that could not be read: nothing, rather than losing them", { found: { number: 4, state: "open", body: "old" } }, []],
    ["closed by a person: left closed", { found: { number: 4, state: "closed", body: "old", rows: {} } }, []],
    ["closed, and /dashboard on: reopened and written", { turnOn: true, found: { number: 4, state: "closed", body: "old", rows: {} } }, [{ type: "update-issue", issue, change: { state: "open" } }, { type: "update-issue", issue, change: { body: renderRollup({ "o/r": row }, "Org debt") } }]],
  ] as [string, Partial<RollupFacts>, unknown[]][])("%s", (_, patch, expected) => {
    expect(planRollup(facts(patch))).toEqual(expected);
  });
});
