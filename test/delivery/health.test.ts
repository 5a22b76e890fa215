import { describe, expect, it } from "vitest";
import { healthHandler } from "../../src/delivery/health.js";
import { InMemoryPipeline } from "../../src/delivery/in-memory.js";
import { EventRouter } from "../../src/delivery/router.js";
import type { Services } from "../../src/github/services.js";
import { testRedis } from "../helpers/redis.js";
import { get } from "./health-request.js";

const inMemory = new InMemoryPipeline(new EventRouter({} as Services));

describe("GET /health", () => {
  it("answers with the pipeline's mode and queue depth, in memory without Redis", async () => {
    const answer = await get(healthHandler(inMemory, undefined), "/health");
    expect(answer).toEqual({
      handled: true,
      status: 200,
      body: JSON.stringify({ status: "ok", redis: "not configured", mode: "in-memory", queue: { waiting: 0, active: 0, delayed: 0, failed: 0 } }),
    });
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
