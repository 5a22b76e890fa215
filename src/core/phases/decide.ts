import { MAX_BODY_LENGTH, MAX_PHASES } from "./limits.js";
import { planPhaseChanges } from "./plan.js";
import type { PhaseIssue } from "./reconcile.js";
import { renderPhasesSection } from "./render.js";
import { fillPhasesSlot, type PhasesSlot } from "./section.js";
import { phaseTitle } from "./title.js";
import type { Estimate, PhaseCommand, PhaseState, PlannedPhase } from "./types.js";
import * as reply from "./reply.js";

/** Whether a hack phase gets a rebuild-debt issue here, and if not, why (to say so). */
export type DebtPolicy = { create: true } | { create: false; why: string };

/** Everything a `/phase` decision needs, read from GitHub under the parent's lock. */
export interface PhaseFacts {
  command: PhaseCommand;
  /** The parent as read, its body parsed within the parse budget (`readPhasesSection`). */
  parent: PhaseParent;
  /** The reconciled phases (see `reconcilePhases`). */
  phases: PhaseState[];
  /** The bot's confirmed phase issues, by phase number. */
  issues: ReadonlyMap<number, PhaseIssue>;
  /** Phases found only as issues, because the checklist was edited away or broken. */
  recovered: number[];
  section: "absent" | "readable" | "unreadable";
  /** False where GitHub has no sub-issues API (older GitHub Enterprise Server). */
  subIssues: boolean;
  /** The parent's sub-issues that are not the bot's phases: GitHub's limit counts them too. */
  otherChildren: number;
  debt: DebtPolicy;
  /** The command comment's URL, shown in the section of a plan it made. */
  commentUrl: string;
}

export interface PhaseParent {
  number: number;
  title: string;
  /** Where the phases section goes in its body. */
  slot: PhasesSlot;
  /** The comment the recorded plan came from. */
  plannedIn?: string | undefined;
}

/**
 * One step of a `/phase` plan, in phase terms. The steps are resolved into
 * actions (`core/actions.ts`) round by round (`phaseRound`): a create's number
 * is only known once it is made, and the section write that records it comes
 * right after, before anything else, so a retry never makes it twice.
 */
export type PhaseStep =
  | { type: "create-issue"; number: number }
  | { type: "link-issue"; number: number }
  | { type: "retitle-issue"; number: number; title: string }
  | { type: "close-issue"; number: number }
  | { type: "create-debt"; number: number; reason?: string }
  /** The section as it stands, from the parent's body as read just before. */
  | { type: "write-section" };

/** What a run changed, for the reply; issue numbers are read from the state after the run. */
export interface PhaseReport {
  command: "plan" | "done" | "hack";
  created: number[];
  renamed: { number: number; from: string; to: string }[];
  reestimated: { number: number; from?: Estimate; to: Estimate }[];
  /** Phases newly marked as hacks. */
  hacked: number[];
  missing: number[];
  /** `/phase done N` or `/phase hack N` on a phase that already was. */
  already: boolean;
  target?: number;
  recovered: number[];
  subIssues: boolean;
  debt: DebtPolicy;
}

/** The phases after a run, and the steps that get there, in order. */
export interface PhasePlan {
  next: PhaseState[];
  steps: PhaseStep[];
  /** The comment the plan came from, shown in the section. */
  commentUrl?: string | undefined;
}

export type PhaseDecision = { kind: "refuse"; reply: string } | { kind: "reply"; reply: string } | ({ kind: "apply"; report: PhaseReport } & PhasePlan);

/**
 * Decides what a `/phase` command does, from the phases as they really are.
 * Nothing is ever deleted; every refusal comes before the first write.
 */
export function decidePhases(facts: PhaseFacts): PhaseDecision {
  const { command } = facts;
  if (facts.section === "unreadable" && facts.phases.length === 0 && !facts.subIssues) {
    // Without sub-issues there is nothing to rebuild the plan from, and planning afresh would duplicate every phase.
    return { kind: "refuse", reply: reply.unreadableSection };
  }
  switch (command.kind) {
    case "list":
      return { kind: "reply", reply: reply.listReply(facts.phases, facts.subIssues) };
    case "plan":
      return decidePlan(facts, command.phases);
    case "done":
      return decideDone(facts, command.number);
    case "hack":
      return decideHack(facts, command.number, command.reason);
    default: {
      const unknown: never = command;
      throw new Error(`unknown /phase command ${JSON.stringify(unknown)}`);
    }
  }
}

function emptyReport(facts: PhaseFacts, command: PhaseReport["command"]): PhaseReport {
  return { command, created: [], renamed: [], reestimated: [], hacked: [], missing: [], already: false, recovered: facts.recovered, subIssues: facts.subIssues, debt: facts.debt };
}

function decidePlan(facts: PhaseFacts, requested: readonly PlannedPhase[]): PhaseDecision {
  const changes = planPhaseChanges(facts.phases, requested);
  const next = changes.next;
  if (next.length > MAX_PHASES) return { kind: "refuse", reply: reply.tooManyPhases(next.length, facts.phases.length) };
  if (facts.subIssues && facts.otherChildren + next.length > MAX_PHASES) {
    return { kind: "refuse", reply: reply.tooManySubIssues(next.length, facts.otherChildren) };
  }

  const steps: PhaseStep[] = [];
  const toCreate = next.filter((phase) => !phase.issueNumber).map((phase) => phase.number);
  if (facts.subIssues) {
    for (const phase of next) {
      if (phase.issueNumber && !facts.issues.get(phase.number)?.linked) steps.push({ type: "link-issue", number: phase.number });
    }
  }
  for (const number of toCreate) {
    steps.push({ type: "create-issue", number }, { type: "write-section" });
    if (facts.subIssues) steps.push({ type: "link-issue", number });
  }
  for (const rename of changes.rename) {
    if (!toCreate.includes(rename.number)) steps.push({ type: "retitle-issue", number: rename.number, title: phaseTitle(facts.parent.title, rename.number, rename.to) });
  }
  const debts = facts.debt.create ? next.filter((phase) => phase.hack && !phase.debtIssueNumber).map((phase) => phase.number) : [];
  for (const number of debts) steps.push({ type: "create-debt", number }, { type: "write-section" });
  steps.push({ type: "write-section" });

  if (!fits(facts.parent.slot, next, facts.commentUrl)) return { kind: "refuse", reply: reply.tooLong };
  const report: PhaseReport = {
    ...emptyReport(facts, "plan"),
    created: toCreate,
    renamed: changes.rename,
    reestimated: changes.reestimate,
    hacked: [...changes.create.filter((phase) => phase.hack).map((phase) => phase.number), ...changes.hack].sort((a, b) => a - b),
    missing: changes.missing,
  };
  return { kind: "apply", next, steps, report, commentUrl: facts.commentUrl };
}

function decideDone(facts: PhaseFacts, number: number): PhaseDecision {
  const phase = facts.phases.find((p) => p.number === number);
  if (!phase) return { kind: "refuse", reply: reply.unknownPhase(number, facts.phases) };
  const issue = facts.issues.get(number);
  const steps: PhaseStep[] = [];
  // A deferred phase (closed as not planned) that is done after all is closed again, as completed.
  const closing = issue !== undefined && (issue.open || issue.notPlanned === true);
  if (closing) steps.push({ type: "close-issue", number });
  steps.push({ type: "write-section" });
  const next = facts.phases.map((p) => (p.number === number ? { ...p, done: true } : p));
  const commentUrl = facts.parent.plannedIn;
  if (!fits(facts.parent.slot, next, commentUrl)) return { kind: "refuse", reply: reply.tooLong };
  return { kind: "apply", next, steps, report: { ...emptyReport(facts, "done"), target: number, already: phase.done && !closing }, ...(commentUrl && { commentUrl }) };
}

function decideHack(facts: PhaseFacts, number: number, reason: string | undefined): PhaseDecision {
  const phase = facts.phases.find((p) => p.number === number);
  if (!phase) return { kind: "refuse", reply: reply.unknownPhase(number, facts.phases) };
  const steps: PhaseStep[] = [];
  if (facts.debt.create && !phase.debtIssueNumber) steps.push({ type: "create-debt", number, ...(reason && { reason }) }, { type: "write-section" });
  steps.push({ type: "write-section" });
  const next = facts.phases.map((p) => (p.number === number ? { ...p, hack: true } : p));
  const commentUrl = facts.parent.plannedIn;
  if (!fits(facts.parent.slot, next, commentUrl)) return { kind: "refuse", reply: reply.tooLong };
  const already = phase.hack && (!facts.debt.create || phase.debtIssueNumber !== undefined);
  return {
    kind: "apply",
    next,
    steps,
    report: { ...emptyReport(facts, "hack"), target: number, already, hacked: phase.hack ? [] : [number] },
    ...(commentUrl && { commentUrl }),
  };
}

// Large enough for any issue number or id GitHub hands out for years to come.
const PLACEHOLDER_NUMBER = 99_999_999;
const PLACEHOLDER_ID = 99_999_999_999;

/**
 * Whether the parent's body stays within GitHub's limit once every phase has
 * its issues; checked before the first write, so a plan that cannot be
 * recorded creates nothing.
 */
function fits(slot: PhasesSlot, next: readonly PhaseState[], commentUrl: string | undefined): boolean {
  const worst = next.map((phase) => ({
    ...phase,
    issueNumber: phase.issueNumber ?? PLACEHOLDER_NUMBER,
    issueId: phase.issueId ?? PLACEHOLDER_ID,
    ...(phase.hack && { debtIssueNumber: phase.debtIssueNumber ?? PLACEHOLDER_NUMBER }),
  }));
  return fillPhasesSlot(slot, renderPhasesSection(worst, commentUrl ? { commentUrl } : {})).length <= MAX_BODY_LENGTH;
}

/**
 * A phase issue closed or reopened by a person: its box in the checklist
 * follows. Only a readable section is rewritten; a broken one, or one that
 * lost phases, waits for the next `/phase`, which rebuilds it.
 */
export function decideChecklist(facts: PhaseFacts): PhasePlan | undefined {
  if (facts.section !== "readable" || facts.recovered.length > 0) return undefined;
  return { next: facts.phases, steps: [{ type: "write-section" }], commentUrl: facts.parent.plannedIn };
}
