import type { Config } from "../../config/schema.js";
import { renderPhaseIssueBody, type CarriedIntent } from "../../core/phases/child.js";
import type { PhaseAction } from "../../core/phases/decide.js";
import { MAX_BODY_LENGTH } from "../../core/phases/limits.js";
import { renderPhasesSection } from "../../core/phases/render.js";
import type { ApplyNotes } from "../../core/phases/reply.js";
import { phaseTitle } from "../../core/phases/title.js";
import type { PhaseState } from "../../core/phases/types.js";
import { labelSpecs, type LabelSpec } from "../../core/labels.js";
import { createBotIssue } from "../../github/bot-issues.js";
import { isInvalid } from "../../github/errors.js";
import type { Services } from "../../github/services.js";
import { addSubIssue } from "../../github/sub-issues.js";
import type { GitHub, IssueRef, Log, RepoRef } from "../../github/types.js";
import { mustRead } from "../../parse/budget.js";
import type { TaskArgs, TaskName } from "../../parse/tasks.js";
import { intentRules } from "../../core/intent/rules.js";
import { createPhaseDebtIssue } from "./debt-issue.js";
import type { ParentIssue } from "./gather.js";

export interface ApplyInput {
  octokit: GitHub;
  services: Services;
  log: Log;
  config: Config;
  repo: RepoRef;
  parent: ParentIssue;
  subIssues: boolean;
  next: readonly PhaseState[];
  commentUrl?: string | undefined;
  /** Who ran the command: the owner of any rebuild debt it creates. */
  actor: string;
}

export interface ApplyResult extends ApplyNotes {
  /** The phases after the run, with the numbers of the issues it created. */
  final: PhaseState[];
  /** Whether anything on GitHub changed; a redelivered command changes nothing. */
  wrote: boolean;
}

export function phaseLabelSpec(config: Config): LabelSpec {
  return labelSpecs.phase(config.phases.label);
}

/**
 * Carries out a `/phase` plan in order. The parent's section is written right
 * after each issue the run creates, so that a run cut short leaves a record of
 * everything it made, and the next run finds and reuses it instead of
 * creating it again.
 */
export async function applyPhasePlan(input: ApplyInput, actions: readonly PhaseAction[]): Promise<ApplyResult> {
  const { octokit, services, config, repo, parent, log } = input;
  const parentRef: IssueRef = { ...repo, issue_number: parent.number };
  const state = new Map(input.next.map((phase) => [phase.number, { ...phase }]));
  const result: ApplyResult = { final: [], wrote: false, unlinked: [] };
  const phaseOf = (number: number): PhaseState => {
    const phase = state.get(number);
    if (!phase) throw new Error(`phase ${number} is not in the plan`);
    return phase;
  };

  let intent: CarriedIntent | undefined;
  // The parent's body is read within the parse budget; an `UnreadableText` ends the run for the command to report.
  const parse = async <N extends TaskName>(name: N, args: TaskArgs<N>) => mustRead(await services.parse.run(name, args, log));

  const writeSection = async () => {
    // Read again just before writing, so an edit people made meanwhile outside the section is kept.
    const { data } = await octokit.rest.issues.get({ ...parentRef });
    const current = data.body ?? "";
    const section = renderPhasesSection([...state.values()], input.commentUrl ? { commentUrl: input.commentUrl } : {});
    const body = await parse("replacePhasesSection", [current, section]);
    if (body === current) return;
    if (body.length > MAX_BODY_LENGTH) throw new Error(`the parent's body would be ${body.length} characters, over GitHub's limit`);
    await octokit.rest.issues.update({ ...parentRef, body });
    result.wrote = true;
  };

  const link = async (phase: PhaseState) => {
    if (!phase.issueId) return;
    try {
      await addSubIssue(octokit, parentRef, phase.issueId);
      result.wrote = true;
    } catch (error) {
      // 422: it has another parent (someone moved it). The checklist still links it.
      if (!isInvalid(error)) throw error;
      log.info({ parent: parent.number, phase: phase.number, issue: phase.issueNumber }, "phase issue not linked as a sub-issue");
      result.unlinked.push(phase.number);
    }
  };

  for (const action of actions) {
    switch (action.type) {
      case "create-issue": {
        const phase = phaseOf(action.number);
        const body = renderPhaseIssueBody({
          parent: parent.number,
          number: phase.number,
          name: phase.name,
          intent: (intent ??= await parse("carriedIntent", [parent.body, intentRules(config)])),
          headings: { why: config.intent.why[0] ?? "why", who: config.intent.who[0] ?? "who" },
        });
        const created = await createBotIssue(octokit, services, repo, { title: phaseTitle(parent.title, phase.number, phase.name), body, labels: [phaseLabelSpec(config)] });
        phase.issueNumber = created.number;
        phase.issueId = created.id;
        result.wrote = true;
        log.info({ parent: parent.number, phase: phase.number, issue: created.number }, "phase issue created");
        await writeSection();
        if (input.subIssues) await link(phase);
        break;
      }
      case "link-issue":
        await link(phaseOf(action.number));
        break;
      case "retitle-issue": {
        const { issueNumber } = phaseOf(action.number);
        if (!issueNumber) break;
        await octokit.rest.issues.update({ ...repo, issue_number: issueNumber, title: action.title });
        result.wrote = true;
        break;
      }
      case "close-issue": {
        const { issueNumber } = phaseOf(action.number);
        if (!issueNumber) break;
        await octokit.rest.issues.update({ ...repo, issue_number: issueNumber, state: "closed", state_reason: "completed" });
        result.wrote = true;
        break;
      }
      case "create-debt": {
        const phase = phaseOf(action.number);
        phase.debtIssueNumber = await createPhaseDebtIssue(octokit, services, repo, config.hacks, {
          parent,
          phase,
          phaseTitle: phaseTitle(parent.title, phase.number, phase.name),
          owner: input.actor,
          reason: action.reason,
        });
        result.wrote = true;
        log.info({ parent: parent.number, phase: phase.number, debt: phase.debtIssueNumber }, "phase debt issue created");
        await writeSection();
        break;
      }
      case "write-section":
        await writeSection();
        break;
      default: {
        const unknown: never = action;
        throw new Error(`unknown phase action ${JSON.stringify(unknown)}`);
      }
    }
  }
  result.final = [...state.values()].sort((a, b) => a.number - b.number);
  return result;
}
