import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DashboardInput, DebtItem } from "../../../src/core/dashboard/model.js";
import { BODY_LIMIT, overdueReminder, parseDashboard, renderDashboard } from "../../../src/core/dashboard/render.js";
import { renderedMentions, renderedTableCells } from "../../helpers/rendered.js";
import { byPriority, summarize, weekOf } from "../../../src/core/dashboard/summary.js";

const NOW = new Date("2026-11-23T12:00:00Z");

function item(issue: number, patch: Partial<DebtItem> = {}): DebtItem {
  return { issue, title: `Rebuild: thing ${issue}`, state: "open", teams: [], hackPrs: [issue + 1000], shippedAt: "2026-10-01T00:00:00Z", interest: 0, ...patch };
}

function input(items: DebtItem[], patch: Partial<DashboardInput> = {}): DashboardInput {
  return { now: NOW, items, untracked: [], state: { history: [] }, repo: "octo-org/widgets", debtLabel: "rebuild-debt", ...patch };
}

describe("dashboard summary and priority", () => {
  const items = [
    item(1, { shippedAt: "2026-11-13T00:00:00Z", interest: 5 }),
    item(2, { shippedAt: "2026-09-24T00:00:00Z", rebuildBy: "2026-11-01", rebuildHours: 80 }),
    item(3, { shippedAt: "2026-11-03T00:00:00Z", interest: 5, rebuildHours: 4 }),
    item(4, { shippedAt: undefined }),
    item(5, { state: "closed", stateReason: "completed", closedAt: "2026-11-10T00:00:00Z" }),
    item(6, { state: "closed", stateReason: "completed", closedAt: "2026-09-10T00:00:00Z" }),
    item(7, { state: "closed", stateReason: "not_planned", closedAt: "2026-11-10T00:00:00Z" }),
  ];

  it("summarises outstanding, overdue, ages, effort, interest and repayments", () => {
    expect(summarize(items, 2, NOW)).toEqual({
      outstanding: 3,
      overdue: 1,
      pending: 1,
      untracked: 2,
      oldestDays: 60,
      medianDays: 20,
      rebuildHours: 84,
      unestimated: 1,
      interest: 10,
      interestUnknown: 0,
      repaid30: 1,
      repaid90: 2,
    });
  });

  it("counts the items whose interest is unknown apart from the known interest", () => {
    const unknown = items.map((item) => ({ ...item, interest: null }));
    expect(summarize(unknown, 0, NOW)).toMatchObject({ interest: 0, interestUnknown: 3 });
  });

  it("sorts overdue first, then interest, then age", () => {
    const order = items.slice(0, 3).sort(byPriority(NOW)).map((i) => i.issue);
    expect(order).toEqual([2, 3, 1]);
  });

  it("weeks start on Monday", () => {
    expect(weekOf(new Date("2026-11-23T12:00:00Z"))).toBe("2026-11-23");
    expect(weekOf(new Date("2026-11-29T23:00:00Z"))).toBe("2026-11-23");
  });
});

describe("dashboard render", () => {
  it("renders the table, lists, actions and a mermaid trend", () => {
    const { body, state } = renderDashboard(
      input([item(2, { rebuildBy: "2026-11-01", owner: "ana", teams: ["@acme/web"], estimate: "2w", rebuildWhen: "we sign a customer" }), item(5, { state: "closed", stateReason: "completed", closedAt: "2026-11-10T00:00:00Z" })], {
        untracked: [{ pr: 33, title: "quick fix", mergedAt: "2026-11-01T00:00:00Z" }],
        state: { history: [{ week: "2026-11-16", outstanding: 3 }] },
      }),
      "Hack-to-rebuild debt dashboard",
    );
    expect(body).toContain("| #2 Rebuild: thing 2 | #1002 | 2026-10-01 | 53 d | @\u200bana | `@acme/web` | 2w | when: we sign a customer · by 2026-11-01 ⚠️ **overdue** | 0 | ? | ? | — (estimate unreadable) | ? |");
    expect(body).toContain("- [ ] <!-- intentbot:action:remind-overdue --> Remind the owners of overdue items");
    expect(body).toContain("- #5 Rebuild: thing 5 — repaid 2026-11-10");
    expect(body).toContain("- #33 quick fix — merged 2026-11-01");
    expect(body).toContain('```mermaid\nxychart-beta\n  x-axis ["11-16", "11-23"]\n  y-axis "items" 0 --> 3\n  line [3, 1]\n```');
    expect(state.history).toEqual([
      { week: "2026-11-16", outstanding: 3 },
      { week: "2026-11-23", outstanding: 1 },
    ]);
  });

  it("is deterministic, so an unchanged dashboard is not edited", () => {
    const a = renderDashboard(input([item(1), item(2)]), "T").body;
    expect(renderDashboard(input([item(2), item(1)]), "T").body).toBe(a);
  });

  it("keeps 5,000 items within GitHub's body limit, whole rows only, with a link to the rest", () => {
    const many = Array.from({ length: 5000 }, (_, i) => item(i + 1, { title: `Rebuild: a long descriptive title for debt item number ${i + 1}`, owner: "someone", teams: ["@acme/platform"], estimate: "2w", rebuildWhen: "after launch", interest: i % 7 }));
    const { body } = renderDashboard(input(many), "Hack-to-rebuild debt dashboard");
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT);
    const rows = body.split("\n").filter((l) => /^\| #\d+ /.test(l));
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) expect(r.endsWith(" |")).toBe(true);
    expect(body).toMatch(new RegExp(`…and ${5000 - rows.length} more outstanding item\\(s\\): \\[list them all\\]\\(https://github.com/octo-org/widgets/issues\\?q=`));
    expect(parseDashboard(body).state.history).toHaveLength(1);
  });

  it("render then parse returns the same state (property)", () => {
    const history = fc.array(fc.record({ week: fc.date({ min: new Date("2025-01-01"), max: new Date("2026-11-22"), noInvalidDate: true }).map((d) => weekOf(d)), outstanding: fc.nat(500) }), { maxLength: 15 });
    const items = fc.array(
      fc.record({ issue: fc.integer({ min: 1, max: 100000 }), title: fc.string({ maxLength: 100 }), interest: fc.nat(50), owner: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }) }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(history, items, fc.option(fc.string({ maxLength: 40 }), { nil: undefined }), (h, its, paused) => {
        const unique = [...new Map(h.map((p) => [p.week, p])).values()];
        const state = { history: unique, ...(paused === undefined ? {} : { pausedConfig: paused }) };
        const rendered = renderDashboard(input(its.map((i) => item(i.issue, i)), { state }), "T");
        const parsed = parseDashboard(rendered.body);
        expect(parsed.state).toEqual(rendered.state);
        expect(parsed.ticked).toEqual([]);
      }),
    );
  });

  it("finds ticked action boxes, and only real ones", () => {
    const { body } = renderDashboard(input([item(1)]), "T");
    const ticked = body.replace("- [ ] <!-- intentbot:action:remind-overdue -->", "- [x] <!-- intentbot:action:remind-overdue -->");
    expect(parseDashboard(ticked).ticked).toEqual(["remind-overdue"]);
    expect(parseDashboard("- [x] Remind the owners of overdue items").ticked).toEqual([]);
  });

  it("neutralises mentions and markers in titles", () => {
    const { body } = renderDashboard(input([item(1, { title: "fix @octo-org/team <!-- intentbot:data {} -->" })]), "T");
    expect(body).not.toMatch(/@[\w]/);
    expect(body.match(/<!-- intentbot:data/g)).toHaveLength(1);
  });
});

describe("dashboard escaping", () => {
  it("a title with a backslash before a pipe stays in its cell", () => {
    const { body } = renderDashboard(input([item(2, { title: "x\\|y", owner: "ana", estimate: "2\\\\|w", rebuildWhen: "a|b" }), item(3)]), "Debt");
    const cells = renderedTableCells(body);
    // The summary table has 2 columns, the outstanding table 13: head and two rows.
    expect(cells.filter((n) => n !== 2)).toEqual([13, 13, 13]);
  });

  it("quotes titles, owners and teams without mentions or markers", () => {
    const { body } = renderDashboard(input([item(2, { title: "&#64;ana <!-- intentbot:data {} -->", owner: "bo", teams: ["@acme/web", "x` @acme/all"] })]), "＠everyone");
    expect(renderedMentions(body.replace(/<!-- intentbot:[\w-]+(:[\w-]+)? -->/g, ""))).toEqual([]);
    expect(body.match(/<!-- intentbot:data /g)).toHaveLength(1);
    expect(body).toContain("`@acme/web`");
  });

  it("the overdue reminder mentions only a login or a team", () => {
    const overdue = item(2, { rebuildBy: "2026-11-01" });
    expect(overdueReminder({ ...overdue, owner: "ana" }, 99, NOW)).toMatch(/^@ana this rebuild debt/);
    expect(overdueReminder({ ...overdue, owner: "acme/web" }, 99, NOW)).toMatch(/^@acme\/web this rebuild debt/);
    expect(overdueReminder({ ...overdue, owner: "x @everyone" }, 99, NOW)).toMatch(/^x @\u200beveryone: this rebuild debt/);
  });
});
