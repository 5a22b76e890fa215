import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decideChecklist, decidePhases, type PhaseFacts, type PhaseStep } from "../../../src/core/phases/decide.js";
import { parseEstimate } from "../../../src/core/phases/estimate.js";
import type { PhaseIssue } from "../../../src/core/phases/reconcile.js";
import { renderPhasesSection } from "../../../src/core/phases/render.js";
import { phasesSlot, replacePhasesSection } from "../../../src/core/phases/section.js";
import { plannedIn } from "../../../src/core/phases/state.js";
import type { Estimate, PhaseCommand, PhaseState } from "../../../src/core/phases/types.js";
import { phaseStates, plannedPhases } from "./arbitraries.js";

const est = (text: string): Estimate => {
  const estimate = parseEstimate(text);
  if (!estimate) throw new Error(text);
  return estimate;
};

const URL = "https://github.com/o/r/issues/1#issuecomment-5";

const phases: PhaseState[] = [
  { number: 1, name: "Internal invite", estimate: est("1.5w"), hack: false, done: false, issueNumber: 11, issueId: 9011 },
  { number: 2, name: "External invite", estimate: est("2d"), hack: false, done: false, issueNumber: 12, issueId: 9012 },
];

function issuesOf(list: readonly PhaseState[], linked = true): Map<number, PhaseIssue> {
  return new Map(
    list.filter((p) => p.issueNumber).map((p) => [p.number, { number: p.issueNumber ?? 0, id: p.issueId ?? 0, open: !p.done, title: p.name, linked }]),
  );
}

/** The parent as `readPhasesSection` gives it to the decision. */
function parentOf(body: string, number = 1, title = "Invites"): PhaseFacts["parent"] {
  return { number, title, slot: phasesSlot(body), plannedIn: plannedIn(body) };
}

function facts(command: PhaseCommand, patch: Partial<PhaseFacts> = {}): PhaseFacts {
  const list = patch.phases ?? phases;
  return {
    command,
    parent: parentOf("## Why\nx"),
    phases: list,
    issues: issuesOf(list),
    recovered: [],
    section: "readable",
    subIssues: true,
    otherChildren: 0,
    debt: { create: true },
    commentUrl: URL,
    ...patch,
  };
}

const types = (steps: readonly PhaseStep[]) => steps.map((a) => a.type);

describe("decidePhases", () => {
  it("plans new issues (each recorded in the section at once, then linked), a retitle and the debt of a hack phase, then the section", () => {
    const decision = decidePhases(
      facts({
        kind: "plan",
        phases: [
          { number: 1, name: "Internal invite", hack: false },
          { number: 2, name: "Invite by link", hack: false },
          { number: 3, name: "Group invite", hack: true, estimate: est("3d") },
        ],
      }),
    );
    expect(decision).toMatchObject({
      kind: "apply",
      steps: [
        { type: "create-issue", number: 3 },
        { type: "write-section" },
        { type: "link-issue", number: 3 },
        { type: "retitle-issue", number: 2, title: "Invites — Phase 2: Invite by link" },
        { type: "create-debt", number: 3 },
        { type: "write-section" },
        { type: "write-section" },
      ],
      report: { created: [3], renamed: [{ number: 2, from: "External invite", to: "Invite by link" }], hacked: [3], missing: [] },
      commentUrl: URL,
    });
  });

  it("links a confirmed phase issue that is not a sub-issue yet (a run cut short before linking)", () => {
    const decision = decidePhases(facts({ kind: "plan", phases: [{ number: 1, name: "Internal invite", hack: false }] }, { issues: issuesOf(phases, false) }));
    expect(decision.kind === "apply" && decision.steps).toEqual([{ type: "link-issue", number: 1 }, { type: "link-issue", number: 2 }, { type: "write-section" }]);
  });

  it("links nothing where GitHub has no sub-issues", () => {
    const decision = decidePhases(facts({ kind: "plan", phases: [{ number: 3, name: "Group invite", hack: false }] }, { issues: issuesOf(phases, false), subIssues: false }));
    expect(decision.kind === "apply" && types(decision.steps)).toEqual(["create-issue", "write-section", "write-section"]);
  });

  it("gives a hack phase no debt issue where the hack feature does not create them, and says why", () => {
    const decision = decidePhases(facts({ kind: "hack", number: 2 }, { debt: { create: false, why: "off" } }));
    expect(decision).toMatchObject({ kind: "apply", steps: [{ type: "write-section" }], report: { target: 2, hacked: [2], already: false } });
  });

  it("/phase hack N passes the reason on, once", () => {
    const first = decidePhases(facts({ kind: "hack", number: 2, reason: "ship before the launch" }));
    expect(first.kind === "apply" && first.steps.slice(0, 2)).toEqual([{ type: "create-debt", number: 2, reason: "ship before the launch" }, { type: "write-section" }]);
    expect(first.kind === "apply" && first.steps[0]).toEqual({ type: "create-debt", number: 2, reason: "ship before the launch" });
    const again = decidePhases(facts({ kind: "hack", number: 2 }, { phases: phases.map((p) => (p.number === 2 ? { ...p, hack: true, debtIssueNumber: 20 } : p)) }));
    expect(again).toMatchObject({ kind: "apply", steps: [{ type: "write-section" }], report: { already: true, hacked: [] } });
  });

  it("/phase done N closes an open phase issue, and keeps the plan's comment link", () => {
    const body = replacePhasesSection("text", renderPhasesSection(phases, { commentUrl: URL }));
    const decision = decidePhases(facts({ kind: "done", number: 2 }, { parent: parentOf(body), commentUrl: "https://github.com/o/r/issues/1#issuecomment-99" }));
    expect(decision).toMatchObject({ kind: "apply", steps: [{ type: "close-issue", number: 2 }, { type: "write-section" }], commentUrl: URL, report: { already: false } });
    expect(decision.kind === "apply" && decision.next.find((p) => p.number === 2)?.done).toBe(true);
  });

  it("/phase done N on a deferred phase closes its issue again, as completed", () => {
    const issues = issuesOf(phases);
    issues.set(2, { number: 12, id: 9012, open: false, notPlanned: true, title: "x", linked: true });
    const decision = decidePhases(facts({ kind: "done", number: 2 }, { issues }));
    expect(decision).toMatchObject({ kind: "apply", steps: [{ type: "close-issue", number: 2 }, { type: "write-section" }], report: { already: false } });
  });

  it("refuses an unknown phase number, with the numbers there are", () => {
    expect(decidePhases(facts({ kind: "done", number: 5 }))).toEqual({ kind: "refuse", reply: "This issue has no phase 5; its phases are 1 and 2. `/phase list` shows them." });
    expect(decidePhases(facts({ kind: "hack", number: 1 }, { phases: [] }))).toMatchObject({ kind: "refuse", reply: expect.stringContaining("This issue has no phases yet") as unknown });
  });

  it("refuses before the first write when the limits would be broken", () => {
    const plan = (n: number): PhaseCommand => ({ kind: "plan", phases: Array.from({ length: n }, (_, i) => ({ number: i + 3, name: `P${i + 3}`, hack: false })) });
    expect(decidePhases(facts(plan(99))).kind).toBe("refuse");
    expect(decidePhases(facts(plan(98))).kind).toBe("apply");
    expect(decidePhases(facts(plan(90), { otherChildren: 9 }))).toMatchObject({ kind: "refuse", reply: expect.stringContaining("already has 9 other sub-issues") as unknown });
    const long = parentOf("x".repeat(65_000));
    expect(decidePhases(facts(plan(5), { parent: long }))).toMatchObject({ kind: "refuse", reply: expect.stringContaining("65,536") as unknown });
  });

  it("refuses to plan over an unreadable section it cannot rebuild", () => {
    const decision = decidePhases(facts({ kind: "plan", phases: [{ number: 1, name: "A", hack: false }] }, { phases: [], section: "unreadable", subIssues: false }));
    expect(decision).toMatchObject({ kind: "refuse", reply: expect.stringContaining("can no longer read it") as unknown });
    // With sub-issues, the phases were rebuilt from them and the plan goes on.
    expect(decidePhases(facts({ kind: "list" }, { section: "unreadable", recovered: [1, 2] })).kind).toBe("reply");
  });

  it("/phase list only answers", () => {
    const decision = decidePhases(facts({ kind: "list" }));
    expect(decision.kind).toBe("reply");
  });
});

/** What applying a decision leaves behind, as the next run reads it. */
function applied(decision: ReturnType<typeof decidePhases>, start: number): { phases: PhaseState[]; issues: Map<number, PhaseIssue> } {
  if (decision.kind !== "apply") throw new Error(decision.kind);
  let next = start;
  const state = new Map(decision.next.map((p) => [p.number, { ...p }]));
  for (const action of decision.steps) {
    const phase = "number" in action ? state.get(action.number) : undefined;
    if (action.type === "create-issue" && phase) {
      phase.issueNumber = next++;
      phase.issueId = phase.issueNumber + 9000;
    }
    if (action.type === "create-debt" && phase) phase.debtIssueNumber = next++;
    if (action.type === "close-issue" && phase) phase.done = true;
  }
  const phases = [...state.values()];
  return { phases, issues: issuesOf(phases) };
}

describe("decidePhases, properties", () => {
  it("never drops a phase, creates an issue only for a phase without one, and a second run changes nothing", () => {
    fc.assert(
      fc.property(phaseStates(0, 10), plannedPhases(1, 10), (existing, requested) => {
        const linked = existing.map((p) => ({ ...p, issueId: p.issueNumber ? p.issueNumber + 9000 : undefined }));
        const first = facts({ kind: "plan", phases: requested }, { phases: linked, issues: issuesOf(linked) });
        const decision = decidePhases(first);
        if (decision.kind !== "apply") return;
        const numbers = new Set(decision.next.map((p) => p.number));
        for (const p of existing) expect(numbers.has(p.number)).toBe(true);
        const created = decision.steps.filter((a) => a.type === "create-issue").map((a) => a.number);
        expect(created).toEqual(decision.next.filter((p) => !p.issueNumber).map((p) => p.number));

        const after = applied(decision, 1_000_000);
        const body = replacePhasesSection("## Why\nx", renderPhasesSection(after.phases, { commentUrl: URL }));
        const again = decidePhases({ ...first, ...after, parent: parentOf(body) });
        expect(again.kind === "apply" && types(again.steps)).toEqual(["write-section"]);
      }),
    );
  });

  it("never throws, whatever the state and command", () => {
    const command: fc.Arbitrary<PhaseCommand> = fc.oneof(
      plannedPhases(1, 5).map((p): PhaseCommand => ({ kind: "plan", phases: p })),
      fc.constant<PhaseCommand>({ kind: "list" }),
      fc.integer({ min: 1, max: 12 }).map((number): PhaseCommand => ({ kind: "done", number })),
      fc.integer({ min: 1, max: 12 }).map((number): PhaseCommand => ({ kind: "hack", number, reason: "x" })),
    );
    fc.assert(
      fc.property(phaseStates(0, 8), command, fc.boolean(), fc.constantFrom("absent", "readable", "unreadable" as const), (list, cmd, subIssues, section) => {
        const decision = decidePhases(facts(cmd, { phases: list, issues: issuesOf(list), subIssues, section }));
        expect(["apply", "reply", "refuse"]).toContain(decision.kind);
      }),
    );
  });
});

describe("decideChecklist", () => {
  it("rewrites a readable section as the phases are, keeping the plan's comment", () => {
    const body = replacePhasesSection("text", renderPhasesSection(phases, { commentUrl: URL }));
    expect(decideChecklist(facts({ kind: "list" }, { parent: parentOf(body) }))).toEqual({ next: phases, steps: [{ type: "write-section" }], commentUrl: URL });
  });

  it.each([
    ["an unreadable section", { section: "unreadable" as const }],
    ["no section", { section: "absent" as const }],
    ["phases recovered from their issues", { recovered: [2] }],
  ])("leaves %s for the next /phase", (_, patch) => {
    expect(decideChecklist(facts({ kind: "list" }, patch))).toBeUndefined();
  });
});

describe("plannedIn", () => {
  it("finds the plan's comment only inside the section", () => {
    expect(plannedIn(replacePhasesSection("x", renderPhasesSection(phases, { commentUrl: URL })))).toBe(URL);
    expect(plannedIn(`[this comment](${URL})`)).toBeUndefined();
  });
});
