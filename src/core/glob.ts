/**
 * Path globs written by repository owners (`signoff.teams` areas, CODEOWNERS
 * patterns), matched without regular expressions so no pattern can make the
 * app backtrack.
 *
 * Semantics: a glob is split on `/` into segments, matched against the path's
 * segments. A segment that is exactly `**` matches zero or more whole path
 * segments. Within a segment, `*` matches any run of characters (none
 * included) and `?` exactly one; `\` makes the next character literal. Matching
 * is case-sensitive, and `*` matches leading dots too. There are no character
 * classes, braces or negation.
 *
 * Cost: a segment is matched by simulating all pattern positions at once (an
 * NFA state set), O(segment length × pattern segment length); segments by a
 * state set over pattern segments. A match therefore costs at most
 * O(path length × glob length), whatever the glob says.
 */

/** Longest glob accepted: a longer one is refused, whatever it says. */
export const MAX_GLOB_LENGTH = 1000;

export interface Glob {
  matches(path: string): boolean;
}

export type GlobResult = { ok: true; glob: Glob } | { ok: false; reason: string };

const LITERAL = 0;
const ANY_ONE = 1;
const ANY_RUN = 2;

/** One segment's glob: token kinds, and for literal tokens their character. */
interface SegmentGlob {
  literal?: string | undefined;
  kinds: Uint8Array;
  chars: string[];
}

const GLOBSTAR = "**";
type CompiledSegment = SegmentGlob | typeof GLOBSTAR;

function compileSegment(segment: string): SegmentGlob {
  const kinds: number[] = [];
  const chars: string[] = [];
  let literal = true;
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i] ?? "";
    if (ch === "\\" && i + 1 < segment.length) {
      i++;
      kinds.push(LITERAL);
      chars.push(segment[i] ?? "");
    } else if (ch === "*") {
      literal = false;
      // A run of stars is one star: fewer states, same language.
      if (kinds.at(-1) !== ANY_RUN) {
        kinds.push(ANY_RUN);
        chars.push("");
      }
    } else if (ch === "?") {
      literal = false;
      kinds.push(ANY_ONE);
      chars.push("");
    } else {
      kinds.push(LITERAL);
      chars.push(ch);
    }
  }
  return { literal: literal ? chars.join("") : undefined, kinds: Uint8Array.from(kinds), chars };
}

/** Marks every state reachable from an active `*` without reading a character. */
function closeOverRuns(states: Uint8Array, kinds: Uint8Array): void {
  for (let i = 0; i < kinds.length; i++) if (states[i] && kinds[i] === ANY_RUN) states[i + 1] = 1;
}

function segmentMatches(glob: SegmentGlob, text: string): boolean {
  if (glob.literal !== undefined) return glob.literal === text;
  const { kinds, chars } = glob;
  let current = new Uint8Array(kinds.length + 1);
  let next = new Uint8Array(kinds.length + 1);
  current[0] = 1;
  closeOverRuns(current, kinds);
  for (let t = 0; t < text.length; t++) {
    const ch = text[t];
    next.fill(0);
    let alive = false;
    for (let i = 0; i < kinds.length; i++) {
      if (!current[i]) continue;
      const kind = kinds[i];
      if (kind === ANY_RUN) next[i] = 1;
      else if (kind === ANY_ONE || chars[i] === ch) next[i + 1] = 1;
      else continue;
      alive = true;
    }
    if (!alive) return false;
    closeOverRuns(next, kinds);
    [current, next] = [next, current];
  }
  return current[kinds.length] === 1;
}

/** Marks every pattern position reachable by letting an active `**` match no segment. */
function closeOverGlobstars(states: Uint8Array, segments: readonly CompiledSegment[]): void {
  for (let i = 0; i < segments.length; i++) if (states[i] && segments[i] === GLOBSTAR) states[i + 1] = 1;
}

/**
 * A glob from segments already split on `/` (CODEOWNERS builds its own
 * leading and trailing segments). No length check: callers bound the input.
 */
export function globFromSegments(segments: readonly string[]): Glob {
  const compiled: CompiledSegment[] = segments.map((s) => (s === GLOBSTAR ? GLOBSTAR : compileSegment(s)));
  const size = compiled.length + 1;
  return {
    matches(path) {
      let current = new Uint8Array(size);
      let next = new Uint8Array(size);
      current[0] = 1;
      closeOverGlobstars(current, compiled);
      let start = 0;
      for (;;) {
        const end = path.indexOf("/", start);
        const segment = path.slice(start, end === -1 ? path.length : end);
        next.fill(0);
        let alive = false;
        for (let i = 0; i < compiled.length; i++) {
          const glob = compiled[i];
          if (!current[i] || glob === undefined) continue;
          if (glob === GLOBSTAR) next[i] = 1;
          else if (segmentMatches(glob, segment)) next[i + 1] = 1;
          else continue;
          alive = true;
        }
        if (!alive) return false;
        closeOverGlobstars(next, compiled);
        [current, next] = [next, current];
        if (end === -1) break;
        start = end + 1;
      }
      return current[compiled.length] === 1;
    },
  };
}

/** A glob over whole repository paths (no leading slash), e.g. `src/**\/*.ts`. */
export function compileGlob(pattern: string): GlobResult {
  if (pattern.length > MAX_GLOB_LENGTH) return { ok: false, reason: `longer than ${MAX_GLOB_LENGTH} characters` };
  return { ok: true, glob: globFromSegments(pattern.split("/")) };
}
