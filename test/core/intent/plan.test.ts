import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/schema.js";
import type { Action } from "../../../src/core/actions.js";
import { decideIntent } from "../../../src/core/intent/decide.js";
import { judgeBody, templateLines } from "../../../src/core/intent/judge.js";
import { planIssueIntent, planPullRequestIntent, type IntentOutcome } from "../../../src/core/intent/plan.js";
import { intentRules } from "../../../src/core/intent/rules.js";

const repo = { owner: "acme", repo: "shop" };
const issue = { ...repo, number: 4 };
const LABEL = defaultConfig.intent.label;
const verdictOf = (body: string): IntentOutcome => ({ kind: "verdict", verdict: decideIntent({ own: judgeBody(body, intentRules(defaultConfig), templateLines([])), linked: [], external: [] }) });
const MET = verdictOf("Why: refunds take a week, so customers call support.\n\nWho: customers asking for a refund.");
const MISSING = verdictOf("Adds a button.");
const UNREADABLE = (part: "title" | "description"): IntentOutcome => ({ kind: "unreadable", part, reason: { kind: "deadline", detail: "reading it took longer than 2 s" } });

/** An action as a short line: what it does to what, enough to read a plan in a table. */
function summary(action: Action): string {
  switch (action.type) {
    case "sticky-comment":
      return `${action.create ? "upsert" : "update"} ${action.topic}: ${action.body.split("\n")[0] ?? ""}`;
    case "add-label":
      return `add ${action.label.name}`;
    case "remove-label":
      return `remove ${action.name}`;
    case "check":
      return `check ${action.result.conclusion}: ${action.result.title}`;
    default:
      return action.type;
  }
}

describe("an issue's intent plan", () => {
  it.each([
    { case: "missing, unlabelled: label and complaint", outcome: MISSING, labels: [], plan: [`add ${LABEL}`, "upsert intent: ### This issue does not yet say **why** or **who**"] },
    { case: "missing, labelled: the complaint only", outcome: MISSING, labels: [LABEL.toUpperCase()], plan: ["upsert intent: ### This issue does not yet say **why** or **who**"] },
    { case: "met, labelled: label off, the comment (if any) thanks", outcome: MET, labels: [LABEL], plan: [`remove ${LABEL}`, "update intent: ✅ This issue now states why and who. Thank you!"] },
    { case: "met, unlabelled: no label call", outcome: MET, labels: [], plan: ["update intent: ✅ This issue now states why and who. Thank you!"] },
    { case: "exempt: nothing", outcome: { kind: "exempt", reason: "it was opened by a bot" } as const, labels: [LABEL], plan: [] },
    { case: "title unreadable: the comment says so, the label stays", outcome: UNREADABLE("title"), labels: [LABEL], plan: ["upsert intent: This title could not be read within the limit: reading it took longer than 2 s. Shorten or simplify it, and the next edit is read again."] },
    { case: "body unreadable", outcome: UNREADABLE("description"), labels: [], plan: ["upsert intent: This body could not be read within the limit: reading it took longer than 2 s. Shorten or simplify it, and the next edit is read again."] },
  ])("$case", ({ outcome, labels, plan }) => {
    expect(planIssueIntent({ issue, labels }, outcome, defaultConfig).map(summary)).toEqual(plan);
  });

  it("the label is created with its colour where the repository lacks it", () => {
    expect(planIssueIntent({ issue, labels: [] }, MISSING, defaultConfig)[0]).toEqual({ type: "add-label", issue, label: { name: LABEL, color: "d93f0b", description: "States no why or who yet (intentbot)" } });
  });
});

describe("a pull request's intent plan: one check on the head commit", () => {
  it.each([
    { case: "met", outcome: MET, mode: "advise", check: "check success: Why and who are stated" },
    { case: "missing, advising", outcome: MISSING, mode: "advise", check: "check neutral: Missing: why and who" },
    { case: "missing, enforcing", outcome: MISSING, mode: "enforce", check: "check failure: Missing: why and who" },
    { case: "exempt", outcome: { kind: "exempt", reason: "it was opened by a bot" } as const, mode: "enforce", check: "check success: Exempt from the intent check" },
    { case: "title unreadable", outcome: UNREADABLE("title"), mode: "enforce", check: "check failure: The title could not be read within the limit" },
    { case: "description unreadable", outcome: UNREADABLE("description"), mode: "advise", check: "check neutral: The pull request could not be read within the limit" },
  ] as const)("$case", ({ outcome, mode, check }) => {
    const actions = planPullRequestIntent(repo, "abc", outcome, { mode });
    expect(actions.map(summary)).toEqual([check]);
    expect(actions[0]).toMatchObject({ repo, headSha: "abc" });
  });
});
