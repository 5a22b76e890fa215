import type { Context } from "probot";
import { readPhaseIssueMarker } from "../../core/phases/child.js";
import { decideChecklist } from "../../core/phases/decide.js";
import type { FeatureContext } from "../../github/context.js";
import { lockKey } from "../../github/locks.js";
import { enabledConfig } from "../config-gate.js";
import type { Services } from "../../github/services.js";
import { applyPhasePlan } from "./apply.js";
import { gatherPhaseFacts, readParent } from "./gather.js";

/**
 * issues closed, reopened: when a phase issue closes or reopens, its box in
 * the parent's checklist (and the total left) follows. Only a readable
 * section is updated; a broken one waits for the next `/phase`, which
 * rebuilds it.
 */
export async function onPhaseIssueState(context: Context<"issues.closed" | "issues.reopened">, services: Services): Promise<void> {
  const { issue, sender } = context.payload;
  if (issue.user?.type !== "Bot") return;
  const bot = await services.botLogin();
  // The app's own close is part of a `/phase done` run, which already updated the checklist.
  if (issue.user.login !== bot || sender.login === bot) return;
  const marker = readPhaseIssueMarker(issue.body);
  if (!marker) return;
  const config = await enabledConfig(context, services, "phases");
  if (!config) return;

  const { octokit, log } = context;
  const ctx: FeatureContext = { octokit, services, log, config, repo: context.repo() };
  await services.locks.run(lockKey("phases", ctx.repo, marker.parent), async () => {
    const parent = await readParent(ctx, ctx.repo, marker.parent);
    const gathered = await gatherPhaseFacts(ctx, parent, { kind: "list" }, "");
    // A parent whose body cannot be read waits for the next `/phase`, as a broken section does.
    if (!gathered.ok) return;
    const plan = decideChecklist(gathered.value.facts);
    if (!plan) return;
    // A parent that became unreadable mid-run waits for the next `/phase`, as an unreadable one does here from the start.
    const result = await applyPhasePlan(ctx, { parent: gathered.value.parent, plan, actor: sender.login });
    if (result.ok && result.value.wrote) log.info({ parent: marker.parent, phase: marker.number, state: issue.state }, "phase checklist follows its issue");
  });
}
