import type { Redis } from "ioredis";
import type { Clock, CoalesceOutcome, RunCoalescer } from "../delivery/coalescer.js";

/**
 * Coalescing shared by every instance through Redis: a key's first request
 * anywhere runs at once and opens the interval; of the requests that follow
 * within it, the first instance to claim the trailing run does it when the
 * interval ends (with its newest work), and the others merge into it. Work
 * for a key is the same on every instance (a refresh from GitHub's facts),
 * so whichever instance runs it, one burst costs one run a minute.
 */
export class RedisCoalescer implements RunCoalescer {
  /** Trailing runs this instance has claimed: the newest work for each key. */
  private readonly trailing = new Map<string, () => Promise<void>>();

  constructor(
    private readonly redis: Redis,
    private readonly intervalMs: number,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  async request(key: string, run: () => Promise<void>): Promise<CoalesceOutcome> {
    if (this.trailing.has(key)) {
      this.trailing.set(key, run);
      return "merged";
    }
    if ((await this.redis.set(windowKey(key), "1", "PX", this.intervalMs, "NX")) === "OK") {
      await run();
      return "ran";
    }
    if ((await this.redis.set(pendingKey(key), "1", "PX", this.intervalMs, "NX")) !== "OK") return "merged";
    this.trailing.set(key, run);
    const left = await this.redis.pttl(windowKey(key));
    this.clock.later(() => void this.runTrailing(key), Math.max(0, left));
    return "deferred";
  }

  async markRun(key: string): Promise<void> {
    await this.redis.set(windowKey(key), "1", "PX", this.intervalMs);
  }

  private async runTrailing(key: string): Promise<void> {
    const work = this.trailing.get(key);
    this.trailing.delete(key);
    try {
      // The trailing run opens the next interval, then gives up its claim.
      await this.redis.set(windowKey(key), "1", "PX", this.intervalMs);
      await this.redis.del(pendingKey(key));
      await work?.();
    } catch (error) {
      this.onError(error);
    }
  }
}

const windowKey = (key: string) => `intentbot:coalesce:${key}`;
const pendingKey = (key: string) => `intentbot:coalesce-pending:${key}`;
