import { statSync } from "node:fs";
import { resolve } from "node:path";
import { CONFIG_PATH } from "../../config/load.js";
import { renderProblemLines } from "../../config/problems.js";
import { defaultConfig, type Config } from "../../config/schema.js";
import { validateConfigText } from "../../config/validate.js";
import { decideIntent, exemptionReason, type IntentVerdict } from "../../core/intent/decide.js";
import { judgeBody, templateLines, type Finding } from "../../core/intent/judge.js";
import { findReferences, referenceLabel } from "../../core/intent/references.js";
import { describeRejection, whereRead } from "../../core/intent/render.js";
import { asksForBody } from "../../core/intent/template-prompts.js";
import { readTemplateFiles, type TemplateKind } from "../../github/templates.js";
import { EXIT } from "../exit-codes.js";
import type { CliIO } from "../io.js";
import { localTemplateSource } from "./local-templates.js";

export interface IntentOptions {
  kind?: string | undefined;
  repo?: string | undefined;
  config?: string | undefined;
  title?: string | undefined;
  json?: boolean | undefined;
}

const KINDS: Record<string, TemplateKind> = { pr: "pull request", issue: "issue" };

/** What `--json` prints: the verdict, and what was read to reach it. */
export interface IntentReport {
  kind: TemplateKind;
  met: boolean;
  why: { text: string; source: string; label: string } | null;
  who: { text: string; source: string; label: string } | null;
  missing: string[];
  rejections: string[];
  /** The template's own question for each missing field, as the app's hint quotes it. */
  asks: Record<string, string>;
  exempt: string | null;
  /** Issues the body links: the app would inherit why and who from them; they are not read offline. */
  links: string[];
  templates: string[];
}

/** The configuration the app would use for a checkout: `--config`, else `.github/intent.yml` in it, else the defaults; undefined (reported) when invalid. */
export function configOf(dir: string, options: Pick<IntentOptions, "config">, io: CliIO): Config | undefined {
  const path = options.config ?? resolve(dir, CONFIG_PATH);
  const text = io.readFile(path);
  if (text === undefined) {
    if (!options.config) return defaultConfig;
    io.stderr(`intentbot: cannot read ${options.config}`);
    return undefined;
  }
  const result = validateConfigText(text, options.config ?? CONFIG_PATH);
  if (result.ok) return result.config;
  io.stderr("intentbot: the configuration is invalid; the app would report this instead of checking:");
  for (const line of renderProblemLines(result.problems, "terminal")) io.stderr(line);
  return undefined;
}

const plainQuote = (text: string) => `“${text}”`;
const finding = (f: Finding | undefined) => (f ? { text: f.text, source: f.source, label: f.label } : null);

function report(verdict: IntentVerdict, base: Omit<IntentReport, "met" | "why" | "who" | "missing" | "rejections" | "asks">): IntentReport {
  return {
    ...base,
    met: verdict.met,
    why: finding(verdict.why),
    who: finding(verdict.who),
    missing: verdict.missing,
    rejections: verdict.rejections.map((r) => describeRejection(r, plainQuote)),
    asks: Object.fromEntries(verdict.missing.flatMap((field) => (verdict.asks[field] ? [[field, verdict.asks[field]]] : []))),
  };
}

function reportLines(r: IntentReport): string[] {
  const templates = r.templates.length > 0 ? r.templates.join(", ") : "none found";
  const lines = [`Product intent (${r.kind}; templates: ${templates}): ${r.exempt ? `exempt, ${r.exempt}` : r.met ? "met" : `missing ${r.missing.join(" and ")}`}`];
  for (const field of ["why", "who"] as const) {
    const f = r[field];
    lines.push(f ? `  ${field} (${whereRead({ source: f.source as Finding["source"], label: f.label }, plainQuote)}): ${f.text.split("\n")[0] ?? ""}` : `  ${field}: missing`);
  }
  if (r.rejections.length > 0) lines.push("Not counted:", ...r.rejections.map((line) => `  ${line}`));
  if (!r.met) for (const [field, question] of Object.entries(r.asks)) lines.push(`The template asks for the ${field}: ${plainQuote(question)}`);
  if (!r.met && r.links.length > 0) lines.push(`Links ${r.links.join(", ")}: the app would inherit why and who from them if they state them (not read offline).`);
  return lines;
}

/**
 * `intentbot intent BODY_FILE`: one body judged as the app would judge it,
 * with the templates and configuration of a local checkout, read at the paths
 * the app reads on GitHub. For trying templates before installing the app.
 */
export async function intentCommand(bodyFile: string, options: IntentOptions, io: CliIO): Promise<number> {
  const kind = KINDS[options.kind ?? "pr"];
  if (!kind) {
    io.stderr(`intentbot: --kind takes issue or pr, not ${JSON.stringify(options.kind)}`);
    return EXIT.usage;
  }
  const body = io.readFile(bodyFile);
  if (body === undefined) {
    io.stderr(`intentbot: cannot read ${bodyFile}`);
    return EXIT.usage;
  }
  const dir = resolve(io.cwd, options.repo ?? ".");
  // A mistyped --repo would otherwise read no templates and no config, and judge with the defaults as if all were well.
  if (options.repo !== undefined && !statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    io.stderr(`intentbot: --repo ${options.repo} is not a directory`);
    return EXIT.usage;
  }
  const config = configOf(dir, options, io);
  if (!config) return EXIT.usage;
  const title = options.title ?? "";
  const templates = await readTemplateFiles(localTemplateSource(dir), kind);
  const exempt = exemptionReason({ authorType: undefined, labels: [], title }, config.intent.exempt);
  const texts = templates.map((t) => t.text);
  const own = { ...judgeBody(body, config.intent, templateLines(texts), options.title), asks: asksForBody(body, texts, config.intent) };
  const here = { owner: "local", repo: "checkout" };
  const refs = findReferences(`${title}\n\n${body}`, here, config.intent.tickets.external.enabled ? config.intent.tickets.external.patterns : []);
  const verdict = decideIntent({ own, linked: [], external: refs.external });
  const result = report(exempt ? { ...verdict, met: true } : verdict, {
    kind,
    exempt: exempt ?? null,
    links: config.intent.tickets.inherit ? refs.issues.map((ref) => referenceLabel(ref, here)) : [],
    templates: templates.map((t) => t.path),
  });
  if (options.json) io.stdout(JSON.stringify(result, null, 2));
  else for (const line of reportLines(result)) io.stdout(line);
  return result.met ? EXIT.ok : EXIT.unmet;
}
