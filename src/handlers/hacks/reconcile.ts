import type { Action } from "../../core/actions.js";
import { sameRef } from "../../core/hacks/fields.js";
import { decideHack, declaration, needsChanges, needsIntent, planHack, type HackFacts, type PullRequestFacts, type Trigger } from "../../core/hacks/plan.js";
import type { HackText } from "../../core/hacks/read.js";
import { HACK_CHECK, HACK_TOPIC } from "../../core/hacks/render.js";
import { readHackState, type HackPrState } from "../../core/hacks/state.js";
import { publishCheck } from "../../github/checks.js";
import { findStickyComment } from "../../github/comments.js";
import type { FeatureContext } from "../../github/context.js";
import { execute } from "../../github/execute.js";
import { hasLabel } from "../../github/labels.js";
import { lockKey } from "../../github/locks.js";
import type { Budgeted } from "../../parse/budget.js";
import { unreadableCheck } from "../../parse/unreadable.js";
import { createDebtIssue, findCreatedDebt, readChanges, readDebtIssue, readIntent, readPullRequest, readPullRequestText } from "./gather.js";

/** The PR a run is for: its number, and the PR itself when the event's payload carries it (with its text, when the handler has read that). */
export interface HackSubject {
  number: number;
  payload?: { pr: PullRequestFacts; text?: HackText | undefined } | undefined;
}

/**
 * Brings one PR's hack debt up to date after any event. Everything runs under
 * a per-PR lock and starts from what GitHub says (the app's comment on the
 * PR, the debt issues, and the PR: the payload's unless it may be staler than
 * the comment's record), so redelivered, repeated and concurrent events converge
 * on one debt issue: the first run creates it and writes its number into the
 * PR's comment before anything else, and every later run finds it there (or,
 * after a restart in between, among the app's newest debt issues). The PR's
 * title and description are read once, in the parse worker; the decisions
 * then run on what it returned. When a text cannot be read, the check says
 * so and nothing else changes.
 */
export async function reconcileHack(ctx: FeatureContext, subject: HackSubject, trigger: Trigger): Promise<void> {
  const { octokit, services, repo } = ctx;
  await services.locks.run(lockKey("hacks", repo, subject.number), async () => {
    const comment = await findStickyComment(ctx, { ...repo, issue_number: subject.number }, HACK_TOPIC, { fresh: true });
    const previous = readHackState(comment?.body);
    const payload = subject.payload && !mayBeStale(subject.payload.pr, previous, trigger, ctx.config.hacks.label) ? subject.payload : undefined;
    const pr = payload?.pr ?? (await readPullRequest(ctx, subject.number));
    const text = payload?.text ? { ok: true as const, value: payload.text } : await readPullRequestText(ctx, pr);
    const planned = text.ok ? await plan(ctx, { repo, pr, text: text.value, trigger, previous, previousComment: comment?.body, previousCommentId: comment?.id }) : text;
    if (planned.ok) {
      await execute(ctx, planned.value);
    } else if (pr.state === "open") {
      await publishCheck(octokit, repo, pr.headSha, unreadableCheck(HACK_CHECK, "pull request", planned.reason, ctx.config.mode));
    }
  });
}

/**
 * Whether the payload's PR may be older than what the app last recorded, or
 * than GitHub's PR now: then it is read again rather than let a redelivery,
 * or an event handled after a later one, undo the record. A label event is
 * always read again, since a person may take the label off and put it back
 * within seconds. Otherwise the payload is stale when it contradicts the
 * record in a way only a later event could: a merged PR never reopens, a
 * closed one reopens with `reopened`, and the hack label comes and goes with
 * `labeled` and `unlabeled`.
 */
function mayBeStale(pr: PullRequestFacts, previous: HackPrState | undefined, trigger: Trigger, label: string): boolean {
  if (trigger.kind === "labeled" || trigger.kind === "unlabeled") return true;
  if (!previous) return false;
  const recorded = previous.pr.state;
  if (recorded === "merged") return !pr.merged;
  if (recorded === "closed" && pr.state === "open" && trigger.kind !== "reopened") return true;
  const labelled = hasLabel(pr.labels, label);
  const recordedLabel = previous.ways.includes("label") && !previous.withdrawn;
  return labelled ? previous.withdrawn !== undefined : recordedLabel;
}

/** Reads what the decisions ask for (the debt issues, the files, the why/who), creates the debt issue when the plan needs one first, and returns the rest of the plan. */
async function plan(ctx: FeatureContext, facts: HackFacts): Promise<Budgeted<readonly Action[]>> {
  const { config, log } = ctx;
  const rules = config.hacks;
  const decl = declaration(facts, rules);
  if (!decl.declared && !facts.previous) return { ok: true, value: [] };

  if (facts.previous?.debt) {
    const linked = await readDebtIssue(ctx, facts.previous.debt, true);
    if (!linked.ok) return linked;
    facts.linked = linked.value;
  }
  if (decl.named && !sameRef(decl.named, facts.linked?.ref)) {
    const named = await readDebtIssue(ctx, decl.named, true);
    if (!named.ok) return named;
    facts.named = named.value;
  }
  let decided = decideHack(facts, rules, decl);
  if (decided.choice.kind === "create") {
    const found = await findCreatedDebt(ctx, facts.pr.number);
    if (!found.ok) return found;
    if (found.value) {
      log.info({ pr: facts.pr.number, debt: found.value.ref.number }, "found the debt issue created earlier");
      facts.linked = found.value;
      decided = decideHack(facts, rules, decl);
    }
  }
  if (needsChanges(facts, decided.choice)) {
    const changes = await readChanges(ctx, facts.pr);
    if (!changes.ok) return changes;
    facts.changes = changes.value;
  }
  if (needsIntent(facts, decided.choice)) {
    const intent = await readIntent(ctx, facts.pr, facts.text);
    if (!intent.ok) return intent;
    facts.intent = intent.value;
  }

  let planned = planHack(facts, rules, config.mode, decided);
  if (planned.kind === "create-debt") {
    facts.linked = await createDebtIssue(ctx, planned.issue, planned.label);
    log.info({ pr: facts.pr.number, debt: facts.linked.ref.number }, "created the debt issue");
    planned = planHack(facts, rules, config.mode, decideHack(facts, rules, decl));
    // The issue just linked is open and the app's: a plan that still lacks one is a bug, not a reason to create another.
    if (planned.kind === "create-debt") throw new Error("the hack plan asked for a second debt issue");
  }
  log.info({ pr: facts.pr.number, trigger: facts.trigger.kind, actions: planned.actions.map((a) => a.type) }, "hack plan");
  return { ok: true, value: planned.actions };
}
