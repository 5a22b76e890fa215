import type { Config } from "../../config/schema.js";
import { debtItemOf, type DebtItem, type UntrackedHack } from "../../core/dashboard/model.js";
import { isOutstanding } from "../../core/dashboard/summary.js";
import { repositoryWindowStart, type Change, type RepositoryFacts } from "../../core/debt/roi.js";
import { readDebtRecord, type DebtRecord } from "../../core/debt/record.js";
import { DEBT_TOPIC } from "../../core/hacks/render.js";
import { teamAreas, type OwnersOf } from "../../core/signoff/areas.js";
import { readCodeowners } from "../../github/codeowners.js";
import { findStickyComment } from "../../github/comments.js";
import type { FeatureContext } from "../../github/context.js";
import { opened } from "../../github/records.js";
import type { Log, RepoRef, RestClient } from "../../github/types.js";
import { gatherRepositoryFacts } from "./roi-facts.js";

const DAY = 24 * 60 * 60 * 1000;
const REPAID_WINDOW_DAYS = 90;
// Interest costs one commits query per file; these bound a refresh's cost for repositories with much debt.
const MAX_FILES_PER_ITEM = 10;
const MAX_INTEREST_QUERIES = 200;

/** An issue or PR as GitHub's search lists it: the fields the dashboard and the debt export read. */
export interface SearchIssue {
  number: number;
  title: string;
  state: string;
  state_reason?: string | null;
  closed_at?: string | null;
  body?: string | null;
  html_url?: string;
  user: { login: string; type?: string } | null;
  pull_request?: { merged_at?: string | null } | null;
}

/** Issues of `ctx.repo` found by `q` (under the dashboard's lock: afresh), their records opened. */
async function search(ctx: FeatureContext, q: string): Promise<SearchIssue[]> {
  return opened(ctx, ctx.repo, (await ctx.services.facts.search(q, { fresh: true })) as SearchIssue[]);
}

/** The record of a debt issue: in its body when the app wrote it, else in the app's `debt` comment on it. */
async function recordOf(ctx: FeatureContext, issue: SearchIssue, bot: string): Promise<DebtRecord | undefined> {
  if (issue.user?.login === bot) return readDebtRecord(issue.body);
  return readDebtRecord((await findStickyComment(ctx, { ...ctx.repo, issue_number: issue.number }, DEBT_TOPIC, { fresh: true }))?.body);
}


const PR_IN_MESSAGE = /(?:Merge pull request #(\d+)|\(#(\d+)\)\s*$)/m;

/** Where the interest and the repository's figures are read: the app's client for the dashboard, the CLI's for `intentbot debt`. */
export interface RepositoryReader {
  octokit: RestClient;
  log: Log;
  repo: RepoRef;
}

export interface InterestBudget {
  /** Commits queries left for this refresh. */
  left: number;
}

export function interestBudget(): InterestBudget {
  return { left: MAX_INTEREST_QUERIES };
}

/**
 * PRs merged since the hack shipped that changed its files, each with the
 * day it merged, read from the commits touching each file; null when that
 * history cannot be read (an empty repository answers 409, a file's history
 * may be gone), so one item shows its interest and cost as unknown and the
 * dashboard is still written.
 */
export async function changesOf(reader: RepositoryReader, item: DebtItem, files: readonly string[], budget: InterestBudget): Promise<Change[] | null> {
  if (!item.shippedAt) return [];
  try {
    return await mergedPrsTouching(reader, { ...item, shippedAt: item.shippedAt }, files, budget);
  } catch (error) {
    reader.log.warn({ err: error, issue: item.issue }, "interest of a debt item could not be read: shown as unknown");
    return null;
  }
}

async function mergedPrsTouching({ octokit, repo }: RepositoryReader, item: DebtItem & { shippedAt: string }, files: readonly string[], budget: InterestBudget): Promise<Change[]> {
  const since = item.shippedAt;
  const prs = new Map<number, string>();
  for (const path of files.slice(0, MAX_FILES_PER_ITEM)) {
    if (budget.left-- <= 0) break;
    const { data } = await octokit.rest.repos.listCommits({ ...repo, path, since, per_page: 100 });
    for (const commit of data) {
      const match = PR_IN_MESSAGE.exec(commit.commit.message);
      const pr = Number(match?.[1] ?? match?.[2]);
      // The commit that names the PR is its merge (or squash): it reached the default branch then.
      const at = commit.commit.committer?.date ?? commit.commit.author?.date ?? since;
      if (pr && !item.hackPrs.includes(pr) && at > (prs.get(pr) ?? "")) prs.set(pr, at);
    }
  }
  return [...prs].map(([pr, mergedAt]) => ({ pr, mergedAt })).sort((a, b) => a.pr - b.pr);
}

export interface DashboardFacts {
  items: DebtItem[];
  untracked: UntrackedHack[];
  repository: RepositoryFacts;
}

/** Whether any outstanding item changed in the window: only then are the repository's own figures needed. */
export function needsRepositoryFacts(items: readonly DebtItem[], settings: Config["dashboard"]["roi"], now: Date): boolean {
  const start = Date.parse(repositoryWindowStart(now, settings.weeks));
  return items.some((item) => isOutstanding(item) && (item.changes ?? []).some((c) => Date.parse(c.mergedAt) >= start));
}

/**
 * Everything the dashboard shows, gathered with searches by label: the cost
 * grows with the number of debt items and hacks, not with the repository.
 */
export async function gatherDashboard(ctx: FeatureContext, now: Date): Promise<DashboardFacts> {
  const { octokit, services, log, config, repo } = ctx;
  const bot = await services.botLogin();
  const scope = `repo:${repo.owner}/${repo.repo}`;
  const since = new Date(now.getTime() - REPAID_WINDOW_DAYS * DAY).toISOString().slice(0, 10);
  const debtLabel = `label:"${config.hacks.debtLabel}"`;
  const issues = [
    ...(await search(ctx, `${scope} is:issue is:open ${debtLabel}`)),
    ...(await search(ctx, `${scope} is:issue is:closed ${debtLabel} closed:>=${since}`)),
  ];
  const budget = interestBudget();
  // Read once, and only when a record names no teams: the teams whose areas (as sign-off sees them) the hack touched.
  let ownersOf: OwnersOf | undefined;
  const items: DebtItem[] = [];
  const tracked = new Set<number>();
  for (const issue of issues) {
    const record = await recordOf(ctx, issue, bot);
    const item = debtItemOf({ ...issue, stateReason: issue.state_reason, closedAt: issue.closed_at }, record);
    item.hackPrs.forEach((pr) => tracked.add(pr));
    if (isOutstanding(item)) {
      const files = record?.files ?? [];
      item.changes = await changesOf({ octokit, log, repo }, item, files, budget);
      item.interest = item.changes ? item.changes.length : null;
      if (item.teams.length === 0 && files.length > 0) {
        ownersOf ??= await readCodeowners(services.facts, services.codeowners, repo, undefined, log);
        item.teams = [...teamAreas(files, ownersOf, config.signoff.teams).teams.keys()];
      }
    }
    items.push(item);
  }
  const hacks = await search(ctx, `${scope} is:pr is:merged label:"${config.hacks.label}"`);
  const untracked = hacks
    .filter((pr) => !tracked.has(pr.number))
    .map((pr) => ({ pr: pr.number, title: pr.title, mergedAt: pr.pull_request?.merged_at ?? pr.closed_at ?? "" }))
    .sort((a, b) => b.mergedAt.localeCompare(a.mergedAt));
  const full = `${repo.owner}/${repo.repo}`;
  const readCloses = async (bodies: string[]) => {
    const read = await services.parse.run("closedIssuesOf", [bodies, full], log);
    if (!read.ok) log.warn("merged pull requests' descriptions could not be read within the parse budget: bug fixes counted by label only");
    return read.ok ? read.value : undefined;
  };
  const repository = needsRepositoryFacts(items, config.dashboard.roi, now)
    ? await gatherRepositoryFacts({ octokit, log, repo }, config.dashboard.roi, now, readCloses)
    : { merged: [], bugIssues: [] };
  return { items, untracked, repository };
}
