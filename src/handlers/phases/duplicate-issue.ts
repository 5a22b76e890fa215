import type { Context } from "probot";
import { readDebtRecord } from "../../core/debt/record.js";
import { readPhaseIssueMarker } from "../../core/phases/child.js";
import { retireDuplicateIssue } from "../../github/bot-issues.js";
import { lockKey } from "../../github/locks.js";
import type { Services } from "../../github/services.js";
import { readIssue, readParent } from "./gather.js";

/**
 * issues.opened by the app (its echo): a phase issue, or a hack phase's debt
 * issue, whose parent records another issue of the app for the same phase is
 * a duplicate, from a create that reached GitHub after a retry or a restart's
 * recovery had created the one recorded. Checked under the parent's lock, and
 * only against a recorded issue that is confirmed (the app's, marked for this
 * parent and phase), so a number someone typed into the parent retires nothing.
 */
export async function onPhaseIssueOpened(context: Context<"issues.opened">, services: Services): Promise<void> {
  const { issue } = context.payload;
  if (issue.user?.type !== "Bot") return;
  const bot = await services.botLogin();
  if (issue.user.login !== bot) return;
  const marker = readPhaseIssueMarker(issue.body);
  const debt = marker ? undefined : readDebtRecord(issue.body)?.phase;
  const phase = marker ?? debt;
  if (!phase) return;
  const kind = marker ? "issue" : "debt";
  const { octokit, log } = context;
  const ctx = { octokit, services, log };
  const repo = context.repo();
  await services.locks.run(lockKey("phases", repo, phase.parent), async () => {
    const parent = await readParent(ctx, repo, phase.parent);
    const read = await services.parse.run("readPhasesSection", [parent.body], log);
    if (!read.ok) return;
    const recorded = read.value.recorded.find((p) => p.number === phase.number);
    const keeper = kind === "issue" ? recorded?.issueNumber : recorded?.debtIssueNumber;
    if (keeper === undefined || keeper === issue.number) return;
    const kept = await readIssue(ctx, repo, keeper);
    const keptPhase = kind === "issue" ? readPhaseIssueMarker(kept?.body) : readDebtRecord(kept?.body)?.phase;
    const confirmed = kept?.user?.login === bot && keptPhase?.parent === phase.parent && keptPhase.number === phase.number;
    if (!confirmed) return;
    log.warn({ parent: phase.parent, phase: phase.number, duplicate: issue.number, kept: keeper }, `closing a duplicate phase ${kind} issue`);
    await retireDuplicateIssue(ctx, repo, { number: issue.number, keeper, what: kind === "issue" ? `phase ${phase.number} of #${phase.parent}` : `the rebuild debt of phase ${phase.number} of #${phase.parent}` });
  });
}

