import type { Config } from "../../config/schema.js";
import { debtItemOf, type DebtItem, type UntrackedHack } from "../../core/dashboard/model.js";
import { isOutstanding } from "../../core/dashboard/summary.js";
import { readDebtRecord, type DebtRecord } from "../../core/debt/record.js";
import { DEBT_TOPIC } from "../../core/hacks/render.js";
import { teamAreas, type OwnersOf } from "../../core/signoff/areas.js";
import { readCodeowners } from "../../github/codeowners.js";
import { findStickyComment } from "../../github/comments.js";
import type { Services } from "../../github/services.js";
import type { GitHub, Log, RepoRef } from "../../github/types.js";

const DAY = 24 * 60 * 60 * 1000;
const REPAID_WINDOW_DAYS = 90;
// Interest costs one commits query per file; these bound a refresh's cost for repositories with much debt.
const MAX_FILES_PER_ITEM = 10;
const MAX_INTEREST_QUERIES = 200;

interface SearchIssue {
  number: number;
  title: string;
  state: string;
  state_reason?: string | null;
  closed_at?: string | null;
  body?: string | null;
  user: { login: string } | null;
  pull_request?: { merged_at?: string | null } | null;
}

async function search(octokit: GitHub, q: string): Promise<SearchIssue[]> {
  return (await octokit.paginate(octokit.rest.search.issuesAndPullRequests, { q, per_page: 100 })) as SearchIssue[];
}

/** The record of a debt issue: in its body when the app wrote it, else in the app's `debt` comment on it. */
async function recordOf(octokit: GitHub, services: Services, repo: RepoRef, issue: SearchIssue, bot: string): Promise<DebtRecord | undefined> {
  if (issue.user?.login === bot) return readDebtRecord(issue.body);
  return readDebtRecord((await findStickyComment(octokit, services, { ...repo, issue_number: issue.number }, DEBT_TOPIC))?.body);
}


const PR_IN_MESSAGE = /(?:Merge pull request #(\d+)|\(#(\d+)\)\s*$)/m;

/**
 * PRs merged since the hack shipped that changed its files, read from the
 * commits touching each file; null when that history cannot be read (an empty
 * repository answers 409, a file's history may be gone), so one item shows
 * its interest as unknown and the dashboard is still written.
 */
async function interestOf(octokit: GitHub, log: Log, repo: RepoRef, item: DebtItem, files: readonly string[], budget: { left: number }): Promise<number | null> {
  if (!item.shippedAt) return 0;
  try {
    return await mergedPrsTouching(octokit, repo, item, item.shippedAt, files, budget);
  } catch (error) {
    log.warn({ err: error, issue: item.issue }, "interest of a debt item could not be read: shown as unknown");
    return null;
  }
}

async function mergedPrsTouching(octokit: GitHub, repo: RepoRef, item: DebtItem, since: string, files: readonly string[], budget: { left: number }): Promise<number> {
  const prs = new Set<number>();
  for (const path of files.slice(0, MAX_FILES_PER_ITEM)) {
    if (budget.left-- <= 0) break;
    const { data } = await octokit.rest.repos.listCommits({ ...repo, path, since, per_page: 100 });
    for (const commit of data) {
      const match = PR_IN_MESSAGE.exec(commit.commit.message);
      const pr = Number(match?.[1] ?? match?.[2]);
      if (pr && !item.hackPrs.includes(pr)) prs.add(pr);
    }
  }
  return prs.size;
}

export interface DashboardFacts {
  items: DebtItem[];
  untracked: UntrackedHack[];
}

/**
 * Everything the dashboard shows, gathered with searches by label: the cost
 * grows with the number of debt items and hacks, not with the repository.
 */
export async function gatherDashboard(octokit: GitHub, services: Services, log: Log, config: Config, repo: RepoRef, now: Date): Promise<DashboardFacts> {
  const bot = await services.botLogin();
  const scope = `repo:${repo.owner}/${repo.repo}`;
  const since = new Date(now.getTime() - REPAID_WINDOW_DAYS * DAY).toISOString().slice(0, 10);
  const debtLabel = `label:"${config.hacks.debtLabel}"`;
  const issues = [
    ...(await search(octokit, `${scope} is:issue is:open ${debtLabel}`)),
    ...(await search(octokit, `${scope} is:issue is:closed ${debtLabel} closed:>=${since}`)),
  ];
  const budget = { left: MAX_INTEREST_QUERIES };
  // Read once, and only when a record names no teams: the teams whose areas (as sign-off sees them) the hack touched.
  let ownersOf: OwnersOf | undefined;
  const items: DebtItem[] = [];
  const tracked = new Set<number>();
  for (const issue of issues) {
    const record = await recordOf(octokit, services, repo, issue, bot);
    const item = debtItemOf({ ...issue, stateReason: issue.state_reason, closedAt: issue.closed_at }, record);
    item.hackPrs.forEach((pr) => tracked.add(pr));
    if (isOutstanding(item)) {
      const files = record?.files ?? [];
      item.interest = await interestOf(octokit, log, repo, item, files, budget);
      if (item.teams.length === 0 && files.length > 0) {
        ownersOf ??= await readCodeowners(octokit, services.codeowners, repo, undefined, log);
        item.teams = [...teamAreas(files, ownersOf, config.signoff.teams).teams.keys()];
      }
    }
    items.push(item);
  }
  const hacks = await search(octokit, `${scope} is:pr is:merged label:"${config.hacks.label}"`);
  const untracked = hacks
    .filter((pr) => !tracked.has(pr.number))
    .map((pr) => ({ pr: pr.number, title: pr.title, mergedAt: pr.pull_request?.merged_at ?? pr.closed_at ?? "" }))
    .sort((a, b) => b.mergedAt.localeCompare(a.mergedAt));
  return { items, untracked };
}
