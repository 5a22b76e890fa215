import type { Config } from "../../config/schema.js";
import { sameRef } from "../../core/hacks/fields.js";
import type { LabelSpec } from "../../core/labels.js";
import { needsChanges, needsIntent, type DebtIssueFacts, type HackFacts, type NewDebtIssue, type Trigger } from "../../core/hacks/plan.js";
import { HACK_CHECK, HACK_TOPIC } from "../../core/hacks/render.js";
import { readHackState } from "../../core/hacks/state.js";
import { findStickyComment } from "../../github/comments.js";
import { publishCheck } from "../../github/checks.js";
import { createBotIssue } from "../../github/bot-issues.js";
import { lockKey } from "../../github/locks.js";
import type { Services } from "../../github/services.js";
import type { GitHub, Log, RepoRef } from "../../github/types.js";
import { mustRead } from "../../parse/budget.js";
import type { TaskArgs, TaskName } from "../../parse/tasks.js";
import { unreadableCheck, UnreadableText } from "../../parse/unreadable.js";
import { execute } from "../../github/execute.js";
import { findCreatedDebt, readChanges, readDebtIssue, readIntent, readPullRequest } from "./gather.js";

/**
 * Brings one PR's hack debt up to date after any event. Everything runs under
 * a per-PR lock and starts from what GitHub says now (the PR, the app's
 * comment on it, the debt issues), so redelivered, repeated and concurrent
 * events converge on one debt issue: the first run creates it and writes its
 * number into the PR's comment before anything else, and every later run
 * finds it there (or, after a restart in between, among the app's newest
 * debt issues). The decisions read the PR's title and description within the
 * parse budget; when they cannot, the check says so and nothing else changes.
 */
export async function reconcileHack(octokit: GitHub, services: Services, log: Log, config: Config, repo: RepoRef, prNumber: number, trigger: Trigger): Promise<void> {
  await services.locks.run(lockKey("hacks", repo, prNumber), async () => {
    const pr = await readPullRequest(octokit, repo, prNumber);
    try {
      await reconcileRead(octokit, services, log, config, repo, pr, trigger);
    } catch (error) {
      if (!(error instanceof UnreadableText)) throw error;
      if (pr.state === "open") await publishCheck(octokit, repo, pr.headSha, unreadableCheck(HACK_CHECK, "pull request", error.reason, config.mode));
    }
  });
}

async function reconcileRead(octokit: GitHub, services: Services, log: Log, config: Config, repo: RepoRef, pr: HackFacts["pr"], trigger: Trigger): Promise<void> {
  const rules = config.hacks;
  const parse = async <N extends TaskName>(name: N, args: TaskArgs<N>) => mustRead(await services.parse.run(name, args, log));
  const prNumber = pr.number;
  const comment = await findStickyComment(octokit, services, { ...repo, issue_number: prNumber }, HACK_TOPIC);
  const previous = readHackState(comment?.body);
  const facts: HackFacts = { repo, pr, trigger, previous, previousComment: comment?.body, previousCommentId: comment?.id };
  const decl = await parse("declaration", [facts, rules]);
  if (!decl.declared && !previous) return;

  if (previous?.debt) facts.linked = await readDebtIssue(octokit, services, previous.debt, true);
  const named = decl.declared ? await parse("namedDebt", [facts, decl.command]) : undefined;
  if (named && !sameRef(named, facts.linked?.ref)) facts.named = await readDebtIssue(octokit, services, named, true);

  let choice = await parse("chooseDebt", [facts, rules, decl]);
  if (choice.kind === "create") {
    const found = await findCreatedDebt(octokit, services, repo, prNumber, rules.debtLabel);
    if (found) {
      log.info({ pr: prNumber, debt: found.ref.number }, "found the debt issue created earlier");
      facts.linked = found;
      choice = await parse("chooseDebt", [facts, rules, decl]);
    }
  }
  if (needsChanges(facts, choice)) facts.changes = await readChanges(octokit, services, log, repo, pr, rules.codeMarker);
  if (needsIntent(facts, choice)) facts.intent = await readIntent(octokit, services, log, config, repo, pr);

  let plan = await parse("planHack", [facts, rules, config.mode, decl]);
  if (plan.kind === "create-debt") {
    facts.linked = await createDebtIssue(octokit, services, repo, plan.issue, plan.label);
    log.info({ pr: prNumber, debt: facts.linked.ref.number }, "created the debt issue");
    plan = await parse("planHack", [facts, rules, config.mode, decl]);
    // The issue just linked is open and the app's: a plan that still lacks one is a bug, not a reason to create another.
    if (plan.kind === "create-debt") throw new Error("the hack plan asked for a second debt issue");
  }
  log.info({ pr: prNumber, trigger: trigger.kind, actions: plan.actions.map((a) => a.type) }, "hack plan");
  await execute({ octokit, services, log }, plan.actions);
}

/** Creates the debt issue (assigned to the hack's author when they can be) and returns it as the plan's next pass reads it. */
async function createDebtIssue(octokit: GitHub, services: Services, repo: RepoRef, issue: NewDebtIssue, label: LabelSpec): Promise<DebtIssueFacts> {
  const created = await createBotIssue(octokit, services, repo, { title: issue.title, body: issue.body, labels: [label], assignees: [issue.owner] });
  return {
    ref: { ...repo, number: created.number },
    exists: true,
    isPullRequest: false,
    state: "open",
    closedByApp: false,
    byApp: true,
    body: issue.body,
    labels: [label.name],
    record: issue.record,
  };
}
