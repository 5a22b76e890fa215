import { MAX_LINE_NUMBER } from "../bounds.js";

/** A line a pull request adds, numbered as in the new file. */
export interface AddedLine {
  line: number;
  text: string;
}

/** A line the hack added that carries the code marker (`HACK:`). */
export interface CodeMarker {
  path: string;
  line: number;
  text: string;
}

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

/** A hunk's first line in the new file; undefined for a number no file has (0, or too many digits to be finite). */
function firstLine(digits: string): number | undefined {
  const line = digits.length <= String(MAX_LINE_NUMBER).length ? Number(digits) : Infinity;
  return line >= 1 && line <= MAX_LINE_NUMBER ? line : undefined;
}

/**
 * The added lines of one file's unified diff (the `patch` GitHub returns per
 * file). Context lines advance the new file's line number, removed lines do
 * not, and `\ No newline at end of file` is not a line.
 */
export function addedLines(patch: string | null | undefined): AddedLine[] {
  const added: AddedLine[] = [];
  let next: number | undefined;
  for (const raw of (patch ?? "").split("\n")) {
    const line = raw.replace(/\r$/, "");
    const hunk = HUNK.exec(line);
    if (hunk?.[1]) {
      // A hunk whose numbering cannot be right is not read, rather than numbered Infinity.
      next = firstLine(hunk[1]);
      continue;
    }
    if (next === undefined) continue;
    if (line.startsWith("+")) added.push({ line: next++, text: line.slice(1) });
    else if (line.startsWith(" ") || line === "") next++;
    // "-" lines and "\ No newline" leave the new file's numbering alone.
  }
  return added;
}

const MAX_MARKER_TEXT = 160;

/** Added lines containing the marker (case-sensitive, as code conventions are), in file order. */
export function findCodeMarkers(files: readonly { filename: string; patch?: string | null | undefined }[], marker: string, limit = 50): CodeMarker[] {
  const markers: CodeMarker[] = [];
  for (const file of files) {
    for (const { line, text } of addedLines(file.patch)) {
      if (!text.includes(marker)) continue;
      const trimmed = text.trim();
      markers.push({ path: file.filename, line, text: clip(trimmed, MAX_MARKER_TEXT) });
      if (markers.length >= limit) return markers;
    }
  }
  return markers;
}

/** At most `max` UTF-16 units, never half of a surrogate pair. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 2);
  const end = last >= 0xd800 && last <= 0xdbff ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}
