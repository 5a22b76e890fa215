import { Mutex } from "async-mutex";
import type { RepoRef } from "./types.js";
import { issueKey, repoKey } from "../core/repo.js";

/** Runs work for one key at a time: in this process, or across instances (Redis). */
export interface Locks {
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/**
 * Serialises work on one key (an issue's comments, a PR's debt issue) within
 * this process, so concurrent webhooks for the same thing read-then-write one
 * after the other and never both create. Mutexes are dropped when idle.
 */
export class KeyedLocks implements Locks {
  private readonly mutexes = new Map<string, { mutex: Mutex; users: number }>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    let entry = this.mutexes.get(key);
    if (!entry) {
      entry = { mutex: new Mutex(), users: 0 };
      this.mutexes.set(key, entry);
    }
    entry.users++;
    try {
      return await entry.mutex.runExclusive(work);
    } finally {
      entry.users--;
      if (entry.users === 0) this.mutexes.delete(key);
    }
  }
}

/** What a lock guards: a feature's state on one issue or PR, the app's comments on one, a repository's or an organisation's dashboard. */
export type LockTopic = "comments" | "hacks" | "phases" | "signoff" | "dashboard" | "dashboard-org";

/**
 * The one way to name a lock: a topic and a repository, with the issue or PR
 * number when the lock is about one. Lower-cased because GitHub's owner and
 * repository names are not case-sensitive: two spellings of one issue (a
 * payload's and a reference a person typed) must take the same lock.
 */
export function lockKey(topic: LockTopic, repo: RepoRef, number?: number): string {
  return `${topic}:${number === undefined ? repoKey(repo) : issueKey(repo, number)}`;
}
