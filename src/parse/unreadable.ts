import { conclusion, type CheckResult } from "../core/checks.js";

/** Why a text could not be read: the deadline passed, the heap limit was hit, or the parser threw. */
export interface Unreadable {
  kind: "deadline" | "memory" | "error";
  /** The end of the user's one line, e.g. "reading it took longer than 2 s". */
  detail: string;
}

/** What a feature says instead of a verdict, in one line. */
export function unreadableLine(what: "body" | "title" | "comment" | "pull request", reason: Unreadable): string {
  return `This ${what} could not be read within the limit: ${reason.detail}. Shorten or simplify it, and the next edit is read again.`;
}

/**
 * No verdict, concluded as an unmet rule: neutral when advising, a failure
 * when enforcing, so that an unreadable description is never a way past a
 * required check (GitHub counts a neutral check as passing).
 */
export function unreadableCheck(name: string, what: "body" | "title" | "comment" | "pull request", reason: Unreadable, mode: "advise" | "enforce"): CheckResult {
  return { name, conclusion: conclusion(mode, false), title: `The ${what} could not be read within the limit`, summary: unreadableLine(what, reason) };
}

