import { Redis } from "ioredis";

/** The Redis the tests use (`.ci/run` starts one on loopback when none answers). */
export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** A client that never retries a lost connection and never prints unhandled error events. */
export function testRedis(): Redis {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on("error", () => undefined);
  return redis;
}

/** Fails at once, in one line, when no Redis answers (instead of many time-outs). */
export async function requireRedis(redis: Redis): Promise<void> {
  try {
    if (redis.status === "wait") await redis.connect();
    await redis.ping();
  } catch {
    throw new Error(`These tests need a Redis server at ${REDIS_URL} (start one with \`redis-server\`, or set REDIS_URL); none answered.`);
  }
}
