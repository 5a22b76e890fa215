import type { Config } from "../../config/schema.js";
import type { Action } from "../../core/actions.js";
import { labelSpecs } from "../../core/labels.js";
import type { CarriedIntent } from "../../core/phases/child.js";
import type { PhasePlan } from "../../core/phases/decide.js";
import type { ApplyNotes } from "../../core/phases/reply.js";
import { phaseRound, type PhaseRun, type RoundProgress } from "../../core/phases/round.js";
import type { PhasesSlot } from "../../core/phases/section.js";
import type { PhaseState } from "../../core/phases/types.js";
import type { FeatureContext } from "../../github/context.js";
import { execute } from "../../github/execute.js";
import type { Budgeted } from "../../parse/budget.js";
import { readParent, type ParentIssue } from "./gather.js";

export interface ApplyResult extends ApplyNotes {
  /** The phases after the run, with the numbers of the issues it created. */
  final: PhaseState[];
  /** Whether anything on GitHub changed; a redelivered command changes nothing. */
  wrote: boolean;
}

/** The parent as the run starts from it: as read for the decision, its section's slot found. */
export interface ParentAtStart extends ParentIssue {
  slot: PhasesSlot;
}

export interface PhaseRunInput {
  parent: ParentAtStart;
  plan: PhasePlan;
  /** Who ran the command, or closed the issue. */
  actor: string;
  intent?: CarriedIntent | undefined;
}

/**
 * Carries out a `/phase` plan round by round (`core/phases/round.ts`): each
 * round's actions go to the executor; a create's issue is fed back, and the
 * parent's body read again (within the parse budget: a body that cannot be
 * read ends the run, for the command to report) before the next round writes
 * the section that records it.
 */
export async function applyPhasePlan(ctx: FeatureContext, input: PhaseRunInput): Promise<Budgeted<ApplyResult>> {
  const { services, log, config, repo } = ctx;
  const { parent } = input;
  const run: PhaseRun = {
    ...input.plan,
    repo,
    parent: { number: parent.number, title: parent.title },
    intent: input.intent,
    headings: { why: config.intent.why[0] ?? "why", who: config.intent.who[0] ?? "who" },
    labels: phaseLabels(config),
    actor: input.actor,
  };
  const result: ApplyResult = { final: [], wrote: false, unlinked: [] };
  let progress: RoundProgress = { round: 0, created: [], parent: { body: parent.body, slot: parent.slot } };
  for (;;) {
    const round = phaseRound(run, progress);
    const executed = await execute(ctx, round.actions);
    if (round.actions.length > executed.refused.length) result.wrote = true;
    for (const refused of executed.refused) {
      const phase = unlinkedPhase(refused, round.phases);
      if (phase === undefined) continue;
      log.info({ parent: parent.number, phase }, "phase issue not linked as a sub-issue");
      result.unlinked.push(phase);
    }
    for (const created of executed.created) log.info({ parent: parent.number, issue: created.number }, "phase issue created");
    if (round.last) return { ok: true, value: { ...result, final: round.phases } };
    // Read again just before the next round writes the section, so an edit people made meanwhile outside it is kept.
    const current = await readParent(ctx, repo, parent.number);
    const slot = await services.parse.run("phasesSlot", [current.body], log);
    if (!slot.ok) return slot;
    progress = { round: progress.round + 1, created: [...progress.created, ...executed.created], parent: { body: current.body, slot: slot.value } };
  }
}

/** The phase whose link GitHub refused: its issue has another parent. */
function unlinkedPhase(refused: Action, phases: readonly PhaseState[]): number | undefined {
  if (refused.type !== "add-sub-issue") return undefined;
  return phases.find((phase) => phase.issueId === refused.child)?.number;
}

function phaseLabels(config: Config): PhaseRun["labels"] {
  return { phase: labelSpecs.phase(config.phases.label), debt: labelSpecs.rebuildDebt(config.hacks.debtLabel) };
}
