import { describe, expect, it } from "vitest";
import type { Action } from "../../../src/core/actions.js";
import { labelSpecs } from "../../../src/core/labels.js";
import type { PhaseStep } from "../../../src/core/phases/decide.js";
import { renderPhasesSection } from "../../../src/core/phases/render.js";
import { phaseRound, type PhaseRun, type RoundProgress } from "../../../src/core/phases/round.js";
import { phasesSlot, replacePhasesSection } from "../../../src/core/phases/section.js";
import type { PhaseState } from "../../../src/core/phases/types.js";

const repo = { owner: "o", repo: "r" };
const URL = "https://github.com/o/r/issues/1#issuecomment-5";
const BODY = "## Why\nx";

const next: PhaseState[] = [
  { number: 1, name: "Internal invite", hack: false, done: false, issueNumber: 11, issueId: 9011 },
  { number: 2, name: "Group invite", hack: true, done: false },
];

function run(steps: PhaseStep[], patch: Partial<PhaseRun> = {}): PhaseRun {
  return {
    next,
    steps,
    commentUrl: URL,
    repo,
    parent: { number: 1, title: "Invites" },
    intent: { why: "Teams grow slowly.", stories: [] },
    headings: { why: "why", who: "who" },
    labels: { phase: labelSpecs.phase("phase"), debt: labelSpecs.rebuildDebt("rebuild-debt") },
    actor: "lead",
    ...patch,
  };
}

function progress(round: number, created: { number: number; id: number }[] = [], body = BODY): RoundProgress {
  return { round, created, parent: { body, slot: phasesSlot(body) } };
}

const sectionOf = (phases: PhaseState[]) => replacePhasesSection(BODY, renderPhasesSection(phases, { commentUrl: URL }));
const types = (actions: readonly Action[]) => actions.map((a) => (a.type === "update-issue" ? `update #${a.issue.number} ${Object.keys(a.change).join(",")}` : a.type));

/** `/phase` planning phase 2 as a hack: its issue, the section, its link, its debt, the section, the closing section. */
const PLAN: PhaseStep[] = [
  { type: "link-issue", number: 1 },
  { type: "create-issue", number: 2 },
  { type: "write-section" },
  { type: "link-issue", number: 2 },
  { type: "create-debt", number: 2, reason: "demo" },
  { type: "write-section" },
  { type: "write-section" },
];

describe("phaseRound", () => {
  it.each([
    // round, what the earlier creates returned, the actions, whether it is the last
    [0, [], ["add-sub-issue", "create-issue"], false],
    [1, [{ number: 12, id: 9012 }], ["update #1 body", "add-sub-issue", "create-issue"], false],
    [2, [{ number: 12, id: 9012 }, { number: 13, id: 9013 }], ["update #1 body"], false],
    // The section as read already records everything: nothing to write.
    [3, [{ number: 12, id: 9012 }, { number: 13, id: 9013 }], [], true],
  ] as const)("round %i of a plan: after %j, %j", (round, created, expected, last) => {
    const body = round === 3 ? sectionOf([next[0] as PhaseState, { ...(next[1] as PhaseState), issueNumber: 12, issueId: 9012, debtIssueNumber: 13 }]) : BODY;
    const result = phaseRound(run(PLAN), progress(round, [...created], body));
    expect(types(result.actions)).toEqual(expected);
    expect(result.last).toBe(last);
  });

  it("renders each write whole, with the numbers fed back from the creates before it", () => {
    const first = phaseRound(run(PLAN), progress(0));
    expect(first.actions[0]).toEqual({ type: "add-sub-issue", parent: { ...repo, number: 1 }, child: 9011 });
    expect(first.actions[1]).toMatchObject({ type: "create-issue", repo, issue: { title: "Invites — Phase 2: Group invite", labels: [labelSpecs.phase("phase")] } });
    expect(first.actions[1]?.type === "create-issue" && first.actions[1].issue.body).toContain("Phase 2 of #1: **Group invite**\n\n## Why\nTeams grow slowly.");

    const second = phaseRound(run(PLAN), progress(1, [{ number: 12, id: 9012 }]));
    const recorded = [next[0] as PhaseState, { ...(next[1] as PhaseState), issueNumber: 12, issueId: 9012 }];
    expect(second.phases).toEqual(recorded);
    expect(second.actions).toEqual([
      { type: "update-issue", issue: { ...repo, number: 1 }, change: { body: sectionOf(recorded) } },
      { type: "add-sub-issue", parent: { ...repo, number: 1 }, child: 9012 },
      {
        type: "create-issue",
        repo,
        issue: { title: "Rebuild: Invites — Phase 2: Group invite", body: expect.stringContaining("phase 2 of #1 (#12)") as unknown, labels: [labelSpecs.rebuildDebt("rebuild-debt")], assignees: ["lead"] },
      },
    ]);

    const third = phaseRound(run(PLAN), progress(2, [{ number: 12, id: 9012 }, { number: 13, id: 9013 }]));
    expect(third.actions).toEqual([{ type: "update-issue", issue: { ...repo, number: 1 }, change: { body: sectionOf([recorded[0] as PhaseState, { ...(recorded[1] as PhaseState), debtIssueNumber: 13 }]) } }]);
  });

  it("keeps people's text around the section: it fills the slot of the body as read for the round", () => {
    const edited = `${BODY}\n\nAdded meanwhile.`;
    const [write] = phaseRound(run([{ type: "write-section" }]), progress(1, [], edited)).actions;
    expect(write?.type === "update-issue" && write.change.body?.startsWith(`${edited}\n\n<!-- intentbot:phases:start -->`)).toBe(true);
  });

  it.each([
    ["a section write alone is a round of its own, after an empty first", [{ type: "write-section" }], [[], ["update #1 body"]]],
    ["a close, then the section", [{ type: "close-issue", number: 1 }, { type: "write-section" }], [["update #11 state,stateReason"], ["update #1 body"]]],
    ["a retitle, then the section", [{ type: "retitle-issue", number: 1, title: "T" }, { type: "write-section" }], [["update #11 title"], ["update #1 body"]]],
    ["a step on a phase without an issue writes nothing", [{ type: "close-issue", number: 2 }, { type: "link-issue", number: 2 }, { type: "write-section" }], [[], ["update #1 body"]]],
  ] as [string, PhaseStep[], string[][]][])("%s", (_, steps, rounds) => {
    const all = rounds.map((__, round) => phaseRound(run(steps), progress(round)));
    expect(all.map((r) => types(r.actions))).toEqual(rounds);
    expect(all.map((r) => r.last)).toEqual(rounds.map((__, i) => i === rounds.length - 1));
  });

  it("refuses to go on without what an earlier create returned, or to grow the body past GitHub's limit", () => {
    expect(() => phaseRound(run(PLAN), progress(1))).toThrow("lacks what the create of round 0 returned");
    const huge = "x".repeat(65_530);
    expect(() => phaseRound(run([{ type: "write-section" }]), progress(1, [], huge))).toThrow("over GitHub's limit");
    expect(() => phaseRound(run(PLAN, { intent: undefined }), progress(0))).toThrow("needs the parent's intent");
  });
});
