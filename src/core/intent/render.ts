import { conclusion, type CheckResult, type Mode } from "../checks.js";
import { clip, escapeInlineCode, escapeText } from "../sanitize.js";
import type { Rejection } from "./judge.js";
import type { Field } from "./statements.js";
import type { IntentVerdict, SourcedFinding } from "./decide.js";

export const INTENT_CHECK = "Product intent";

const FIELD_NAME: Record<Field, string> = { why: "Why", who: "Who" };

const PLACEHOLDER: Record<Field, string> = {
  why: "What problem this solves, and what changes for the user when it ships.",
  who: "The users or customers this is for (e.g. admins of team workspaces).",
};

/** Quotes text the author wrote: escaped for Markdown by default, as is for a terminal. */
type Quote = (text: string) => string;
const markdownQuote: Quote = (text) => `“${escapeText(text, 60)}”`;

/** Where a statement was read, in words, with the heading or prompt it answered quoted. */
export function whereRead(finding: Pick<SourcedFinding, "source" | "label">, quote: Quote = markdownQuote): string {
  const label = quote(finding.label);
  switch (finding.source) {
    case "heading":
      return `under the heading ${label}`;
    case "prompt":
      return `answering the prompt ${label}`;
    case "label":
      return `after the label ${label}`;
    case "user story":
      return "in a user story";
    case "prose":
      // A why read from prose is its whole sentence, quoted as the statement itself: no label to repeat.
      return finding.label === "" ? "found in prose" : `found in prose: ${label}`;
  }
}

function describeFinding(finding: SourcedFinding | undefined, field: Field, here: string): string {
  if (!finding) return `- **${FIELD_NAME[field]}**: missing`;
  const where = finding.from ? `in the linked issue ${escapeText(finding.from, 120)}` : `in this ${here}`;
  return `- **${FIELD_NAME[field]}** (${whereRead(finding)}, ${where}): ${escapeText(finding.text)}`;
}

export function describeRejection(rejection: Rejection, quote: Quote = markdownQuote): string {
  const label = quote(rejection.label);
  switch (rejection.reason) {
    case "empty":
      return `${label} is left unanswered.`;
    case "template":
      return `${label} is left unanswered: what follows it is the template's own text.`;
    case "placeholder":
      return `${label} holds only a placeholder.`;
    case "too short":
      return `${label} has ${rejection.words ?? 0} word(s); write at least the configured minimum.`;
    case "link":
      return `${label} is only a link: say in a sentence what it shows, the problem and for whom.`;
    case "filler":
      return `${label} gives no reason (phrases such as “would be nice” or “+1” do not count): say what problem this solves.`;
    case "title":
      return `${label} only restates the title: say why it matters.`;
    case "change":
      return `${label} only says what the change does: say what problem it solves, or what it makes possible.`;
    case "trigger":
      return `${label} only names what occasioned the change: say what problem it causes for whom.`;
    case "request":
      return `${label} only says what is wanted: say what problem it solves, or what it makes possible.`;
    case "audience":
      return `${label} only names who it is for: say what problem they have.`;
    case "anyone":
      return `${label} names no one in particular (“a user”, “a developer”): say which people it is for.`;
  }
}

/** A copy-paste snippet with exactly the missing sections. */
export function missingSnippet(missing: readonly Field[]): string {
  const sections = missing.map((field) => `## ${FIELD_NAME[field]}\n${PLACEHOLDER[field]}`);
  return ["```markdown", ...sections.flatMap((s, i) => (i === 0 ? [s] : ["", s])), "```"].join("\n");
}

function explanation(verdict: IntentVerdict, here: string): string[] {
  const lines = [describeFinding(verdict.why, "why", here), describeFinding(verdict.who, "who", here)];
  if (verdict.externalTicket) lines.push(`- **Ticket**: ${escapeText(verdict.externalTicket, 120)} (external ticket, counted as the intent)`);
  if (verdict.rejections.length > 0) lines.push("", "Not counted:", ...verdict.rejections.map((r) => `- ${describeRejection(r)}`));
  if (verdict.unreadable.length > 0) lines.push("", `Could not read ${verdict.unreadable.map((ref) => escapeText(ref, 120)).join(", ")} (missing, or not visible to the app).`);
  return lines;
}

/** A template's question, quoted in italics on one line. */
const templateQuestion = (question: string) => `*${escapeText(question, 120)}*`;

/**
 * How to state what is missing: in the template's own words where it asks
 * for the field ("The template asks: *What problem does this solve?*"), and a
 * `## Why` / `## Who` snippet only for a field the template does not ask for.
 */
function howToFix(verdict: IntentVerdict, here: string): string[] {
  const linkHint =
    here === "pull request"
      ? "Or link an issue that states them, e.g. `Closes #123`: a pull request inherits why and who from the issues it links."
      : "Or link a ticket that states them, e.g. `Part of #123`.";
  const asked = verdict.missing.filter((field) => verdict.asks[field]);
  const unasked = verdict.missing.filter((field) => !verdict.asks[field]);
  const lines = [""];
  if (asked.length > 0) {
    lines.push("Answer the template's question in your own words:", ...asked.map((field) => `- **${FIELD_NAME[field]}**: The template asks: ${templateQuestion(verdict.asks[field] ?? "")}`));
  }
  if (unasked.length > 0) {
    if (asked.length > 0) lines.push("");
    lines.push(`Add ${unasked.map((f) => `**${FIELD_NAME[f]}**`).join(" and ")} to the description, for example:`, "", missingSnippet(unasked));
  }
  return [...lines, "", linkHint];
}

export function intentCheck(verdict: IntentVerdict, mode: Mode): CheckResult {
  if (verdict.met) {
    return {
      name: INTENT_CHECK,
      conclusion: "success",
      title: verdict.externalTicket && verdict.missing.length > 0 ? clip(`Intent from ticket ${verdict.externalTicket}`, 200) : "Why and who are stated",
      summary: explanation(verdict, "pull request").join("\n"),
    };
  }
  return {
    name: INTENT_CHECK,
    conclusion: conclusion(mode, false),
    title: `Missing: ${verdict.missing.map((f) => FIELD_NAME[f].toLowerCase()).join(" and ")}`,
    summary: [...explanation(verdict, "pull request"), ...howToFix(verdict, "pull request")].join("\n"),
  };
}

export function exemptCheck(reason: string): CheckResult {
  return { name: INTENT_CHECK, conclusion: "success", title: "Exempt from the intent check", summary: `No intent needed: ${reason}.` };
}

export function configErrorCheck(name: string, problems: string): CheckResult {
  return { name, conclusion: "failure", title: "Invalid .github/intent.yml", summary: problems };
}

export function issueComplaint(verdict: IntentVerdict, label: string): string {
  return [
    `### This issue does not yet say ${verdict.missing.map((f) => `**${f}**`).join(" or ")}`,
    "",
    "Product owns the why and the who; stating them here lets whoever picks this up build the right thing.",
    "",
    ...explanation(verdict, "issue"),
    ...howToFix(verdict, "issue"),
    "",
    `The ${escapeInlineCode(label)} label goes away, and this comment is updated, as soon as the description says both.`,
  ].join("\n");
}

/** What the complaint becomes once the issue is fixed: short, so it does not clutter the thread. */
export function issueResolved(verdict: IntentVerdict): string {
  return ["✅ This issue now states why and who. Thank you!", "", ...explanation(verdict, "issue")].join("\n");
}
