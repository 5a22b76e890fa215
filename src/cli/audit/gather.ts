import type { Config } from "../../config/schema.js";
import { CODEOWNERS_PATHS } from "../../core/codeowners/index.js";
import { gitHubFiles, readTextFile } from "../../github/files.js";
import { readTemplates } from "../../github/templates.js";
import { TtlCache } from "../../github/ttl-cache.js";
import type { RepoRef, RestClient } from "../../github/types.js";

/** An issue or pull request as the audit reads it from a list or a search. */
export interface AuditItem {
  number: number;
  title: string;
  body: string | null;
  labels: string[];
  authorType?: string | undefined;
  isPullRequest: boolean;
  draft: boolean;
  state: string;
  stateReason?: string | null | undefined;
  closedAt?: string | null | undefined;
  mergedAt?: string | null | undefined;
}

/** Everything the audit decides from: read-only, bounded by `limit` items per list. */
export interface AuditFacts {
  repo: RepoRef;
  open: AuditItem[];
  /** Files changed by each open, non-draft PR, read only when sign-off could apply. */
  files: Map<number, string[]>;
  mergedHacks: AuditItem[];
  debtIssues: AuditItem[];
  templates: { issue: string[]; pullRequest: string[] };
  codeowners?: { path: string; text: string } | undefined;
}

export interface Progress {
  start(total: number, what: string): void;
  tick(): void;
  done(): void;
}

interface ListedIssue {
  number: number;
  title: string;
  body?: string | null;
  labels: (string | { name?: string })[];
  user: { type?: string } | null;
  pull_request?: { merged_at?: string | null } | null;
  draft?: boolean;
  state: string;
  state_reason?: string | null;
  closed_at?: string | null;
}

function toItem(issue: ListedIssue): AuditItem {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? null,
    labels: issue.labels.map((l) => (typeof l === "string" ? l : (l.name ?? ""))).filter((l) => l !== ""),
    authorType: issue.user?.type,
    isPullRequest: Boolean(issue.pull_request),
    draft: issue.draft === true,
    state: issue.state,
    stateReason: issue.state_reason,
    closedAt: issue.closed_at,
    mergedAt: issue.pull_request?.merged_at,
  };
}

/** Up to `limit` items of a paginated list, stopping the pagination as soon as it has them. */
async function firstItems(octokit: RestClient, route: string, parameters: Record<string, unknown>, limit: number): Promise<ListedIssue[]> {
  const items: ListedIssue[] = [];
  for await (const page of octokit.paginate.iterator(route, { ...parameters, per_page: Math.min(100, limit) })) {
    const data = page.data as ListedIssue[] | { items: ListedIssue[] };
    items.push(...(Array.isArray(data) ? data : data.items));
    if (items.length >= limit) break;
  }
  return items.slice(0, limit);
}

function search(octokit: RestClient, q: string, limit: number): Promise<ListedIssue[]> {
  return firstItems(octokit, "GET /search/issues", { q }, limit);
}

export async function gatherAudit(octokit: RestClient, config: Config, repo: RepoRef, limit: number, progress: Progress): Promise<AuditFacts> {
  // One cache for the run, so both kinds share the directory listings.
  const cache = new TtlCache<string[]>(60_000);
  const repositoryFiles = gitHubFiles(octokit);
  const templates = { issue: await readTemplates(repositoryFiles, cache, repo, "issue"), pullRequest: await readTemplates(repositoryFiles, cache, repo, "pull request") };
  const open = (await firstItems(octokit, "GET /repos/{owner}/{repo}/issues", { ...repo, state: "open", sort: "created", direction: "desc" }, limit)).map(toItem);
  const scope = `repo:${repo.owner}/${repo.repo}`;
  const mergedHacks = config.hacks.enabled ? (await search(octokit, `${scope} is:pr is:merged label:"${config.hacks.label}"`, limit)).map(toItem) : [];
  const debtIssues = config.hacks.enabled ? (await search(octokit, `${scope} is:issue is:open label:"${config.hacks.debtLabel}"`, limit)).map(toItem) : [];

  let codeowners: AuditFacts["codeowners"];
  const files = new Map<number, string[]>();
  if (config.signoff.enabled) {
    for (const path of CODEOWNERS_PATHS) {
      const text = await readTextFile(repositoryFiles, repo, path);
      if (text !== undefined) {
        codeowners = { path, text };
        break;
      }
    }
    const prs = open.filter((item) => item.isPullRequest && !item.draft);
    // Without CODEOWNERS or configured team areas no PR can touch a team: no need to read its files.
    if (codeowners || Object.keys(config.signoff.teams).length > 0) {
      progress.start(prs.length, "reading pull request files");
      for (const pr of prs) {
        const listed = await octokit.paginate(octokit.rest.pulls.listFiles, { ...repo, pull_number: pr.number, per_page: 100 });
        // Both sides of a rename, as the sign-off feature counts them.
        files.set(
          pr.number,
          listed.flatMap((f) => (f.previous_filename ? [f.filename, f.previous_filename] : [f.filename])),
        );
        progress.tick();
      }
      progress.done();
    }
  }
  return { repo, open, files, mergedHacks, debtIssues, templates, codeowners };
}
