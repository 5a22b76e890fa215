import { LineCounter, parseDocument, isMap, isScalar } from "yaml";
import type { z } from "zod";
import { configSchema } from "./schema.js";

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

type PathSegment = string | number;

/** Turns zod issues into problems; the line is filled in later from the YAML text. */
export function problemsFromIssues(issues: readonly z.core.$ZodIssue[], input: unknown): Omit<ConfigProblem, "file">[] {
  return issues.flatMap((issue) => {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== "symbol");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        key: [...path, key].join("."),
        given: describeValue(valueAt(input, [...path, key])),
        allowed: `one of the keys ${allowedKeys(path).map((k) => `\`${k}\``).join(", ")} (\`${key}\` is not a known key)`,
      }));
    }
    return [{ key: path.join("."), given: describeValue(valueAt(input, path)), allowed: describeAllowed(issue) }];
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

function describeValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

interface SchemaLike {
  def: { type: string; innerType?: SchemaLike; shape?: Record<string, SchemaLike>; valueType?: SchemaLike };
}

/** The keys the schema accepts at a path, for "unknown key" messages. */
function allowedKeys(path: readonly PathSegment[]): string[] {
  let schema: SchemaLike | undefined = configSchema as unknown as SchemaLike;
  for (const segment of [...path, null]) {
    while (schema?.def.innerType) schema = schema.def.innerType;
    if (segment === null) break;
    schema = schema?.def.shape?.[String(segment)] ?? schema?.def.valueType;
  }
  return Object.keys(schema?.def.shape ?? {});
}

/** Whether a parsed config file sets the value at `key` (so the problem comes from it). */
export function fileDefines(config: unknown, key: string): boolean {
  const path = key === "" ? [] : key.split(".");
  let value = config;
  for (const segment of path) {
    if (typeof value !== "object" || value === null || !(segment in value)) return false;
    value = (value as Record<string, unknown>)[segment];
  }
  return true;
}

/** 1-based line of a dotted key in YAML text, or undefined when it cannot be found. */
export function lineOfKey(text: string, key: string): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const path = key === "" ? [] : key.split(".");
  let node: unknown = doc.contents;
  let offset: number | undefined = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      if (!pair) return offset === undefined ? undefined : lineCounter.linePos(offset).line;
      offset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      node = pair.value;
    } else if (node && typeof node === "object" && "items" in node && Array.isArray(node.items)) {
      const item: unknown = node.items[Number(segment)];
      const range = (item as { range?: [number, number, number] } | undefined)?.range;
      offset = range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

/** One line per problem: the key, where it is, what was given and what is allowed. */
export function renderProblemLines(problems: readonly ConfigProblem[]): string[] {
  return problems.map((p) => {
    const where = [`\`${p.file}\``, p.line ? `line ${p.line}` : undefined].filter(Boolean).join(", ");
    const key = p.key ? `\`${p.key}\`` : "the file";
    const given = p.given === undefined ? "" : ` — given \`${p.given.replaceAll("`", "'")}\``;
    return `- ${key} (${where})${given}; allowed: ${p.allowed}`;
  });
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
