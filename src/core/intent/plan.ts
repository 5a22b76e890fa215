import type { Config } from "../../config/schema.js";
import { unreadableCheck, unreadableLine, type Unreadable } from "../../parse/unreadable.js";
import type { Action, IssueKey } from "../actions.js";
import { labelSpecs } from "../labels.js";
import type { RepoRef } from "../repo.js";
import type { IntentVerdict } from "./decide.js";
import { exemptCheck, INTENT_CHECK, intentCheck, issueComplaint, issueResolved } from "./render.js";

export const INTENT_TOPIC = "intent";

/**
 * What reading an issue's or pull request's intent came to: its title or
 * description could not be read within the parse budget, it is exempt, or
 * there is a verdict.
 */
export type IntentOutcome =
  | { kind: "unreadable"; part: "title" | "description"; reason: Unreadable }
  | { kind: "exempt"; reason: string }
  | { kind: "verdict"; verdict: IntentVerdict };

/** An issue as the plan reads it: where it is and the labels it carries now. */
export interface IntentIssue {
  issue: IssueKey;
  labels: readonly string[];
}

const hasLabel = (labels: readonly string[], name: string) => labels.some((label) => label.toLowerCase() === name.toLowerCase());

/**
 * An issue's writes: while why or who is missing, the label and the one
 * sticky comment saying what to add; once both are stated, the label goes
 * and the comment (if there is one) says so. An unreadable text has no
 * verdict: the label stays as it was, the comment says why. An exempt issue
 * gets nothing.
 */
export function planIssueIntent({ issue, labels }: IntentIssue, outcome: IntentOutcome, config: Pick<Config, "intent">): Action[] {
  const label = config.intent.label;
  const sticky = (body: string, create: boolean): Action => ({ type: "sticky-comment", issue, topic: INTENT_TOPIC, body, create });
  switch (outcome.kind) {
    case "exempt":
      return [];
    case "unreadable":
      return [sticky(unreadableLine(outcome.part === "title" ? "title" : "body", outcome.reason), true)];
    case "verdict": {
      const { verdict } = outcome;
      if (verdict.met) return [...(hasLabel(labels, label) ? [{ type: "remove-label", issue, name: label } as const] : []), sticky(issueResolved(verdict), false)];
      return [...(hasLabel(labels, label) ? [] : [{ type: "add-label", issue, label: labelSpecs.needsIntent(label) } as const]), sticky(issueComplaint(verdict, label), true)];
    }
  }
}

/** A pull request's one write: the intent check on its head commit, whatever the outcome. */
export function planPullRequestIntent(repo: RepoRef, headSha: string, outcome: IntentOutcome, config: Pick<Config, "mode">): Action[] {
  const result = (() => {
    switch (outcome.kind) {
      case "exempt":
        return exemptCheck(outcome.reason);
      case "unreadable":
        return unreadableCheck(INTENT_CHECK, outcome.part === "title" ? "title" : "pull request", outcome.reason, config.mode);
      case "verdict":
        return intentCheck(outcome.verdict, config.mode);
    }
  })();
  return [{ type: "check", repo, headSha, result }];
}
