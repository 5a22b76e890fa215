import { isLineTerminator } from "../scan.js";

/** A list item as written: the number of an ordered item, and its text. */
export interface ListItem {
  number?: number;
  text: string;
}

/** Markdown reads at most nine digits as a list number. */
const MAX_LIST_DIGITS = 9;
/** A task-list box is never part of a name, even when nothing follows it. */
const TASK_BOX = /^\[[ xX]\](?:[ \t]+|$)/;

interface Marker {
  item: ListItem;
  /** `.` or `)` after a number, or the bullet `-`, `*` or `+`: as in Markdown, another kind starts another list. */
  kind: string;
  /** Where the item's text starts; lines indented this far belong to the item. */
  contentColumn: number;
}

const isDigit = (char: string) => char >= "0" && char <= "9";

/**
 * `1. text`, `2) text`, `- text`: up to three spaces, the marker, then spaces
 * or tabs before the text. Scanned, since the regular expression it replaces
 * backtracked over a long run of spaces before a line separator.
 */
function marker(line: string): Marker | undefined {
  let at = 0;
  while (line.charAt(at) === " ") at++;
  const indent = at;
  if (indent > 3) return undefined;
  while (isDigit(line.charAt(at))) at++;
  const digits = line.slice(indent, at);
  const kind = line.charAt(at);
  const numbered = digits !== "" && digits.length <= MAX_LIST_DIGITS && (kind === "." || kind === ")");
  const bulleted = digits === "" && (kind === "-" || kind === "*" || kind === "+");
  if (!numbered && !bulleted) return undefined;
  const markerEnd = at + 1;
  let textStart = markerEnd;
  while (line.charAt(textStart) === " " || line.charAt(textStart) === "\t") textStart++;
  // `1.x` and `-x` are no list items: the marker needs a space after it, or nothing.
  if (textStart === markerEnd && markerEnd < line.length) return undefined;
  for (let i = textStart; i < line.length; i++) if (isLineTerminator(line.charCodeAt(i))) return undefined;
  const rest = line.slice(textStart);
  const text = rest.replace(TASK_BOX, "");
  return {
    item: numbered ? { number: Number(digits), text } : { text },
    kind,
    contentColumn: rest === "" ? indent + 2 : textStart,
  };
}

function indentation(line: string): number {
  return /^[ \t]*/.exec(line.replaceAll("\t", "    "))?.[0].length ?? 0;
}

/**
 * The list that starts on the first line, read the way Markdown shows it: it
 * goes on across blank lines while the next item is of the same kind; lines
 * indented under an item (details, sub-lists) belong to that item and are
 * skipped; it ends at the first other line, so prose may follow the list.
 */
export function readList(lines: readonly string[]): ListItem[] {
  const first = marker(lines[0] ?? "");
  if (!first) return [];
  const items = [first.item];
  let current = first;
  for (const line of lines.slice(1)) {
    if (line.trim() === "" || indentation(line) >= current.contentColumn) continue;
    const next = marker(line);
    if (!next || next.kind !== first.kind) break;
    items.push(next.item);
    current = next;
  }
  return items;
}
