import { resolve } from "node:path";
import { asksNeither, diagnoseTemplate, type TemplateDiagnosis, type TemplateFile } from "../core/intent/template-doctor.js";
import { readTemplateFiles, type TemplateKind } from "../github/templates.js";
import { EXIT } from "./exit-codes.js";
import { configOf } from "./intent/command.js";
import { localTemplateSource } from "./intent/local-templates.js";
import type { CliIO } from "./io.js";

export interface TemplatesOptions {
  repo?: string | undefined;
  json?: boolean | undefined;
}

const KINDS: readonly TemplateKind[] = ["issue", "pull request"];

function reportLines(diagnoses: readonly TemplateDiagnosis[], dir: string): string[] {
  if (diagnoses.length === 0) {
    return [`No issue or pull request templates in ${dir} (read where GitHub finds them: the root, .github/ and docs/).`, "Add one that asks why and for whom, e.g.:", "", "## Why", "## Who"];
  }
  return diagnoses.flatMap((d) => [
    `${d.path} (${d.kind} template): ${asksNeither(d) ? "asks for neither a why nor a who" : `asks for ${[d.asks.why ? "a why" : "", d.asks.who ? "a who" : ""].filter(Boolean).join(" and ")}`}`,
    ...(["why", "who"] as const).flatMap((field) => {
      const asked = d.asks[field];
      if (asked) return [`  ${field}: asks “${asked}”`];
      const suggestion = d.suggestions[field] ?? "";
      return [`  ${field}: not asked; add:`, ...suggestion.split("\n").map((line) => `    ${line}`)];
    }),
  ]);
}

/**
 * `intentbot templates`: every issue and pull request template the app would
 * read in a checkout, read as the app reads them, and whether each asks for
 * the why and the who. Exits 1 when a template asks for neither (or there is
 * none), so CI can keep templates asking.
 */
export async function templatesCommand(options: TemplatesOptions, io: CliIO): Promise<number> {
  const dir = resolve(io.cwd, options.repo ?? ".");
  const config = configOf(dir, {}, io);
  if (!config) return EXIT.usage;
  const source = localTemplateSource(dir);
  const files: TemplateFile[] = (await Promise.all(KINDS.map(async (kind) => (await readTemplateFiles(source, kind)).map((file) => ({ kind, ...file }))))).flat();
  const diagnoses = files.map((file) => diagnoseTemplate(file, config.intent));
  const ok = diagnoses.length > 0 && !diagnoses.some(asksNeither);
  if (options.json) {
    const templates = diagnoses.map((d) => ({ path: d.path, kind: d.kind, why: d.asks.why ?? null, who: d.asks.who ?? null, suggestions: d.suggestions }));
    io.stdout(JSON.stringify({ ok, templates }, null, 2));
  } else {
    for (const line of reportLines(diagnoses, options.repo ?? ".")) io.stdout(line);
  }
  return ok ? EXIT.ok : EXIT.unmet;
}
