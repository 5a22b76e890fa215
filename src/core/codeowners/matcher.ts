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

/** Lists of rules, each newest first. */
type Bucket = IndexedRule[];

function push(map: Map<string, Bucket>, key: string, rule: IndexedRule): void {
  const list = map.get(key);
  if (list) list.push(rule);
  else map.set(key, [rule]);
}

/**
 * The newest rule among the buckets that matches the path. The buckets are
 * each sorted newest first at compile time; this walks them together like a
 * merge, testing rules lazily, so a lookup never copies or sorts a bucket
 * and stops at the first match (with 200,000 rules of `*`, the first rule).
 */
function newestMatch(buckets: readonly Bucket[], path: string): IndexedRule | undefined {
  const next = new Array<number>(buckets.length).fill(0);
  for (;;) {
    let best = -1;
    let bestIndex = -1;
    buckets.forEach((bucket, b) => {
      const candidate = bucket[next[b] ?? 0];
      if (candidate && candidate.index > bestIndex) {
        best = b;
        bestIndex = candidate.index;
      }
    });
    const bucket = buckets[best];
    if (!bucket) return undefined;
    const position = next[best] ?? 0;
    next[best] = position + 1;
    const candidate = bucket[position];
    if (candidate?.glob.matches(path)) return candidate;
  }
}

/**
 * Compiles a CODEOWNERS file once. Rules are indexed by the literal text
 * every match must contain (an anchored pattern's leading directories, an
 * unanchored pattern's literal segment or extension), so a path is tested
 * only against the rules that could match it, newest first: the last
 * matching line wins. Each pattern is a linear-time glob (`../glob.ts`).
 */
export function compileCodeowners(text: string): CodeownersMatcher {
  const { rules, errors } = parseCodeowners(text);
  const byPrefix = new Map<string, Bucket>();
  const bySegment = new Map<string, Bucket>();
  const byExtension = new Map<string, Bucket>();
  const everywhere: Bucket = [];
  // Newest first, so each bucket is already in the order lookups try it.
  for (let index = rules.length - 1; index >= 0; index--) {
    const rule = rules[index];
    if (!rule) continue;
    const compiled: IndexedRule = { ...compilePattern(rule.pattern), index, rule };
    if (compiled.literalPrefix !== undefined) push(byPrefix, compiled.literalPrefix, compiled);
    else if (compiled.extension !== undefined) push(byExtension, compiled.extension, compiled);
    else if (compiled.segment !== undefined) push(bySegment, compiled.segment, compiled);
    else everywhere.push(compiled);
  }

  const bucketsFor = (path: string): Bucket[] => {
    const found = new Set<Bucket>([everywhere]);
    const add = (bucket: Bucket | undefined) => {
      if (bucket) found.add(bucket);
    };
    const segments = path.split("/");
    let prefix = "";
    for (const segment of segments) {
      prefix = prefix ? `${prefix}/${segment}` : segment;
      add(byPrefix.get(prefix));
    }
    for (const segment of new Set(segments)) {
      add(bySegment.get(segment));
      // Every suffix starting at a dot: `*.test.js` is indexed as `.test.js`, `*.js` as `.js`.
      for (let i = segment.indexOf("."); i >= 0; i = segment.indexOf(".", i + 1)) add(byExtension.get(segment.slice(i)));
    }
    return [...found];
  };

  const ruleFor = (path: string): Rule | undefined => {
    let start = 0;
    while (path[start] === "/") start++;
    const normalized = path.slice(start);
    return newestMatch(bucketsFor(normalized), normalized)?.rule;
  };

  return { ownersOf: (path) => ruleFor(path)?.owners, ruleFor, rules, errors };
}
