import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisLocks } from "../../src/github/redis-locks.js";
import { requireRedis, testRedis } from "../helpers/redis.js";

const clients = [testRedis(), testRedis()];

beforeAll(async () => {
  for (const client of clients) await requireRedis(client);
});

afterAll(() => {
  for (const client of clients) client.disconnect();
});

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("locks shared through Redis", () => {
  it("two instances never run work on the same key at once", async () => {
    const [a, b] = clients.map((client) => new RedisLocks(client, { retryMs: 2 }));
    const key = `test:${Date.now()}:${Math.random()}`;
    const log: string[] = [];
    let inside = 0;
    let maxInside = 0;
    const work = (name: string) => async () => {
      inside++;
      maxInside = Math.max(maxInside, inside);
      log.push(`${name} in`);
      await pause();
      log.push(`${name} out`);
      inside--;
      return name;
    };
    const results = await Promise.all([a?.run(key, work("a1")), b?.run(key, work("b1")), a?.run(key, work("a2")), b?.run(key, work("b2"))]);
    expect(results).toEqual(["a1", "b1", "a2", "b2"]);
    expect(maxInside).toBe(1);
    expect(log).toHaveLength(8);
    expect(await clients[0]?.exists(`intentbot:lock:${key}`)).toBe(0);
  });

  it("releases the lock when the work fails", async () => {
    const locks = new RedisLocks(clients[0] as Redis);
    const key = `test:${Date.now()}:fail`;
    await expect(locks.run(key, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await locks.run(key, () => Promise.resolve("next"))).toBe("next");
  });

  it("never releases a lock another instance holds after the lease ran out", async () => {
    const [a, b] = clients;
    const key = `test:${Date.now()}:lease`;
    const short = new RedisLocks(a as Redis, { leaseMs: 20 });
    await short.run(key, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      // Another instance took over the key (as after an expired lease): our release must not delete it.
      await b?.set(`intentbot:lock:${key}`, "other", "PX", 1000);
    });
    expect(await b?.get(`intentbot:lock:${key}`)).toBe("other");
  });
});
