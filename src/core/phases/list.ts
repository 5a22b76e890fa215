/** A list item as written: the number of an ordered item, and its text. */
export interface ListItem {
  number?: number;
  text: string;
}

const ITEM = /^( {0,3})(?:(\d{1,9})([.)])|([-*+]))(?:[ \t]+(.*))?$/;
/** A task-list box is never part of a name, even when nothing follows it. */
const TASK_BOX = /^\[[ xX]\](?:[ \t]+|$)/;

interface Marker {
  item: ListItem;
  /** `.` or `)` after a number, or the bullet `-`, `*` or `+`: as in Markdown, another kind starts another list. */
  kind: string;
  /** Where the item's text starts; lines indented this far belong to the item. */
  contentColumn: number;
}

function marker(line: string): Marker | undefined {
  const match = ITEM.exec(line);
  if (!match) return undefined;
  const [, indent = "", digits, delimiter, bullet, rest = ""] = match;
  const text = rest.replace(TASK_BOX, "");
  const markerEnd = line.length - rest.length;
  return {
    item: digits === undefined ? { text } : { number: Number(digits), text },
    kind: delimiter ?? bullet ?? "",
    contentColumn: rest === "" ? indent.length + 2 : markerEnd,
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
