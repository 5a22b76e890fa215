import { BoundedMap } from "../core/bounded-map.js";

/**
 * A small time-bounded cache for reads that change rarely (templates, team
 * members). It keeps the pending promise, so concurrent events share one read;
 * a failed read is forgotten at once.
 */
export class TtlCache<V> {
  private readonly entries: BoundedMap<string, { value: Promise<V>; expires: number }>;

  constructor(
    private readonly ttlMs: number,
    maxEntries = 500,
    private readonly now: () => number = Date.now,
  ) {
    this.entries = new BoundedMap(maxEntries);
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > this.now()) return hit.value;
    const value = load();
    const entry = { value, expires: this.now() + this.ttlMs };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }
}
