import type { Config } from "../../config/schema.js";
import { compileCodeowners } from "../../core/codeowners/index.js";
import { hackFields } from "../../core/hacks/debt.js";
import { textDeclarations, type DeclarationWay } from "../../core/hacks/declaration.js";
import { decideIntent, exemptionReason, type IntentVerdict } from "../../core/intent/decide.js";
import { judgeBody, templateLines } from "../../core/intent/judge.js";
import { findReferences, referenceLabel } from "../../core/intent/references.js";
import { asksForBody, type TemplateAsks } from "../../core/intent/template-prompts.js";
import { teamAreas } from "../../core/signoff/areas.js";
import type { Field } from "../../core/intent/statements.js";
import type { LocalChange } from "./gather.js";

export type IntentResult =
  | { status: "off" }
  | { status: "exempt"; reason: string }
  | { status: "met"; why: string; who: string; externalTicket?: string | undefined }
  /** Own statements missing, but a linked issue the app would read (offline, it cannot) may state them. */
  | { status: "unverified"; missing: Field[]; links: string[] }
  /** `asks`: the template's own question for each missing field it asks for, quoted in the hint instead of `## Why` / `## Who`. */
  | { status: "missing"; missing: Field[]; rejections: IntentVerdict["rejections"]; asks: TemplateAsks };

export type HackResult =
  | { status: "off" }
  | { status: "not a hack" }
  | { status: "met"; ways: DeclarationWay[]; debt: string }
  | { status: "missing"; ways: DeclarationWay[]; createsDebtIssue: boolean };

export type SignoffResult =
  | { status: "off" }
  | { status: "not needed"; teams: string[]; minTeams: number }
  /** Offline no sign-off can be seen (reviews and `/signoff` live on GitHub): every team's is pending. */
  | { status: "pending"; teams: { team: string; files: string[] }[]; unowned: string[]; codeowners?: string | undefined };

/** What `--fail-on` may name: the results that make the exit code 1 when missing (sign-off: pending). */
export const GATES = ["intent", "hack", "signoff"] as const;
export type Gate = (typeof GATES)[number];
/** A missing intent or debt issue is the author's to fix now; a sign-off is pending until reviewers act. */
export const DEFAULT_GATES: readonly Gate[] = ["intent", "hack"];

export interface CheckReport {
  base: LocalChange["base"];
  head: string;
  title: string;
  files: number;
  intent: IntentResult;
  hack: HackResult;
  signoff: SignoffResult;
  /** Lines GitHub would skip in CODEOWNERS. */
  codeownersErrors: string[];
  /** The results that decide `met`. */
  failOn: Gate[];
  /** Those of `failOn` that are missing (or pending); `met` when there are none, exit 1 otherwise. */
  failing: Gate[];
  met: boolean;
}

function intentOf(change: LocalChange, config: Config): IntentResult {
  const rules = config.intent;
  if (!rules.enabled || !rules.pullRequests) return { status: "off" };
  const exempt = exemptionReason({ authorType: undefined, labels: [], title: change.title }, rules.exempt);
  if (exempt) return { status: "exempt", reason: exempt };
  const own = { ...judgeBody(change.body, rules, templateLines(change.pullRequestTemplates), change.title), asks: asksForBody(change.body, change.pullRequestTemplates, rules) };
  const refs = findReferences(`${change.title}\n\n${change.body}`, change.repo, rules.tickets.external.enabled ? rules.tickets.external.patterns : []);
  const verdict = decideIntent({ own, linked: [], external: refs.external });
  if (verdict.met) {
    return { status: "met", why: verdict.why?.text ?? "", who: verdict.who?.text ?? "", externalTicket: verdict.externalTicket };
  }
  const links = rules.tickets.inherit ? refs.issues.map((ref) => referenceLabel(ref, change.repo)) : [];
  if (links.length > 0) return { status: "unverified", missing: verdict.missing, links };
  const asks: TemplateAsks = {};
  for (const field of verdict.missing) if (verdict.asks[field]) asks[field] = verdict.asks[field];
  return { status: "missing", missing: verdict.missing, rejections: verdict.rejections, asks };
}

function hackOf(change: LocalChange, config: Config): HackResult {
  const rules = config.hacks;
  if (!rules.enabled) return { status: "off" };
  const ways = textDeclarations({ title: change.title, body: change.body }, rules.titlePrefixes);
  if (ways.length === 0) return { status: "not a hack" };
  const debt = hackFields(change.body, undefined, change.repo).debt;
  if (debt) return { status: "met", ways, debt: referenceLabel(debt, change.repo) };
  return { status: "missing", ways, createsDebtIssue: rules.createDebtIssue };
}

function signoffOf(change: LocalChange, config: Config, matcher: ReturnType<typeof compileCodeowners> | undefined): SignoffResult {
  const rules = config.signoff;
  if (!rules.enabled) return { status: "off" };
  const areas = teamAreas(change.files, (path) => matcher?.ownersOf(path), rules.teams);
  const teams = [...areas.teams].map(([team, files]) => ({ team, files }));
  if (teams.length < rules.minTeams) return { status: "not needed", teams: teams.map((t) => t.team), minTeams: rules.minTeams };
  // Reviews and /signoff comments live on GitHub, so offline every team is still to sign off.
  return { status: "pending", teams, unowned: areas.unowned, codeowners: change.codeowners?.path };
}

/** What the app would say about this change if it were a pull request, and whether any of `failOn` is missing; pure. */
export function decideLocalChange(change: LocalChange, config: Config, failOn: readonly Gate[] = DEFAULT_GATES): CheckReport {
  const matcher = change.codeowners ? compileCodeowners(change.codeowners.text) : undefined;
  const intent = intentOf(change, config);
  const hack = hackOf(change, config);
  const signoff = signoffOf(change, config, matcher);
  const unmet: Record<Gate, boolean> = { intent: intent.status === "missing", hack: hack.status === "missing", signoff: signoff.status === "pending" };
  const failing = GATES.filter((gate) => failOn.includes(gate) && unmet[gate]);
  return {
    base: change.base,
    head: change.head,
    title: change.title,
    files: change.files.length,
    intent,
    hack,
    signoff,
    codeownersErrors: (matcher?.errors ?? []).map((e) => `${change.codeowners?.path ?? "CODEOWNERS"}:${e.line}: skipped: ${e.reason}`),
    failOn: GATES.filter((gate) => failOn.includes(gate)),
    failing,
    met: failing.length === 0,
  };
}
