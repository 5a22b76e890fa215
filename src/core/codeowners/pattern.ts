import { globFromSegments, type Glob } from "../glob.js";

/**
 * Compiles one CODEOWNERS pattern to a glob over repository paths (no
 * leading slash), plus the literal hints the matcher indexes by.
 */

export interface CompiledPattern {
  glob: Glob;
  /** Anchored patterns: their leading literal path (`services/api` for `/services/api/**`), when they have one. */
  literalPrefix?: string | undefined;
  /** Unanchored patterns: a literal path segment every match contains. */
  segment?: string | undefined;
  /** Unanchored `*.ext` patterns: the extension every match's segment ends with. */
  extension?: string | undefined;
}

function isLiteral(segment: string): boolean {
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i];
    if (ch === "\\") i++;
    else if (ch === "*" || ch === "?") return false;
  }
  return true;
}

function unescape(segment: string): string {
  let text = "";
  for (let i = 0; i < segment.length; i++) {
    if (segment[i] === "\\" && i + 1 < segment.length) i++;
    text += segment[i] ?? "";
  }
  return text;
}

function trimSlashes(pattern: string): { body: string; leading: boolean; trailing: boolean } {
  let start = 0;
  let end = pattern.length;
  while (start < end && pattern[start] === "/") start++;
  while (end > start && pattern[end - 1] === "/") end--;
  return { body: pattern.slice(start, end), leading: start > 0, trailing: end < pattern.length };
}

/**
 * The glob segments a CODEOWNERS pattern stands for, with gitignore's rules:
 * a slash at the start or in the middle anchors the pattern at the root
 * (otherwise it may start at any depth); a pattern naming a directory owns
 * everything inside it; a trailing `/` matches directories only; a trailing
 * `/**` needs something inside; and an anchored pattern ending in `/*`
 * (`docs/*`, `/*`) owns only the files directly there, GitHub's documented
 * exception.
 */
export function patternSegments(pattern: string): string[] {
  const { body, leading, trailing } = trimSlashes(pattern);
  if (body === "") return ["**"];
  const segments = body.split("/").filter((s) => s !== "");
  const anchored = leading || segments.length > 1;
  const head = anchored || segments[0] === "**" ? [] : ["**"];
  const last = segments.at(-1);
  let tail: string[];
  if (last === "**") tail = segments.length > 1 ? ["*"] : []; // `abc/**` owns what is inside abc, not abc itself
  else if (trailing) tail = ["*", "**"];
  else if (anchored && last === "*") tail = [];
  else tail = ["**"];
  return [...head, ...segments, ...tail];
}

/** The literal hints of a pattern, found without compiling it: what the matcher indexes a rule by. */
export type PatternHints = Omit<CompiledPattern, "glob">;

export function patternHints(pattern: string): PatternHints {
  const { body, leading } = trimSlashes(pattern);
  const segments = body === "" ? ["**"] : body.split("/").filter((s) => s !== "");
  const anchored = leading || segments.length > 1;
  const first = segments[0];
  if (anchored && first && first !== "**" && isLiteral(first)) {
    const prefix: string[] = [];
    for (const segment of segments) {
      if (segment === "**" || !isLiteral(segment)) break;
      prefix.push(unescape(segment));
    }
    return { literalPrefix: prefix.join("/") };
  }
  const literal = segments.find((s) => s !== "**" && isLiteral(s));
  const extension = segments.length === 1 && first?.startsWith("*.") && isLiteral(first.slice(1)) && !first.includes("\\") ? first.slice(1) : undefined;
  return { segment: literal === undefined ? undefined : unescape(literal), extension };
}

export function compilePattern(pattern: string): CompiledPattern {
  return { glob: globFromSegments(patternSegments(pattern)), ...patternHints(pattern) };
}
