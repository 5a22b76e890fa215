import { escapeInlineCode } from "../sanitize.js";
import { MAX_GLOB_LENGTH } from "../glob.js";

/**
 * CODEOWNERS parsing with GitHub's rules: gitignore-style patterns without
 * `!` negation, `[ ]` ranges or `\#` escapes (such lines are reported and
 * skipped), owners as `@user`, `@org/team` or an e-mail address, and a
 * pattern with no owners un-owning what it matches. A pattern longer than
 * MAX_GLOB_LENGTH is reported and skipped like any other unusable line.
 */
export interface Rule {
  /** 1-based line in the file. */
  line: number;
  pattern: string;
  owners: string[];
}

export interface LineError {
  line: number;
  text: string;
  reason: string;
}

export interface ParsedCodeowners {
  rules: Rule[];
  errors: LineError[];
}

const USER = /^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const TEAM = /^@[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+$/;

/** `local@domain.tld`: one `@`, no whitespace, a dot inside the domain. Scanned, not matched: a regex here would backtrack. */
function isEmail(owner: string): boolean {
  const at = owner.indexOf("@");
  if (at <= 0 || owner.indexOf("@", at + 1) !== -1 || /\s/.test(owner)) return false;
  return owner.slice(at + 2, -1).includes(".");
}

export function isValidOwner(owner: string): boolean {
  return USER.test(owner) || TEAM.test(owner) || isEmail(owner);
}

/** Splits a line on unescaped whitespace, dropping a trailing ` # comment`. Tokens are slices of the line, escapes kept. */
function tokens(line: string): string[] {
  const result: string[] = [];
  let start = -1;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === " " || ch === "\t") {
      if (start >= 0) result.push(line.slice(start, i));
      start = -1;
    } else if (start < 0) {
      if (ch === "#") return result; // a comment starts at a token boundary
      start = i;
      if (ch === "\\") i++;
    } else if (ch === "\\") {
      i++;
    }
  }
  if (start >= 0) result.push(line.slice(start));
  return result;
}

function patternError(pattern: string): string | undefined {
  if (pattern.length > MAX_GLOB_LENGTH) return `the pattern is longer than ${MAX_GLOB_LENGTH} characters`;
  if (pattern.startsWith("!")) return "`!` negation is not supported in CODEOWNERS";
  if (pattern.startsWith("\\#")) return "escaping `#` with `\\` is not supported in CODEOWNERS";
  if (/(^|[^\\])[[\]]/.test(pattern)) return "`[ ]` character ranges are not supported in CODEOWNERS";
  return undefined;
}

/** Why GitHub would skip a line with these tokens (a pattern, then owners), if it would. */
function lineProblem(parts: readonly string[]): string | undefined {
  const problem = patternError(parts[0] ?? "");
  if (problem) return problem;
  for (let i = 1; i < parts.length; i++) {
    const owner = parts[i] ?? "";
    if (!isValidOwner(owner)) return `${escapeInlineCode(owner)} is not a user, team or e-mail address`;
  }
  return undefined;
}

/** One line of the file: a rule, the reason GitHub would skip it, or nothing (blank or a comment). */
export function parseLine(raw: string, line: number): { rule: Rule } | { error: LineError } | undefined {
  const trimmed = raw.trim();
  if (trimmed === "" || trimmed.startsWith("#")) return undefined;
  const parts = tokens(trimmed);
  const pattern = parts[0];
  if (!pattern) return undefined;
  const problem = lineProblem(parts);
  // GitHub skips an invalid line whole, so a half-understood line never assigns owners.
  return problem ? { error: { line, text: raw, reason: problem } } : { rule: { line, pattern, owners: parts.slice(1) } };
}

/** The lines of a CODEOWNERS file, as GitHub splits them. */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/);
}

export function parseCodeowners(text: string): ParsedCodeowners {
  const rules: Rule[] = [];
  const errors: LineError[] = [];
  const lines = linesOf(text);
  for (let index = 0; index < lines.length; index++) {
    const parsed = parseLine(lines[index] ?? "", index + 1);
    if (parsed && "rule" in parsed) rules.push(parsed.rule);
    else if (parsed) errors.push(parsed.error);
  }
  return { rules, errors };
}

/** The lines GitHub would skip, as `parseCodeowners` reports them, without keeping every rule (what `intentbot owners` asks first). */
export function codeownersErrors(text: string): LineError[] {
  const errors: LineError[] = [];
  const lines = linesOf(text);
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] ?? "";
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const problem = lineProblem(tokens(trimmed));
    if (problem) errors.push({ line: index + 1, text: raw, reason: problem });
  }
  return errors;
}
