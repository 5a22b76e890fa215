import type { Config } from "../../config/schema.js";
import { debtRecordMarker, type DebtRecord } from "../../core/debt/record.js";
import { neutralize, quoteInline } from "../../core/sanitize.js";
import { MAX_TITLE_LENGTH } from "../../core/phases/title.js";
import type { PhaseState } from "../../core/phases/types.js";
import { ensureLabel, type LabelSpec } from "../../github/labels.js";
import type { Services } from "../../github/services.js";
import type { GitHub, RepoRef } from "../../github/types.js";

/**
 * The rebuild-debt issue of a hack phase.
 *
 * Stand-in until the hack-debt feature's own debt-issue creator is on main:
 * it writes the shared `DebtRecord` contract (label `hacks.debtLabel`, the
 * record in a hidden data marker, `createdByApp`, `phase` set), so the hack
 * feature and the dashboard read these issues as they read their own. Only
 * `createPhaseDebtIssue` is called from outside this file; swap its insides
 * for the hack feature's creator when that lands.
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

export function debtLabelSpec(rules: Config["hacks"]): LabelSpec {
  return { name: rules.debtLabel, color: "5319e7", description: "Rebuild owed by a hack (intentbot)" };
}

export function phaseDebtRecord(input: PhaseDebtInput): DebtRecord {
  return {
    kind: "debt",
    version: 1,
    createdByApp: true,
    hackPrs: [],
    ...(input.reason && { reason: neutralize(input.reason) }),
    owner: input.owner,
    // A phase's estimate is the effort of the hack itself; the rebuild's is not known yet.
    estimate: input.phase.estimate ? { hack: input.phase.estimate.text } : {},
    files: [],
    teams: [],
    phase: { parent: input.parent.number, number: input.phase.number },
  };
}

export function phaseDebtTitle(phaseTitle: string): string {
  const chars = [...`Rebuild: ${phaseTitle}`];
  return chars.length > MAX_TITLE_LENGTH ? `${chars.slice(0, MAX_TITLE_LENGTH - 1).join("")}…` : chars.join("");
}

export function renderPhaseDebtBody(input: PhaseDebtInput, record: DebtRecord): string {
  const { parent, phase } = input;
  const issue = phase.issueNumber ? ` (#${phase.issueNumber})` : "";
  const reason = record.reason
    ? record.reason
        .split("\n")
        .map((line) => `> ${line}`)
        .join("\n")
    : `_No reason given: comment \`/phase hack ${phase.number} <reason>\` on #${parent.number} to add one._`;
  return [
    `This is the **rebuild debt** of phase ${phase.number} of #${parent.number}${issue}, **${quoteInline(phase.name)}**, planned as a hack: a shortcut agreed on the understanding that, if it works, it will be rebuilt properly.`,
    "",
    `**Planned:** a hack phase of #${parent.number}.`,
    "",
    "### Why it is a hack",
    reason,
    ...(phase.estimate ? ["", "### Estimates", "| | estimate |", "| --- | --- |", `| hack | ${quoteInline(phase.estimate.text, 60)} |`] : []),
    "",
    "### Owner",
    `[${quoteInline(input.owner, 60)}](https://github.com/${encodeURIComponent(input.owner)}) (asked for the hack phase)`,
    "",
    "_Close this issue once the phase is rebuilt properly._",
    "",
    debtRecordMarker(record),
  ].join("\n");
}

/** Creates the debt issue and returns its number. */
export async function createPhaseDebtIssue(octokit: GitHub, services: Services, repo: RepoRef, rules: Config["hacks"], input: PhaseDebtInput): Promise<number> {
  const label = debtLabelSpec(rules);
  await ensureLabel(octokit, services, repo, label);
  const record = phaseDebtRecord(input);
  const { data } = await octokit.rest.issues.create({ ...repo, title: phaseDebtTitle(input.phaseTitle), body: renderPhaseDebtBody(input, record), labels: [label.name] });
  return data.number;
}
