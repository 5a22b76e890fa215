import { escapeText } from "../sanitize.js";
import type { PhaseReport } from "./decide.js";
import { formatPhaseCommand } from "./format.js";
import { MAX_PHASES } from "./limits.js";
import { totalLine } from "./render.js";
import type { PhaseState } from "./types.js";
import { PHASE_USAGE } from "./usage.js";

/** The bot's answers to `/phase`: every refusal says what is wrong and how to go on. */

const EXAMPLE = "```\n/phase\n1. Internal invite — 1.5w\n2. External invite — 2d\n```";

export function usageReply(error: string): string {
  return `That \`/phase\` could not be read, so nothing was changed: ${error}\n\n${PHASE_USAGE}`;
}

export const unreadableSection = [
  "The **Phases** section of this issue's description has been edited so that intentbot can no longer read it, and this GitHub has no sub-issues to rebuild it from, so nothing was changed (planning afresh would duplicate every phase).",
  "",
  "Restore the section from the description's edit history (the *edited* menu above it), or, to start over, delete the whole section, markers included, and comment `/phase` again.",
].join("\n");

export const tooLong = [
  "The **Phases** section would make this issue's description longer than GitHub's limit of 65,536 characters, so nothing was changed.",
  "",
  "Shorten the phase names or the description, or split the work over more than one issue.",
].join("\n");

export function tooManyPhases(total: number, existing: number): string {
  return `That would make ${total} phases (${existing} already planned, none of which are ever deleted); GitHub allows at most ${MAX_PHASES} sub-issues per issue, so nothing was changed. Split the work over more than one issue.`;
}

export function tooManySubIssues(phases: number, others: number): string {
  return `This issue already has ${count(others, "other sub-issue")}; with ${count(phases, "phase")} that would exceed GitHub's limit of ${MAX_PHASES} sub-issues per issue, so nothing was changed. Plan fewer phases, or move some sub-issues elsewhere.`;
}

export function unknownPhase(number: number, phases: readonly PhaseState[]): string {
  if (phases.length === 0) return `This issue has no phases yet, so there is no phase ${number}. Plan them first, for example:\n\n${EXAMPLE}`;
  const numbers = phases.map((phase) => String(phase.number));
  return `This issue has no phase ${number}; its phases are ${joinAnd(numbers)}. \`/phase list\` shows them.`;
}

/** `Phase 2: External invite — 2d · hack` */
function phaseLabel(phase: PhaseState): string {
  const details = [phase.estimate ? escapeText(phase.estimate.text, 40) : "", phase.hack ? "hack" : ""].filter(Boolean).join(" · ");
  return `Phase ${phase.number}: ${escapeText(phase.name)}${details && ` — ${details}`}`;
}

function issueOf(phase: PhaseState | undefined): string {
  return phase?.issueNumber ? ` (#${phase.issueNumber})` : "";
}

function debtOf(phase: PhaseState | undefined): string {
  return phase?.debtIssueNumber ? `; its rebuild debt is tracked in #${phase.debtIssueNumber}` : "";
}

export interface ApplyNotes {
  /** Phases whose issue GitHub would not make a sub-issue of this one (it has another parent). */
  unlinked: number[];
}

/** The answer once the run is done: what changed, what was kept, and the total. */
export function reportReply(report: PhaseReport, final: readonly PhaseState[], notes: ApplyNotes): string {
  const byNumber = new Map(final.map((phase) => [phase.number, phase]));
  const phase = (number: number) => byNumber.get(number);
  const created = (number: number) => {
    const p = phase(number);
    return p ? `${phaseLabel(p)}${p.issueNumber ? ` → #${p.issueNumber}` : ""}` : `phase ${number}`;
  };
  const lines: string[] = [];
  switch (report.command) {
    case "plan": {
      const changes = [
        ...report.created.map((n) => `- Created ${created(n)}`),
        ...report.renamed.map((r) => `- Renamed phase ${r.number}${issueOf(phase(r.number))}: ${escapeText(r.from)} → ${escapeText(r.to)}`),
        ...report.reestimated.map((r) => `- Re-estimated phase ${r.number}: ${r.from ? escapeText(r.from.text, 40) : "no estimate"} → ${escapeText(r.to.text, 40)}`),
        ...report.hacked.map((n) => `- Marked phase ${n} a hack${debtOf(phase(n))}`),
      ];
      lines.push(changes.length > 0 ? "**Phases updated.** The checklist is in this issue's description." : "**Nothing to change:** the phases are already as listed.");
      if (changes.length > 0) lines.push("", ...changes);
      if (report.missing.length > 0) {
        const kept = report.missing.map((n) => `phase ${n}${issueOf(phase(n))}`);
        lines.push("", `Not in this list, so kept as they are: ${joinAnd(kept)}. Phases are never deleted; to drop one, close its issue as not planned.`);
      }
      break;
    }
    case "done": {
      const target = phase(report.target ?? 0);
      lines.push(report.already ? `Phase ${report.target} was already done.` : `**Phase ${report.target} is done**${target?.issueNumber ? `; #${target.issueNumber} is closed` : ""}.`);
      break;
    }
    case "hack": {
      const target = phase(report.target ?? 0);
      if (report.already) lines.push(`Phase ${report.target} is already a hack${debtOf(target)}.`);
      else lines.push(`**Phase ${report.target} is now a hack**${debtOf(target)}.`);
      break;
    }
  }
  const hackPhases = report.command === "hack" ? [report.target ?? 0] : report.hacked;
  if (!report.debt.create && hackPhases.length > 0) lines.push("", `No rebuild-debt issue was created: ${report.debt.why}.`);
  if (report.recovered.length > 0) {
    lines.push(
      "",
      `The **Phases** section of the description was missing or could not be read, so it was rebuilt from this issue's phase sub-issues (${joinAnd(report.recovered.map((n) => `phase ${n}`))}). Estimates and hack marks that were only in the old section are gone; run \`/phase\` with them to add them back.`,
    );
  }
  for (const n of notes.unlinked) {
    lines.push("", `Phase ${n}'s issue${issueOf(phase(n))} could not be made a sub-issue of this one (it already belongs to another issue), so the checklist links it instead.`);
  }
  if (!report.subIssues && report.created.length > 0) {
    lines.push("", "This GitHub has no sub-issues, so the phases are plain issues, linked from the checklist.");
  }
  lines.push("", totalLine(final));
  return lines.join("\n");
}

/** `/phase list`: the phases, and the plan as a command to copy, edit and run again. */
export function listReply(phases: readonly PhaseState[], subIssues: boolean): string {
  if (phases.length === 0) return `This issue has no phases yet.\n\n${PHASE_USAGE}`;
  const lines = phases.map((phase) => {
    const parts = [phaseLabel(phase), phase.issueNumber ? `#${phase.issueNumber}` : "no issue yet"];
    if (phase.debtIssueNumber) parts.push(`rebuild debt #${phase.debtIssueNumber}`);
    if (phase.done) parts.push("done");
    return `- ${parts.join(" · ")}`;
  });
  const command = formatPhaseCommand(phases.map((phase) => ({ ...phase, name: phase.name.replace(/\s+/g, " ").trim() })))
    // Text in the fence is shown as is; this only keeps it from opening or closing an HTML comment (a marker).
    .replaceAll("<!--", "<\u200b!--")
    .replaceAll("-->", "--\u200b>");
  const fence = "`".repeat(Math.max(3, longestRun(command, "`") + 1));
  return [
    `**Phases of this issue** (${subIssues ? "its sub-issues" : "issues linked from its checklist"}):`,
    "",
    ...lines,
    "",
    totalLine(phases),
    "",
    "To change the plan, copy this, edit it and comment it. Numbers identify phases: a new name renames one, a new number adds one, and phases left out are kept.",
    "",
    fence,
    command,
    fence,
  ].join("\n");
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1) ?? ""}`;
}
