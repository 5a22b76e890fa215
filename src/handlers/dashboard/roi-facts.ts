import type { Config } from "../../config/schema.js";
import { repositoryWindowStart, type MergedPr, type RepositoryFacts } from "../../core/debt/roi.js";
import type { RestClient } from "../../github/types.js";
import type { RepositoryReader } from "./gather.js";

// The latest merged PRs are plenty for a median, and each page is a search call (GitHub allows 30 a minute).
const MAX_MERGED = 300;
const MAX_BUG_ISSUES = 300;

interface SearchItem {
  number: number;
  created_at: string;
  closed_at?: string | null;
  body?: string | null;
  labels: (string | { name?: string })[];
  pull_request?: { merged_at?: string | null } | null;
}

/** A PR as the search lists it, before its description is read. */
export interface ListedMergedPr extends Omit<MergedPr, "closes"> {
  body: string;
}

/** Reads the issues of the repository a description closes (`Fixes #12`), for each description in order. */
export type ClosesReader = (bodies: string[]) => Promise<number[][] | undefined>;

/** The first `limit` results, most recently updated first (for merged PRs, about the latest merges). */
async function searchFirst(octokit: RestClient, q: string, limit: number): Promise<SearchItem[]> {
  const items: SearchItem[] = [];
  for await (const page of octokit.paginate.iterator(octokit.rest.search.issuesAndPullRequests, { q, sort: "updated", order: "desc", per_page: 100 })) {
    const data = page.data as unknown as SearchItem[] | { items: SearchItem[] };
    items.push(...(Array.isArray(data) ? data : data.items));
    if (items.length >= limit) break;
  }
  return items.slice(0, limit);
}

const labelNames = (labels: SearchItem["labels"]) => labels.map((l) => (typeof l === "string" ? l : (l.name ?? ""))).filter((l) => l !== "");

/**
 * The repository's own figures for the ROI, bounded in calls: one search for
 * its PRs merged in the window (labels, times to merge, the issues they
 * close), and, only when one of them closes an issue, one search per bug
 * label for the bug issues closed in the window. What cannot be read is null
 * and shows as unknown.
 */
export async function gatherRepositoryFacts({ octokit, log, repo }: RepositoryReader, settings: Config["dashboard"]["roi"], now: Date, readCloses: ClosesReader): Promise<RepositoryFacts> {
  const scope = `repo:${repo.owner}/${repo.repo}`;
  const since = repositoryWindowStart(now, settings.weeks).slice(0, 10);
  let listed: ListedMergedPr[];
  try {
    listed = (await searchFirst(octokit, `${scope} is:pr is:merged merged:>=${since}`, MAX_MERGED)).flatMap((item) => {
      const mergedAt = item.pull_request?.merged_at;
      return mergedAt ? [{ number: item.number, createdAt: item.created_at, mergedAt, labels: labelNames(item.labels), body: item.body ?? "" }] : [];
    });
  } catch (error) {
    log.warn({ err: error }, "the repository's merged pull requests could not be read: friction and bug fixes shown as unknown");
    return { merged: null, bugIssues: null };
  }
  const closes = (await readCloses(listed.map((pr) => pr.body))) ?? [];
  const merged: MergedPr[] = listed.map((pr, index) => ({ number: pr.number, createdAt: pr.createdAt, mergedAt: pr.mergedAt, labels: pr.labels, closes: closes[index] ?? [] }));
  if (!merged.some((pr) => pr.closes.length > 0)) return { merged, bugIssues: [] };
  try {
    const bugIssues = new Set<number>();
    for (const label of settings.bugLabels) {
      for (const issue of await searchFirst(octokit, `${scope} is:issue is:closed label:"${label}" closed:>=${since}`, MAX_BUG_ISSUES)) bugIssues.add(issue.number);
    }
    return { merged, bugIssues: [...bugIssues] };
  } catch (error) {
    log.warn({ err: error }, "the repository's bug issues could not be read: only labelled bug fixes are counted");
    return { merged, bugIssues: null };
  }
}
