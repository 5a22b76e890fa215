import { LRUCache } from "lru-cache";

/**
 * A small time-bounded cache for reads that change rarely (templates, team
 * members). It keeps the pending promise, so concurrent events share one read;
 * a failed read is forgotten at once. (lru-cache's own `fetch` keeps the
 * resolved value instead, and drops an `undefined` one, which a "done" read
 * such as creating a label is.)
 */
export class TtlCache<V> {
  private readonly entries: LRUCache<string, Promise<V>>;

  constructor(ttlMs: number, maxEntries = 500, now: () => number = Date.now) {
    this.entries = new LRUCache({ max: maxEntries, ttl: ttlMs, ...injectedClock(now) });
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit) return hit;
    const value = load();
    this.entries.set(key, value);
    value.catch(() => {
      if (this.entries.peek(key) === value) this.entries.delete(key);
    });
    return value;
  }
}

/**
 * lru-cache options that make its TTLs follow the app's clock (tests move it
 * by hand): read at every look-up, where lru-cache would otherwise keep one
 * reading for a millisecond of real time; and one millisecond on, because
 * lru-cache takes an entry set at time 0 (where a test clock starts) as
 * having no TTL at all.
 */
export function injectedClock(now: () => number): { perf: { now: () => number }; ttlResolution: number } {
  return { perf: { now: () => now() + 1 }, ttlResolution: 0 };
}
