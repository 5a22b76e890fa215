import { loadConfig } from "../../config/load.js";
import { parseRollup, renderRollup, ROLLUP_TOPIC, type RepoSummary } from "../../core/dashboard/rollup.js";
import { createDashboardIssue, findDashboardIssue } from "../../github/dashboard-issue.js";
import type { Services } from "../../github/services.js";
import type { GitHub, Log, RepoRef } from "../../github/types.js";

/**
 * Updates this repository's row in the organisation roll-up issue, which
 * lives in the organisation's `.github` repository when its config turns
 * `dashboard.org.enabled` on. One row per event: no repository is
 * recomputed on another's behalf.
 */
export async function updateRollup(octokit: GitHub, services: Services, log: Log, repo: RepoRef, summary: RepoSummary): Promise<void> {
  const home = { owner: repo.owner, repo: ".github" };
  const org = await loadConfig(octokit, home);
  if (!org.ok || !org.config.dashboard.org.enabled) return;
  const { label, org: settings } = org.config.dashboard;
  await services.locks.run(`dashboard-org:${repo.owner}`.toLowerCase(), async () => {
    const existing = await findDashboardIssue(octokit, services, home, label, ROLLUP_TOPIC);
    // Closed by a person: it stays closed, as a repository's dashboard does.
    if (existing?.state === "closed") return;
    const repos = { ...parseRollup(existing?.body), [`${repo.owner}/${repo.repo}`]: summary };
    const body = renderRollup(repos, settings.title);
    if (!existing) {
      await createDashboardIssue(octokit, services, home, settings.title, body, { name: label, color: "5319e7", description: "intentbot's hack-to-rebuild debt dashboard" }, log);
    } else if (existing.body !== body) {
      await octokit.rest.issues.update({ ...home, issue_number: existing.number, body });
    }
  });
}
