import { labelSpecs } from "../../core/labels.js";
import { loadConfig } from "../../config/load.js";
import type { Config } from "../../config/schema.js";
import { renderRollup, ROLLUP_TOPIC, type RepoSummary, type RollupState } from "../../core/dashboard/rollup.js";
import { writeIssueBody } from "../../github/bot-issues.js";
import { createDashboardIssue, findDashboardIssue } from "../../github/dashboard-issue.js";
import { lockKey } from "../../github/locks.js";
import type { Services } from "../../github/services.js";
import type { GitHub, Log, RepoRef } from "../../github/types.js";
import { refreshDashboard } from "./refresh.js";

// A full roll-up refresh visits each repository of the installation; this bounds its cost.
const MAX_REPOSITORIES = 200;
const EMPTY: RepoSummary = { outstanding: 0, overdue: 0, interest: 0, history: [] };

async function orgSettings(octokit: GitHub, owner: string): Promise<Config["dashboard"] | undefined> {
  const org = await loadConfig(octokit, { owner, repo: ".github" });
  return org.ok && org.config.dashboard.org.enabled ? org.config.dashboard : undefined;
}

/** Writes the roll-up issue of `owner`'s `.github` repository with `rows` merged in (or as the whole table). */
async function writeRollup(
  octokit: GitHub,
  services: Services,
  log: Log,
  owner: string,
  settings: Config["dashboard"],
  rows: RollupState,
  options: { replaceAll?: boolean; turnOn?: boolean } = {},
): Promise<void> {
  const home = { owner, repo: ".github" };
  await services.locks.run(lockKey("dashboard-org", home), async () => {
    const existing = await findDashboardIssue(octokit, services, home, settings.label, ROLLUP_TOPIC);
    // Closed by a person: it stays closed, as a repository's dashboard does, until `/dashboard on`.
    if (existing?.state === "closed" && !options.turnOn) return;
    let repos = rows;
    if (!options.replaceAll) {
      const read = await services.parse.run("parseRollup", [existing?.body], log);
      // Rewriting without the other rows would lose them; the next full refresh rebuilds the table.
      if (!read.ok) return;
      repos = { ...read.value, ...rows };
    }
    const body = renderRollup(repos, settings.org.title);
    if (!existing) {
      await createDashboardIssue(octokit, services, home, settings.org.title, body, labelSpecs.dashboard(settings.label), log);
      return;
    }
    if (existing.state === "closed") await octokit.rest.issues.update({ ...home, issue_number: existing.number, state: "open" });
    await writeIssueBody(octokit, home, existing.number, existing.body, body);
  });
}

/**
 * Updates one repository's row in the organisation roll-up, when the
 * organisation's `.github` config turns `dashboard.org.enabled` on. One row
 * per event: no repository is recomputed on another's behalf.
 */
export async function updateRollup(octokit: GitHub, services: Services, log: Log, repo: RepoRef, summary: RepoSummary): Promise<void> {
  const settings = await orgSettings(octokit, repo.owner);
  if (settings) await writeRollup(octokit, services, log, repo.owner, settings, { [`${repo.owner}/${repo.repo}`]: summary });
}

/**
 * `/dashboard refresh` on the roll-up: refreshes the dashboard of every
 * repository of the installation in the organisation, and rewrites the
 * roll-up with one row each (repositories without debt show zeros).
 */
export async function refreshWholeRollup(octokit: GitHub, services: Services, log: Log, owner: string, now: Date, turnOn: boolean): Promise<void> {
  const settings = await orgSettings(octokit, owner);
  if (!settings) return;
  const repositories = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 });
  const rows: RollupState = {};
  for (const repository of repositories.filter((r) => r.owner.login.toLowerCase() === owner.toLowerCase() && !r.archived).slice(0, MAX_REPOSITORIES)) {
    const repo = { owner, repo: repository.name };
    const config = await loadConfig(octokit, repo);
    if (!config.ok || !config.config.dashboard.enabled) continue;
    const result = await refreshDashboard(octokit, services, log, config.config, repo, now);
    rows[`${owner}/${repository.name}`] = result.summary ?? EMPTY;
  }
  await writeRollup(octokit, services, log, owner, settings, rows, { replaceAll: true, turnOn });
}
