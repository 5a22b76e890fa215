import type { Context } from "probot";
import { readDebtRecord, type DebtRecord } from "../../core/debt/record.js";
import { debtStateChanged } from "../../core/hacks/plan.js";
import { DEBT_TOPIC, HACK_TOPIC } from "../../core/hacks/render.js";
import { readHackState } from "../../core/hacks/state.js";
import { findStickyComment, updateStickyCommentIfPresent } from "../../github/comments.js";
import { hasLabel, labelNames } from "../../github/labels.js";
import { lockKey } from "../../github/locks.js";
import { enabledConfig } from "../config-gate.js";
import type { Services } from "../../github/services.js";
import type { Log } from "../../github/types.js";

// A debt issue shared by more hacks than this is unusual; the rest catch up on their own next event.
const MAX_UPDATED_PULL_REQUESTS = 20;

/** issues closed, reopened: a debt issue closed shows as repaid on its hack PRs; reopened, outstanding again. */
export async function onDebtIssueState(context: Context<"issues.closed" | "issues.reopened">, services: Services): Promise<void> {
  const { issue, sender } = context.payload;
  const config = await enabledConfig(context, services, "hacks");
  if (!config) return;
  const rules = config.hacks;
  const labelled = hasLabel(labelNames(issue.labels), rules.debtLabel);
  if (!labelled && issue.user?.type !== "Bot") return;
  const bot = await services.botLogin();
  // The app's own close or reopen is part of a hack run that already updated the PR's comment.
  if (sender.login === bot) return;
  const ours = issue.user?.login === bot;
  if (!ours && !labelled) return;

  const repo = context.repo();
  const ctx = { octokit: context.octokit, services, log: context.log };
  const record = ours ? await recordInBody(issue.body ?? "", services, context.log) : readDebtRecord((await findStickyComment(ctx, { ...repo, issue_number: issue.number }, DEBT_TOPIC))?.body);
  if (!record) return;

  const state = issue.state === "closed" ? "closed" : "open";
  for (const pr of record.hackPrs.slice(0, MAX_UPDATED_PULL_REQUESTS)) {
    const [owner, name] = pr.repo?.split("/") ?? [];
    const prRepo = owner && name ? { owner, repo: name } : repo;
    const thread = { ...prRepo, issue_number: pr.number };
    await services.locks.run(lockKey("hacks", prRepo, pr.number), async () => {
      const comment = await findStickyComment(ctx, thread, HACK_TOPIC, { fresh: true });
      const previous = readHackState(comment?.body);
      const next = previous && debtStateChanged(previous, { ref: { ...repo, number: issue.number }, state, stateReason: issue.state_reason }, prRepo, rules);
      if (!next) return;
      context.log.info({ debt: issue.number, pr: pr.number, state }, "debt issue state shown on its hack");
      await updateStickyCommentIfPresent(ctx, { issue: thread, topic: HACK_TOPIC, body: next.body, found: { comment } });
    });
  }
}

/** The record in the body of a debt issue the app wrote, read in the parse worker: people may edit the body. An unreadable body updates nothing. */
async function recordInBody(body: string, services: Services, log: Log): Promise<DebtRecord | undefined> {
  const read = await services.parse.run("readDebtBody", [body], log);
  if (read.ok) return read.value.record;
  log.warn({ reason: read.reason.kind }, "the debt issue's body could not be read; its hack PRs are left as they are");
  return undefined;
}
