/** GitHub refuses longer issue titles. */
export const MAX_TITLE_LENGTH = 256;
const SEPARATOR = " — ";
/** Enough of the parent's title to recognise it when a phase name would crowd it out. */
const MIN_PARENT_LENGTH = 24;

/**
 * `<parent title> — Phase N: <name>`, within GitHub's limit. The parent's
 * title is shortened first, since among sibling sub-issues the phase is what
 * tells them apart; the phase itself is only shortened when it could not
 * fit beside even a shortened parent title.
 */
export function phaseTitle(parentTitle: string, number: number, name: string): string {
  const phase = `Phase ${number}: ${oneLine(name)}`;
  const parent = oneLine(parentTitle);
  if (parent === "") return clip(phase, MAX_TITLE_LENGTH);
  const room = MAX_TITLE_LENGTH - SEPARATOR.length - phase.length;
  const shortParent = clip(parent, Math.max(room, MIN_PARENT_LENGTH));
  return `${shortParent}${SEPARATOR}${clip(phase, MAX_TITLE_LENGTH - SEPARATOR.length - shortParent.length)}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Counts UTF-16 units, the stricter measure, and never splits a character in two. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let clipped = "";
  for (const char of text) {
    if (clipped.length + char.length + 1 > max) break;
    clipped += char;
  }
  return `${clipped.trimEnd()}…`;
}
