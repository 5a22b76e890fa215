import { parseDocument } from "yaml";
import { lineOfKey, problemsFromIssues, type ConfigProblem } from "./problems.js";
import { configSchema, type Config } from "./schema.js";

export type ValidationResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

/**
 * Validates one config file's text on its own (no `_extends`, no org
 * fallback): what `intentbot validate-config` runs before a file is pushed.
 */
export function validateConfigText(text: string, file: string): ValidationResult {
  const doc = parseDocument(text);
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    return {
      ok: false,
      problems: [{ file, key: "", line: syntaxError.linePos?.[0]?.line, given: syntaxError.message.split("\n")[0], allowed: "valid YAML" }],
    };
  }
  const raw: unknown = doc.toJS() ?? {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: [{ file, key: "", line: 1, given: JSON.stringify(raw), allowed: "a mapping of sections" }] };
  }
  const input: Record<string, unknown> = { ...raw };
  delete input._extends;
  const parsed = configSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problems: problemsFromIssues(parsed.error.issues, input).map((p) => ({ ...p, file, line: lineOfKey(text, p.key) })) };
}
