import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { KeyedLocks, type Locks } from "./locks.js";

// Deletes or extends the lock only while it still holds our token, so an
// instance whose lease ran out can never release another instance's lock.
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

export interface RedisLockOptions {
  /** How long a lease lasts without renewal (a crashed instance frees the key after this). */
  leaseMs?: number;
  /** How long to wait for a busy key before giving up with an error. */
  waitMs?: number;
  /** Pause between attempts on a busy key. */
  retryMs?: number;
}

/**
 * Locks shared by every instance of the app through Redis (`REDIS_URL`), so
 * that two instances handling events of one issue or PR never both create a
 * comment or a debt issue. Within one instance the in-process locks queue
 * the work first, so only one waiter per key polls Redis.
 */
export class RedisLocks implements Locks {
  private readonly local = new KeyedLocks();
  private readonly leaseMs: number;
  private readonly waitMs: number;
  private readonly retryMs: number;

  constructor(
    private readonly redis: Redis,
    options: RedisLockOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 30_000;
    this.waitMs = options.waitMs ?? 60_000;
    this.retryMs = options.retryMs ?? 50;
  }

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    return this.local.run(key, async () => {
      const redisKey = `intentbot:lock:${key}`;
      const token = randomUUID();
      await this.acquire(redisKey, token);
      const renew = setInterval(() => {
        this.redis.eval(EXTEND, 1, redisKey, token, String(this.leaseMs)).catch(() => undefined);
      }, Math.max(1, Math.floor(this.leaseMs / 3)));
      try {
        return await work();
      } finally {
        clearInterval(renew);
        await this.redis.eval(RELEASE, 1, redisKey, token);
      }
    });
  }

  private async acquire(redisKey: string, token: string): Promise<void> {
    const deadline = Date.now() + this.waitMs;
    while ((await this.redis.set(redisKey, token, "PX", this.leaseMs, "NX")) !== "OK") {
      if (Date.now() > deadline) throw new Error(`timed out waiting for lock ${redisKey}`);
      await new Promise((resolve) => setTimeout(resolve, this.retryMs));
    }
  }
}
