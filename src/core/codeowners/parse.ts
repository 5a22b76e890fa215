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

/** Splits a line on unescaped whitespace, dropping a trailing ` # comment`. */
function tokens(line: string): string[] {
  const result: string[] = [];
  let current = "";
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? "";
    if (ch === "\\" && i + 1 < line.length) {
      current += ch + (line[i + 1] ?? "");
      i++;
    } else if (ch === " " || ch === "\t") {
      if (current) result.push(current);
      current = "";
    } else if (ch === "#" && current === "") {
      break; // a comment starts at a token boundary
    } else {
      current += ch;
    }
  }
  if (current) result.push(current);
  return result;
}

function patternError(pattern: string): string | undefined {
  if (pattern.length > MAX_GLOB_LENGTH) return `the pattern is longer than ${MAX_GLOB_LENGTH} characters`;
  if (pattern.startsWith("!")) return "`!` negation is not supported in CODEOWNERS";
  if (pattern.startsWith("\\#")) return "escaping `#` with `\\` is not supported in CODEOWNERS";
  if (/(^|[^\\])[[\]]/.test(pattern)) return "`[ ]` character ranges are not supported in CODEOWNERS";
  return undefined;
}

/** One line of the file: a rule, the reason GitHub would skip it, or nothing (blank or a comment). */
export function parseLine(raw: string, line: number): { rule: Rule } | { error: LineError } | undefined {
  const trimmed = raw.trim();
  if (trimmed === "" || trimmed.startsWith("#")) return undefined;
  const [pattern, ...owners] = tokens(trimmed);
  if (!pattern) return undefined;
  const problem = patternError(pattern) ?? owners.filter((o) => !isValidOwner(o)).map((o) => `${escapeInlineCode(o)} is not a user, team or e-mail address`)[0];
  // GitHub skips an invalid line whole, so a half-understood line never assigns owners.
  return problem ? { error: { line, text: raw, reason: problem } } : { rule: { line, pattern, owners } };
}

/** The lines of a CODEOWNERS file, as GitHub splits them. */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/);
}

export function parseCodeowners(text: string): ParsedCodeowners {
  const rules: Rule[] = [];
  const errors: LineError[] = [];
  linesOf(text).forEach((raw, index) => {
    const parsed = parseLine(raw, index + 1);
    if (parsed && "rule" in parsed) rules.push(parsed.rule);
    else if (parsed) errors.push(parsed.error);
  });
  return { rules, errors };
}
