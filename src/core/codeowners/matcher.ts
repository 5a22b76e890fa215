import { globFromSegments, type Glob } from "../glob.js";
import { indexLines, type LineIndex } from "./line-index.js";
import { codeownersErrors, parseCodeowners, parseLine, type LineError, type Rule } from "./parse.js";
import { patternSegments } from "./pattern.js";

export interface CodeownersMatcher {
  /** The owners of a path: the last matching rule's; [] when un-owned by a rule; undefined when no rule matches. */
  ownersOf(path: string): readonly string[] | undefined;
  /** The rule that decides a path, for explanations. */
  ruleFor(path: string): Rule | undefined;
  /** Every rule and every skipped line, parsed on first use. */
  readonly rules: readonly Rule[];
  readonly errors: readonly LineError[];
}

/** A line's rule and glob once a path needed it; null for a line GitHub skips. */
type Compiled = { rule: Rule; glob: Glob } | null;

/**
 * A CODEOWNERS file ready to answer, compiled lazily. Reading it finds its
 * line starts; lines are keyed by the literal text every match of their
 * pattern must contain (`./line-index.ts`) from the last line up, only as far
 * as lookups need, with no object or substring per line; a rule is parsed and
 * its linear-time glob (`../glob.ts`) compiled when a path first needs it. A
 * path is tested only against the lines that could match it, newest first:
 * the last matching line wins, and a line GitHub would skip never matches.
 * So a 60,000-rule file answers its first path in little more than the time
 * to read it, and a path costs the rules of its own keys.
 */
export function compileCodeowners(text: string): CodeownersMatcher {
  let index: LineIndex | undefined;
  const compiled: Compiled[] = [];

  const matches = (lines: LineIndex, line: number, path: string): boolean => {
    let entry = compiled[line];
    if (entry === undefined) {
      const parsed = parseLine(lines.line(line), line + 1);
      entry = parsed && "rule" in parsed ? { rule: parsed.rule, glob: globFromSegments(patternSegments(parsed.rule.pattern)) } : null;
      compiled[line] = entry;
    }
    return entry?.glob.matches(path) ?? false;
  };

  const ruleFor = (path: string): Rule | undefined => {
    let start = 0;
    while (path[start] === "/") start++;
    const normalized = path.slice(start);
    const lines = (index ??= indexLines(text));
    const line = lines.newest(normalized, (candidate) => matches(lines, candidate, normalized));
    return line < 0 ? undefined : compiled[line]?.rule;
  };

  let rules: Rule[] | undefined;
  let errors: LineError[] | undefined;
  return {
    ownersOf: (path) => ruleFor(path)?.owners,
    ruleFor,
    get rules() {
      return (rules ??= parseCodeowners(text).rules);
    },
    get errors() {
      return (errors ??= codeownersErrors(text));
    },
  };
}
