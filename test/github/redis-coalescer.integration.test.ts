import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisCoalescer } from "../../src/github/redis-coalescer.js";
import { fakeClock } from "../helpers/clock.js";
import { requireRedis, testRedis } from "../helpers/redis.js";

const redis = testRedis();
beforeAll(() => requireRedis(redis));
afterAll(() => redis.disconnect());

const INTERVAL = 60_000;

describe("coalescing shared through Redis", () => {
  it("across instances: one run at once, then one trailing run for the whole burst", async () => {
    const key = `test-${Date.now()}-${Math.random()}`;
    const time = fakeClock();
    const runs: string[] = [];
    const [a, b, c] = [new RedisCoalescer(redis, INTERVAL, time.clock), new RedisCoalescer(redis, INTERVAL, time.clock), new RedisCoalescer(redis, INTERVAL, time.clock)];
    const work = (name: string) => async () => void runs.push(name);

    expect(await a.request(key, work("a1"))).toBe("ran");
    expect(await b.request(key, work("b1"))).toBe("deferred");
    expect(await c.request(key, work("c1"))).toBe("merged");
    expect(await a.request(key, work("a2"))).toBe("merged");
    expect(await b.request(key, work("b2"))).toBe("merged");
    expect(runs).toEqual(["a1"]);
    expect(time.timers).toHaveLength(1);

    // The interval ends (the timer stands for it): the instance that claimed the trailing run does it, with its newest work.
    time.advance(INTERVAL);
    await expect.poll(() => runs).toEqual(["a1", "b2"]);
    // …and that run opened the next interval.
    expect(await c.request(key, work("c2"))).toBe("deferred");
    await redis.del(`intentbot:coalesce:${key}`, `intentbot:coalesce-pending:${key}`);
  });

  it("a forced run on one instance restarts the interval for all", async () => {
    const key = `test-${Date.now()}-${Math.random()}`;
    const time = fakeClock();
    await new RedisCoalescer(redis, INTERVAL, time.clock).markRun(key);
    expect(await new RedisCoalescer(redis, INTERVAL, time.clock).request(key, async () => undefined)).toBe("deferred");
    await redis.del(`intentbot:coalesce:${key}`, `intentbot:coalesce-pending:${key}`);
  });
});
