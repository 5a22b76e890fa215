import { Mutex } from "async-mutex";

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
