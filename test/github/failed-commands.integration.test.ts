import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisFailedCommands } from "../../src/github/failed-commands.js";
import { requireRedis, testRedis } from "../helpers/redis.js";

const redis = testRedis();
beforeAll(() => requireRedis(redis));
afterAll(() => redis.disconnect());

describe("failed commands in Redis", () => {
  it("a mark made by one instance is taken by another, once", async () => {
    const key = `test-${Date.now()}-${Math.random()}`;
    await new RedisFailedCommands(redis).mark(key);
    expect(await new RedisFailedCommands(redis).take(key)).toBe(true);
    expect(await new RedisFailedCommands(redis).take(key)).toBe(false);
  });
});
