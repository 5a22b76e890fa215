import { LRUCache } from "lru-cache";
import { isMissing, isNotModified } from "./errors.js";
import { TtlCache } from "./ttl-cache.js";

/** What a request hook sees of a request and its response (the parts read here). */
export interface RequestOptions {
  method: string;
  url: string;
  headers: Record<string, string | number | undefined>;
  mediaType?: unknown;
  [param: string]: unknown;
}
export interface GitHubResponse {
  status: number;
  url: string;
  headers: Record<string, string | number | undefined>;
  data: unknown;
}
export type SendRequest = (options: RequestOptions) => Promise<GitHubResponse>;
type Options = RequestOptions;
type Request = SendRequest;
type Response = GitHubResponse;
type Lookup = { ok: true; response: Response } | { ok: false; error: unknown };

const ONE_MINUTE = 60_000;
const MAX_ENTRIES = 2000;
/**
 * Issues kept with their ETag. Fewer than files: a body may hold 65,536
 * characters (up to 128 KB as a string), so 500 stay under about 70 MB at
 * the very worst and a few MB as issues are. The ones read again are the
 * tickets of PRs active in the last hours, and each read makes its issue the
 * newest, so those stay while one-off reads make room.
 */
export const MAX_ISSUES = 500;
/**
 * Pages of a pull request's files kept with their ETag, and the largest page
 * kept (in characters of JSON, patches included): 200 pages of at most 100,000
 * characters stay near 20 MB at the very worst; a PR's page is a few KB as
 * PRs are. A larger page is read in full each time, as before.
 */
export const MAX_FILE_PAGES = 200;
export const MAX_FILE_PAGE_CHARS = 100_000;
/** GitHub's page size when the request names none. */
const DEFAULT_PER_PAGE = 30;

type Revalidated = LRUCache<string, { etag: string; response: Response }>;

const CONTENTS = /^\/repos\/[^/]+\/[^/]+\/contents\//;
/** One issue, or one pull request read as an issue (its ticket, its debt issue). */
const ISSUE = /^\/repos\/[^/]+\/[^/]+\/issues\/\d+$/;
/** One page of a pull request's files: signoff and hack debt list them on most events, and they change only with a push. */
const PULL_FILES = /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/files$/;
const LOOKUP = /^\/repos\/[^/]+\/[^/]+\/(?:collaborators\/[^/]+\/permission|assignees\/[^/]+)$/;

/**
 * What one running app remembers of GitHub between deliveries (held in
 * `Services`, nothing at module level): each repository file, each issue and
 * each page of a pull request's files with its ETag, so the next read is a
 * conditional request that GitHub answers with a 304 (free of rate limit)
 * while it is unchanged (still a request: GitHub checks the token's access
 * and says whether it changed, so a read meant to be fresh, under a lock,
 * is); permission and
 * assignability answers for a minute (a 404, "not a collaborator" or "not
 * assignable", is an answer too).
 */
export class ReadCaches {
  private readonly files: Revalidated = new LRUCache({ max: MAX_ENTRIES });
  private readonly issues: Revalidated = new LRUCache({ max: MAX_ISSUES });
  private readonly filePages: Revalidated = new LRUCache({ max: MAX_FILE_PAGES });
  private readonly lookups: TtlCache<Lookup>;

  constructor(now: () => number = Date.now) {
    this.lookups = new TtlCache(ONE_MINUTE, MAX_ENTRIES, now);
  }

  read(path: string, key: string, options: Options, request: Request): Promise<Response> {
    if (CONTENTS.test(path)) return this.conditional(this.files, key, options, request);
    if (ISSUE.test(path)) return this.conditional(this.issues, key, options, request);
    if (PULL_FILES.test(path)) return this.conditional(this.filePages, key, options, request, (response) => lastSmallPage(key, response));
    if (LOOKUP.test(path)) return this.lookup(key, options, request);
    return request(options);
  }

  private async conditional(cache: Revalidated, key: string, options: Options, request: Request, keep: (response: Response) => boolean = () => true): Promise<Response> {
    const known = cache.get(key);
    // In place: the inner hooks were bound to this options object, so a copy would not reach GitHub.
    if (known) options.headers["if-none-match"] = known.etag;
    try {
      const response = await request(options);
      const etag = response.headers.etag;
      if (typeof etag === "string" && keep(response)) cache.set(key, { etag, response: structuredClone(response) });
      else cache.delete(key);
      return response;
    } catch (error) {
      if (!known || !isNotModified(error)) throw error;
      // The look-up above made it the newest, as every read does: what is read often stays while the cache is full.
      return structuredClone(known.response);
    }
  }

  private async lookup(key: string, options: Options, request: Request): Promise<Response> {
    const answer = await this.lookups.get(key, () =>
      request(options).then(
        (response): Lookup => ({ ok: true, response }),
        (error: unknown): Lookup => {
          if (isMissing(error)) return { ok: false, error };
          throw error;
        },
      ),
    );
    if (!answer.ok) throw answer.error;
    return structuredClone(answer.response);
  }
}

/**
 * A page of a list worth keeping: small, and not full. An unchanged page
 * with fewer items than the page holds is the end of the list; an unchanged
 * full page may be followed by a page it did not name when it was read.
 */
function lastSmallPage(key: string, response: Response): boolean {
  if (!Array.isArray(response.data)) return false;
  const perPage = Number(/[?&]per_page=(\d+)/.exec(key.slice(0, key.indexOf(" ")))?.[1] ?? DEFAULT_PER_PAGE);
  return response.data.length < perPage && JSON.stringify(response.data).length <= MAX_FILE_PAGE_CHARS;
}
