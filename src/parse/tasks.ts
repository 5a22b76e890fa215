import { parseCommands } from "../core/commands.js";
import { parseDashboard } from "../core/dashboard/render.js";
import { parseRollup } from "../core/dashboard/rollup.js";
import { closedIssues } from "../core/debt/closing.js";
import { parseHackCommand } from "../core/hacks/command.js";
import { findCodeMarkers } from "../core/hacks/diff.js";
import { readDebtBody, readHackText } from "../core/hacks/read.js";
import { exemptionReason } from "../core/intent/decide.js";
import { judgeBody, templateLines, type IntentRules } from "../core/intent/judge.js";
import { findReferences } from "../core/intent/references.js";
import { asksForBody } from "../core/intent/template-prompts.js";
import { carriedIntent } from "../core/phases/child.js";
import { parsePhaseCommand } from "../core/phases/parse.js";
import { phasesSlot } from "../core/phases/section.js";
import { readPhasesSection } from "../core/phases/state.js";
import { parseSignoffArgs } from "../core/signoff/command.js";

/**
 * Every parse of text a user or repository controls, by name. These run in
 * the worker pool (src/parse/budget.ts) under a deadline and a heap limit;
 * arguments and results cross the thread boundary by structured clone, so
 * each task takes and returns plain data. The worker imports only this file.
 */
export const tasks = {
  // intent: bodies, titles, templates, configured patterns
  judgeBody: (body: string | null | undefined, rules: IntentRules, templates: readonly string[], title?: string) => ({
    ...judgeBody(body, rules, templateLines(templates), title),
    asks: asksForBody(body, templates, rules),
  }),
  findReferences,
  exemptionReason,
  // comments
  parseCommands,
  parseHackCommand,
  parsePhaseCommand,
  parseSignoffArgs,
  // hacks: the PR's title and description, once per event (the decisions run on the main thread on what
  // these return); the debt issues' bodies people may edit; the patches of the PR's files
  readHackText,
  readDebtBody,
  findCodeMarkers,
  // phases: the parent issue's body
  carriedIntent,
  readPhasesSection,
  phasesSlot,
  // dashboards: bodies anyone with write access can edit
  parseDashboard,
  parseRollup,
  // debt ROI: merged PRs' descriptions, for the issues they close
  closedIssuesOf: (bodies: readonly string[], repo: string) => bodies.map((body) => closedIssues(body, repo)),
} satisfies Record<string, (...args: never[]) => unknown>;

export type TaskName = keyof typeof tasks;
export type TaskArgs<N extends TaskName> = Parameters<(typeof tasks)[N]>;
export type TaskValue<N extends TaskName> = ReturnType<(typeof tasks)[N]>;
