import { isMissing } from "./errors.js";
import { lastSmallPage, type Answer, type ReadCaches } from "./read-caches.js";
import type { GitHub, IssueRef, RepoRef } from "./types.js";
import { issueKey, repoKey } from "../core/repo.js";

/**
 * What the features of one delivery read from GitHub, read through one object
 * that the router creates for the delivery and hands every handler
 * (`services.facts`). How fresh each read is shows at the call site:
 *
 * - Stable for the delivery (a pull request's files and reviews, a
 *   comparison, repository files, permissions): read once, whoever asks.
 * - Changeable (comments, an issue, a pull request, sub-issues, a search):
 *   the first read is shared with every later one, unless the caller asks
 *   `{ fresh: true }` (a read under a lock, before a write): that one asks
 *   GitHub, and what it got is shared from then on.
 *
 * Across deliveries (`ReadCaches`): repository files, single issues and the
 * pages of a pull request's files are revalidated with their ETag (a 304
 * costs no rate limit; the request still goes to GitHub, so a fresh read is
 * fresh), permission and assignability answers are kept a minute.
 *
 * The executor tells the facts about the app's own writes (`wrote*`), so what
 * is shared stays true: a comment it posts, edits or deletes is applied to
 * the comment list read of that issue, and any other write to an issue drops
 * what was read about it, and every search.
 */
export class DeliveryFacts {
  private readonly reads = new Map<string, Promise<unknown>>();

  constructor(
    private readonly octokit: GitHub,
    private readonly caches: ReadCaches,
  ) {}

  /** Every comment of an issue or pull request, oldest first. */
  comments(issue: IssueRef, { fresh = false }: Freshness = {}): Promise<IssueComment[]> {
    return this.shared(keyOf("comments", issue, issue.issue_number), fresh, () => this.octokit.paginate(this.octokit.rest.issues.listComments, { ...at(issue), issue_number: issue.issue_number, per_page: 100 }));
  }

  /** One issue (or a pull request read as an issue), revalidated by its ETag. */
  issue(repo: RepoRef, number: number, { fresh = false }: Freshness = {}): Promise<Issue> {
    const key = keyOf("issue", repo, number);
    return this.shared(key, fresh, async () => {
      const answer = await this.caches.revalidated("issues", key, (etag) => this.octokit.rest.issues.get({ ...at(repo), issue_number: number, headers: ifNoneMatch(etag) }));
      return answer.data;
    });
  }

  pullRequest(repo: RepoRef, number: number, { fresh = false }: Freshness = {}): Promise<PullRequest> {
    return this.shared(keyOf("pull", repo, number), fresh, async () => (await this.octokit.rest.pulls.get({ ...at(repo), pull_number: number })).data);
  }

  subIssues(issue: IssueRef, { fresh = false }: Freshness = {}): Promise<SubIssueData[]> {
    return this.shared(keyOf("sub-issues", issue, issue.issue_number), fresh, () => this.octokit.paginate(this.octokit.rest.issues.listSubIssues, { ...at(issue), issue_number: issue.issue_number, per_page: 100 }));
  }

  /**
   * The issues with a label that a user opened, through the issues API (consistent, unlike search):
   * every page, or only the newest `newest` in one request.
   */
  issuesBy(repo: RepoRef, { label, creator, newest }: IssueQuery, { fresh = false }: Freshness = {}): Promise<ListedIssue[]> {
    const listed = { ...at(repo), labels: label, creator, state: "all" as const };
    return this.shared(`issues ${repoKey(repo)} ${JSON.stringify([label, creator, newest])}`, fresh, async () =>
      newest === undefined
        ? this.octokit.paginate(this.octokit.rest.issues.listForRepo, { ...listed, per_page: 100 })
        : (await this.octokit.rest.issues.listForRepo({ ...listed, sort: "created", direction: "desc", per_page: newest })).data,
    );
  }

  /** An issue's timeline (cross-references name the pull requests that mention it). */
  timeline(issue: IssueRef): Promise<TimelineEvent[]> {
    return this.shared(keyOf("timeline", issue, issue.issue_number), false, () =>
      this.octokit.paginate(this.octokit.rest.issues.listEventsForTimeline, { ...at(issue), issue_number: issue.issue_number, per_page: 100 }),
    );
  }

  /** Issues and pull requests found by a search (`q` names the repository). */
  search(q: string, { fresh = false }: Freshness = {}): Promise<SearchResult[]> {
    return this.shared(`search ${q}`, fresh, () => this.octokit.paginate(this.octokit.rest.search.issuesAndPullRequests, { q, per_page: 100 }));
  }

  /** The files a pull request changes, each page revalidated by its ETag; once per delivery. */
  files(repo: RepoRef, pullNumber: number): Promise<PullRequestFile[]> {
    return this.once(keyOf("files", repo, pullNumber), async () => {
      const files: PullRequestFile[] = [];
      let page: string | undefined = `GET /repos/${enc(repo.owner)}/${enc(repo.repo)}/pulls/${pullNumber}/files?per_page=${PER_PAGE}`;
      while (page !== undefined) {
        const route: string = page;
        const answer = await this.caches.revalidated("filePages", route, (etag) => this.octokit.request(route, { headers: ifNoneMatch(etag) }), (kept) => lastSmallPage(kept, PER_PAGE));
        files.push(...(answer.data as PullRequestFile[]));
        page = nextPage(answer);
      }
      return files;
    });
  }

  reviews(repo: RepoRef, pullNumber: number): Promise<Review[]> {
    return this.once(keyOf("reviews", repo, pullNumber), () => this.octokit.paginate(this.octokit.rest.pulls.listReviews, { ...at(repo), pull_number: pullNumber, per_page: 100 }));
  }

  /** The files changed between two commits; a 404 (a commit force-pushed away) is thrown. */
  compare(repo: RepoRef, base: string, head: string): Promise<string[]> {
    return this.once(`compare ${repoKey(repo)} ${base}...${head}`, async () => {
      const { data } = await this.octokit.rest.repos.compareCommits({ ...at(repo), base, head });
      return (data.files ?? []).map((f) => f.filename);
    });
  }

  /** A repository file's text (the default branch, or `ref`), revalidated by its ETag; a 404 is thrown. */
  file(repo: RepoRef, path: string, ref?: string): Promise<string | undefined> {
    const key = `file ${repoKey(repo)}@${ref ?? ""}:${path}`;
    return this.once(key, async () => {
      const answer = await this.caches.revalidated("files", key, (etag) =>
        this.octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { ...at(repo), path, ...(ref ? { ref } : {}), mediaType: { format: "raw" }, headers: ifNoneMatch(etag) }),
      );
      return typeof answer.data === "string" ? answer.data : undefined;
    });
  }

  /** A directory's entries on the default branch, revalidated by its ETag; a 404 is thrown. */
  directory(repo: RepoRef, path: string): Promise<DirectoryEntry[]> {
    const key = `directory ${repoKey(repo)}:${path}`;
    return this.once(key, async () => {
      const answer = await this.caches.revalidated("files", key, (etag) => this.octokit.rest.repos.getContent({ ...at(repo), path, headers: ifNoneMatch(etag) }));
      return Array.isArray(answer.data) ? answer.data.map(({ name, path: at, type }) => ({ name, path: at, type })) : [];
    });
  }

  /** A user's permission on the repository (kept a minute); a 404 (not a collaborator) is thrown. */
  permission(repo: RepoRef, username: string): Promise<{ permission: string; role_name: string }> {
    const key = `permission ${repoKey(repo)}:${username.toLowerCase()}`;
    return this.once(key, async () => (await this.caches.lookup(key, () => this.octokit.rest.repos.getCollaboratorPermissionLevel({ ...at(repo), username }))).data);
  }

  /** Whether a user can be assigned issues in the repository (kept a minute). */
  assignable(repo: RepoRef, login: string): Promise<boolean> {
    const key = `assignable ${repoKey(repo)}:${login.toLowerCase()}`;
    return this.once(key, () =>
      this.caches.lookup(key, () => this.octokit.rest.issues.checkUserCanBeAssigned({ ...at(repo), assignee: login })).then(
        () => true,
        (error: unknown) => {
          if (isMissing(error)) return false;
          throw error;
        },
      ),
    );
  }

  /** The app posted a comment: the comment list read of its issue shows it. */
  wroteComment(issue: IssueRef, comment: IssueComment): void {
    this.editComments(issue, (comments) => [...comments, comment]);
  }

  /** The app edited one of its comments: the list read shows the new body. */
  editedComment(issue: IssueRef, comment: IssueComment): void {
    this.editComments(issue, (comments) => comments.map((c) => (c.id === comment.id ? comment : c)));
  }

  deletedComment(issue: IssueRef, commentId: number): void {
    this.editComments(issue, (comments) => comments.filter((c) => c.id !== commentId));
  }

  /** Any other write to an issue or pull request (labels, body, state, reviewers, sub-issues): what was read of it is read again, as is every search and issue list. */
  changed(repo: RepoRef, number: number): void {
    for (const kind of ["issue", "pull", "sub-issues"]) this.reads.delete(keyOf(kind, repo, number));
    this.forgetSearches();
  }

  /** A new issue: every search and issue list is read again. */
  created(): void {
    this.forgetSearches();
  }

  private forgetSearches(): void {
    for (const key of [...this.reads.keys()]) if (key.startsWith("search ") || key.startsWith("issues ")) this.reads.delete(key);
  }

  private editComments(issue: IssueRef, change: (comments: IssueComment[]) => IssueComment[]): void {
    const key = keyOf("comments", issue, issue.issue_number);
    const read = this.reads.get(key) as Promise<IssueComment[]> | undefined;
    if (!read) return;
    const edited = read.then(change);
    // A list that failed is dropped, so the next read asks GitHub.
    edited.catch(() => this.reads.get(key) === edited && this.reads.delete(key));
    this.reads.set(key, edited);
  }

  private once<T>(key: string, read: () => Promise<T>): Promise<T> {
    return this.shared(key, false, read);
  }

  /** The read kept under `key` (a fresh one replaces it), as a copy: callers may change what they get (records are opened in place). */
  private async shared<T>(key: string, fresh: boolean, read: () => Promise<T>): Promise<T> {
    let kept = this.reads.get(key) as Promise<T> | undefined;
    if (!kept || fresh) {
      const started = read();
      kept = started;
      this.reads.set(key, started);
      started.catch(() => this.reads.get(key) === started && this.reads.delete(key));
    }
    return structuredClone(await kept);
  }
}

export interface Freshness {
  /** Ask GitHub even when the delivery has read it already: a read under a lock, before a write. */
  fresh?: boolean;
}

type Octokit = GitHub;
export type IssueComment = Awaited<ReturnType<Octokit["rest"]["issues"]["listComments"]>>["data"][number];
export type Issue = Awaited<ReturnType<Octokit["rest"]["issues"]["get"]>>["data"];
export type PullRequest = Awaited<ReturnType<Octokit["rest"]["pulls"]["get"]>>["data"];
export type SubIssueData = Awaited<ReturnType<Octokit["rest"]["issues"]["listSubIssues"]>>["data"][number];
export type ListedIssue = Awaited<ReturnType<Octokit["rest"]["issues"]["listForRepo"]>>["data"][number];
export type TimelineEvent = Awaited<ReturnType<Octokit["rest"]["issues"]["listEventsForTimeline"]>>["data"][number];
export interface IssueQuery {
  label: string;
  creator: string;
  /** Only the newest this many, in one request; without it, every page. */
  newest?: number | undefined;
}
export type SearchResult = Awaited<ReturnType<Octokit["rest"]["search"]["issuesAndPullRequests"]>>["data"]["items"][number];
export type PullRequestFile = Awaited<ReturnType<Octokit["rest"]["pulls"]["listFiles"]>>["data"][number];
export type Review = Awaited<ReturnType<Octokit["rest"]["pulls"]["listReviews"]>>["data"][number];
export interface DirectoryEntry {
  name: string;
  path: string;
  type: string;
}

const PER_PAGE = 100;
const enc = encodeURIComponent;
const keyOf = (kind: string, repo: RepoRef, number: number) => `${kind} ${issueKey(repo, number)}`;
/** Only the repository: a ref that carries more (an issue number) must not add it to the request. */
const at = ({ owner, repo }: RepoRef): RepoRef => ({ owner, repo });
const ifNoneMatch = (etag: string | undefined): Record<string, string> => (etag === undefined ? {} : { "if-none-match": etag });

/**
 * The next page's URL from GitHub's `link` header (`<url>; rel="next"`), if
 * there is one. `octokit.paginate` follows the header itself, but sends every
 * page with the first page's headers: each page here carries its own ETag.
 */
function nextPage(answer: Answer): string | undefined {
  for (const part of (answer.headers.link ?? "").split(",")) {
    const [url, rel] = part.split(";");
    if (rel?.trim() === 'rel="next"' && url) return `GET ${url.trim().replace(/^<|>$/g, "")}`;
  }
  return undefined;
}
