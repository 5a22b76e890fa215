import { topicMarker } from "../markers.js";

/** The bot's part of the parent issue's body lies between these; everything else is the user's. */
export const PHASES_START = topicMarker("phases:start");
export const PHASES_END = topicMarker("phases:end");

/**
 * The first start marker followed by an end marker with no other marker in
 * between. A stray marker the user pasted or left behind (say, a start whose
 * end they deleted) is then just text, never the edge of the bot's section.
 */
function locate(body: string): { start: number; end: number } | undefined {
  let start = body.indexOf(PHASES_START);
  while (start !== -1) {
    const end = body.indexOf(PHASES_END, start + PHASES_START.length);
    if (end === -1) return undefined;
    const nextStart = body.indexOf(PHASES_START, start + PHASES_START.length);
    if (nextStart === -1 || nextStart > end) return { start, end: end + PHASES_END.length };
    start = nextStart;
  }
  return undefined;
}

/** The text between the markers, or undefined when the body has no phases section. */
export function phasesSectionOf(body: string | null | undefined): string | undefined {
  const text = body ?? "";
  const at = locate(text);
  return at && text.slice(at.start + PHASES_START.length, at.end - PHASES_END.length);
}

/**
 * The parent's body around its phases section, found once (within the parse
 * budget: finding the markers searches text people wrote): what goes before
 * the section, with the gap a new one needs, and what goes after it.
 */
export interface PhasesSlot {
  head: string;
  tail: string;
  /** The line ending the section is written with. */
  eol: string;
}

export function phasesSlot(body: string | null | undefined): PhasesSlot {
  const text = body ?? "";
  const at = locate(text);
  const eol = lineEnding(text, at);
  if (at) return { head: text.slice(0, at.start), tail: text.slice(at.end), eol };
  if (text === "") return { head: "", tail: "", eol };
  const gap = text.endsWith(eol + eol) ? "" : text.endsWith(eol) ? eol : eol + eol;
  return { head: text + gap, tail: "", eol };
}

/**
 * The body with `section` between the markers, in the slot `phasesSlot`
 * found: text outside the markers is kept byte for byte. `section` must not
 * contain the markers itself, which `renderPhasesSection` ensures.
 */
export function fillPhasesSlot(slot: PhasesSlot, section: string): string {
  return slot.head + [PHASES_START, ...withoutBlankEnds(section.replace(/\r\n?/g, "\n").split("\n")), PHASES_END].join(slot.eol) + slot.tail;
}

/**
 * The lines without the empty ones at either end (one empty line when all
 * are): by index, since a `\n+$` pattern rescans each run of line breaks from
 * every break in it, quadratic in the run's length.
 */
function withoutBlankEnds(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end - 1 && lines[start] === "") start++;
  while (end - 1 > start && lines[end - 1] === "") end--;
  return lines.slice(start, end);
}

/**
 * The body with `section` between the markers: in place of the current
 * section, or appended after a blank line when there is none.
 */
export function replacePhasesSection(body: string | null | undefined, section: string): string {
  return fillPhasesSlot(phasesSlot(body), section);
}

/**
 * CRLF when the body has it (GitHub's web editor saves CRLF). An existing
 * section keeps its own line ending, so that rewriting it never depends on
 * line breaks our own earlier write may have formed next to the user's text.
 */
function lineEnding(text: string, at: { start: number } | undefined): string {
  const afterStart = at ? text.slice(at.start + PHASES_START.length, at.start + PHASES_START.length + 2) : "";
  if (afterStart.startsWith("\n")) return "\n";
  if (afterStart === "\r\n") return "\r\n";
  return text.includes("\r\n") ? "\r\n" : "\n";
}
