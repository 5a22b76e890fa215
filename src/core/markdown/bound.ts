/**
 * A linear pre-pass that caps what makes marked's block lexer recurse, go
 * quadratic or allocate without bound, before it ever sees the text. The
 * excess is rendered flat, as text (GitHub shows such input flat as well):
 * - container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) beyond MAX_NESTING on
 *   one line are escaped, so `>>>>…` or `1. 1. 1. …` nest at most that deep;
 * - a table delimiter row of more than MAX_TABLE_COLUMNS columns is escaped,
 *   so no row of a thousand cells is built;
 * - a table stops (a blank line is inserted) once it would hold more than
 *   MAX_TABLE_CELLS cells, since marked pads every row to the header's width;
 * - indentation beyond MAX_INDENT columns is cut to it, which bounds the
 *   nesting of lists by indentation;
 * - text beyond MAX_BODY_LENGTH (GitHub's own limit for a body) is dropped.
 */
export const MAX_NESTING = 16;
export const MAX_TABLE_COLUMNS = 64;
export const MAX_TABLE_CELLS = 20_000;
export const MAX_INDENT = 64;
export const MAX_BODY_LENGTH = 65_536;

/** The text cut to `max` UTF-16 units, never splitting a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  const splitsPair = last >= 0xd800 && last <= 0xdbff;
  return text.slice(0, splitsPair ? max - 1 : max);
}

const isSpaceOrTab = (ch: string | undefined) => ch === " " || ch === "\t";
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";

/** Length of a container marker at `at` (`>`, a bullet or an ordered marker), or 0. */
function markerLength(line: string, at: number): number {
  const ch = line[at];
  if (ch === ">") return 1;
  const endsMarker = (end: number) => end === line.length || isSpaceOrTab(line[end]);
  if ((ch === "-" || ch === "*" || ch === "+") && endsMarker(at + 1)) return 1;
  let end = at;
  while (end - at < 9 && isDigit(line[end])) end++;
  if (end > at && (line[end] === "." || line[end] === ")") && endsMarker(end + 1)) return end + 1 - at;
  return 0;
}

/** Escapes the container markers of a line beyond MAX_NESTING. */
function capNesting(line: string): string {
  let at = 0;
  let depth = 0;
  for (;;) {
    let indent = 0;
    while (indent < 3 && line[at + indent] === " ") indent++;
    const length = markerLength(line, at + indent);
    if (length === 0) return line;
    at += indent;
    if (depth === MAX_NESTING) {
      // `\` before the marker's last character turns it into text: `\>`, `\-`, `1\.`.
      const last = at + length - 1;
      return `${line.slice(0, last)}\\${line.slice(last)}`;
    }
    depth++;
    at += length;
    if (line[at] === " " || line[at] === "\t") at++;
  }
}

/** Cuts leading whitespace beyond MAX_INDENT columns (tabs count to the next multiple of 4). */
function capIndent(line: string): string {
  let column = 0;
  let at = 0;
  while (isSpaceOrTab(line[at])) {
    column = line[at] === "\t" ? column + 4 - (column % 4) : column + 1;
    at++;
    if (column > MAX_INDENT) {
      let end = at;
      while (isSpaceOrTab(line[end])) end++;
      return " ".repeat(MAX_INDENT) + line.slice(end);
    }
  }
  return line;
}

/** The number of columns of a table delimiter row (`|---|:-:|`), or 0 when the line is not one. */
function delimiterColumns(line: string): number {
  let columns = 0;
  let inDashes = false;
  for (const ch of line) {
    if (ch === "-") {
      if (!inDashes) columns++;
      inDashes = true;
    } else if (ch === "|" || ch === ":" || ch === " " || ch === "\t") {
      inDashes = false;
    } else {
      return 0;
    }
  }
  return line.includes("|") ? columns : 0;
}

/** Markdown that marked can lex in bounded depth, width and size; see the module comment. */
export function boundMarkdown(markdown: string): string {
  const lines = clip(markdown, MAX_BODY_LENGTH).split("\n");
  const out: string[] = [];
  // Width of the table being read (0 when none) and the cells it holds so far.
  let tableColumns = 0;
  let tableCells = 0;
  for (const [index, original] of lines.entries()) {
    let line = capNesting(capIndent(original));
    if (line.trim() === "") {
      tableColumns = 0;
    } else if (tableColumns > 0) {
      tableCells += tableColumns;
      if (tableCells > MAX_TABLE_CELLS) {
        out.push("");
        tableColumns = 0;
      }
    } else if (index > 0) {
      const columns = delimiterColumns(line);
      if (columns > MAX_TABLE_COLUMNS) line = `\\${line}`;
      else if (columns > 0) {
        tableColumns = columns;
        tableCells = 2 * columns;
      }
    }
    out.push(line);
  }
  return out.join("\n");
}
