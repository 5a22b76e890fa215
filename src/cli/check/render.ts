import type { Field } from "../../core/intent/statements.js";
import type { TemplateAsks } from "../../core/intent/template-prompts.js";
import type { CheckReport, HackResult, IntentResult, SignoffResult } from "./decide.js";

type Paint = (text: string) => string;

interface Palette {
  ok: Paint;
  bad: Paint;
  soft: Paint;
}

const ansi = (code: number): Paint => (text) => `\u001b[${code}m${text}\u001b[39m`;
const COLOURS: Palette = { ok: ansi(32), bad: ansi(31), soft: ansi(33) };
const PLAIN: Palette = { ok: (t) => t, bad: (t) => t, soft: (t) => t };

const REJECTION_WORDS = { empty: "is empty", template: "is the template's text", placeholder: "is a placeholder", "too short": "is too short", link: "is only a link", filler: "gives no reason", title: "only restates the title", change: "only says what the change does", trigger: "only names what occasioned the change", request: "only says what is wanted", audience: "only names who it is for", anyone: "names no one in particular" } as const;

function intentLines(result: IntentResult, p: Palette): string[] {
  switch (result.status) {
    case "off":
      return ["Product intent: off (intent.pullRequests or intent.enabled is false)"];
    case "exempt":
      return [`Product intent: ${p.ok("exempt")}: ${result.reason}`];
    case "met":
      return result.externalTicket
        ? [`Product intent: ${p.ok("met")} through the ticket ${result.externalTicket}`]
        : [`Product intent: ${p.ok("met")}`, `  why: ${firstLine(result.why)}`, `  who: ${firstLine(result.who)}`];
    case "unverified":
      return [
        `Product intent: ${p.soft("not verified offline")}: the description states no ${result.missing.join(" or ")};`,
        `  the app would inherit them from ${result.links.join(", ")} if it states them`,
      ];
    case "missing":
      return [
        `Product intent: ${p.bad("missing")} ${result.missing.join(" and ")}`,
        ...result.rejections.map((r) => `  "${r.label}" ${REJECTION_WORDS[r.reason]}${r.words === undefined ? "" : ` (${r.words} words)`}`),
        ...howToFix(result.missing, result.asks),
      ];
  }
}

const HEADING = { why: "`## Why`", who: "`## Who`" } as const;

/**
 * As the app's comment says it: for a field the template asks for, its own
 * question; a `## Why` / `## Who` heading only for a field it does not ask for.
 */
function howToFix(missing: readonly Field[], asks: TemplateAsks): string[] {
  const asked = missing.flatMap((field) => (asks[field] ? [`  ${field}: the template asks “${clipLine(asks[field] ?? "")}”: answer it in your own words.`] : []));
  const unasked = missing.filter((field) => !asks[field]);
  const headings = unasked.length > 0 ? [`  Write a short paragraph under ${unasked.map((field) => HEADING[field]).join(" and ")}.`] : [];
  return [...asked, ...headings, "  Or link the issue that states them; give the description with --body FILE."];
}

function hackLines(result: HackResult, p: Palette): string[] {
  switch (result.status) {
    case "off":
      return ["Hack debt: off (hacks.enabled is false)"];
    case "not a hack":
      return ["Hack debt: not a hack"];
    case "met":
      return [`Hack debt: ${p.ok("linked")}: a hack (${result.ways.join(", ")}) with the debt issue ${result.debt}`];
    case "missing":
      return [
        `Hack debt: ${p.bad("no debt issue")}: a hack (${result.ways.join(", ")}) that names no rebuild-debt issue`,
        result.createsDebtIssue ? "  Add `Debt: #N`, or the app will open one when the pull request is opened." : "  Add `Debt: #N` (hacks.createDebtIssue is false, so the app will not open one).",
      ];
  }
}

function signoffLines(result: SignoffResult, p: Palette, gating: boolean): string[] {
  switch (result.status) {
    case "off":
      return ["Cross-team sign-off: off (signoff.enabled is false)"];
    case "not needed":
      return [`Cross-team sign-off: not needed (${result.teams.length === 0 ? "no team's area" : result.teams.join(", ")}; ${result.minTeams} teams needed)`];
    case "pending":
      return [
        `Cross-team sign-off: ${(gating ? p.bad : p.soft)("pending")} from ${result.teams.length} teams`,
        ...result.teams.map((t) => `  ${t.team}: ${t.files.slice(0, 5).join(", ")}${t.files.length > 5 ? ` and ${t.files.length - 5} more` : ""}`),
        "  Each team signs off with an approving review by a member, or `/signoff @org/team`.",
      ];
  }
}

const clipLine = (line: string) => (line.length > 100 ? `${line.slice(0, 99)}…` : line);
const firstLine = (text: string) => clipLine(text.split("\n")[0] ?? "");

/** The readable report; colour only when `colour` (a terminal). */
export function renderCheckReport(report: CheckReport, colour: boolean): string[] {
  const p = colour ? COLOURS : PLAIN;
  return [
    `intentbot check: ${report.head.slice(0, 12)} against ${report.base.sha.slice(0, 12)} (${report.base.described}), ${report.files} files`,
    `Title: ${report.title || "(none)"}`,
    "",
    ...intentLines(report.intent, p),
    ...hackLines(report.hack, p),
    ...signoffLines(report.signoff, p, report.failOn.includes("signoff")),
    "",
    verdict(report, p),
  ];
}

function verdict(report: CheckReport, p: Palette): string {
  if (!report.met) return p.bad(`Missing: ${report.failing.join(", ")} (exit 1; --fail-on ${report.failOn.join(",")}).`);
  if (report.signoff.status === "pending") return `${p.ok("Nothing missing that fails the check")} (exit 0); sign-off is pending (--fail-on intent,hack,signoff fails on it).`;
  return p.ok("All met.");
}
