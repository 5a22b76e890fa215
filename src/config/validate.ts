import { problemsFromIssues, type ConfigProblem } from "./problems.js";
import { configSchema, type Config } from "./schema.js";
import { readConfigYaml, type ReadYaml, type YamlProblem } from "./yaml.js";

export type ValidationResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

/**
 * The schema's problems with the values of a file that was read with some
 * values refused (`refused`, from `readConfigYaml`): a refused value hides
 * none of the file's other problems. Problems under a refused key are its own.
 */
export function otherProblems(rest: ReadYaml, refused: readonly YamlProblem[]): YamlProblem[] {
  const input = { ...rest.value };
  delete input._extends;
  const parsed = configSchema.safeParse(input);
  if (parsed.success) return [];
  const under = (key: string) => refused.some((r) => r.key !== "" && (key === r.key || key.startsWith(`${r.key}.`)));
  return problemsFromIssues(parsed.error.issues, input)
    .filter((p) => !under(p.key))
    .map(({ path, ...p }) => ({ ...p, line: rest.lines.lineOf(path) }));
}

/** In the order of the file. */
export function byLine<T extends { line?: number | undefined }>(problems: T[]): T[] {
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

/**
 * Validates one config file's text on its own (no `_extends`, no org
 * fallback): what `intentbot validate-config` runs before a file is pushed.
 * One parse; every problem's line comes from the same line index.
 */
export function validateConfigText(text: string, file: string): ValidationResult {
  const read = readConfigYaml(text);
  if (!read.ok) {
    const problems = read.rest ? byLine([...read.problems, ...otherProblems(read.rest, read.problems)]) : read.problems;
    return { ok: false, problems: problems.map((p) => ({ ...p, file })) };
  }
  const input = { ...read.value };
  delete input._extends;
  const parsed = configSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    problems: problemsFromIssues(parsed.error.issues, input).map(({ path, ...p }) => ({ ...p, file, line: read.lines.lineOf(path) })),
  };
}
