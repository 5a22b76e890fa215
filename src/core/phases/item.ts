import { escapeText } from "../sanitize.js";
import { formatCount, MAX_ESTIMATE_HOURS } from "../bounds.js";
import { readEstimate, type EstimateProblem } from "./estimate.js";
import { MAX_NAME_LENGTH, nameLength } from "./limits.js";
import type { Estimate } from "./types.js";

export type ItemResult = { ok: true; name: string; estimate?: Estimate; hack: boolean } | { ok: false; error: string };

/** `(2d)` at the end. */
const PAREN_TAIL = /^(.*?)\s*\(([^()]*)\)$/;
/**
 * ` — 2d`, ` – 2d`, ` - 2d` or ` -- 2d` at the end, spaces required so that
 * "sign-up" or "2–3d" is never split; greedy, so the last dash wins and a name
 * may contain dashes of its own.
 */
const DASH_TAIL = /^(.*\s|)(?:—|–|--?)\s+(\S.*)$/;

/**
 * A tail is read as estimate and hack marker only when one of its parts looks
 * like one: it starts with a number (`2d`, `3x`), or is `hack`, `hack 2d` or
 * `2d hack`. So "Backend - API" and "Invite (beta)" stay whole names, while a
 * typo such as "— 3x" or "— hakc, 2d" is reported instead of becoming part of
 * the name.
 */
const LOOKS_LIKE_ATTRIBUTE = /^~?\d|^hack$|^hack\s+~?\d/i;

/** One phase's text: `Name`, `Name — 2d`, `Name (hack, 2d)`, `Name — hack 1.5w`. */
export function parsePhaseItem(text: string): ItemResult {
  let name = text.replace(/\s+/g, " ").trim();
  const parts: string[] = [];
  // Two tails cover "Name (2d) — hack"; a bound keeps a hostile line cheap to read.
  for (let tails = 0; tails < 2; tails++) {
    const tail = attributeTail(name);
    if (!tail) break;
    name = tail.rest;
    parts.unshift(...tail.parts);
  }

  let hack = false;
  let estimate: Estimate | undefined;
  for (const part of parts) {
    const withoutHack = part.replace(/^hack\b\s*|\s*\bhack$/i, "");
    hack ||= withoutHack !== part;
    if (withoutHack === "") continue;
    const reading = readEstimate(withoutHack);
    if (!reading.ok) return { ok: false, error: unreadable(withoutHack, reading.problem) };
    const parsed = reading.estimate;
    if (estimate) return { ok: false, error: `it has two estimates (${estimate.text} and ${parsed.text}); give one.` };
    estimate = parsed;
  }

  if (name === "") return { ok: false, error: "it has no name." };
  if (nameLength(name) > MAX_NAME_LENGTH) {
    return { ok: false, error: `its name is ${nameLength(name)} characters long; keep it to ${MAX_NAME_LENGTH}.` };
  }
  return { ok: true, name, hack, ...(estimate && { estimate }) };
}

function attributeTail(text: string): { rest: string; parts: string[] } | undefined {
  // Parentheses first, so that "Name — 2d (hack)" reads as both.
  for (const pattern of [PAREN_TAIL, DASH_TAIL]) {
    const match = pattern.exec(text);
    if (!match) continue;
    const parts = (match[2] ?? "").split(",").map((part) => part.trim()).filter(Boolean);
    if (parts.some((part) => LOOKS_LIKE_ATTRIBUTE.test(part))) return { rest: (match[1] ?? "").trim(), parts };
  }
  return undefined;
}

function unreadable(part: string, problem: EstimateProblem): string {
  const quoted = `"${escapeText(part, 40)}"`;
  if (problem === "zero") return `the estimate ${quoted} is zero; leave it out when a phase has no estimate.`;
  if (problem === "too large") return `the estimate ${quoted} is more than ${formatCount(MAX_ESTIMATE_HOURS)} hours; split the phase.`;
  return /^~?\d/.test(part)
    ? `the estimate ${quoted} cannot be read; write a number and a unit, such as \`4h\`, \`2d\` or \`1.5w\`.`
    : `${quoted} is neither an estimate nor \`hack\`.`;
}
