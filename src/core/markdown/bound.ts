import { isSpaceOrTab } from "../scan.js";
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
 * - a whitespace run at the start of a line or between its markers is cut
 *   to MAX_INDENT columns, which bounds the nesting of lists by indentation
 *   (about MAX_INDENT / 2 levels inside each container);
 * - text beyond MAX_BODY_LENGTH (GitHub's own limit for a body) is dropped.
 */
export const MAX_NESTING = 16;
export const MAX_TABLE_COLUMNS = 64;
export const MAX_TABLE_CELLS = 20_000;
export const MAX_INDENT = 32;
export const MAX_BODY_LENGTH = 65_536;

/** The text cut to `max` UTF-16 units, never splitting a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  const splitsPair = last >= 0xd800 && last <= 0xdbff;
  return text.slice(0, splitsPair ? max - 1 : max);
}

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

/** Columns of a run of spaces and tabs (a tab advances to the next multiple of 4). */
function columnsOf(run: string): number {
  let column = 0;
  for (const ch of run) column = ch === "\t" ? column + 4 - (column % 4) : column + 1;
  return column;
}

/** A line split where its containers end and its content starts. */
interface BoundedLine {
  containers: string;
  content: string;
}

/**
 * Caps one line: a whitespace run before content or between container
 * markers is cut to MAX_INDENT columns (marked nests lists by indentation),
 * and markers beyond MAX_NESTING are escaped, which makes them content.
 */
function boundLine(line: string): BoundedLine {
  const containers: string[] = [];
  let at = 0;
  for (let depth = 0; ; depth++) {
    let end = at;
    while (isSpaceOrTab(line[end])) end++;
    const run = line.slice(at, end);
    containers.push(columnsOf(run) > MAX_INDENT ? " ".repeat(MAX_INDENT) : run);
    // A marker may follow up to 3 spaces of indentation, plus the space that ends the previous marker.
    const length = end - at <= (depth === 0 ? 3 : 4) ? markerLength(line, end) : 0;
    if (length === 0) return { containers: containers.join(""), content: line.slice(end) };
    if (depth === MAX_NESTING) {
      // `\` before the marker's last character turns it into text: `\>`, `\-`, `1\.`.
      const last = end + length - 1;
      return { containers: containers.join(""), content: `${line.slice(end, last)}\\${line.slice(last)}` };
    }
    containers.push(line.slice(end, end + length));
    at = end + length;
  }
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
    // Tables nest in quotes and lists too: their rows are read after the container markers.
    const { containers, content } = boundLine(original);
    let line = containers + content;
    if (content.trim() === "") {
      tableColumns = 0;
    } else if (tableColumns > 0) {
      tableCells += tableColumns;
      if (tableCells > MAX_TABLE_CELLS) {
        out.push(containers.trimEnd());
        tableColumns = 0;
      }
    } else if (index > 0) {
      const columns = delimiterColumns(content);
      if (columns > MAX_TABLE_COLUMNS) line = `${containers}\\${content}`;
      else if (columns > 0) {
        tableColumns = columns;
        tableCells = 2 * columns;
      }
    }
    out.push(line);
  }
  return out.join("\n");
}
