import type { Redis } from "ioredis";

/** What the reconciler shares between instances: who runs this round, and what was redelivered. */
export interface ReconcilerStore {
  /** True for exactly one caller per lease period, across every instance. */
  tryLease(ms: number): Promise<boolean>;
  /** True the first time a delivery is marked within `ms`; false when it was already redelivered. */
  markRedelivered(guid: string, ms: number): Promise<boolean>;
}

export class MemoryReconcilerStore implements ReconcilerStore {
  private leaseUntil = 0;
  private readonly redelivered = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  tryLease(ms: number): Promise<boolean> {
    const now = this.now();
    if (now < this.leaseUntil) return Promise.resolve(false);
    this.leaseUntil = now + ms;
    return Promise.resolve(true);
  }

  markRedelivered(guid: string, ms: number): Promise<boolean> {
    const now = this.now();
    for (const [key, until] of this.redelivered) if (until <= now) this.redelivered.delete(key);
    if (this.redelivered.has(guid)) return Promise.resolve(false);
    this.redelivered.set(guid, now + ms);
    return Promise.resolve(true);
  }
}

export class RedisReconcilerStore implements ReconcilerStore {
  constructor(private readonly redis: Redis) {}

  async tryLease(ms: number): Promise<boolean> {
    return (await this.redis.set("intentbot:reconciler:lease", String(process.pid), "PX", ms, "NX")) === "OK";
  }

  async markRedelivered(guid: string, ms: number): Promise<boolean> {
    return (await this.redis.set(`intentbot:reconciler:redelivered:${guid}`, "1", "PX", ms, "NX")) === "OK";
  }
}
