import { describe, expect, it } from "vitest";
import { nameFromTitle, reconcilePhases, type PhaseIssue } from "../../../src/core/phases/reconcile.js";
import type { PhaseState } from "../../../src/core/phases/types.js";

const issue = (number: number, patch: Partial<PhaseIssue> = {}): PhaseIssue => ({ number, id: 9000 + number, open: true, title: `Invites — Phase ${number - 10}: x`, linked: true, ...patch });

describe("reconcilePhases", () => {
  it("keeps recorded issues that are confirmed, forgets the others, and takes done from the issue", () => {
    const recorded: PhaseState[] = [
      { number: 1, name: "Internal", hack: false, done: false, issueNumber: 11, issueId: 1 },
      // Someone pointed phase 2 at an unrelated issue.
      { number: 2, name: "External", hack: false, done: true, issueNumber: 7, issueId: 7 },
      { number: 3, name: "Group", hack: true, done: true, issueNumber: 13, debtIssueNumber: 30 },
    ];
    const issues = new Map([
      [1, issue(11, { open: false })],
      [3, issue(13)],
    ]);
    expect(reconcilePhases(recorded, issues)).toEqual({
      phases: [
        { number: 1, name: "Internal", hack: false, done: true, issueNumber: 11, issueId: 9011 },
        { number: 2, name: "External", hack: false, done: true },
        // A ticked box does not make an open issue's phase done.
        { number: 3, name: "Group", hack: true, done: false, issueNumber: 13, issueId: 9013, debtIssueNumber: 30 },
      ],
      recovered: [],
    });
  });

  it("a phase whose issue was closed as not planned is deferred, not done", () => {
    const recorded: PhaseState[] = [{ number: 1, name: "Group", hack: false, done: true, issueNumber: 11 }];
    expect(reconcilePhases(recorded, new Map([[1, issue(11, { open: false, notPlanned: true })]])).phases[0]?.done).toBe(false);
  });

  it("recovers phases found only as issues, named after their titles", () => {
    const issues = new Map([
      [2, issue(12, { title: "Invites — Phase 2: Invite by link" })],
      [1, issue(11, { title: "Renamed by hand", open: false })],
    ]);
    expect(reconcilePhases([], issues)).toEqual({
      phases: [
        { number: 1, name: "Renamed by hand", hack: false, done: true, issueNumber: 11, issueId: 9011 },
        { number: 2, name: "Invite by link", hack: false, done: false, issueNumber: 12, issueId: 9012 },
      ],
      recovered: [1, 2],
    });
  });
});

describe("nameFromTitle", () => {
  it("takes the name after the phase's tag", () => {
    expect(nameFromTitle("A — B — Phase 3: Group invite", 3)).toBe("Group invite");
    expect(nameFromTitle("   ", 3)).toBe("Phase 3");
    expect([...nameFromTitle("x".repeat(300), 1)]).toHaveLength(200);
  });
});
