import type { Config } from "../../config/schema.js";
import { compileCodeowners } from "../../core/codeowners/index.js";
import { debtItemOf, type DebtItem, type UntrackedHack } from "../../core/dashboard/model.js";
import { renderDashboard } from "../../core/dashboard/render.js";
import { readDebtRecord } from "../../core/debt/record.js";
import { hackFields } from "../../core/hacks/debt.js";
import { textDeclarations } from "../../core/hacks/declaration.js";
import type { DebtRef } from "../../core/hacks/fields.js";
import { decideIntent, exemptionReason, type LinkedTicket } from "../../core/intent/decide.js";
import { judgeBody, templateLines, type BodyIntent } from "../../core/intent/judge.js";
import { diagnoseTemplate, templateAdvice } from "../../core/intent/template-doctor.js";
import { findReferences, referenceLabel, sameRepository } from "../../core/intent/references.js";
import type { Field } from "../../core/intent/statements.js";
import { teamAreas } from "../../core/signoff/areas.js";
import type { AuditFacts, AuditItem } from "./gather.js";

export interface MissingIntent {
  number: number;
  title: string;
  missing: Field[];
  /** Template prompts (headings, labels) left empty or unchanged. */
  unanswered: string[];
  /** Linked issues the audit did not read (outside the open ones it listed). */
  unreadLinks: string[];
}

export interface HackWithoutDebt {
  number: number;
  title: string;
  merged: boolean;
}

export interface SignoffNeeded {
  number: number;
  title: string;
  teams: string[];
}

export interface AuditReport {
  repo: string;
  read: { issues: number; pullRequests: number; mergedHacks: number; debtIssues: number };
  intent: { issues: MissingIntent[]; pullRequests: MissingIntent[] };
  hacksWithoutDebt: HackWithoutDebt[];
  signoff: SignoffNeeded[];
  /** The dashboard issue the app would write (its Markdown body), or undefined when the dashboard is off. */
  dashboard?: string | undefined;
  /** Advice, once, when no template asks for a why or a who (see template-doctor.ts); undefined when one does or intent is off. */
  templates?: string | undefined;
}

const hasLabel = (labels: readonly string[], name: string) => labels.some((l) => l.toLowerCase() === name.toLowerCase());

function intentOf(item: AuditItem, facts: AuditFacts, config: Config, judged: Map<number, BodyIntent>): MissingIntent | undefined {
  const rules = config.intent;
  if (exemptionReason({ authorType: item.authorType, labels: item.labels, title: item.title }, rules.exempt)) return undefined;
  const own = judged.get(item.number) ?? { rejections: [] };
  const refs = findReferences(`${item.title}\n\n${item.body ?? ""}`, facts.repo, rules.tickets.external.enabled ? rules.tickets.external.patterns : []);
  const sameRepo = (ref: { owner: string; repo: string }) => sameRepository(ref, facts.repo);
  const linkable = rules.tickets.inherit ? refs.issues.filter((ref) => !(sameRepo(ref) && ref.number === item.number)).slice(0, 5) : [];
  // Only the open issues already listed are read: the audit makes no call per link.
  const linked: LinkedTicket[] = linkable.flatMap((ref) => {
    const intent = sameRepo(ref) ? judged.get(ref.number) : undefined;
    return intent ? [{ ref: referenceLabel(ref, facts.repo), intent }] : [];
  });
  const verdict = decideIntent({ own, linked, external: refs.external });
  if (verdict.met) return undefined;
  return {
    number: item.number,
    title: item.title,
    missing: verdict.missing,
    unanswered: verdict.rejections.filter((r) => r.reason === "empty" || r.reason === "template").map((r) => r.label),
    unreadLinks: linkable.filter((ref) => !(sameRepo(ref) && judged.has(ref.number))).map((ref) => referenceLabel(ref, facts.repo)),
  };
}

function isHack(item: AuditItem, config: Config): boolean {
  return hasLabel(item.labels, config.hacks.label) || textDeclarations(item, config.hacks.titlePrefixes).length > 0;
}

function debtItem(issue: AuditItem): DebtItem {
  // Interest needs one commits query per hacked file; the audit leaves it unknown.
  return debtItemOf(issue, readDebtRecord(issue.body));
}

/**
 * A debt issue a person opened carries no record in its body (the app keeps
 * it in a comment the audit does not read): the hacks naming it stand in,
 * the first merge among them being when the hack shipped.
 */
function withNamingHacks(item: DebtItem, hacks: readonly AuditItem[], named: ReadonlyMap<number, DebtRef | undefined>, facts: AuditFacts): DebtItem {
  if (item.hackPrs.length > 0) return item;
  const naming = hacks.filter((pr) => {
    const ref = named.get(pr.number);
    return ref !== undefined && ref.number === item.issue && ref.owner.toLowerCase() === facts.repo.owner.toLowerCase() && ref.repo.toLowerCase() === facts.repo.repo.toLowerCase();
  });
  const merges = naming.flatMap((pr) => (pr.mergedAt ? [pr.mergedAt] : [])).sort();
  return { ...item, hackPrs: naming.map((pr) => pr.number), shippedAt: item.shippedAt ?? merges[0] };
}

/** What the app would say about the repository as it stands; pure. */
export function decideAudit(facts: AuditFacts, config: Config, now: Date): AuditReport {
  const issueTemplate = templateLines(facts.templates.issue);
  const prTemplate = templateLines(facts.templates.pullRequest);
  const judged = new Map(facts.open.map((item) => [item.number, judgeBody(item.body, config.intent, item.isPullRequest ? prTemplate : issueTemplate)]));
  const issues = facts.open.filter((item) => !item.isPullRequest);
  const prs = facts.open.filter((item) => item.isPullRequest);
  const intentFor = (items: AuditItem[], enabled: boolean) =>
    enabled && config.intent.enabled ? items.flatMap((item) => intentOf(item, facts, config, judged) ?? []) : [];

  const hacks = [...prs.filter((pr) => isHack(pr, config)), ...facts.mergedHacks];
  const namedDebt = new Map(hacks.map((pr) => [pr.number, hackFields(pr.body, undefined, facts.repo).debt]));
  const debts = facts.debtIssues.map((issue) => withNamingHacks(debtItem(issue), hacks, namedDebt, facts));
  const tracked = new Set(debts.flatMap((d) => d.hackPrs));
  const hacksWithoutDebt = config.hacks.enabled
    ? hacks
        .filter((pr) => !tracked.has(pr.number) && !namedDebt.get(pr.number))
        .map((pr) => ({ number: pr.number, title: pr.title, merged: Boolean(pr.mergedAt) }))
    : [];

  const matcher = facts.codeowners ? compileCodeowners(facts.codeowners.text) : undefined;
  const signoff = prs.flatMap((pr): SignoffNeeded[] => {
    const files = facts.files.get(pr.number);
    if (!files) return [];
    const teams = [...teamAreas(files, (path) => matcher?.ownersOf(path), config.signoff.teams).teams.keys()];
    return teams.length >= config.signoff.minTeams ? [{ number: pr.number, title: pr.title, teams }] : [];
  });

  const untracked: UntrackedHack[] = hacksWithoutDebt.filter((h) => h.merged).map((h) => ({ pr: h.number, title: h.title, mergedAt: facts.mergedHacks.find((m) => m.number === h.number)?.mergedAt ?? "" }));
  const dashboard =
    config.dashboard.enabled && config.hacks.enabled
      ? renderDashboard(
          { now, items: debts, untracked, state: { history: [] }, repo: `${facts.repo.owner}/${facts.repo.repo}`, debtLabel: config.hacks.debtLabel },
          config.dashboard.title,
        ).body
      : undefined;

  return {
    repo: `${facts.repo.owner}/${facts.repo.repo}`,
    read: { issues: issues.length, pullRequests: prs.length, mergedHacks: facts.mergedHacks.length, debtIssues: facts.debtIssues.length },
    intent: { issues: intentFor(issues, config.intent.issues), pullRequests: intentFor(prs.filter((pr) => !pr.draft), config.intent.pullRequests) },
    hacksWithoutDebt,
    signoff,
    dashboard,
    templates: config.intent.enabled ? templateAdvice(templateDiagnoses(facts, config)) : undefined,
  };
}

function templateDiagnoses(facts: AuditFacts, config: Config) {
  // The audit reads the templates' text without their paths; a path only chooses the suggestion's format, which the advice does not show.
  const files = [...facts.templates.issue.map((text) => ({ kind: "issue" as const, path: "", text })), ...facts.templates.pullRequest.map((text) => ({ kind: "pull request" as const, path: "", text }))];
  return files.map((file) => diagnoseTemplate(file, config.intent));
}
