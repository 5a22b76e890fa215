import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEstimate } from "../../../src/core/phases/estimate.js";
import { planPhaseChanges } from "../../../src/core/phases/plan.js";
import type { Estimate, PhaseState, PlannedPhase } from "../../../src/core/phases/types.js";
import { phaseStates, plannedPhases } from "./arbitraries.js";

const est = (text: string): Estimate => {
  const estimate = parseEstimate(text);
  if (!estimate) throw new Error(text);
  return estimate;
};

const existing: PhaseState[] = [
  { number: 1, name: "Internal invite", estimate: est("1.5w"), hack: false, done: true, issueNumber: 11, issueId: 111 },
  { number: 2, name: "External invite", estimate: est("2d"), hack: false, done: false, issueNumber: 12, issueId: 112 },
  { number: 3, name: "Group invite", hack: true, done: false, issueNumber: 13, issueId: 113, debtIssueNumber: 20 },
  { number: 4, name: "Polish", hack: false, done: false, issueNumber: 14, issueId: 114 },
];

describe("planPhaseChanges", () => {
  it("creates, renames, re-estimates and marks hacks by number, and reports what the list leaves out", () => {
    const requested: PlannedPhase[] = [
      { number: 1, name: "Internal invite", estimate: est("1.5w"), hack: false },
      { number: 2, name: "Invite by link", estimate: est("3d"), hack: true },
      { number: 3, name: "Group invite", hack: false },
      { number: 5, name: "Launch", estimate: est("1d"), hack: true },
    ];
    const changes = planPhaseChanges(existing, requested);
    expect(changes).toEqual({
      create: [{ number: 5, name: "Launch", estimate: est("1d"), hack: true }],
      rename: [{ number: 2, from: "External invite", to: "Invite by link" }],
      reestimate: [{ number: 2, from: est("2d"), to: est("3d") }],
      hack: [2],
      missing: [4],
      unchanged: [1, 3],
      next: [
        existing[0],
        { ...existing[1], name: "Invite by link", estimate: est("3d"), hack: true },
        existing[2],
        existing[3],
        { number: 5, name: "Launch", estimate: est("1d"), hack: true, done: false },
      ],
    });
  });

  it("keeps an estimate the new list does not give", () => {
    const changes = planPhaseChanges(existing, [{ number: 2, name: "External invite", hack: false }]);
    expect(changes.unchanged).toEqual([2]);
    expect(changes.next.find((p) => p.number === 2)?.estimate).toEqual(est("2d"));
  });

  it("re-estimates when only the wording of the estimate changes", () => {
    const changes = planPhaseChanges(existing, [{ number: 2, name: "External invite", estimate: est("16h"), hack: false }]);
    expect(changes.reestimate).toEqual([{ number: 2, from: est("2d"), to: est("16h") }]);
  });

  it("plans everything as new when nothing exists", () => {
    const requested: PlannedPhase[] = [
      { number: 1, name: "A", hack: false },
      { number: 2, name: "B", hack: true },
    ];
    const changes = planPhaseChanges([], requested);
    expect(changes.create).toEqual(requested);
    expect(changes.next).toEqual(requested.map((p) => ({ ...p, done: false })));
  });
});

describe("planPhaseChanges properties", () => {
  // Few distinct numbers, so that lists overlap and repeat numbers.
  const fold = <T extends { number: number }>(list: T[]) => list.map((p) => ({ ...p, number: (p.number % 8) + 1 }));
  const existingArb = fc.tuple(phaseStates(0, 8), phaseStates(0, 3)).map(([a, b]) => fold([...a, ...b]));
  const requestedArb = fc.tuple(plannedPhases(0, 8), plannedPhases(0, 3)).map(([a, b]) => fold([...a, ...b]));

  it("never deletes a phase and never plans a number twice", () => {
    fc.assert(
      fc.property(existingArb, requestedArb, (before, requested) => {
        const changes = planPhaseChanges(before, requested);
        const existingNumbers = new Set(before.map((p) => p.number));
        const requestedNumbers = new Set(requested.map((p) => p.number));
        const unique = (numbers: number[]) => expect(new Set(numbers).size).toBe(numbers.length);

        for (const list of [changes.create, changes.rename, changes.reestimate, changes.next]) unique(list.map((p) => p.number));
        for (const list of [changes.hack, changes.missing, changes.unchanged]) unique(list);

        // Every existing phase is kept, with its issues and progress, and accounted for exactly once.
        for (const number of existingNumbers) {
          const first = before.find((p) => p.number === number);
          const after = changes.next.find((p) => p.number === number);
          const progress = (p?: PhaseState) => [p?.done, p?.issueNumber, p?.issueId, p?.debtIssueNumber];
          expect(progress(after)).toEqual(progress(first));
          if (first?.hack) expect(after?.hack).toBe(true);
          const changed = [changes.rename, changes.reestimate].some((l) => l.some((c) => c.number === number)) || changes.hack.includes(number);
          expect([changes.missing.includes(number), changes.unchanged.includes(number), changed].filter(Boolean)).toHaveLength(1);
        }

        expect(changes.create.every((p) => !existingNumbers.has(p.number))).toBe(true);
        expect(changes.missing.every((n) => existingNumbers.has(n) && !requestedNumbers.has(n))).toBe(true);
        expect(new Set(changes.next.map((p) => p.number))).toEqual(new Set([...existingNumbers, ...requestedNumbers]));
        // Listed phases end up with the name the list gives them (the first time it lists them).
        for (const number of requestedNumbers) {
          expect(changes.next.find((p) => p.number === number)?.name).toBe(requested.find((p) => p.number === number)?.name);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("plans nothing when the list repeats the recorded phases", () => {
    fc.assert(
      fc.property(phaseStates(0, 12), (before) => {
        const changes = planPhaseChanges(before, before);
        expect(changes).toMatchObject({ create: [], rename: [], reestimate: [], hack: [], missing: [] });
        expect(changes.next).toEqual([...before].sort((a, b) => a.number - b.number));
      }),
    );
  });
});
