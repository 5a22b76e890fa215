import { problemsFromIssues, type ConfigProblem } from "./problems.js";
import { configSchema, type Config } from "./schema.js";
import { readConfigYaml } from "./yaml.js";

export type ValidationResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

/**
 * Validates one config file's text on its own (no `_extends`, no org
 * fallback): what `intentbot validate-config` runs before a file is pushed.
 * One parse; every problem's line comes from the same line index.
 */
export function validateConfigText(text: string, file: string): ValidationResult {
  const read = readConfigYaml(text);
  if (!read.ok) return { ok: false, problems: read.problems.map((p) => ({ ...p, file })) };
  const input = { ...read.value };
  delete input._extends;
  const parsed = configSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };
  return {
    ok: false,
    problems: problemsFromIssues(parsed.error.issues, input).map(({ path, ...p }) => ({ ...p, file, line: read.lines.lineOf(path) })),
  };
}
