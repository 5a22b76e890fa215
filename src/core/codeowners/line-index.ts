/**
 * The index a CODEOWNERS file is read into: where each line starts, and for
 * each line, once a lookup reaches it, the one key every path its pattern
 * matches must produce, with the lines grouped by key. Nothing is allocated
 * per line: offsets and lists live in typed arrays, and a key is a 30-bit
 * hash of the pattern's characters up to its first wildcard segment (so no
 * substring is cut, and the owners are not read). Two keys may share a hash
 * slot; that only adds a candidate, because every candidate is still parsed
 * and matched exactly (`./matcher.ts`).
 *
 * The keys, from the most to the least specific, as `./pattern.ts` reads a
 * pattern:
 * - an anchored pattern whose first segment is literal: its leading literal
 *   directories (`/services/api/**` → `services/api`), which the path must
 *   start with;
 * - a single-segment `*.ext`: the extension, which a segment of the path
 *   must end with;
 * - otherwise a literal segment of the pattern (`**\/logs` → `logs`), which
 *   the path must contain;
 * - otherwise none: the line is tried for every path.
 * A line the scanner cannot read with certainty (control characters,
 * Unicode spaces that `trim` would remove) is tried for every path too.
 */

const PRIME = 0x01000193;
// Kept to 30 bits: a small integer stays unboxed in V8 before the code is optimized, where a
// 32-bit one is allocated on the heap, and reading a file hashes every character of its patterns.
const mix = (hash: number, code: number): number => Math.imul(hash ^ code, PRIME) & 0x3fffffff;
// Seeds above every UTF-16 code unit, so a prefix never hashes like a segment.
const PREFIX_SEED = mix(0x811c9dc5, 0x10001);
const SEGMENT_SEED = mix(0x811c9dc5, 0x10002);
const EXTENSION_SEED = mix(0x811c9dc5, 0x10003);

const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const STAR = 0x2a;
const QUESTION = 0x3f;
const DOT = 0x2e;
const SPACE = 0x20;
const TAB = 0x09;
const HASH = 0x23;
const RETURN = 0x0d;

/** A line with no pattern (blank or a comment): not indexed. */
const SKIP = -1;
/** A line tried for every path. */
const EVERYWHERE = -2;

/** Characters `String.prototype.trim` removes besides spaces and tabs: a pattern holding one is not keyed. */
function isUnusual(code: number): boolean {
  if (code < SPACE) return code !== TAB;
  return code >= 0x80 && (code === 0xa0 || code === 0xfeff || (code >= 0x1680 && /\s/.test(String.fromCharCode(code))));
}

export interface LineIndex {
  /** The text of a line (0-based), exactly as `linesOf` gives it. */
  line(index: number): string;
  /**
   * The newest line that could match the path (it has no leading slash) and
   * passes `test`, or -1. Lines are tried newest first and each at most once
   * per call.
   */
  newest(path: string, test: (line: number) => boolean): number;
}

/** The key of the pattern starting at `start` (a non-blank, non-comment character), or EVERYWHERE. */
function keyOf(text: string, start: number, end: number): number {
  const anchoredByLead = text.charCodeAt(start) === SLASH;
  let segments = 0;
  let prefix = PREFIX_SEED;
  let prefixOpen = true;
  let hasPrefix = false;
  let segment: number | undefined;
  let segmentRunning = SEGMENT_SEED;
  let segmentStart = start;
  let wild = false;
  let escaped = false;
  let firstStart = -1;
  let firstEnd = -1;
  let firstEscaped = false;
  let i = start;
  for (;;) {
    const code = i < end ? text.charCodeAt(i) : SPACE;
    if (code === SLASH || code === SPACE || code === TAB) {
      if (i > segmentStart) {
        segments++;
        const literal = !wild && !escaped;
        if (segments === 1) {
          firstStart = segmentStart;
          firstEnd = i;
          firstEscaped = escaped;
        }
        if (prefixOpen && literal) {
          prefix = mix(prefix, segmentRunning);
          hasPrefix = true;
        } else prefixOpen = false;
        if (segment === undefined && literal) segment = segmentRunning;
      }
      if (code !== SLASH) break;
      segmentStart = i + 1;
      segmentRunning = SEGMENT_SEED;
      wild = false;
      escaped = false;
      i++;
      continue;
    }
    // Printable ASCII needs no check, and is nearly every character of a real file.
    if ((code < 0x21 || code > 0x7e) && isUnusual(code)) return EVERYWHERE;
    if (code === BACKSLASH && i + 1 < end) {
      escaped = true;
      if (isUnusual(text.charCodeAt(i + 1))) return EVERYWHERE;
      i += 2;
      continue;
    }
    if (code === STAR || code === QUESTION) wild = true;
    segmentRunning = mix(segmentRunning, code);
    i++;
  }
  if (segments === 0) return EVERYWHERE;
  const anchored = anchoredByLead || segments > 1;
  if (anchored && hasPrefix) return prefix;
  if (segments === 1 && !firstEscaped && firstEnd - firstStart >= 2 && text.charCodeAt(firstStart) === STAR && text.charCodeAt(firstStart + 1) === DOT) {
    let extension = EXTENSION_SEED;
    let literal = true;
    for (let j = firstEnd - 1; j > firstStart; j--) {
      const code = text.charCodeAt(j);
      if (code === STAR || code === QUESTION) literal = false;
      extension = mix(extension, code);
    }
    if (literal) return extension;
  }
  return segment === undefined ? EVERYWHERE : segment;
}

/** The key of one line, or SKIP for a blank line or a comment. */
function lineKey(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
  if (i === end) return SKIP;
  const code = text.charCodeAt(i);
  if (code === HASH) return SKIP;
  return keyOf(text, i, end);
}

/**
 * Reads a file into its index, lazily. Reading finds where each line starts
 * (as `linesOf` splits, without cutting the lines); lines are keyed from the
 * last one up, only as far as a lookup needs: the last matching line wins, so
 * a lookup first tries the lines already keyed that share one of its keys,
 * newest first, then keys older lines one by one until one of its keys
 * matches. Every line already keyed is newer than every line not yet keyed,
 * so this is the order of the file, and a file is keyed at most once.
 */
export function indexLines(text: string): LineIndex {
  let starts = new Int32Array(1024);
  let count = 0;
  for (let start = 0; ; ) {
    if (count === starts.length) {
      const grown = new Int32Array(count * 2);
      grown.set(starts);
      starts = grown;
    }
    starts[count++] = start;
    const newline = text.indexOf("\n", start);
    if (newline === -1) break;
    start = newline + 1;
  }
  const lineEnd = (index: number): number => {
    if (index + 1 >= count) return text.length;
    const newline = (starts[index + 1] ?? 0) - 1;
    return newline > (starts[index] ?? 0) && text.charCodeAt(newline - 1) === RETURN ? newline - 1 : newline;
  };

  // Slots 0..mask hold hashed keys, slot mask + 1 the lines tried everywhere. About a slot per
  // line, up to 2^20 slots (12 MB): past that, more lines share a slot, at no cost to correctness.
  let mask = 1023;
  while (mask < count && mask < 0xfffff) mask = mask * 2 + 1;
  const everywhere = mask + 1;
  // Per slot, its keyed lines newest first as a list: head, tail and each line's next.
  const head = new Int32Array(everywhere + 1).fill(-1);
  const tail = new Int32Array(everywhere + 1);
  const next = new Int32Array(count);
  let unkeyed = count;
  // Which slots the current lookup takes, by lookup number: a path's keys may share one.
  const taken = new Int32Array(everywhere + 1);
  let lookup = 0;

  return {
    line: (index) => text.slice(starts[index] ?? 0, lineEnd(index)),
    newest(path, test) {
      lookup++;
      const cursors: number[] = [];
      const take = (slot: number) => {
        if (taken[slot] === lookup) return;
        taken[slot] = lookup;
        const first = head[slot] ?? -1;
        if (first >= 0) cursors.push(first);
      };
      take(everywhere);
      let prefix = PREFIX_SEED;
      let segment = SEGMENT_SEED;
      let segmentStart = 0;
      for (let i = 0; i <= path.length; i++) {
        const code = i < path.length ? path.charCodeAt(i) : SLASH;
        if (code !== SLASH) {
          segment = mix(segment, code);
          continue;
        }
        // A prefix hashes its segments' hashes, as `keyOf` does, so each character is hashed once.
        prefix = mix(prefix, segment);
        take(prefix & mask);
        take(segment & mask);
        // Every suffix of the segment starting at a dot, hashed from its end as `keyOf` hashes an extension.
        let extension = EXTENSION_SEED;
        for (let j = i - 1; j >= segmentStart; j--) {
          const char = path.charCodeAt(j);
          extension = mix(extension, char);
          if (char === DOT) take(extension & mask);
        }
        segment = SEGMENT_SEED;
        segmentStart = i + 1;
      }

      // The keyed lines, merged newest first across the path's slots: no list is copied or sorted.
      for (;;) {
        let best = -1;
        let bestLine = -1;
        for (let c = 0; c < cursors.length; c++) {
          const line = cursors[c] ?? -1;
          if (line > bestLine) {
            best = c;
            bestLine = line;
          }
        }
        if (best < 0) break;
        cursors[best] = next[bestLine] ?? -1;
        if (test(bestLine)) return bestLine;
      }
      // Then older lines, keyed as they are reached.
      while (unkeyed > 0) {
        const line = --unkeyed;
        const key = lineKey(text, starts[line] ?? 0, lineEnd(line));
        if (key === SKIP) continue;
        const slot = key === EVERYWHERE ? everywhere : key & mask;
        next[line] = -1;
        if ((head[slot] ?? -1) < 0) head[slot] = line;
        else next[tail[slot] ?? 0] = line;
        tail[slot] = line;
        if (taken[slot] === lookup && test(line)) return line;
      }
      return -1;
    },
  };
}
