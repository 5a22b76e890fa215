import { LRUCache } from "lru-cache";
import { isMissing, isNotModified } from "./errors.js";
import { TtlCache } from "./ttl-cache.js";

/** What is kept of a GitHub answer: its headers (the ETag, the next page's link) and its data. */
export interface Answer {
  headers: { etag?: string | undefined; link?: string | undefined };
  data: unknown;
}
/** Sends the read, conditional on `etag` when there is one (`if-none-match`). */
export type Conditional<A extends Answer> = (etag: string | undefined) => Promise<A>;
type Lookup = { ok: true; answer: Answer } | { ok: false; error: unknown };

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

type Revalidated = LRUCache<string, { etag: string; answer: Answer }>;

/**
 * What is kept with its ETag: repository files (and directories), single
 * issues (a PR's tickets, a debt issue, a phase's parent), and the pages of a
 * pull request's files, which signoff and hack debt list on most events and
 * which change only with a push.
 */
export type Revalidating = "files" | "issues" | "filePages";

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
  private readonly revalidating: Record<Revalidating, Revalidated> = {
    files: new LRUCache({ max: MAX_ENTRIES }),
    issues: new LRUCache({ max: MAX_ISSUES }),
    filePages: new LRUCache({ max: MAX_FILE_PAGES }),
  };
  private readonly lookups: TtlCache<Lookup>;

  constructor(now: () => number = Date.now) {
    this.lookups = new TtlCache(ONE_MINUTE, MAX_ENTRIES, now);
  }

  /**
   * A read sent with the ETag of the answer kept under `key`, if any: a 304
   * gives that answer again. The answer is kept when it has an ETag and
   * `keep` allows (a page that may not be the last is not).
   */
  async revalidated<A extends Answer>(kind: Revalidating, key: string, send: Conditional<A>, keep: (answer: A) => boolean = () => true): Promise<A> {
    const cache = this.revalidating[kind];
    const known = cache.get(key);
    try {
      const answer = await send(known?.etag);
      const etag = answer.headers.etag;
      if (typeof etag === "string" && keep(answer)) cache.set(key, { etag, answer: structuredClone({ headers: answer.headers, data: answer.data }) });
      else cache.delete(key);
      return answer;
    } catch (error) {
      if (!known || !isNotModified(error)) throw error;
      // The look-up above made it the newest, as every read does: what is read often stays while the cache is full.
      return structuredClone(known.answer) as A;
    }
  }

  /** A permission or assignability answer, kept a minute; a 404 ("not a collaborator", "not assignable") is one too, and is thrown again. */
  async lookup<A extends Answer>(key: string, send: () => Promise<A>): Promise<A> {
    const result = await this.lookups.get(key, () =>
      send().then(
        (answer): Lookup => ({ ok: true, answer }),
        (error: unknown): Lookup => {
          if (isMissing(error)) return { ok: false, error };
          throw error;
        },
      ),
    );
    if (!result.ok) throw result.error;
    return structuredClone(result.answer) as A;
  }
}

/**
 * A page of a list worth keeping: small, and not full. An unchanged page
 * with fewer items than the page holds is the end of the list; an unchanged
 * full page may be followed by a page it did not name when it was read.
 */
export function lastSmallPage(answer: Answer, perPage: number): boolean {
  return Array.isArray(answer.data) && answer.data.length < perPage && JSON.stringify(answer.data).length <= MAX_FILE_PAGE_CHARS;
}
