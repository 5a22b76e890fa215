import type { Config } from "../../config/schema.js";
import { debtItemOf, type DebtItem } from "../../core/dashboard/model.js";
import { closedIssues } from "../../core/debt/closing.js";
import { readSealedDebtRecordUnchecked, type DebtRecord } from "../../core/debt/record.js";
import type { RepositoryFacts } from "../../core/debt/roi.js";
import { DEBT_TOPIC } from "../../core/hacks/render.js";
import { hasTopicMarker } from "../../core/markers.js";
import { teamAreas, type OwnersOf } from "../../core/signoff/areas.js";
import { CodeownersCache, readCodeowners } from "../../github/codeowners.js";
import { gitHubFiles } from "../../github/files.js";
import type { Log, RepoRef, RestClient } from "../../github/types.js";
import { changesOf, interestBudget, needsRepositoryFacts, type SearchIssue } from "../../handlers/dashboard/gather.js";
import { gatherRepositoryFacts } from "../../handlers/dashboard/roi-facts.js";

interface ListedComment {
  body?: string | null;
  user: { type?: string } | null;
}

export interface DebtFacts {
  items: DebtItem[];
  repository: RepositoryFacts;
  /** Each debt issue's page, for the register. */
  urls: Map<number, string>;
}

const isBot = (user: { type?: string } | null) => user?.type === "Bot";

/**
 * The record of a debt issue: in its body when a bot (the app) opened it,
 * else in a bot's `debt` comment on it. A user token cannot ask which bot is
 * the app (`GET /app` needs the app's own key), nor check a record's seal
 * (the key is the app's): any bot account's record is read, since only an
 * installed app can write as one.
 */
async function recordOf(octokit: RestClient, repo: RepoRef, issue: SearchIssue): Promise<DebtRecord | undefined> {
  if (isBot(issue.user)) return readSealedDebtRecordUnchecked(issue.body);
  const comments = (await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issue.number, per_page: 100 })) as ListedComment[];
  const comment = comments.findLast((c) => isBot(c.user) && hasTopicMarker(c.body, DEBT_TOPIC));
  return readSealedDebtRecordUnchecked(comment?.body);
}

/**
 * Everything the register shows, read-only, as the dashboard reads it: the
 * open debt issues and their records, the PRs that changed each hack's files,
 * the teams of those files, and the repository's merged PRs in the window.
 */
export async function gatherDebt(octokit: RestClient, log: Log, config: Config, repo: RepoRef, now: Date): Promise<DebtFacts> {
  const q = `repo:${repo.owner}/${repo.repo} is:issue is:open label:"${config.hacks.debtLabel}"`;
  const issues = (await octokit.paginate(octokit.rest.search.issuesAndPullRequests, { q, per_page: 100 })) as SearchIssue[];
  const budget = interestBudget();
  let ownersOf: OwnersOf | undefined;
  const items: DebtItem[] = [];
  const urls = new Map<number, string>();
  for (const issue of issues) {
    const record = await recordOf(octokit, repo, issue);
    const item = debtItemOf({ ...issue, stateReason: issue.state_reason, closedAt: issue.closed_at }, record);
    const files = record?.files ?? [];
    item.changes = await changesOf({ octokit, log, repo }, item, files, budget);
    item.interest = item.changes ? item.changes.length : null;
    if (item.teams.length === 0 && files.length > 0) {
      ownersOf ??= await readCodeowners(gitHubFiles(octokit), new CodeownersCache(), repo, undefined, log);
      item.teams = [...teamAreas(files, ownersOf, config.signoff.teams).teams.keys()];
    }
    if (issue.html_url) urls.set(issue.number, issue.html_url);
    items.push(item);
  }
  const full = `${repo.owner}/${repo.repo}`;
  // On one's own machine, without the app's parse budget: the descriptions are read by a linear scanner.
  const readCloses = (bodies: string[]) => Promise.resolve(bodies.map((body) => closedIssues(body, full)));
  const repository = needsRepositoryFacts(items, config.dashboard.roi, now)
    ? await gatherRepositoryFacts({ octokit, log, repo }, config.dashboard.roi, now, readCloses)
    : { merged: [], bugIssues: [] };
  return { items, repository, urls };
}
