import { LRUCache } from "lru-cache";
import type { Context } from "probot";
import { DeliveryFailed, type DeliveryPipeline, type PipelineHealth } from "./pipeline.js";
import type { EventRouter } from "./router.js";

interface Ledger {
  /** Handlers that have finished for this delivery. */
  done: Set<string>;
  state: "running" | "failed" | "complete";
}

const REMEMBERED_DELIVERIES = 5_000;

/**
 * One process: a delivery is handled before GitHub is answered, as Probot
 * does. Recent delivery ids are remembered, so a redelivery of a finished
 * delivery (or a copy arriving while it runs) does nothing, and a redelivery
 * of a failed one runs only the handlers that failed.
 */
export class InMemoryPipeline implements DeliveryPipeline {
  private readonly ledger = new LRUCache<string, Ledger>({ max: REMEMBERED_DELIVERIES });

  constructor(private readonly router: EventRouter) {}

  async accept(context: Context): Promise<void> {
    const seen = this.ledger.get(context.id);
    if (seen && seen.state !== "failed") {
      context.log.info({ state: seen.state }, "duplicate delivery ignored");
      return;
    }
    const entry: Ledger = { done: seen?.done ?? new Set(), state: "running" };
    this.ledger.set(context.id, entry);
    const result = await this.router.dispatch(context, entry.done);
    entry.done = new Set(result.done);
    entry.state = result.failed.length > 0 ? "failed" : "complete";
    if (result.failed.length > 0) throw new DeliveryFailed(context.id, result.failed);
  }

  health(): Promise<PipelineHealth> {
    return Promise.resolve({ mode: "in-memory", queue: { waiting: 0, active: 0, delayed: 0, failed: 0 } });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
