import { compileUserRegex } from "../user-regex.js";
import type { Finding, BodyIntent, Rejection } from "./judge.js";
import type { Field } from "./statements.js";
import type { TemplateAsks } from "./template-prompts.js";
import { escapeInlineCode } from "../sanitize.js";

export interface LinkedTicket {
  /** How the body named it, e.g. `#12` or `octo/api#3`. */
  ref: string;
  intent?: BodyIntent | undefined;
  /** Set when the ticket could not be read (missing, private, another installation). */
  unreadable?: boolean;
}

export interface IntentFacts {
  own: BodyIntent;
  linked: readonly LinkedTicket[];
  /** External ticket keys found, when external tickets are enabled. */
  external: readonly string[];
}

export interface SourcedFinding extends Finding {
  /** `undefined` for the item's own body, else the ticket it was inherited from. */
  from?: string | undefined;
}

export interface IntentVerdict {
  met: boolean;
  why?: SourcedFinding | undefined;
  who?: SourcedFinding | undefined;
  /** The external ticket the result relied on, when it did. */
  externalTicket?: string | undefined;
  missing: Field[];
  rejections: Rejection[];
  unreadable: string[];
  /** The template's own question for each field, quoted in the hint instead of a `## Why` / `## Who` snippet. */
  asks: TemplateAsks;
}

/** Own statements win; otherwise the first linked ticket that states the field. */
export function decideIntent(facts: IntentFacts): IntentVerdict {
  const pick = (field: Field): SourcedFinding | undefined => {
    const own = facts.own[field];
    if (own) return own;
    for (const ticket of facts.linked) {
      const found = ticket.intent?.[field];
      if (found) return { ...found, from: ticket.ref };
    }
    return undefined;
  };
  const why = pick("why");
  const who = pick("who");
  const missing = (["why", "who"] as const).filter((field) => !(field === "why" ? why : who));
  const externalTicket = missing.length > 0 ? facts.external[0] : undefined;
  return {
    met: missing.length === 0 || externalTicket !== undefined,
    why,
    who,
    externalTicket,
    missing,
    rejections: facts.own.rejections.filter((r) => missing.includes(r.field)),
    unreadable: facts.linked.filter((t) => t.unreadable).map((t) => t.ref),
    asks: facts.own.asks ?? {},
  };
}

export interface ExemptionInput {
  authorType: string | undefined;
  labels: readonly string[];
  title: string;
}

export interface ExemptionRules {
  bots: boolean;
  labels: readonly string[];
  titlePatterns: readonly string[];
}

/** Why an issue or PR needs no intent, or undefined when it does. */
export function exemptionReason(input: ExemptionInput, rules: ExemptionRules): string | undefined {
  if (rules.bots && input.authorType === "Bot") return "it was opened by a bot";
  const label = input.labels.find((l) => rules.labels.some((e) => e.toLowerCase() === l.toLowerCase()));
  if (label) return `it has the label ${escapeInlineCode(label)}`;
  // RE2, case-insensitive: a configured pattern cannot backtrack. Validation refuses one RE2 cannot compile.
  const pattern = rules.titlePatterns.find((p) => {
    const compiled = compileUserRegex(p, { ignoreCase: true });
    return compiled.ok && compiled.regex.test(input.title);
  });
  if (pattern) return `its title matches ${escapeInlineCode(pattern)}`;
  return undefined;
}
