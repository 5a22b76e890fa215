import { LRUCache } from "lru-cache";
import type { CheckResult } from "../core/checks.js";
import { injectedClock } from "./ttl-cache.js";
import type { RepoRef } from "./types.js";

const TEN_MINUTES = 10 * 60_000;
const MAX_ENTRIES = 2000;

/** A check run as the executor is about to publish it. */
export interface PublishedCheck {
  repo: RepoRef;
  headSha: string;
  result: CheckResult;
}

/**
 * The last check run this instance published per commit and name, for ten
 * minutes (held in `Services`), so the executor does not publish an
 * unchanged one again: most events of a pull request leave its checks as
 * they were.
 */
export class PublishedChecks {
  private readonly last: LRUCache<string, string>;

  /**
   * @param shared Whether other instances publish check runs too (a shared Redis): then
   *   this instance cannot know which run GitHub shows last, and publishes every one.
   */
  constructor(
    private readonly shared: boolean,
    now: () => number = Date.now,
  ) {
    this.last = new LRUCache({ max: MAX_ENTRIES, ttl: TEN_MINUTES, ...injectedClock(now) });
  }

  /** Whether this very run (same commit, name and output) is the last this instance published. */
  isRepeated(check: PublishedCheck): boolean {
    return !this.shared && this.last.get(keyOf(check)) === digestOf(check);
  }

  published(check: PublishedCheck): void {
    if (!this.shared) this.last.set(keyOf(check), digestOf(check));
  }
}

const keyOf = ({ repo, headSha, result }: PublishedCheck) => `${repo.owner}/${repo.repo}@${headSha}:${result.name}`.toLowerCase();
const digestOf = ({ result }: PublishedCheck) => JSON.stringify([result.conclusion, result.title, result.summary, result.text]);
