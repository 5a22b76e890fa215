import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { healthHandler } from "../../src/delivery/health.js";
import type { DeliveryPipeline } from "../../src/delivery/pipeline.js";
import { requireRedis, testRedis } from "../helpers/redis.js";
import { get } from "./health-request.js";

const redis = testRedis();
beforeAll(() => requireRedis(redis));
afterAll(() => redis.disconnect());

describe("GET /health with Redis", () => {
  it("reports Redis and the queue's failed set", async () => {
    const queued: DeliveryPipeline = {
      accept: () => Promise.resolve(),
      close: () => Promise.resolve(),
      health: () => Promise.resolve({ mode: "queue", queue: { waiting: 2, active: 1, delayed: 0, failed: 3 } }),
    };
    const answer = await get(healthHandler(queued, redis), "/health?verbose");
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body ?? "")).toEqual({ status: "ok", redis: "ok", mode: "queue", queue: { waiting: 2, active: 1, delayed: 0, failed: 3 } });
  });
});
