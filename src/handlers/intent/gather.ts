import { decideIntent } from "../../core/intent/decide.js";
import type { IntentOutcome } from "../../core/intent/plan.js";
import type { FeatureContext } from "../../github/context.js";
import { gatherIntentFacts, type IntentSubject } from "../../github/intent-facts.js";

/** An issue or pull request with what the exemption rules read. */
export interface IntentCandidate extends IntentSubject {
  authorType: string | undefined;
  labels: readonly string[];
}

/**
 * Reads and judges an issue's or pull request's intent, within the parse
 * budget: first whether it is exempt (its author, labels, title), then the
 * why and who it states or inherits.
 */
export async function gatherIntent(ctx: FeatureContext, candidate: IntentCandidate): Promise<IntentOutcome> {
  const { services, log, config } = ctx;
  const exempt = await services.parse.run("exemptionReason", [{ authorType: candidate.authorType, labels: candidate.labels, title: candidate.title }, config.intent.exempt], log);
  if (!exempt.ok) return { kind: "unreadable", part: "title", reason: exempt.reason };
  if (exempt.value) return { kind: "exempt", reason: exempt.value };
  const facts = await gatherIntentFacts(ctx, candidate);
  if (!facts.ok) return { kind: "unreadable", part: "description", reason: facts.reason };
  return { kind: "verdict", verdict: decideIntent(facts.value) };
}
