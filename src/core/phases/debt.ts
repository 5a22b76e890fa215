import type { DebtRecord } from "../debt/record.js";
import { newDebtBody } from "../hacks/debt.js";
import { debtIssueTitle } from "../hacks/render.js";
import { escapeLinkText, escapeTableCell, escapeText, escapeTextBlock } from "../sanitize.js";
import type { PhaseState } from "./types.js";

/**
 * The rebuild-debt issue of a hack phase, in the hack-debt feature's format:
 * its title (`Rebuild: …`), label (`hacks.debtLabel`), body layout (the
 * bot's region between its markers, then the shared `DebtRecord` with
 * `createdByApp` and `phase` set). So the hack feature takes the issue over
 * when a hack pull request names it (`Debt: #N`), and the dashboard reads it
 * like any other debt. Only the region's text is the phase's own: the hack
 * feature's rendering speaks of hack pull requests, which a planned phase does
 * not have yet. The handler (`handlers/phases/debt-issue.ts`) creates the
 * issue with what `phaseDebtIssue` returns.
 */

export interface PhaseDebtInput {
  parent: { number: number };
  /** The phase, with its issue already created. */
  phase: PhaseState;
  /** The phase issue's title, `<parent> — Phase N: <name>`. */
  phaseTitle: string;
  /** Who asked for the hack (the commenter): the owner of the rebuild until someone else takes it. */
  owner: string;
  reason?: string | undefined;
}

export function phaseDebtRecord(input: PhaseDebtInput): DebtRecord {
  return {
    kind: "debt",
    version: 1,
    createdByApp: true,
    hackPrs: [],
    ...(input.reason && { reason: input.reason }),
    owner: input.owner,
    // A phase's estimate is the effort of the hack itself; the rebuild's is not known yet.
    estimate: input.phase.estimate ? { hack: input.phase.estimate.text } : {},
    files: [],
    teams: [],
    phase: { parent: input.parent.number, number: input.phase.number },
  };
}

/** The bot's region of the debt issue, for a phase no hack pull request has named yet. */
export function renderPhaseDebtRegion(input: PhaseDebtInput, record: DebtRecord): string {
  const { parent, phase } = input;
  const issue = phase.issueNumber ? ` (#${phase.issueNumber})` : "";
  const reason = record.reason
    ? escapeTextBlock(record.reason)
        .split("\n")
        .map((line) => `> ${line}`)
        .join("\n")
    : `_No reason given: comment \`/phase hack ${phase.number} <reason>\` on #${parent.number} to add one._`;
  return [
    `This is the **rebuild debt** of phase ${phase.number} of #${parent.number}${issue}, **${escapeText(phase.name)}**, planned as a hack: a shortcut agreed on the understanding that, if it works, it will be rebuilt properly.`,
    "",
    `**Planned:** a hack phase of #${parent.number}.`,
    "",
    "### Why it is a hack",
    reason,
    ...(phase.estimate ? ["", "### Estimates", "| | estimate |", "| --- | --- |", `| hack | ${escapeTableCell(phase.estimate.text, 60)} |`] : []),
    "",
    "### Owner",
    `[${escapeLinkText(input.owner, 60)}](https://github.com/${encodeURIComponent(input.owner)}) (asked for the hack phase)`,
    "",
    "_Close this issue once the phase is rebuilt properly. A hack pull request that names it (`Debt: #N`) links it to that hack._",
  ].join("\n");
}

/** The debt issue to create for a hack phase: its title and body (the region, then the record). */
export function phaseDebtIssue(input: PhaseDebtInput): { title: string; body: string } {
  const record = phaseDebtRecord(input);
  return { title: debtIssueTitle(input.phaseTitle), body: newDebtBody(renderPhaseDebtRegion(input, record), record) };
}
