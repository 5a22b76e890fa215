import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { injectedClock } from "./ttl-cache.js";

const ONE_DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The commands whose last run failed (and said so on the comment), so that
 * the run that later succeeds (a retry, a redelivery) can take back the 😕
 * and the "something went wrong" answer. Kept a day: redeliveries come
 * within hours. With a shared Redis, any instance's retry finds the mark.
 */
export interface FailedCommands {
  mark(key: string): Promise<void>;
  /** Whether the command was marked; the mark is gone afterwards. */
  take(key: string): Promise<boolean>;
}

export class MemoryFailedCommands implements FailedCommands {
  private readonly marks: LRUCache<string, true>;

  constructor(now: () => number) {
    this.marks = new LRUCache({ max: 5000, ttl: ONE_DAY_MS, ...injectedClock(now) });
  }

  async mark(key: string): Promise<void> {
    this.marks.set(key, true);
  }

  async take(key: string): Promise<boolean> {
    const marked = this.marks.get(key) === true;
    this.marks.delete(key);
    return marked;
  }
}

export class RedisFailedCommands implements FailedCommands {
  constructor(private readonly redis: Redis) {}

  async mark(key: string): Promise<void> {
    await this.redis.set(redisKey(key), "1", "PX", ONE_DAY_MS);
  }

  async take(key: string): Promise<boolean> {
    return (await this.redis.del(redisKey(key))) > 0;
  }
}

const redisKey = (key: string) => `intentbot:failed-command:${key}`;
