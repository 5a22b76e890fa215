import { parseCodeowners, type LineError, type Rule } from "./parse.js";
import { compilePattern, type CompiledPattern } from "./pattern.js";

interface IndexedRule extends CompiledPattern {
  index: number;
  rule: Rule;
}

export interface CodeownersMatcher {
  /** The owners of a path: the last matching rule's; [] when un-owned by a rule; undefined when no rule matches. */
  ownersOf(path: string): readonly string[] | undefined;
  /** The rule that decides a path, for explanations. */
  ruleFor(path: string): Rule | undefined;
  rules: readonly Rule[];
  errors: readonly LineError[];
}

function push(map: Map<string, IndexedRule[]>, key: string, rule: IndexedRule): void {
  const list = map.get(key);
  if (list) list.push(rule);
  else map.set(key, [rule]);
}

/**
 * Compiles a CODEOWNERS file once. Rules are indexed by the literal text
 * every match must contain (an anchored pattern's leading directories, an
 * unanchored pattern's literal segment or extension), so a path is tested
 * only against the few rules that could match it, newest first: the last
 * matching line wins. Each lookup costs a few map reads per path segment,
 * whatever the number of rules.
 */
export function compileCodeowners(text: string): CodeownersMatcher {
  const { rules, errors } = parseCodeowners(text);
  const byPrefix = new Map<string, IndexedRule[]>();
  const bySegment = new Map<string, IndexedRule[]>();
  const byExtension = new Map<string, IndexedRule[]>();
  const everywhere: IndexedRule[] = [];
  rules.forEach((rule, index) => {
    const compiled: IndexedRule = { ...compilePattern(rule.pattern), index, rule };
    if (compiled.literalPrefix !== undefined) push(byPrefix, compiled.literalPrefix, compiled);
    else if (compiled.extension !== undefined) push(byExtension, compiled.extension, compiled);
    else if (compiled.segment !== undefined) push(bySegment, compiled.segment, compiled);
    else everywhere.push(compiled);
  });

  const candidates = (path: string): IndexedRule[] => {
    const segments = path.split("/");
    const found: IndexedRule[] = [...everywhere];
    let prefix = "";
    for (const segment of segments) {
      prefix = prefix ? `${prefix}/${segment}` : segment;
      found.push(...(byPrefix.get(prefix) ?? []));
    }
    for (const segment of new Set(segments)) {
      found.push(...(bySegment.get(segment) ?? []));
      const dot = segment.indexOf(".");
      // Every suffix starting at a dot: `*.test.js` is indexed as `.test.js`, `*.js` as `.js`.
      for (let i = dot; i >= 0; i = segment.indexOf(".", i + 1)) found.push(...(byExtension.get(segment.slice(i)) ?? []));
    }
    return found.sort((a, b) => b.index - a.index);
  };

  const ruleFor = (path: string): Rule | undefined => {
    const normalized = path.replace(/^\/+/, "");
    return candidates(normalized).find((c) => c.regex.test(normalized))?.rule;
  };

  return { ownersOf: (path) => ruleFor(path)?.owners, ruleFor, rules, errors };
}
