import { globFromSegments, type Glob } from "../glob.js";
import { linesOf, parseCodeowners, parseLine, patternOf, type LineError, type ParsedCodeowners, type Rule } from "./parse.js";
import { patternHints, patternSegments } from "./pattern.js";

export interface CodeownersMatcher {
  /** The owners of a path: the last matching rule's; [] when un-owned by a rule; undefined when no rule matches. */
  ownersOf(path: string): readonly string[] | undefined;
  /** The rule that decides a path, for explanations. */
  ruleFor(path: string): Rule | undefined;
  /** Every rule and every skipped line, parsed on first use. */
  readonly rules: readonly Rule[];
  readonly errors: readonly LineError[];
}

/**
 * One line that may hold a rule, indexed by its pattern's hints alone; it is
 * parsed and its glob compiled the first time a path is tested against it.
 */
interface LazyRule {
  /** Position in the file: of two matching rules, the later wins. */
  index: number;
  raw: string;
  /** Undefined until first needed; null for a line GitHub skips. */
  compiled?: { rule: Rule; glob: Glob } | null;
}

/** Lists of rules, each newest first. */
type Bucket = LazyRule[];

function push(map: Map<string, Bucket>, key: string, rule: LazyRule): void {
  const list = map.get(key);
  if (list) list.push(rule);
  else map.set(key, [rule]);
}

function matches(candidate: LazyRule, path: string): boolean {
  if (candidate.compiled === undefined) {
    const parsed = parseLine(candidate.raw, candidate.index + 1);
    candidate.compiled = parsed && "rule" in parsed ? { rule: parsed.rule, glob: globFromSegments(patternSegments(parsed.rule.pattern)) } : null;
  }
  return candidate.compiled?.glob.matches(path) ?? false;
}

/**
 * The newest rule among the buckets that matches the path. The buckets are
 * each sorted newest first; this walks them together like a merge, testing
 * rules lazily, so a lookup never copies or sorts a bucket and stops at the
 * first match (with 200,000 rules of `*`, the first rule).
 */
function newestMatch(buckets: readonly Bucket[], path: string): LazyRule | undefined {
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
    if (candidate && matches(candidate, path)) return candidate;
  }
}

/**
 * A CODEOWNERS file ready to answer, compiled lazily. Reading it only splits
 * lines and indexes each by the literal text every match of its pattern
 * must contain (an anchored pattern's leading directories, an unanchored
 * pattern's literal segment or extension); a rule is parsed and its
 * linear-time glob (`../glob.ts`) compiled when a path first needs it. A path
 * is tested only against the rules that could match it, newest first: the
 * last matching line wins, and a line GitHub would skip never matches. So a
 * 60,000-rule file answers its first path in little more than the time to
 * split it, and a path costs the rules of its own directories.
 */
export function compileCodeowners(text: string): CodeownersMatcher {
  const byPrefix = new Map<string, Bucket>();
  const bySegment = new Map<string, Bucket>();
  const byExtension = new Map<string, Bucket>();
  const everywhere: Bucket = [];
  const lines = linesOf(text);
  // Newest first, so each bucket is already in the order lookups try it.
  for (let index = lines.length - 1; index >= 0; index--) {
    const raw = lines[index] ?? "";
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const pattern = patternOf(trimmed);
    if (!pattern) continue;
    const rule: LazyRule = { index, raw };
    const hints = patternHints(pattern);
    if (hints.literalPrefix !== undefined) push(byPrefix, hints.literalPrefix, rule);
    else if (hints.extension !== undefined) push(byExtension, hints.extension, rule);
    else if (hints.segment !== undefined) push(bySegment, hints.segment, rule);
    else everywhere.push(rule);
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
    return newestMatch(bucketsFor(normalized), normalized)?.compiled?.rule;
  };

  let parsed: ParsedCodeowners | undefined;
  const whole = () => (parsed ??= parseCodeowners(text));
  return {
    ownersOf: (path) => ruleFor(path)?.owners,
    ruleFor,
    get rules() {
      return whole().rules;
    },
    get errors() {
      return whole().errors;
    },
  };
}
