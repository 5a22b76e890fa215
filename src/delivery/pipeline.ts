import type { Context } from "probot";

/** What `/health` reports about event handling. */
export interface PipelineHealth {
  mode: "in-memory" | "journal" | "queue";
  /** Deliveries waiting, running, retrying (delayed) and failed for good; zeros in memory. */
  queue: { waiting: number; active: number; delayed: number; failed: number };
}

/**
 * Where verified deliveries go. The server without Redis (the default)
 * journals them on disk and answers GitHub at once; with `REDIS_URL` they
 * are stored in a durable queue and GitHub is answered at once. In memory
 * (tests, the Action's one run) they are handled before Probot answers.
 */
export interface DeliveryPipeline {
  /**
   * Takes one delivery. Rejects when it was not handled (or not stored), so
   * that Probot answers GitHub with an error and the delivery is redelivered.
   */
  accept(context: Context): Promise<void>;
  health(): Promise<PipelineHealth>;
  /** Stops taking deliveries; `force` does not wait for the ones running. */
  close(force?: boolean): Promise<void>;
}

/** A delivery some of whose handlers failed; a redelivery runs only those. */
export class DeliveryFailed extends Error {
  constructor(
    readonly deliveryId: string,
    readonly failed: readonly string[],
  ) {
    super(`delivery ${deliveryId}: ${failed.join(", ")} failed`);
    this.name = "DeliveryFailed";
  }
}
