/**
 * Small string scanners for reading untrusted text in linear time, where a
 * regular expression would backtrack (a quantifier next to another that
 * matches the same characters, or one that must fail at the end of a line).
 */

/** What `\s` and `String.prototype.trim` treat as white space, line terminators included. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** A letter or digit of any script (`/[\p{L}\p{N}]/u`); false past the end of a text. */
export function isLetterOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** A space or a tab: what separates words on one Markdown line. */
export function isSpaceOrTab(ch: string | undefined): boolean {
  return ch === " " || ch === "\t";
}

/** What ends a line for `.` and `$` in a regular expression. */
export function isLineTerminator(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/** The index of the first character at or after `from` that is not white space. */
export function skipSpaces(text: string, from = 0): number {
  let at = from;
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}

/** The text without the characters of `chars` at its end (`/[chars]+$/` without its quadratic failures). */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

/** The text up to its first white space. */
export function firstWord(text: string): string {
  let end = 0;
  while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
  return text.slice(0, end);
}
