import { MAX_ESTIMATE_HOURS, MAX_ESTIMATE_PARTS } from "../bounds.js";
import type { Estimate } from "./types.js";

/**
 * Estimates count working time, so a day is a working day and a week a working
 * week; a "2d" phase is two people-days of effort, not two calendar days.
 */
export const HOURS_PER_DAY = 8;
export const DAYS_PER_WEEK = 5;
const HOURS_PER_WEEK = HOURS_PER_DAY * DAYS_PER_WEEK;

const UNIT_HOURS: ReadonlyMap<string, number> = new Map([
  ...["h", "hr", "hrs", "hour", "hours"].map((unit) => [unit, 1] as const),
  ...["d", "day", "days"].map((unit) => [unit, HOURS_PER_DAY] as const),
  ...["w", "wk", "wks", "week", "weeks"].map((unit) => [unit, HOURS_PER_WEEK] as const),
]);

/** One amount and unit; a few digits are plenty and keep the sum far from float trouble. */
const QUANTITY = String.raw`\s*(\d{1,4}(?:\.\d{1,2})?)\s*([a-z]+)\s*`;

/** Why a text is no estimate, so that a reply can say what to change. */
export type EstimateProblem = "unreadable" | "zero" | "too large";

export type EstimateReading = { ok: true; estimate: Estimate } | { ok: false; problem: EstimateProblem };

/**
 * `4h`, `2d`, `1.5w`, `2 days`, `1 week`, and sums of up to
 * `MAX_ESTIMATE_PARTS` amounts such as `1w 2d`; a leading `~` (a rough guess)
 * is allowed and kept in the text. A zero estimate, or one above
 * `MAX_ESTIMATE_HOURS`, is no estimate either.
 */
export function readEstimate(input: string): EstimateReading {
  const text = input.replace(/\s+/g, " ").trim();
  const amounts = text.replace(/^~/, "");
  const quantity = new RegExp(QUANTITY, "iy");
  let hours = 0;
  for (let parts = 0; quantity.lastIndex < amounts.length; parts++) {
    const match = parts < MAX_ESTIMATE_PARTS ? quantity.exec(amounts) : null;
    const perUnit = UNIT_HOURS.get(match?.[2]?.toLowerCase() ?? "");
    if (!match || perUnit === undefined) return { ok: false, problem: "unreadable" };
    hours += Number(match[1]) * perUnit;
  }
  if (amounts === "") return { ok: false, problem: "unreadable" };
  hours = Math.round(hours * 100) / 100;
  if (hours === 0) return { ok: false, problem: "zero" };
  if (hours > MAX_ESTIMATE_HOURS) return { ok: false, problem: "too large" };
  return { ok: true, estimate: { hours, text } };
}

/** The estimate a text states, or undefined for anything `readEstimate` refuses. */
export function parseEstimate(input: string): Estimate | undefined {
  const reading = readEstimate(input);
  return reading.ok ? reading.estimate : undefined;
}

/**
 * A duration in the largest unit that reads well, with the hours alongside
 * when that unit is not hours: `6h`, `1.5d (12h)`, `5.9w (236h)`.
 */
export function formatHours(hours: number): string {
  const inHours = `${round(hours, 2)}h`;
  if (hours < HOURS_PER_DAY) return inHours;
  if (hours < HOURS_PER_WEEK) return `${round(hours / HOURS_PER_DAY, 1)}d (${inHours})`;
  return `${round(hours / HOURS_PER_WEEK, 1)}w (${inHours})`;
}

function round(value: number, decimals: number): string {
  const factor = 10 ** decimals;
  return String(Math.round(value * factor) / factor);
}
