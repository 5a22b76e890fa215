/**
 * A map that keeps at most `max` entries: setting a key makes it the newest,
 * and when the map is full the oldest entry makes room. What the app
 * remembers between events (delivery ids, file ETags, cached answers) stays
 * bounded however many repositories it serves.
 */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly max: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    // A Map iterates in insertion order: its first key is the oldest.
    if (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }
}
