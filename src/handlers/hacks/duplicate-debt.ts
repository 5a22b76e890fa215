import type { Context } from "probot";
import { readDebtRecord } from "../../core/debt/record.js";
import { sameRepository } from "../../core/intent/references.js";
import { HACK_TOPIC } from "../../core/hacks/render.js";
import { readHackState } from "../../core/hacks/state.js";
import { retireDuplicateIssue } from "../../github/bot-issues.js";
import { issueKey } from "../../core/repo.js";
import { findStickyComment } from "../../github/comments.js";
import { lockKey } from "../../github/locks.js";
import type { Services } from "../../github/services.js";

/**
 * issues.opened by the app (its echo): a debt issue for a hack PR whose hack
 * comment links another debt issue the app created is a duplicate. It comes
 * from a create that reached GitHub after the PR's work was done again — a
 * retry, or the recovery after a restart, found no issue and created the one
 * now linked. Checked under the PR's hack lock, so a run that is creating or
 * linking an issue finishes first; an issue no run has linked yet is left for
 * the next run to adopt (`findCreatedDebt`). An issue this instance created
 * and heard back about costs no check: its run links it, or that run's retry
 * adopts it; a late write is one whose sender never heard back.
 */
export async function onDebtIssueOpened(context: Context<"issues.opened">, services: Services): Promise<void> {
  const { issue } = context.payload;
  if (issue.user?.type !== "Bot" || issue.user.login !== (await services.botLogin())) return;
  const record = readDebtRecord(issue.body);
  const pr = record?.createdByApp && !record.phase ? record.hackPrs.find((p) => p.repo === undefined) : undefined;
  const repo = context.repo();
  if (!pr || services.createdIssues.get(issueKey(repo, issue.number))) return;
  const ctx = { octokit: context.octokit, services, log: context.log };
  await services.locks.run(lockKey("hacks", repo, pr.number), async () => {
    const comment = await findStickyComment(ctx, { ...repo, issue_number: pr.number }, HACK_TOPIC, { fresh: true });
    const linked = readHackState(comment?.body)?.debt;
    if (!linked?.createdByApp || !sameRepository(linked, repo) || linked.number === issue.number) return;
    context.log.warn({ pr: pr.number, duplicate: issue.number, debt: linked.number }, "closing a duplicate debt issue");
    await retireDuplicateIssue(ctx, repo, { number: issue.number, keeper: linked.number, what: `the rebuild debt of #${pr.number}` });
  });
}
