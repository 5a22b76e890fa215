export { MAX_PHASE_NUMBER, MAX_PHASES } from "../bounds.js";

/** Long enough for any real phase name; leaves room for the parent's title in the sub-issue's. */
export const MAX_NAME_LENGTH = 200;

/** In characters as a person counts them (code points), not UTF-16 units. */
export function nameLength(name: string): number {
  return [...name].length;
}

/** GitHub refuses an issue body longer than this (the parent's, with its Phases section). */
export const MAX_BODY_LENGTH = 65_536;
