import type { Action } from "../actions.js";
import type { LabelSpec } from "../labels.js";
import type { RepoRef } from "../repo.js";
import { renderPhaseIssueBody, type CarriedIntent } from "./child.js";
import { phaseDebtIssue } from "./debt.js";
import type { PhasePlan, PhaseStep } from "./decide.js";
import { MAX_BODY_LENGTH } from "./limits.js";
import { renderPhasesSection } from "./render.js";
import { fillPhasesSlot, type PhasesSlot } from "./section.js";
import { phaseTitle } from "./title.js";
import type { PhaseState } from "./types.js";

/**
 * A `/phase` plan carried out in rounds. A step may need what an earlier one
 * created (the section records a new issue's number; the issue's link takes
 * its id; a hack phase's debt issue names its phase issue), so each round
 * ends with a create: the handler carries the round out, feeds the created
 * issue back, and asks for the next round. A round also ends before each
 * section write, so that the section is written into the parent's body as
 * read again just before (an edit people made meanwhile is kept). Since the
 * write that records a create opens the round after it, a run cut short
 * leaves a record of everything it made, and the next run reuses it.
 */

/** What the rounds render with, besides the plan. */
export interface PhaseRun extends PhasePlan {
  repo: RepoRef;
  parent: { number: number; title: string };
  /** The parent's why and who, which every phase issue repeats; only a plan that creates phase issues needs it. */
  intent?: CarriedIntent | undefined;
  /** Headings the intent check recognises (the first of `intent.why` and `intent.who`). */
  headings: { why: string; who: string };
  labels: { phase: LabelSpec; debt: LabelSpec };
  /** Who ran the command: the owner of any rebuild debt it creates. */
  actor: string;
}

export interface RoundProgress {
  /** From 0. */
  round: number;
  /** What the creates of the earlier rounds returned, in order. */
  created: readonly { number: number; id: number }[];
  /** The parent's body as read for this round, and where its section lies. */
  parent: { body: string; slot: PhasesSlot };
}

export interface PhaseRound {
  actions: Action[];
  /** No round follows this one. */
  last: boolean;
  /** The phases, with the issues created in earlier rounds. */
  phases: PhaseState[];
}

/** The actions of one round, pure: the same plan and progress give the same round. */
export function phaseRound(run: PhaseRun, progress: RoundProgress): PhaseRound {
  const state = new Map(run.next.map((phase) => [phase.number, { ...phase }]));
  const rounds = roundOfEachStep(run.steps);
  const actions: Action[] = [];
  let created = 0;
  run.steps.forEach((step, index) => {
    const round = rounds[index] ?? 0;
    if (round < progress.round && isCreate(step)) {
      const result = progress.created[created++];
      if (!result) throw new Error(`round ${progress.round} lacks what the create of round ${round} returned`);
      const phase = state.get(step.number);
      if (!phase) throw new Error(`phase ${step.number} is not in the plan`);
      if (step.type === "create-issue") Object.assign(phase, { issueNumber: result.number, issueId: result.id });
      else phase.debtIssueNumber = result.number;
    }
    if (round === progress.round) actions.push(...actionsOf(step, run, progress, state));
  });
  const phases = [...state.values()].sort((a, b) => a.number - b.number);
  return { actions, last: progress.round >= (rounds.at(-1) ?? 0), phases };
}

const isCreate = (step: PhaseStep): step is Extract<PhaseStep, { type: "create-issue" | "create-debt" }> =>
  step.type === "create-issue" || step.type === "create-debt";

/** A round starts before each section write and after each create. */
function roundOfEachStep(steps: readonly PhaseStep[]): number[] {
  let round = 0;
  return steps.map((step, index) => {
    const previous = steps[index - 1];
    if (step.type === "write-section" || (previous !== undefined && isCreate(previous))) round++;
    return round;
  });
}

function actionsOf(step: PhaseStep, run: PhaseRun, progress: RoundProgress, state: ReadonlyMap<number, PhaseState>): Action[] {
  const { repo, parent } = run;
  const phaseOf = (number: number): PhaseState => {
    const phase = state.get(number);
    if (!phase) throw new Error(`phase ${number} is not in the plan`);
    return phase;
  };
  const issue = (number: number) => ({ ...repo, number });
  switch (step.type) {
    case "create-issue": {
      const phase = phaseOf(step.number);
      if (!run.intent) throw new Error("a plan that creates phase issues needs the parent's intent");
      const body = renderPhaseIssueBody({ parent: parent.number, number: phase.number, name: phase.name, intent: run.intent, headings: run.headings });
      return [{ type: "create-issue", repo, issue: { title: phaseTitle(parent.title, phase.number, phase.name), body, labels: [run.labels.phase] } }];
    }
    case "link-issue": {
      const { issueId } = phaseOf(step.number);
      return issueId ? [{ type: "add-sub-issue", parent: issue(parent.number), child: issueId }] : [];
    }
    case "retitle-issue": {
      const { issueNumber } = phaseOf(step.number);
      return issueNumber ? [{ type: "update-issue", issue: issue(issueNumber), change: { title: step.title } }] : [];
    }
    case "close-issue": {
      const { issueNumber } = phaseOf(step.number);
      return issueNumber ? [{ type: "update-issue", issue: issue(issueNumber), change: { state: "closed", stateReason: "completed" } }] : [];
    }
    case "create-debt": {
      const phase = phaseOf(step.number);
      const { title, body } = phaseDebtIssue({ parent, phase, phaseTitle: phaseTitle(parent.title, phase.number, phase.name), owner: run.actor, reason: step.reason });
      // Its owner (who ran the command) is assigned, as a hack pull request's author is on its debt issue.
      return [{ type: "create-issue", repo, issue: { title, body, labels: [run.labels.debt], assignees: [run.actor] } }];
    }
    case "write-section": {
      const section = renderPhasesSection([...state.values()], run.commentUrl ? { commentUrl: run.commentUrl } : {});
      const body = fillPhasesSlot(progress.parent.slot, section);
      if (body === progress.parent.body) return [];
      // Checked before the first write (`decidePhases`); only an edit made meanwhile can grow the body this far.
      if (body.length > MAX_BODY_LENGTH) throw new Error(`the parent's body would be ${body.length} characters, over GitHub's limit`);
      return [{ type: "update-issue", issue: issue(parent.number), change: { body } }];
    }
    default: {
      const unknown: never = step;
      throw new Error(`unknown phase step ${JSON.stringify(unknown)}`);
    }
  }
}
