import { Redis } from "ioredis";
import { oneLine, StartupProblem } from "./settings.js";

/**
 * Connects to REDIS_URL once and pings it, so an unreachable Redis stops the
 * server at start (one line naming where it looked) instead of every delivery
 * failing later. Any credentials in the URL stay out of the message.
 */
export async function checkRedisReachable(url: string, timeoutMs = 5_000): Promise<void> {
  const { hostname, port } = new URL(url);
  const where = `${hostname}:${port || "6379"}`;
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  // The connection's own error says why (ECONNREFUSED, a DNS failure); the rejected connect only says it closed.
  let cause: unknown;
  redis.on("error", (error: unknown) => (cause ??= error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new StartupProblem(`REDIS_URL: cannot reach Redis at ${where} (${oneLine(cause ?? error)})`);
  } finally {
    redis.disconnect();
  }
}
