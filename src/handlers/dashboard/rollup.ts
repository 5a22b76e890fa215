import { loadConfig } from "../../config/load.js";
import type { Config } from "../../config/schema.js";
import { planRollup, ROLLUP_TOPIC, type RepoSummary, type RollupState } from "../../core/dashboard/rollup.js";
import type { GitHubContext } from "../../github/context.js";
import { findDashboardIssue, pinDashboard } from "../../github/dashboard-issue.js";
import { execute } from "../../github/execute.js";
import { lockKey } from "../../github/locks.js";
import type { RepositoryFiles } from "../../github/files.js";
import type { RepoRef } from "../../github/types.js";
import { refreshDashboard } from "./refresh.js";

// A full roll-up refresh visits each repository of the installation; this bounds its cost.
const MAX_REPOSITORIES = 200;
const EMPTY: RepoSummary = { outstanding: 0, overdue: 0, interest: 0, history: [] };

async function orgSettings(files: RepositoryFiles, owner: string): Promise<Config["dashboard"] | undefined> {
  const org = await loadConfig(files, { owner, repo: ".github" });
  return org.ok && org.config.dashboard.org.enabled ? org.config.dashboard : undefined;
}

interface RollupWrite {
  owner: string;
  settings: Config["dashboard"];
  rows: RollupState;
  /** The rows are the whole table, not merged into the issue's own. */
  replaceAll?: boolean;
  turnOn?: boolean;
}

/** Writes the roll-up issue of `owner`'s `.github` repository, as `planRollup` decides from the issue found under its lock. */
async function writeRollup(ctx: GitHubContext, write: RollupWrite): Promise<void> {
  const { services, log } = ctx;
  const home = { owner: write.owner, repo: ".github" };
  const replaceAll = write.replaceAll ?? false;
  await services.locks.run(lockKey("dashboard-org", home), async () => {
    const existing = await findDashboardIssue(ctx, home, { label: write.settings.label, topic: ROLLUP_TOPIC });
    let rows: RollupState | undefined;
    if (existing && !replaceAll) {
      const read = await services.parse.run("parseRollup", [existing.body], log);
      rows = read.ok ? read.value : undefined;
    }
    const found = existing && { number: existing.number, state: existing.state, body: existing.body, rows };
    const actions = planRollup({ home, title: write.settings.org.title, label: write.settings.label, found, rows: write.rows, replaceAll, turnOn: write.turnOn ?? false });
    const { created } = await execute(ctx, actions);
    for (const issue of created) await pinDashboard(ctx, issue);
  });
}

/**
 * Updates one repository's row in the organisation roll-up, when the
 * organisation's `.github` config turns `dashboard.org.enabled` on. One row
 * per event: no repository is recomputed on another's behalf.
 */
export async function updateRollup(ctx: GitHubContext, repo: RepoRef, summary: RepoSummary): Promise<void> {
  const settings = await orgSettings(ctx.services.facts, repo.owner);
  if (settings) await writeRollup(ctx, { owner: repo.owner, settings, rows: { [`${repo.owner}/${repo.repo}`]: summary } });
}

/**
 * `/dashboard refresh` on the roll-up: refreshes the dashboard of every
 * repository of the installation in the organisation, and rewrites the
 * roll-up with one row each (repositories without debt show zeros).
 */
export async function refreshWholeRollup(ctx: GitHubContext, owner: string, turnOn: boolean): Promise<void> {
  const { octokit, services } = ctx;
  const settings = await orgSettings(services.facts, owner);
  if (!settings) return;
  const now = new Date(services.clock.now());
  const repositories = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 });
  const rows: RollupState = {};
  for (const repository of repositories.filter((r) => r.owner.login.toLowerCase() === owner.toLowerCase() && !r.archived).slice(0, MAX_REPOSITORIES)) {
    const repo = { owner, repo: repository.name };
    const config = await loadConfig(services.facts, repo);
    if (!config.ok || !config.config.dashboard.enabled) continue;
    const result = await refreshDashboard({ ...ctx, config: config.config, repo }, now);
    rows[`${owner}/${repository.name}`] = result.summary ?? EMPTY;
  }
  await writeRollup(ctx, { owner, settings, rows, replaceAll: true, turnOn });
}
