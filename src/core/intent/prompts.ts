import type { Field } from "./statements.js";

export interface Aliases {
  why: readonly string[];
  who: readonly string[];
}

/** Lower case, every run of non-letters and non-digits one space: what alias matching compares. */
export function normalizeWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * A word right before an alias that makes the heading about something else:
 * "Additional context", "Any other problems" are the template's catch-all,
 * not a question about the reason.
 */
const NEUTRALIZING = new Set(["additional", "other", "extra", "further", "more", "any"]);

/**
 * Words that make a heading that mentions an alias ask for something else:
 * "Steps to reproduce the problem" asks for steps, "What is the feature you
 * are proposing to solve the problem?" for the solution, "Who can help?" for
 * reviewers to mention.
 */
const ASKS_SOMETHING_ELSE: Record<Field, readonly string[]> = {
  // "Describe alternative solutions that would also satisfy this problem" asks for other solutions.
  why: ["reproduce", "reproduction", "steps", "expected", "actual", "environment", "solution", "solutions", "alternative", "alternatives", "propose", "proposing", "proposed", "proposal"],
  who: ["help", "review", "reviewer", "reviewers", "ping", "cc", "notify", "mention", "assign", "assignee", "assignees", "reviewed"],
};

/** Verbs that, in a "how" question, ask how the problem is to be solved: "How should the problem be solved?" */
const SOLVING = ["solve", "solved", "fix", "fixed", "address", "addressed", "implement", "implemented", "resolve", "resolved"];

/** Where `needle` (normalized, one space each side) first occurs in `padded` as whole words, not after a neutralizing word; -1 if nowhere. */
function mentionAt(padded: string, needle: string): number {
  for (let at = padded.indexOf(needle); at >= 0; at = padded.indexOf(needle, at + 1)) {
    const previous = padded.slice(padded.lastIndexOf(" ", at - 1) + 1, at);
    if (!NEUTRALIZING.has(previous)) return at;
  }
  return -1;
}

export type PromptMatcher = (text: string) => Field | undefined;

/**
 * The field a heading or prompt asks for: an alias anywhere in it as whole
 * words ("What is the problem this feature will solve?", "What this PR does /
 * why we need it"), unless the word before it neutralizes it ("Additional
 * context") or the heading asks for something else ("Steps to reproduce the
 * problem", "Who can help?"). Where both are named, the first named is
 * asked ("Who would benefit?" asks who). The aliases are normalized
 * once, for every heading of a body.
 */
export function promptMatcher(aliases: Aliases): PromptMatcher {
  const needles = (list: readonly string[]) => list.map((alias) => ` ${normalizeWords(alias)} `).filter((needle) => needle !== "  ");
  const fields = [
    { field: "why" as const, needles: needles(aliases.why) },
    { field: "who" as const, needles: needles(aliases.who) },
  ];
  return (text) => {
    const normalized = normalizeWords(text);
    if (normalized === "") return undefined;
    const padded = ` ${normalized} `;
    const words = new Set(normalized.split(" "));
    // The field named first is the one asked: "Who would benefit?" asks who, though "benefit" is a why alias.
    let asked: { field: Field; at: number } | undefined;
    for (const { field, needles: list } of fields) {
      if (ASKS_SOMETHING_ELSE[field].some((word) => words.has(word))) continue;
      // "How should the problem be solved?" asks for the solution, though it names the problem.
      if (field === "why" && words.has("how") && SOLVING.some((word) => words.has(word))) continue;
      // "Why should this be in core?", "Why should this be part of Sequelize?": why it belongs here, not why it is needed.
      if (field === "why" && words.has("should") && words.has("be") && (words.has("in") || words.has("part"))) continue;
      for (const needle of list) {
        const at = mentionAt(padded, needle);
        if (at >= 0 && (!asked || at < asked.at)) asked = { field, at };
      }
    }
    return asked?.field;
  };
}

/** `promptMatcher(aliases)(text)`, for one prompt. */
export const fieldOfPrompt = (text: string, aliases: Aliases): Field | undefined => promptMatcher(aliases)(text);

const TRAILING_PROMPT_MARKS = new Set(["", "?", ":", "：", "?:", "? :"]);

/**
 * A paragraph line that is only bold text, with or without a trailing `?` or
 * `:` (`**Why do we need this feature?**`, `**Why is this needed**:`): real
 * templates write their questions this way. Returns the text between the
 * markers, or undefined; a sentence in bold (ending in `.` or `!`, asking
 * nothing) is an answer, not a prompt. Linear: one indexOf, one includes.
 */
export function boldPrompt(line: string): string | undefined {
  const trimmed = line.trim();
  const marker = trimmed.slice(0, 2);
  if (marker !== "**" && marker !== "__") return undefined;
  const close = trimmed.indexOf(marker, 2);
  if (close <= 2) return undefined;
  if (!TRAILING_PROMPT_MARKS.has(trimmed.slice(close + 2).trim())) return undefined;
  const inner = trimmed.slice(2, close).trim();
  // "**Critical for the Q3 launch.**" is an answer in bold; "**Related to a problem? Please describe.**" still asks.
  if (inner === "" || ((inner.endsWith(".") || inner.endsWith("!")) && !inner.includes("?"))) return undefined;
  return inner;
}

/** At most this many characters before the colon of a prompt line. */
const MAX_PROMPT_LINE = 120;

/**
 * A line that is only a prompt ending in a colon, with nothing after it
 * ("What this PR does / why we need it:"): its answer is the next paragraph.
 */
export function colonPrompt(line: string): string | undefined {
  const trimmed = line.trim();
  if (trimmed.length < 2 || trimmed.length > MAX_PROMPT_LINE) return undefined;
  const last = trimmed[trimmed.length - 1];
  if (last !== ":" && last !== "：") return undefined;
  return trimmed.slice(0, -1).trim() || undefined;
}
