import { isLetterOrDigit } from "../scan.js";
import { inlineHtmlScanner } from "./inline-html.js";

/**
 * Linear scanners over the inline text of one block (a paragraph, heading or
 * table cell), replacing marked's inline lexer whose emphasis pass is
 * quadratic (markedjs/marked#4099). They follow CommonMark closely enough for
 * reading plain text and for hiding what a reader cannot see; they never build
 * a token tree.
 */

const ASCII_PUNCTUATION = new Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");
/** CommonMark lets an implementation bound parentheses in a link destination; cmark uses 32. */
const MAX_DESTINATION_PARENS = 32;

// ASCII answers first: these run once per character of link destinations and delimiter runs.
const isWhitespace = (ch: string | undefined) => ch === undefined || (ch <= " " ? /\s/.test(ch) : ch > "~" && /\s/u.test(ch));
const isPunctuation = (ch: string | undefined) => ch !== undefined && (ASCII_PUNCTUATION.has(ch) || (ch > "~" && /[\p{P}\p{S}]/u.test(ch)));

function runLength(text: string, at: number, ch: string): number {
  let end = at;
  while (text[end] === ch) end++;
  return end - at;
}

/**
 * Closing backtick runs: the next run of the same length after an opening
 * run. Runs are indexed once by length and each length's cursor only moves
 * forward, so all lookups together are linear.
 */
function codeSpanCloser(text: string): (afterOpener: number, length: number) => number {
  const runsByLength = new Map<number, number[]>();
  for (let at = text.indexOf("`"); at >= 0; ) {
    const length = runLength(text, at, "`");
    const runs = runsByLength.get(length) ?? [];
    runs.push(at);
    runsByLength.set(length, runs);
    at = text.indexOf("`", at + length);
  }
  const cursors = new Map<number, number>();
  return (afterOpener, length) => {
    const runs = runsByLength.get(length) ?? [];
    let cursor = cursors.get(length) ?? 0;
    while (cursor < runs.length && (runs[cursor] ?? 0) < afterOpener) cursor++;
    cursors.set(length, cursor);
    const start = runs[cursor];
    return start === undefined ? -1 : start;
  };
}

/** A code span's text: line endings become spaces, one space is stripped from both ends. */
function codeSpanText(content: string): string {
  const text = content.replace(/\n/g, " ");
  return text.length >= 2 && text.startsWith(" ") && text.endsWith(" ") && text.trim() !== "" ? text.slice(1, -1) : text;
}

/** End of a link's `(destination "title")` starting at `at`, or -1. */
function linkTailEnd(text: string, at: number): number {
  if (text[at] !== "(") return -1;
  let i = at + 1;
  const skipSpace = () => {
    while (i < text.length && isWhitespace(text[i])) i++;
  };
  skipSpace();
  if (text[i] === "<") {
    i++;
    while (i < text.length && text[i] !== ">" && text[i] !== "<" && text[i] !== "\n") i += text[i] === "\\" ? 2 : 1;
    if (text[i] !== ">") return -1;
    i++;
  } else {
    let depth = 0;
    while (i < text.length && !isWhitespace(text[i])) {
      const ch = text[i];
      if (ch === "\\") i++;
      else if (ch === "(" && ++depth > MAX_DESTINATION_PARENS) return -1;
      else if (ch === ")" && depth-- === 0) break;
      i++;
    }
  }
  skipSpace();
  const close = { '"': '"', "'": "'", "(": ")" }[text[i] ?? ""];
  if (close) {
    const end = text.indexOf(close, i + 1);
    if (end < 0) return -1;
    i = end + 1;
    skipSpace();
  }
  return text[i] === ")" ? i + 1 : -1;
}

/** An autolink `<scheme:…>` or `<name@host>`: its end, or -1. */
function autolinkEnd(text: string, at: number): number {
  let i = at + 1;
  while (i < text.length && text[i] !== ">" && text[i] !== "<" && !isWhitespace(text[i])) i++;
  const inner = text.slice(at + 1, i);
  if (text[i] !== ">") return -1;
  return /^[A-Za-z][A-Za-z0-9+.-]{1,31}:/.test(inner) || /^[^@]+@[^@]+$/.test(inner) ? i + 1 : -1;
}

/** Whether a run of `*`, `_` or `~` can open or close emphasis, so it is markup, not text. */
function isEmphasisRun(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  const after = text[end];
  const delimiter = text[start];
  if (delimiter === "~" && end - start > 2) return false;
  const leftFlanking = !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
  const rightFlanking = !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
  if (delimiter === "_" && isLetterOrDigit(before) && isLetterOrDigit(after)) return false;
  return leftFlanking || rightFlanking;
}

const SPECIAL = /[\\`<[\]!*_~]/g;

/**
 * The plain text a reader sees in inline markdown: emphasis markers dropped,
 * code spans kept as their text, links as their text without the URL, raw
 * HTML tags and comments dropped, backslash escapes resolved.
 */
export function plainInline(source: string): string {
  const html = inlineHtmlScanner(source);
  const closerOf = codeSpanCloser(source);
  const out: string[] = [];
  const openBrackets: number[] = [];
  let i = 0;
  while (i < source.length) {
    SPECIAL.lastIndex = i;
    const special = SPECIAL.exec(source);
    const at = special ? special.index : source.length;
    if (at > i) out.push(source.slice(i, at));
    if (!special) break;
    const ch = source[at] ?? "";
    i = at + 1;
    if (ch === "\\") {
      const next = source[at + 1];
      if (next !== undefined && (ASCII_PUNCTUATION.has(next) || next === "\n")) {
        out.push(next);
        i = at + 2;
      } else out.push(ch);
    } else if (ch === "`") {
      const length = runLength(source, at, "`");
      const closer = closerOf(at + length, length);
      out.push(closer < 0 ? source.slice(at, at + length) : codeSpanText(source.slice(at + length, closer)));
      i = closer < 0 ? at + length : closer + length;
    } else if (ch === "<") {
      const tagEnd = html.endAt(at);
      const linkEnd = tagEnd < 0 ? autolinkEnd(source, at) : -1;
      if (linkEnd >= 0) out.push(source.slice(at + 1, linkEnd - 1));
      else if (tagEnd < 0) out.push(ch);
      i = Math.max(i, tagEnd, linkEnd);
    } else if (ch === "[" || (ch === "!" && source[at + 1] === "[")) {
      openBrackets.push(out.length);
      out.push(ch === "!" ? "![" : "[");
      i = ch === "!" ? at + 2 : at + 1;
    } else if (ch === "]") {
      const opener = openBrackets.pop();
      const tailEnd = opener === undefined ? -1 : linkTailEnd(source, at + 1);
      if (opener !== undefined && tailEnd >= 0) {
        out[opener] = "";
        i = tailEnd;
      } else out.push(ch);
    } else if (ch === "!") {
      out.push(ch);
    } else {
      const end = at + runLength(source, at, ch);
      if (!isEmphasisRun(source, at, end)) out.push(source.slice(at, end));
      i = end;
    }
  }
  return out.join("");
}

/** Stands in for hidden text, so what follows it on its line never looks like the line's start. */
export const HIDDEN_PLACEHOLDER = "\uFFFC";

/**
 * The inline source with what a reader never sees as prose replaced, line
 * endings kept: raw HTML (comments, tags and their attributes), code spans
 * (shown as code) and link destinations and titles. Each hidden stretch of a
 * line becomes HIDDEN_PLACEHOLDER, so line-oriented readers (commands) never
 * take hidden text, or what follows it, for the start of a line.
 */
export function maskHiddenInline(source: string): string {
  const html = inlineHtmlScanner(source);
  const closerOf = codeSpanCloser(source);
  const out: string[] = [];
  let i = 0;
  let copied = 0;
  const hide = (start: number, end: number) => {
    out.push(source.slice(copied, start), source.slice(start, end).replace(/[^\n]+/g, HIDDEN_PLACEHOLDER));
    copied = end;
    i = end;
  };
  const HIDDEN_START = /[\\`<\]]/g;
  while (i < source.length) {
    HIDDEN_START.lastIndex = i;
    const special = HIDDEN_START.exec(source);
    if (!special) break;
    const at = special.index;
    i = at + 1;
    if (source[at] === "\\") {
      i = at + 2;
    } else if (source[at] === "`") {
      const length = runLength(source, at, "`");
      const closer = closerOf(at + length, length);
      if (closer < 0) i = at + length;
      else hide(at, closer + length);
    } else if (source[at] === "<") {
      const end = html.endAt(at);
      if (end >= 0) hide(at, end);
    } else {
      const end = linkTailEnd(source, at + 1);
      if (end >= 0) hide(at + 1, end);
    }
  }
  out.push(source.slice(copied));
  return out.join("");
}
