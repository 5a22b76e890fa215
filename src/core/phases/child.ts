import { z } from "zod";
import { judgeBody, type Finding, type IntentRules } from "../intent/judge.js";
import { findStatements } from "../intent/statements.js";
import { dataMarker, readDataMarker } from "../markers.js";
import { clip, escapeText, escapeTextBlock } from "../sanitize.js";
import { MAX_NAME_LENGTH } from "./limits.js";

/**
 * A phase's own issue (a sub-issue of the parent, or a plain issue where
 * GitHub has no sub-issues) carries hidden data naming its parent and phase
 * number. It never changes after creation, so it is how the bot recognises
 * its phase issues among the parent's sub-issues, whatever people do to the
 * parent's checklist; like every marker, it counts only in an issue the bot
 * itself created.
 */
const positive = z.number().int().positive();
const phaseIssueData = z.object({ kind: z.literal("phase"), v: z.literal(1), parent: positive, number: positive });
export type PhaseIssueData = z.infer<typeof phaseIssueData>;

export function phaseIssueMarker(parent: number, number: number): string {
  return dataMarker({ kind: "phase", v: 1, parent, number } satisfies PhaseIssueData);
}

export function readPhaseIssueMarker(body: string | null | undefined): PhaseIssueData | undefined {
  const parsed = phaseIssueData.safeParse(readDataMarker(body));
  return parsed.success ? parsed.data : undefined;
}

/** The parent's why and who, as the intent check finds them. */
export interface CarriedIntent {
  why?: string;
  who?: string;
  /** A user story states both at once; it is carried whole, once. */
  stories: string[];
}

/** Plenty for a statement of why or who; a phase issue links the parent for the rest. */
const MAX_CARRIED_LENGTH = 2000;

/**
 * What a phase issue repeats of its parent so that it passes the intent check
 * by itself (even with `intent.tickets.inherit` off). A user story is carried
 * as the whole sentence: its "who" alone ("an admin") is too short to count.
 */
export function carriedIntent(parentBody: string | null | undefined, rules: IntentRules): CarriedIntent {
  const judged = judgeBody(parentBody, rules, new Set());
  const stories = new Set<string>();
  const carried: CarriedIntent = { stories: [] };
  for (const finding of [judged.why, judged.who]) {
    if (!finding) continue;
    if (finding.source === "user story") {
      stories.add(storyOf(parentBody, rules, finding) ?? finding.text);
    } else {
      carried[finding.field] = finding.text;
    }
  }
  carried.stories = [...stories];
  return carried;
}

function storyOf(body: string | null | undefined, rules: IntentRules, finding: Finding): string | undefined {
  return findStatements(body, rules).find((s) => s.source === "user story" && s.field === finding.field && s.lines.join("\n") === finding.text)?.wholeStatement;
}

export interface PhaseIssueBody {
  parent: number;
  number: number;
  name: string;
  intent: CarriedIntent;
  /** Headings the intent check recognises (the first of `intent.why` and `intent.who`). */
  headings: { why: string; who: string };
}

/** The body of a new phase issue: what it is, the parent's why and who, the link back, and its marker. */
export function renderPhaseIssueBody(input: PhaseIssueBody): string {
  const { parent, number, intent } = input;
  const name = escapeText(input.name, 2 * MAX_NAME_LENGTH);
  const sections: string[] = [`Phase ${number} of #${parent}: **${name}**`];
  for (const story of intent.stories) sections.push(carry(story));
  if (intent.why) sections.push(`## ${escapeText(capitalize(input.headings.why))}\n${carry(intent.why)}`);
  if (intent.who) sections.push(`## ${escapeText(capitalize(input.headings.who))}\n${carry(intent.who)}`);
  const stated = intent.stories.length > 0 || intent.why || intent.who;
  const origin = stated ? `_The why and who above are #${parent}'s._` : `_#${parent} states no why or who yet; this phase shares them once it does._`;
  sections.push(
    [
      "---",
      origin,
      `_Planned with \`/phase\` on #${parent}, whose checklist tracks this phase. When it is done, close this issue or comment \`/phase done ${number}\` on #${parent}._`,
    ].join("\n"),
  );
  sections.push(phaseIssueMarker(parent, number));
  return sections.join("\n\n");
}

/** User text repeated by the bot: no mentions, no HTML comments, no runaway length. */
function carry(text: string): string {
  return escapeTextBlock(clip(text.trim(), MAX_CARRIED_LENGTH));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
