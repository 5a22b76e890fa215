/**
 * One escaper per place user or configuration text reaches something the bot
 * writes. Each output, rendered as GitHub renders it, can neither @-mention
 * anyone (a zero-width space follows every `@` and its lookalikes; `&` is
 * escaped, so no HTML entity can spell one) nor contain `<!--` (so it can
 * never forge one of the bot's hidden markers), and never holds half of a
 * surrogate pair. The one-line escapers collapse whitespace (so text cannot
 * start a new block) and clip to a length.
 */

const ZWSP = "\u200b";
/** `@`, fullwidth `＠` (U+FF20) and small `﹫` (U+FE6B): each may start a mention. */
const AT_SIGNS = /[@\uFF20\uFE6B]/g;
const DEFAULT_LENGTH = 200;

/**
 * Markdown text, keeping its line breaks (for a block quote or a paragraph the
 * caller frames). Backslashes are doubled and `&`, `<`, `>` become entities:
 * what the reader sees is exactly the text, and no HTML, comment or entity
 * survives. A line that would open a code fence is escaped, so the bot's own
 * text after the block is never swallowed into code.
 */
export function escapeTextBlock(text: string): string {
  return breakMentions(
    wellFormed(text)
      .replaceAll("\\", "\\\\")
      .replaceAll("&", "&amp;")
      .replaceAll("<", "&lt;")
      .replaceAll(">", "&gt;")
      .replace(FENCE_START, "$1\\$2"),
  );
}

/** Up to three spaces, then three backticks or tildes, at the start of a line. */
const FENCE_START = /^( {0,3})(```|~~~)/gm;

/** Markdown text on one line: a heading, a list item, a sentence. */
export function escapeText(text: string, maxLength = DEFAULT_LENGTH): string {
  return escapeTextBlock(clip(oneLine(text), maxLength));
}

/**
 * A cell of a Markdown table. Every `|` is escaped, and since `escapeText`
 * has already doubled the backslashes before it, each ends up behind an odd
 * number of them: no text can add or remove a cell.
 */
export function escapeTableCell(text: string, maxLength = DEFAULT_LENGTH): string {
  return escapeText(text, maxLength).replaceAll("|", "\\|");
}

/** The text of a link (`[text](url)`): it cannot close the brackets early. */
export function escapeLinkText(text: string, maxLength = DEFAULT_LENGTH): string {
  return escapeText(text, maxLength).replaceAll("[", "\\[").replaceAll("]", "\\]");
}

/**
 * A whole code span, fences included. The fence is one backtick longer than
 * the longest run inside, so nothing closes it early. GitHub notifies no one
 * for a mention in code, so `@` stays as written (a team can be copied from
 * it); entities mean nothing in code, so `<!` and `->` get a zero-width space
 * instead, which keeps the raw text from holding a marker.
 */
export function escapeInlineCode(text: string, maxLength = DEFAULT_LENGTH): string {
  const inner = wellFormed(clip(oneLine(text), maxLength)).replaceAll("<!", `<${ZWSP}!`).replaceAll("->", `-${ZWSP}>`);
  const fence = "`".repeat(longestBacktickRun(inner) + 1);
  // A leading or trailing backtick would join the fence; one space on each side is stripped when rendered.
  const pad = inner.startsWith("`") || inner.endsWith("`") ? " " : "";
  return `${fence}${pad}${inner}${pad}${fence}`;
}

/**
 * A code span in a table cell. The table splits a row before reading code, so
 * each `|` is escaped too, behind an odd number of backslashes (a run of them
 * before it is doubled: code shows backslashes as they are, so that is what
 * the reader sees, and the cells stay as they were).
 */
export function escapeTableCode(text: string, maxLength = DEFAULT_LENGTH): string {
  const code = escapeInlineCode(text, maxLength);
  let out = "";
  let run = 0;
  for (const char of code) {
    if (char === "|") out += `${"\\".repeat(run)}\\|`;
    else out += char;
    run = char === "\\" ? run + 1 : 0;
  }
  return out;
}

/**
 * Text for a terminal, on one line: shown as written (`&`, `<`, `>` and
 * backticks mean nothing there), except control characters, which could move
 * the cursor or recolour the screen, shown as `\u001b`-style escapes.
 */
export function escapeTerminal(text: string, maxLength = DEFAULT_LENGTH): string {
  let out = "";
  for (const char of wellFormed(clip(oneLine(text), maxLength))) {
    const code = char.charCodeAt(0);
    out += code < 0x20 || (code >= 0x7f && code <= 0x9f) ? `\\u${code.toString(16).padStart(4, "0")}` : char;
  }
  return out;
}

/**
 * At most `maxLength` UTF-16 units, ending in `cut` when cut; a surrogate pair
 * is never split.
 */
export function clip(text: string, maxLength: number, cut = "…"): string {
  if (text.length <= maxLength) return text;
  let end = Math.max(0, maxLength - cut.length);
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  return `${text.slice(0, end)}${cut}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function breakMentions(text: string): string {
  return text.replace(AT_SIGNS, (at) => `${at}${ZWSP}`);
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  let run = 0;
  for (const char of text) {
    run = char === "`" ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/** Lone surrogates (from a cut elsewhere, or sent as such) become U+FFFD. */
function wellFormed(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(i + 1))) {
      i += 1;
    } else if (isHighSurrogate(code) || isLowSurrogate(code)) {
      out += `${text.slice(from, i)}\uFFFD`;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
