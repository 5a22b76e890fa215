import type { Config } from "../../config/schema.js";
import { readDebtRecord } from "../../core/debt/record.js";
import { readPhaseIssueMarker, type CarriedIntent } from "../../core/phases/child.js";
import type { DebtPolicy, PhaseFacts } from "../../core/phases/decide.js";
import { reconcilePhases, type PhaseIssue } from "../../core/phases/reconcile.js";
import type { PhaseCommand, PhaseState } from "../../core/phases/types.js";
import { isMissing } from "../../github/errors.js";
import type { FeatureContext, GitHubContext } from "../../github/context.js";
import { opened } from "../../github/records.js";
import { listSubIssues, type SubIssue } from "../../github/sub-issues.js";
import type { RepoRef } from "../../github/types.js";
import type { Budgeted } from "../../parse/budget.js";
import { intentRules } from "../../core/intent/rules.js";
import type { ParentAtStart } from "./apply.js";

export interface ParentIssue {
  number: number;
  title: string;
  body: string;
}

/** The parent issue as it is now, its records opened. */
export async function readParent(ctx: GitHubContext, repo: RepoRef, number: number): Promise<ParentIssue> {
  const { title, body } = opened(ctx, repo, await ctx.services.facts.issue(repo, number, { fresh: true }));
  return { number, title, body: body ?? "" };
}

/** A sub-issue's fields, read through the issues API too (the fallback has no sub-issues API). */
interface IssueData extends SubIssue {
  pull_request?: unknown;
}

function phaseIssue(issue: IssueData, linked: boolean): PhaseIssue {
  const open = issue.state === "open";
  return { number: issue.number, id: issue.id, open, notPlanned: !open && issue.state_reason === "not_planned", title: issue.title, linked };
}

/** An issue (its records opened), or undefined when it is gone (deleted, or hidden from the app). */
export async function readIssue(ctx: GitHubContext, repo: RepoRef, number: number): Promise<IssueData | undefined> {
  try {
    return opened(ctx, repo, await ctx.services.facts.issue(repo, number, { fresh: true }));
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

function isPhaseIssue(issue: IssueData, bot: string, parent: number, number?: number): boolean {
  if (issue.user?.login !== bot || issue.pull_request) return false;
  const marker = readPhaseIssueMarker(issue.body);
  return marker?.parent === parent && (number === undefined || marker.number === number);
}

export function debtPolicy(config: Config): DebtPolicy {
  if (!config.hacks.enabled) return { create: false, why: "hack tracking is turned off in this repository (`hacks.enabled: false`)" };
  if (!config.hacks.createDebtIssue) return { create: false, why: "intentbot does not create debt issues in this repository (`hacks.createDebtIssue: false`)" };
  return { create: true };
}

/** What a `/phase` run starts from: the decision's facts, and what its rounds render with. */
export interface GatheredPhases {
  facts: PhaseFacts;
  /** The parent as read, with where its section lies. */
  parent: ParentAtStart;
  /** The parent's why and who, read only for a plan (the one command that creates phase issues). */
  intent?: CarriedIntent | undefined;
}

/**
 * Reads what a `/phase` decision needs, under the parent's lock: the parent
 * as it is now, its sub-issues, and the recorded phases checked against them.
 * Issue numbers in the parent's body are only believed once the issue itself
 * (created by the bot, marked with this parent and phase) confirms them.
 * The parent's body is read within the parse budget.
 */
export async function gatherPhaseFacts(ctx: FeatureContext, parent: ParentIssue, command: PhaseCommand, commentUrl: string): Promise<Budgeted<GatheredPhases>> {
  const { services, log, config, repo } = ctx;
  const read = await services.parse.run("readPhasesSection", [parent.body], log);
  if (!read.ok) return read;
  const { recorded, section, plannedIn, slot } = read.value;
  let intent: CarriedIntent | undefined;
  if (command.kind === "plan") {
    const carried = await services.parse.run("carriedIntent", [parent.body, intentRules(config)], log);
    if (!carried.ok) return carried;
    intent = carried.value;
  }
  const bot = await services.botLogin();
  const children = await listSubIssues(ctx, { ...repo, issue_number: parent.number });
  const issues = new Map<number, PhaseIssue>();
  let otherChildren = 0;
  for (const child of children ?? []) {
    const marker = isPhaseIssue(child, bot, parent.number) ? readPhaseIssueMarker(child.body) : undefined;
    // A second issue for the same phase (from outside the bot's lock) is left alone, like any other sub-issue.
    if (!marker || issues.has(marker.number)) {
      otherChildren++;
      continue;
    }
    issues.set(marker.number, phaseIssue(child, true));
  }

  for (const phase of recorded) {
    if (!phase.issueNumber || issues.has(phase.number)) continue;
    // Not among the sub-issues: a plain phase issue (no sub-issues here), or one a crash left unlinked.
    const issue = await readIssue(ctx, repo, phase.issueNumber);
    if (issue && isPhaseIssue(issue, bot, parent.number, phase.number)) {
      issues.set(phase.number, phaseIssue(issue, false));
    }
  }

  const { phases, recovered } = reconcilePhases(recorded, issues);
  if (command.kind === "plan" || command.kind === "hack") await confirmDebtIssues(ctx, bot, parent.number, phases);
  const facts: PhaseFacts = {
    command,
    parent: { number: parent.number, title: parent.title, slot, plannedIn },
    phases,
    issues,
    recovered,
    section,
    subIssues: children !== undefined,
    otherChildren,
    debt: debtPolicy(config),
    commentUrl,
  };
  return { ok: true, value: { facts, parent: { ...parent, slot }, intent } };
}

/**
 * Forgets a recorded debt issue that is not the bot's debt issue for this
 * phase, so that the phase gets a real one instead of a link to whatever
 * someone typed into the hidden data.
 */
async function confirmDebtIssues(ctx: FeatureContext, bot: string, parent: number, phases: PhaseState[]): Promise<void> {
  for (const phase of phases) {
    if (!phase.hack || !phase.debtIssueNumber) continue;
    const issue = await readIssue(ctx, ctx.repo, phase.debtIssueNumber);
    const record = issue?.user?.login === bot ? readDebtRecord(issue.body) : undefined;
    if (record?.phase?.parent !== parent || record.phase.number !== phase.number) delete phase.debtIssueNumber;
  }
}
