import { normalizeLine, stripFrontMatter, templateLines } from "./judge.js";
import { allLines, findStatements, type Aliases, type Field } from "./statements.js";

/** The question a template asks for each field, in its own words (a heading, a bold prompt or a label). */
export type TemplateAsks = Partial<Record<Field, string>>;

/** The first heading, prompt or label of a template that asks for each field. */
export function templateAsks(template: string, aliases: Aliases): TemplateAsks {
  const asks: TemplateAsks = {};
  for (const statement of findStatements(stripFrontMatter(template), aliases)) {
    if (statement.source === "user story" || statement.source === "prose") continue;
    asks[statement.field] ??= statement.label;
  }
  return asks;
}

/**
 * What the template a body was written from asks: the template sharing the
 * most lines with the body (the first on a tie). A body that shares no line
 * with any template is matched to one only when the repository has just one.
 */
export function asksForBody(body: string | null | undefined, templates: readonly string[], aliases: Aliases): TemplateAsks {
  const own = new Set(allLines(body).map(normalizeLine));
  let best: { template: string; shared: number } | undefined;
  for (const template of templates) {
    let shared = 0;
    for (const line of templateLines([template])) if (own.has(line)) shared++;
    if (!best || shared > best.shared) best = { template, shared };
  }
  if (!best || (best.shared === 0 && templates.length > 1)) return {};
  return templateAsks(best.template, aliases);
}
