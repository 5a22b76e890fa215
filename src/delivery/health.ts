import type { IncomingMessage, ServerResponse } from "node:http";
import type { Redis } from "ioredis";
import type { DeliveryPipeline, PipelineHealth } from "./pipeline.js";

export interface Health {
  status: "ok" | "degraded";
  redis: "ok" | "unreachable" | "not configured";
  mode: PipelineHealth["mode"];
  queue: { waiting: number; active: number; delayed: number; failed: number };
}

export async function readHealth(pipeline: DeliveryPipeline, redis: Redis | undefined): Promise<Health> {
  const redisState = redis ? await ping(redis) : "not configured";
  const pipelineHealth = await pipeline.health().catch(() => undefined);
  return {
    status: redisState === "unreachable" || !pipelineHealth ? "degraded" : "ok",
    redis: redisState,
    mode: pipelineHealth?.mode ?? "queue",
    queue: pipelineHealth?.queue ?? { waiting: 0, active: 0, delayed: 0, failed: 0 },
  };
}

async function ping(redis: Redis): Promise<Health["redis"]> {
  try {
    return (await redis.ping()) === "PONG" ? "ok" : "unreachable";
  } catch {
    return "unreachable";
  }
}

/** `GET /health`: 200 with the state when all is well, 503 when Redis or the queue cannot be read. */
export function healthHandler(pipeline: DeliveryPipeline, redis: Redis | undefined) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/health") return false;
    const health = await readHealth(pipeline, redis);
    res.writeHead(health.status === "ok" ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify(health));
    return true;
  };
}
