/**
 * Bounds on the numbers the app reads from people's text. Parsers refuse what
 * lies outside them and the record schemas accept exactly what lies inside,
 * so a number someone types can never become Infinity, NaN or a schema error.
 */

/** Five working years: more than any rebuild or phase anyone estimates in hours. */
export const MAX_ESTIMATE_HOURS = 10_000;

/** `1w 2d 4h` has three parts; more is no estimate anyone writes. */
export const MAX_ESTIMATE_PARTS = 4;

/** GitHub allows at most 100 sub-issues per issue, and each phase is one. */
export const MAX_PHASES = 100;

/** Phase numbers may skip (they identify phases across re-runs), but stay short. */
export const MAX_PHASE_NUMBER = 999;

/** Line numbers read from a diff's hunk headers; beyond this a hunk is not read. */
export const MAX_LINE_NUMBER = 100_000_000;

/** `10,000` for messages. */
export const formatCount = (count: number): string => count.toLocaleString("en-US");
