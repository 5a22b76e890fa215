import { dataMarker } from "../markers.js";
import { escapeText } from "../sanitize.js";
import { MAX_NAME_LENGTH } from "./limits.js";
import { formatHours } from "./estimate.js";
import type { PhaseData } from "./state.js";
import type { PhaseState } from "./types.js";

export interface RenderOptions {
  /** The comment that ran `/phase`, so readers can find who planned it and why. */
  commentUrl?: string;
}

/**
 * The phases section of the parent issue (without its markers; see
 * `replacePhasesSection`): a checklist, a total, and the state as hidden data
 * that `readPhasesState` reads back.
 */
export function renderPhasesSection(phases: readonly PhaseState[], opts: RenderOptions = {}): string {
  const sorted = [...phases].sort((a, b) => a.number - b.number);
  const intro = opts.commentUrl
    ? [`_Planned with \`/phase\` in [this comment](${opts.commentUrl}); comment \`/phase\` again to change the plan._`, ""]
    : [];
  return [
    "## Phases",
    "",
    ...intro,
    ...(sorted.length > 0 ? sorted.map(checklistLine) : ["_No phases._"]),
    "",
    totalLine(sorted),
    "",
    dataMarker({ v: 1, phases: sorted.map(toData) }),
  ].join("\n");
}

/** `- [ ] #123 Phase 1: Internal invite — 1.5w · **hack**, rebuild debt #130` */
function checklistLine(phase: PhaseState): string {
  const issue = phase.issueNumber ? `#${phase.issueNumber} ` : "";
  const hack = phase.debtIssueNumber ? `**hack**, rebuild debt #${phase.debtIssueNumber}` : "**hack**";
  const details = [phase.estimate ? escapeText(phase.estimate.text, 40) : "", phase.hack ? hack : ""].filter(Boolean).join(" · ");
  // One line whatever the name holds, so no name can forge another phase's line or the bot's markers; never clipped (names are checked against their limit, in code points).
  const name = escapeText(phase.name, 2 * MAX_NAME_LENGTH);
  return `- [${phase.done ? "x" : " "}] ${issue}Phase ${phase.number}: ${name}${details && ` — ${details}`}`;
}

/** `**Total:** 5.9w (236h) · **Left:** 1.5w (60h) · 2 of 4 phases done · 1 phase not estimated` */
export function totalLine(phases: readonly PhaseState[]): string {
  const hours = (list: readonly PhaseState[]) => list.reduce((sum, phase) => sum + (phase.estimate?.hours ?? 0), 0);
  const estimated = phases.filter((phase) => phase.estimate);
  const unestimated = phases.length - estimated.length;
  const done = phases.filter((phase) => phase.done).length;
  return [
    ...(estimated.length > 0
      ? [`**Total:** ${formatHours(hours(estimated))}`, `**Left:** ${formatHours(hours(estimated.filter((p) => !p.done)))}`]
      : ["**Total:** not estimated"]),
    `${done} of ${count(phases.length, "phase")} done`,
    ...(unestimated > 0 && estimated.length > 0 ? [`${count(unestimated, "phase")} not estimated`] : []),
  ].join(" · ");
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function toData(phase: PhaseState): PhaseData {
  return {
    number: phase.number,
    name: phase.name,
    estimate: phase.estimate?.text,
    hack: phase.hack || undefined,
    done: phase.done || undefined,
    issueNumber: phase.issueNumber,
    issueId: phase.issueId,
    debtIssueNumber: phase.debtIssueNumber,
  };
}
