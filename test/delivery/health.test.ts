import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { healthHandler } from "../../src/delivery/health.js";
import { InMemoryPipeline } from "../../src/delivery/in-memory.js";
import type { DeliveryPipeline } from "../../src/delivery/pipeline.js";
import { EventRouter } from "../../src/delivery/router.js";
import type { Services } from "../../src/github/services.js";
import { requireRedis, testRedis } from "../helpers/redis.js";

/** Calls the handler as Probot's server would, and returns what it answered. */
async function get(handler: ReturnType<typeof healthHandler>, url: string, method = "GET") {
  const answer: { handled?: boolean; status?: number; body?: string } = {};
  const res = {
    writeHead(status: number) {
      answer.status = status;
      return this;
    },
    end(body: string) {
      answer.body = body;
      return this;
    },
  } as unknown as ServerResponse;
  answer.handled = await handler({ method, url } as IncomingMessage, res);
  return answer;
}

const inMemory = new InMemoryPipeline(new EventRouter({} as Services));
const redis = testRedis();
beforeAll(() => requireRedis(redis));
afterAll(() => redis.disconnect());

describe("GET /health", () => {
  it("answers with the pipeline's mode and queue depth, in memory without Redis", async () => {
    const answer = await get(healthHandler(inMemory, undefined), "/health");
    expect(answer).toEqual({
      handled: true,
      status: 200,
      body: JSON.stringify({ status: "ok", redis: "not configured", mode: "in-memory", queue: { waiting: 0, active: 0, delayed: 0, failed: 0 } }),
    });
  });

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

  it("answers 503 when Redis does not answer", async () => {
    const gone = testRedis();
    gone.disconnect();
    const answer = await get(healthHandler(inMemory, gone), "/health");
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body ?? "")).toMatchObject({ status: "degraded", redis: "unreachable" });
  });

  it("leaves every other route to the server", async () => {
    expect((await get(healthHandler(inMemory, undefined), "/api/github/webhooks", "POST")).handled).toBe(false);
    expect((await get(healthHandler(inMemory, undefined), "/healthz")).handled).toBe(false);
  });
});
