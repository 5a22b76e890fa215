import type { Field } from "./statements.js";
import { templateAsks, type TemplateAsks } from "./template-prompts.js";
import type { Aliases } from "./prompts.js";

/** One template as the app reads it: its path, and its text (an issue form's as `issueFormText` gives it). */
export interface TemplateFile {
  kind: "issue" | "pull request";
  path: string;
  text: string;
}

/** Whether a template asks for the why and the who, in its words, and what to add where it does not. */
export interface TemplateDiagnosis {
  kind: TemplateFile["kind"];
  path: string;
  asks: TemplateAsks;
  /** A prompt to add for each field the template does not ask for, in the template's own format. */
  suggestions: Partial<Record<Field, string>>;
}

const isForm = (path: string) => /\.ya?ml$/i.test(path);

/** Prompts the default aliases recognise, written as each kind of template writes its questions. */
export const SUGGESTED_PROMPTS: Record<"markdown" | "form", Record<Field, string>> = {
  markdown: {
    why: "## Why\n<!-- What problem does this solve? Who is stuck, slowed down or losing something without it? -->",
    who: "## Who\n<!-- Who is this for: which users or customers? -->",
  },
  form: {
    why: "- type: textarea\n  attributes:\n    label: Why is this needed?\n    description: What problem does this solve? Who is stuck, slowed down or losing something without it?",
    who: "- type: textarea\n  attributes:\n    label: Who is this for?\n    description: Which users or customers?",
  },
};

export function diagnoseTemplate(file: TemplateFile, aliases: Aliases): TemplateDiagnosis {
  const asks = templateAsks(file.text, aliases);
  const prompts = SUGGESTED_PROMPTS[isForm(file.path) ? "form" : "markdown"];
  const suggestions: TemplateDiagnosis["suggestions"] = {};
  for (const field of ["why", "who"] as const) if (!asks[field]) suggestions[field] = prompts[field];
  return { kind: file.kind, path: file.path, asks, suggestions };
}

export const asksNeither = (diagnosis: TemplateDiagnosis) => !diagnosis.asks.why && !diagnosis.asks.who;

/**
 * One piece of advice for a repository whose templates ask for neither a why
 * nor a who (or that has none): the check then only ever finds them where
 * authors happen to write them. Undefined when any template asks for either.
 */
export function templateAdvice(diagnoses: readonly TemplateDiagnosis[]): string | undefined {
  if (diagnoses.some((d) => !asksNeither(d))) return undefined;
  const where = diagnoses.length === 0 ? "The repository has no issue or pull request templates" : "No issue or pull request template asks why or for whom";
  return `${where}: contributors are never asked for what the intent check looks for. Add a \`## Why\` and a \`## Who\` section (or, in an issue form, fields labelled “Why is this needed?” and “Who is this for?”); \`intentbot templates\` in a checkout shows each template and the prompt to add.`;
}
