import type { Context } from "probot";
import { readPhaseIssueMarker } from "../../core/phases/child.js";
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
  const repo = context.repo();
  await services.locks.run(lockKey("phases", repo, marker.parent), async () => {
    const parent = await readParent(octokit, repo, marker.parent);
    const gathered = await gatherPhaseFacts(octokit, services, log, config, repo, parent, { kind: "list" }, "");
    // A parent whose body cannot be read waits for the next `/phase`, as a broken section does.
    if (!gathered.ok) return;
    const facts = gathered.value;
    if (facts.section !== "readable" || facts.recovered.length > 0) return;
    const plannedIn = await services.parse.run("plannedIn", [parent.body], log);
    if (!plannedIn.ok) return;
    const result = await applyPhasePlan(
      { octokit, services, log, config: config, repo, parent, subIssues: facts.subIssues, next: facts.phases, commentUrl: plannedIn.value, actor: sender.login },
      [{ type: "write-section" }],
    );
    if (result.wrote) log.info({ parent: marker.parent, phase: marker.number, state: issue.state }, "phase checklist follows its issue");
  });
}
