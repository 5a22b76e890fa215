import type { Config } from "../../config/schema.js";
import type { Action } from "../actions.js";
import { labelSpecs, type LabelSpec } from "../labels.js";
import { debtRecordMarker, type DebtRecord, type HackPullRequest } from "../debt/record.js";
import { topicMarker } from "../markers.js";
import { fillDebtBody, hackContent, textFields, newDebtBody, otherHacksNeedIt, removeHackPr, updateRecord, type CommandDeclaration, type DebtBodyPiece, type HackChanges, type IntentSummary } from "./debt.js";
import type { DeclarationWay } from "./declaration.js";
import { sameRef, type DebtRef } from "./fields.js";
import type { HackText } from "./read.js";
import { DEBT_TOPIC, debtIssueTitle, HACK_TOPIC, hackCheck, renderDebtRegion, renderHackComment } from "./render.js";
import { hackPrStateSchema, hackStateMarker, type HackPrState, type LinkedDebt, type ProblemKind } from "./state.js";
import type { RepoRef } from "../repo.js";

export type HackRules = Config["hacks"];

export interface PullRequestFacts {
  number: number;
  title: string;
  body: string | null;
  labels: string[];
  author: string;
  state: "open" | "closed";
  merged: boolean;
  mergedAt?: string | null | undefined;
  headSha: string;
}

/** A debt issue as read from GitHub, with its record where the bot wrote one. */
export interface DebtIssueFacts {
  ref: DebtRef;
  /** False when it does not exist or the app cannot see it. */
  exists: boolean;
  isPullRequest: boolean;
  state: "open" | "closed";
  stateReason?: string | null | undefined;
  /** Closed by the app's bot account (so the app may reopen it). */
  closedByApp: boolean;
  /** Written by the app's bot account: its record lives in the body. */
  byApp: boolean;
  body: string;
  /** The body cut where the app writes into it (`cutDebtBody`, read in the parse worker): written only when `byApp`. */
  pieces: readonly DebtBodyPiece[];
  labels: string[];
  /** The trusted record: from the body when `byApp`, else from the app's `debt` comment. */
  record?: DebtRecord | undefined;
  /** The app's `debt` comment on an issue a person created, as it stands. */
  debtComment?: string | undefined;
}

export type Trigger =
  | { kind: "opened" | "reopened" | "synchronize" | "closed" | "labeled" | "unlabeled" }
  | { kind: "edited"; bodyChanged: boolean }
  | { kind: "command"; command: CommandDeclaration };

export interface HackFacts {
  repo: RepoRef;
  pr: PullRequestFacts;
  /** The PR's title and description as the parse worker read them: nothing here parses them again. */
  text: HackText;
  trigger: Trigger;
  /** The state in the app's `hack` comment on the PR, and that comment's body and id, as read under the hack lock. */
  previous?: HackPrState | undefined;
  previousComment?: string | undefined;
  previousCommentId?: number | undefined;
  /** The debt issue the PR is linked to (from its state, a search, or just created). */
  linked?: DebtIssueFacts | undefined;
  /** The issue the hack names, when it is not the linked one. */
  named?: DebtIssueFacts | undefined;
  /** Read only when the record needs them. */
  changes?: HackChanges | undefined;
  intent?: IntentSummary | undefined;
}

/** The writes of a hack plan: the shared action union (`core/actions.ts`). */
export type HackAction = Action;

export function debtLabel(rules: HackRules): LabelSpec {
  return labelSpecs.rebuildDebt(rules.debtLabel);
}

const hasLabel = (labels: readonly string[], name: string) => labels.some((l) => l.toLowerCase() === name.toLowerCase());

export interface Declaration {
  declared: boolean;
  /** The ways that count now. */
  ways: DeclarationWay[];
  /** Ways a person's removal of the label switched off (kept until the label or a new `/hack` returns). */
  withdrawn?: DeclarationWay[] | undefined;
  command?: CommandDeclaration | undefined;
  /** The issue a declared hack names as its debt (`namedDebt`). */
  named?: DebtRef | undefined;
}

/**
 * Whether the PR is a hack. The label always counts. Removing it is a person
 * saying "not a hack": the title, description and `/hack` declarations present
 * at that moment stop counting, until the label comes back, a new `/hack` is
 * accepted, or a new kind of declaration is added.
 */
export function declaration(facts: HackFacts, rules: HackRules): Declaration {
  const labelled = hasLabel(facts.pr.labels, rules.label);
  const command = facts.trigger.kind === "command" ? facts.trigger.command : facts.previous?.command;
  const present: DeclarationWay[] = [...facts.text.ways, ...(command ? (["command"] as const) : [])];
  let withdrawn: DeclarationWay[] | undefined;
  if (labelled || facts.trigger.kind === "command") withdrawn = undefined;
  else if (facts.trigger.kind === "unlabeled") withdrawn = present;
  else if (facts.previous?.withdrawn) withdrawn = facts.previous.withdrawn.ways.filter((w) => present.includes(w));
  const live = present.filter((w) => !withdrawn?.includes(w));
  // A declared hack carries the label (the app adds it), so the label is one of its ways.
  const declared = labelled || live.length > 0;
  const ways: DeclarationWay[] = [...(declared ? (["label"] as const) : []), ...live];
  return { declared, ways, withdrawn, command, named: declared ? namedDebt(facts.text, command) : undefined };
}

/** The issue the hack names as its debt: the description first, then the `/hack` comment. */
export function namedDebt(text: HackText, command: CommandDeclaration | undefined): DebtRef | undefined {
  return textFields(text, command).debt;
}

interface Problem {
  kind: ProblemKind;
  ref?: DebtRef | undefined;
}

export type DebtChoice =
  | { kind: "none" }
  | { kind: "keep"; issue: DebtIssueFacts; note?: Problem | undefined }
  | { kind: "link"; issue: DebtIssueFacts; replacing?: DebtIssueFacts | undefined }
  | { kind: "create"; note?: Problem | undefined }
  | { kind: "problem"; problem: Problem };

function unusable(issue: DebtIssueFacts): ProblemKind | undefined {
  if (!issue.exists) return "named missing";
  if (issue.isPullRequest) return "named pull request";
  if (issue.state !== "open") return "named closed";
  return undefined;
}

const usable = (issue: DebtIssueFacts | undefined): issue is DebtIssueFacts => issue !== undefined && issue.exists && !issue.isPullRequest;

/**
 * Which debt issue the hack has. A linked issue stays linked (closed means
 * repaid); a newly named open issue replaces it; a named issue that is
 * missing or closed is reported, never silently replaced unless configured.
 */
export function chooseDebt(facts: HackFacts, rules: HackRules, decl: Declaration): DebtChoice {
  if (!decl.declared) return { kind: "none" };
  const named = decl.named;
  const linked = usable(facts.linked) ? facts.linked : undefined;
  const abandoned = facts.pr.state === "closed" && !facts.pr.merged;
  if (named && !sameRef(named, linked?.ref)) {
    const issue = facts.named && sameRef(facts.named.ref, named) ? facts.named : undefined;
    const kind = issue ? unusable(issue) : "named missing";
    if (issue && !kind) return { kind: "link", issue, replacing: linked };
    const problem = { kind: kind ?? "named missing", ref: named };
    if (linked) return { kind: "keep", issue: linked, note: problem };
    if (abandoned) return { kind: "none" };
    if (rules.createDebtIssue && rules.replaceUnusableDebtIssue) return { kind: "create", note: problem };
    return { kind: "problem", problem };
  }
  if (linked) return { kind: "keep", issue: linked };
  if (abandoned) return { kind: "none" };
  if (!rules.createDebtIssue) return { kind: "problem", problem: { kind: "none named" } };
  return { kind: "create" };
}

const CHANGE_TRIGGERS = new Set<Trigger["kind"]>(["opened", "reopened", "synchronize", "labeled", "command"]);

/**
 * Whether the PR's files must be read: for a new record entry, or when its
 * commits may have changed and the entry's files were not read at the PR's
 * head commit (a PR labelled right after it was opened has the files the
 * opening read). A PR's files follow its head commit, so the entry's own
 * `headSha` says whether they are current; each PR of a record has its own.
 */
export function needsChanges(facts: HackFacts, choice: DebtChoice): boolean {
  if (choice.kind === "create") return true;
  if (choice.kind !== "keep" && choice.kind !== "link") return false;
  const entry = choice.issue.record?.hackPrs.find((p) => p.number === facts.pr.number && sameRepo(prRepo(facts.repo, choice.issue.ref), p.repo));
  if (!entry) return true;
  return facts.pr.state === "open" && CHANGE_TRIGGERS.has(facts.trigger.kind) && entry.headSha !== facts.pr.headSha;
}

/** Whether to read the why/who (the PR and its tickets): for a new debt issue, or when the description changed. */
export function needsIntent(facts: HackFacts, choice: DebtChoice): boolean {
  if (choice.kind === "create") return true;
  if (choice.kind !== "keep" || !choice.issue.byApp) return false;
  return (facts.trigger.kind === "edited" && facts.trigger.bodyChanged) || facts.trigger.kind === "command";
}

const sameRepo = (a: string | undefined, b: string | undefined) => (a ?? "").toLowerCase() === (b ?? "").toLowerCase();

/** How a debt record names the PR: `owner/repo` only when it lives elsewhere than the debt issue. */
function prRepo(repo: RepoRef, debt: RepoRef): string | undefined {
  return sameRepo(`${repo.owner}/${repo.repo}`, `${debt.owner}/${debt.repo}`) ? undefined : `${repo.owner}/${repo.repo}`;
}

function prEntry(facts: HackFacts, debt: RepoRef, declared: boolean): HackPullRequest {
  const { pr } = facts;
  const state = pr.merged ? "merged" : pr.state === "closed" ? "closed" : "open";
  const entry: HackPullRequest = { number: pr.number, state, author: pr.author, declared, title: pr.title };
  const repo = prRepo(facts.repo, debt);
  if (repo) entry.repo = repo;
  if (pr.merged && pr.mergedAt) entry.mergedAt = pr.mergedAt;
  return entry;
}

/** The record a debt issue should hold after this event. */
function nextRecord(facts: HackFacts, decl: Declaration, issue: DebtIssueFacts | undefined, createdByApp: boolean, debtRepo: RepoRef): DebtRecord {
  return updateRecord(issue?.record, {
    createdByApp,
    pr: prEntry(facts, debtRepo, decl.declared),
    content: decl.declared ? hackContent(facts.text, facts.pr.author, decl.command) : undefined,
    changes: facts.changes,
    intent: facts.intent,
  });
}

/** A debt issue for the app to create: title, body (with its record) and the owner to assign. */
export interface NewDebtIssue {
  title: string;
  body: string;
  record: DebtRecord;
  owner: string;
}

/** A new debt issue for the hack (`decl`: the PR's declaration, when the caller has it). */
export function newDebtIssue(facts: HackFacts, rules: HackRules, decl = declaration(facts, rules)): NewDebtIssue {
  const record = nextRecord(facts, decl, undefined, true, facts.repo);
  const region = renderDebtRegion(record, facts.repo, { createdByApp: true, codeMarker: rules.codeMarker });
  return { title: debtIssueTitle(record.title ?? facts.pr.title), body: newDebtBody(region, record), record, owner: facts.pr.author };
}

/** The writes that bring one debt issue's record (and its rendering) up to date. */
function debtWrites(issue: DebtIssueFacts, record: DebtRecord, rules: HackRules): HackAction[] {
  const region = renderDebtRegion(record, issue.ref, { createdByApp: issue.byApp && record.createdByApp, codeMarker: rules.codeMarker });
  if (issue.byApp) {
    const body = fillDebtBody(issue.pieces, region, record);
    return body === issue.body ? [] : [{ type: "update-issue", issue: issue.ref, change: { body } }];
  }
  const actions: HackAction[] = [];
  if (!hasLabel(issue.labels, rules.debtLabel)) actions.push({ type: "add-label", issue: issue.ref, label: debtLabel(rules) });
  const body = `${region}\n\n${debtRecordMarker(record)}`;
  if (issue.debtComment !== `${topicMarker(DEBT_TOPIC)}\n${body}`) actions.push({ type: "sticky-comment", issue: issue.ref, topic: DEBT_TOPIC, body, create: true });
  return actions;
}

const closeDebt = (issue: DebtRef): Action => ({ type: "update-issue", issue, change: { state: "closed", stateReason: "not_planned" } });

const createdByApp = (issue: DebtIssueFacts, record: DebtRecord | undefined) => issue.byApp && (record?.createdByApp ?? false);

/** What one event changes, as data. */
export type HackPlan =
  /**
   * The hack needs a debt issue first. Creating it is the one step whose
   * outcome (its number) the rest of the plan depends on: the shell creates
   * it, links it (`facts.linked`) and plans again.
   */
  | { kind: "create-debt"; issue: NewDebtIssue; label: LabelSpec }
  | HackActions;

export interface HackActions {
  kind: "apply";
  /** The PR's state after the plan, or undefined when the PR is no hack and never was. */
  state?: HackPrState | undefined;
  actions: HackAction[];
}

/** Whether the PR is a hack, and which debt issue it has: what the shell reads more by, and the plan follows. */
export interface HackDecision {
  decl: Declaration;
  choice: DebtChoice;
}

/** The declaration and the debt choice for the facts as they stand (choose again once a debt issue is found or created). */
export function decideHack(facts: HackFacts, rules: HackRules, decl = declaration(facts, rules)): HackDecision {
  return { decl, choice: chooseDebt(facts, rules, decl) };
}

/**
 * Everything one event changes: the debt issue to create, when the hack
 * needs one and has none; else the actions, the PR's comment first (so that
 * a just-created debt issue is linked before anything else can fail), then
 * labels, the debt issues' records, lifecycle closes/reopens and the check.
 * `decided` is the decision on these very facts, when the caller has it.
 */
export function planHack(facts: HackFacts, rules: HackRules, mode: "advise" | "enforce", decided = decideHack(facts, rules)): HackPlan {
  const { decl, choice } = decided;
  if (!decl.declared && !facts.previous) return { kind: "apply", actions: [] };
  if (choice.kind === "create") return { kind: "create-debt", issue: newDebtIssue(facts, rules, decl), label: debtLabel(rules) };

  const actions: HackAction[] = [];
  const prRef: DebtRef = { ...facts.repo, number: facts.pr.number };
  let debt: LinkedDebt | undefined;
  let problem: Problem | undefined;

  const track = (issue: DebtIssueFacts, replacing?: DebtIssueFacts) => {
    const record = nextRecord(facts, decl, issue, issue.record?.createdByApp ?? false, issue.ref);
    actions.push(...debtWrites(issue, record, rules));
    let state = issue.state;
    let stateReason = issue.stateReason ?? undefined;
    const key = { number: facts.pr.number, repo: prRepo(facts.repo, issue.ref) };
    if (!decl.declared) {
      // Withdrawn: the comment asks whether to close the debt; nothing closes or reopens it silently.
    } else if (facts.trigger.kind === "closed" && !facts.pr.merged && state === "open" && createdByApp(issue, record) && !otherHacksNeedIt(record, key)) {
      actions.push(closeDebt(issue.ref));
      state = "closed";
      stateReason = "not_planned";
    } else if (facts.trigger.kind === "reopened" && state === "closed" && issue.closedByApp && issue.stateReason === "not_planned") {
      actions.push({ type: "update-issue", issue: issue.ref, change: { state: "open" } });
      state = "open";
      stateReason = undefined;
    }
    debt = { ...issue.ref, createdByApp: createdByApp(issue, record), state, ...(stateReason ? { stateReason } : {}) };
    if (replacing?.record) {
      const oldKey = { number: facts.pr.number, repo: prRepo(facts.repo, replacing.ref) };
      const by = { number: issue.ref.number, repo: prRepo(issue.ref, replacing.ref) };
      const oldRecord = removeHackPr(replacing.record, oldKey, by);
      actions.push(...debtWrites(replacing, oldRecord, rules));
      if (replacing.state === "open" && createdByApp(replacing, oldRecord) && !otherHacksNeedIt(oldRecord, oldKey)) {
        actions.push(closeDebt(replacing.ref));
      }
    }
  };

  if (!decl.declared) {
    // No longer a hack: the record says so, and the comment asks what to do with the debt.
    if (usable(facts.linked)) track(facts.linked);
  } else if (choice.kind === "keep") {
    track(choice.issue);
    problem = choice.note;
  } else if (choice.kind === "link") {
    track(choice.issue, choice.replacing);
  } else if (choice.kind === "problem") {
    problem = choice.problem;
  } else {
    problem = facts.previous?.problem;
  }

  const pr = facts.pr;
  // Parsed for the schema's key order: an unchanged state must render to the same comment.
  const state: HackPrState = hackPrStateSchema.parse({
    kind: "hack-pr",
    version: 1,
    declared: decl.declared,
    ways: decl.ways,
    ...(decl.withdrawn && decl.withdrawn.length > 0 ? { withdrawn: { ways: decl.withdrawn } } : {}),
    ...(decl.command ? { command: decl.command } : {}),
    ...(debt ? { debt } : {}),
    ...(problem ? { problem } : {}),
    pr: { state: pr.merged ? "merged" : pr.state, ...(pr.merged && pr.mergedAt ? { mergedAt: pr.mergedAt } : {}) },
  });
  const options = { label: rules.label, createDebtIssue: rules.createDebtIssue };
  const comment = `${renderHackComment(state, facts.repo, options)}\n\n${hackStateMarker(state)}`;
  const planned: HackAction[] = [];
  if (facts.previousComment !== `${topicMarker(HACK_TOPIC)}\n${comment}`) {
    // The comment was read under the hack lock, which every write of it holds.
    const found = facts.previousComment !== undefined && facts.previousCommentId !== undefined ? { id: facts.previousCommentId, body: facts.previousComment } : null;
    planned.push({ type: "sticky-comment", issue: prRef, topic: HACK_TOPIC, body: comment, create: true, found });
  }
  if (decl.declared && !hasLabel(pr.labels, rules.label)) planned.push({ type: "add-label", issue: prRef, label: labelSpecs.hack(rules.label) });
  planned.push(...actions);
  if (pr.state === "open") {
    planned.push({ type: "check", repo: facts.repo, headSha: pr.headSha, result: hackCheck(state, facts.repo, { ...options, mode }) });
  }
  return { kind: "apply", state, actions: planned };
}

/**
 * The PR's comment after its debt issue was closed or reopened by someone
 * else: only the debt's state changes.
 */
export function debtStateChanged(
  previous: HackPrState,
  issue: { ref: DebtRef; state: "open" | "closed"; stateReason?: string | null | undefined },
  here: RepoRef,
  rules: HackRules,
): { state: HackPrState; body: string } | undefined {
  if (!previous.debt || !sameRef(previous.debt, issue.ref)) return undefined;
  const debt: LinkedDebt = { ...previous.debt, state: issue.state };
  delete debt.stateReason;
  if (issue.state === "closed" && issue.stateReason) debt.stateReason = issue.stateReason;
  const state: HackPrState = hackPrStateSchema.parse({ ...previous, debt });
  const body = `${renderHackComment(state, here, { label: rules.label, createDebtIssue: rules.createDebtIssue })}\n\n${hackStateMarker(state)}`;
  return { state, body };
}
