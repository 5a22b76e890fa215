/**
 * Raw inline HTML as CommonMark recognises it (comments, processing
 * instructions, declarations, CDATA, open and closing tags), found in linear
 * time: an unclosed `<!--` or `<?` is remembered as unclosed for the rest of
 * the text, and tag scans share their work through a memo per position and
 * state, so `<a b="<a b="…` cannot make scans restart over the same text.
 */

/** Where each kind of raw HTML that starts with `<` ends (exclusive), or -1. */
export interface InlineHtmlScanner {
  endAt(start: number): number;
}

const enum State {
  /** After the tag name or an attribute value: whitespace, `/` or `>` may follow. */
  AfterValue,
  /** After whitespace: an attribute name, `/` or `>`. */
  AfterSpace,
  AttributeName,
  /** After an attribute name and optional whitespace: `=`, another attribute, `/` or `>`. */
  AfterName,
  BeforeValue,
  Unquoted,
  DoubleQuoted,
  SingleQuoted,
  /** After `/`: only `>`. */
  Slash,
}
const STATES = 9;

const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigitCode = (c: number) => c >= 48 && c <= 57;
const isSpaceCode = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
const isNameStart = (c: number) => isAsciiLetter(c) || c === 95 || c === 58;
const isNameChar = (c: number) => isNameStart(c) || isDigitCode(c) || c === 46 || c === 45;
const isUnquotedChar = (c: number) => !isSpaceCode(c) && c !== 34 && c !== 39 && c !== 61 && c !== 60 && c !== 62 && c !== 96;

/** The state after reading one character in `state`; `undefined` fails the tag, `"end"` closes it. */
function step(state: State, c: number): State | "end" | undefined {
  switch (state) {
    case State.AfterValue:
      if (isSpaceCode(c)) return State.AfterSpace;
      return c === 62 ? "end" : c === 47 ? State.Slash : undefined;
    case State.AfterSpace:
      if (isSpaceCode(c)) return State.AfterSpace;
      if (isNameStart(c)) return State.AttributeName;
      return c === 62 ? "end" : c === 47 ? State.Slash : undefined;
    case State.AttributeName:
      if (isNameChar(c)) return State.AttributeName;
      if (isSpaceCode(c)) return State.AfterName;
      if (c === 61) return State.BeforeValue;
      return c === 62 ? "end" : c === 47 ? State.Slash : undefined;
    case State.AfterName:
      if (isSpaceCode(c)) return State.AfterName;
      if (c === 61) return State.BeforeValue;
      if (isNameStart(c)) return State.AttributeName;
      return c === 62 ? "end" : c === 47 ? State.Slash : undefined;
    case State.BeforeValue:
      if (isSpaceCode(c)) return State.BeforeValue;
      if (c === 34) return State.DoubleQuoted;
      if (c === 39) return State.SingleQuoted;
      return isUnquotedChar(c) ? State.Unquoted : undefined;
    case State.Unquoted:
      if (isUnquotedChar(c)) return State.Unquoted;
      if (isSpaceCode(c)) return State.AfterSpace;
      return c === 62 ? "end" : undefined;
    case State.DoubleQuoted:
      return c === 34 ? State.AfterValue : State.DoubleQuoted;
    case State.SingleQuoted:
      return c === 39 ? State.AfterValue : State.SingleQuoted;
    case State.Slash:
      return c === 62 ? "end" : undefined;
  }
}

/** A scanner over `text`; every call costs amortised constant time beyond the text it newly reads. */
export function inlineHtmlScanner(text: string): InlineHtmlScanner {
  // memo[state * (n + 1) + position]: 0 unknown, 1 fails, else end + 2.
  const n = text.length;
  let memo: Int32Array | undefined;
  const unclosed = new Set<string>();

  /** End of `close` searched from `from`, remembering a miss so the next search is free. */
  const endOf = (close: string, from: number): number => {
    if (unclosed.has(close)) return -1;
    const at = text.indexOf(close, from);
    if (at < 0) unclosed.add(close);
    return at < 0 ? -1 : at + close.length;
  };

  const tagAttributes = (from: number): number => {
    memo ??= new Int32Array(STATES * (n + 1));
    const path: number[] = [];
    let state: State = State.AfterValue;
    let at = from;
    let result = -1;
    for (;;) {
      const key = state * (n + 1) + at;
      const known = memo[key] ?? 0;
      if (known !== 0) {
        result = known === 1 ? -1 : known - 2;
        break;
      }
      path.push(key);
      if (at >= n) break;
      const next = step(state, text.charCodeAt(at));
      at++;
      if (next === undefined) break;
      if (next === "end") {
        result = at;
        break;
      }
      state = next;
    }
    for (const key of path) memo[key] = result < 0 ? 1 : result + 2;
    return result;
  };

  const tagName = (from: number): number => {
    if (!isAsciiLetter(text.charCodeAt(from))) return -1;
    let at = from + 1;
    while (at < n && (isAsciiLetter(text.charCodeAt(at)) || isDigitCode(text.charCodeAt(at)) || text[at] === "-")) at++;
    return at;
  };

  return {
    endAt(start) {
      if (text[start] !== "<") return -1;
      if (text.startsWith("<!--", start)) {
        if (text.startsWith(">", start + 4)) return start + 5;
        if (text.startsWith("->", start + 4)) return start + 6;
        return endOf("-->", start + 4);
      }
      if (text.startsWith("<?", start)) return endOf("?>", start + 2);
      if (text.startsWith("<![CDATA[", start)) return endOf("]]>", start + 9);
      if (text.startsWith("<!", start)) return isAsciiLetter(text.charCodeAt(start + 2)) ? endOf(">", start + 3) : -1;
      if (text.startsWith("</", start)) {
        let at = tagName(start + 2);
        if (at < 0) return -1;
        while (at < n && isSpaceCode(text.charCodeAt(at))) at++;
        return text[at] === ">" ? at + 1 : -1;
      }
      const afterName = tagName(start + 1);
      return afterName < 0 ? -1 : tagAttributes(afterName);
    },
  };
}
