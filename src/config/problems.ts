import type { z } from "zod";
import { escapeInlineCode, escapeTerminal, escapeText } from "../core/sanitize.js";
import { configSchema } from "./schema.js";
import type { PathSegment } from "./yaml.js";

/** One thing wrong with a config file, located precisely enough to fix it. */
export interface ConfigProblem {
  /** Where the file lives, e.g. `octo/repo/.github/intent.yml`. */
  file: string;
  /** Dotted key path, e.g. `intent.minWords`; empty for the whole file. */
  key: string;
  line?: number | undefined;
  given?: string | undefined;
  allowed: string;
}

/** A problem found in the merged config, before it is traced back to a file and line. */
export interface KeyedProblem extends Omit<ConfigProblem, "file" | "line"> {
  path: PathSegment[];
}

/**
 * Turns zod issues into problems, one per key: the first issue zod reports
 * (the schema lists a number's range before its integer check, so `1e300`
 * reads "≤ 100", not also "≤ 2^53"). The file and line are found later from the path.
 */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[], input: unknown): KeyedProblem[] {
  const seen = new Set<string>();
  return issues.flatMap((issue): KeyedProblem[] => {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== "symbol");
    if (issue.code === "unrecognized_keys") {
      const allowed = `one of the keys ${allowedKeys(path).map((k) => `\`${k}\``).join(", ")}`;
      return issue.keys.map((key) => {
        const keyPath = [...path, key];
        return { path: keyPath, key: keyPath.join("."), given: describeValue(valueAt(input, keyPath)), allowed };
      });
    }
    const id = path.join("\u0000");
    if (seen.has(id)) return [];
    seen.add(id);
    return [{ path, key: path.join("."), given: describeValue(valueAt(input, path)), allowed: describeAllowed(issue) }];
  });
}

function describeAllowed(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_value":
      return `one of ${issue.values.map((v) => `\`${String(v)}\``).join(", ")}`;
    case "invalid_type":
      return `a value of type ${issue.expected}`;
    case "too_small":
      return issue.origin === "array" || issue.origin === "string"
        ? `at least ${String(issue.minimum)} ${issue.origin === "array" ? "item(s)" : "character(s)"}`
        : `a number ${issue.inclusive ? "≥" : ">"} ${String(issue.minimum)}`;
    case "too_big":
      return issue.origin === "array" || issue.origin === "string"
        ? `at most ${String(issue.maximum)} ${issue.origin === "array" ? "item(s)" : "character(s)"}`
        : `a number ${issue.inclusive ? "≤" : "<"} ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

function valueAt(input: unknown, path: readonly PathSegment[]): unknown {
  let value = input;
  for (const segment of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return value;
}

const GIVEN_LENGTH = 80;

/**
 * A short JSON-like rendering of a value, for "given …". It stops once it has
 * enough characters, so a huge value costs no more than a small one, and it
 * never follows a value into itself.
 */
export function describeValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  let text = "";
  const seen = new Set<object>();
  const write = (v: unknown): void => {
    if (text.length > GIVEN_LENGTH) return;
    if (typeof v === "string") text += JSON.stringify(v.slice(0, GIVEN_LENGTH + 1));
    else if (typeof v !== "object" || v === null) text += String(v);
    else if (seen.has(v)) text += "…";
    else {
      seen.add(v);
      const array = Array.isArray(v);
      text += array ? "[" : "{";
      let first = true;
      for (const key in v) {
        if (text.length > GIVEN_LENGTH) break;
        if (!first) text += ",";
        first = false;
        if (!array) text += `${JSON.stringify(key.slice(0, GIVEN_LENGTH + 1))}:`;
        write((v as Record<string, unknown>)[key]);
      }
      text += array ? "]" : "}";
    }
  };
  write(value);
  return text.length > GIVEN_LENGTH ? `${text.slice(0, GIVEN_LENGTH - 3)}...` : text;
}

interface SchemaLike {
  def: { type: string; innerType?: SchemaLike; in?: SchemaLike; options?: SchemaLike[]; shape?: Record<string, SchemaLike>; valueType?: SchemaLike };
}

/** The keys the schema accepts at a path, for "unknown key" messages. */
function allowedKeys(path: readonly PathSegment[]): string[] {
  let schema: SchemaLike | undefined = configSchema as unknown as SchemaLike;
  for (const segment of [...path, null]) {
    // Through defaults and transforms; of a union (`intent.who`: an object or a list), its first option.
    while (schema?.def.innerType ?? schema?.def.in ?? schema?.def.options) schema = schema.def.innerType ?? schema.def.in ?? schema.def.options?.[0];
    if (segment === null) break;
    schema = schema?.def.shape?.[String(segment)] ?? schema?.def.valueType;
  }
  return Object.keys(schema?.def.shape ?? {});
}

/** Whether a parsed config file sets the value at `path` (so the problem comes from it). */
export function definesPath(config: unknown, path: readonly PathSegment[]): boolean {
  let value = config;
  for (const segment of path) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, segment)) return false;
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return true;
}

/** More problems than this are counted, not listed: the first ones show what is wrong. */
export const MAX_LISTED_PROBLEMS = 50;

/** Where the lines go: Markdown that GitHub renders (a check run, a comment), or a terminal, which shows text as it is. */
export type ProblemTarget = "github" | "terminal";

const ESCAPERS: Record<ProblemTarget, { quoted: (text: string) => string; text: (text: string) => string }> = {
  // Text from the file in a code span: no mention, no marker, no backtick to break out.
  github: { quoted: (text) => escapeInlineCode(text), text: (text) => escapeText(text, 500) },
  terminal: { quoted: (text) => `\`${escapeTerminal(text)}\``, text: (text) => escapeTerminal(text, 500) },
};

/** One line per problem: the key, where it is, what was given and what is allowed. */
export function renderProblemLines(problems: readonly ConfigProblem[], target: ProblemTarget = "github"): string[] {
  const { quoted, text } = ESCAPERS[target];
  const lines = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => {
    const where = [quoted(p.file), p.line ? `line ${p.line}` : undefined].filter(Boolean).join(", ");
    const key = p.key ? quoted(p.key) : "the file";
    const given = p.given === undefined ? "" : ` — given ${quoted(p.given)}`;
    // `allowed` is the app's own text, but it may repeat a pattern's compile error.
    return `- ${key} (${where})${given}; allowed: ${text(p.allowed)}`;
  });
  const rest = problems.length - lines.length;
  if (rest > 0) lines.push(`- and ${rest} more problem${rest === 1 ? "" : "s"}`);
  return lines;
}

/** Markdown telling a user what is wrong and how to fix it. */
export function renderConfigProblems(problems: readonly ConfigProblem[]): string {
  return [
    "intentbot could not use its configuration, so it did not evaluate this change.",
    "",
    ...renderProblemLines(problems),
    "",
    "Fix the file on the default branch; intentbot's `docs/configuration.md` lists every key with its default and an example.",
  ].join("\n");
}
