import { MAX_NAME_LENGTH } from "./limits.js";
import type { PhaseState } from "./types.js";

/** A phase issue the bot has confirmed is its own, for this parent and phase number. */
export interface PhaseIssue {
  number: number;
  /** REST `id`, which the sub-issues API takes. */
  id: number;
  open: boolean;
  /** Closed as "not planned": the phase is deferred or dropped, not done. */
  notPlanned?: boolean;
  title: string;
  /** Listed among the parent's sub-issues (always false where GitHub has no sub-issues). */
  linked: boolean;
}

export interface Reconciled {
  phases: PhaseState[];
  /** Phases found only as issues, missing from the parent's checklist (which was edited away or broken). */
  recovered: number[];
}

/**
 * The phases as they really are: the parent's recorded state (which people can
 * edit) checked against the phase issues the bot confirmed. A recorded issue
 * that is not confirmed is forgotten, so the bot never renames or closes an
 * issue that is not a phase of this parent. A confirmed issue missing from the
 * record is recovered, named after its title. An issue's state is what counts
 * for "done": closing it as completed marks the phase done, reopening it or
 * closing it as not planned (deferring it) undoes that, and a box ticked by
 * hand in the checklist changes neither.
 */
export function reconcilePhases(recorded: readonly PhaseState[], issues: ReadonlyMap<number, PhaseIssue>): Reconciled {
  const phases = recorded.map((phase): PhaseState => {
    const issue = issues.get(phase.number);
    const base: PhaseState = { number: phase.number, name: phase.name, hack: phase.hack, done: phase.done };
    if (phase.estimate) base.estimate = phase.estimate;
    if (phase.debtIssueNumber) base.debtIssueNumber = phase.debtIssueNumber;
    return issue ? { ...base, issueNumber: issue.number, issueId: issue.id, done: isDone(issue) } : base;
  });
  const known = new Set(recorded.map((phase) => phase.number));
  const recovered = [...issues.entries()]
    .filter(([number]) => !known.has(number))
    .map(([number, issue]): PhaseState => ({ number, name: nameFromTitle(issue.title, number), hack: false, done: isDone(issue), issueNumber: issue.number, issueId: issue.id }));
  return {
    phases: [...phases, ...recovered].sort((a, b) => a.number - b.number),
    recovered: recovered.map((phase) => phase.number).sort((a, b) => a - b),
  };
}

function isDone(issue: PhaseIssue): boolean {
  return !issue.open && !issue.notPlanned;
}

/** `<parent> — Phase 2: External invite` → `External invite`; a title people rewrote is taken whole. */
export function nameFromTitle(title: string, number: number): string {
  const tag = `Phase ${number}: `;
  const at = title.indexOf(tag);
  const name = (at === -1 ? title : title.slice(at + tag.length)).replace(/\s+/g, " ").trim();
  const chars = [...name];
  if (chars.length === 0) return `Phase ${number}`;
  return chars.length > MAX_NAME_LENGTH ? `${chars.slice(0, MAX_NAME_LENGTH - 1).join("")}…` : name;
}
