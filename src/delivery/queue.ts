import { Queue, Worker, type Job } from "bullmq";
import type { Context, Probot } from "probot";
import type { Locks } from "../github/locks.js";
import { DeliveryFailed, type DeliveryPipeline, type PipelineHealth } from "./pipeline.js";
import type { EventRouter } from "./router.js";
import { storedContext } from "./stored-context.js";
import { subjectKey } from "./subject.js";

export interface StoredDelivery {
  id: string;
  name: string;
  payload: unknown;
  /** Handlers that finished on an earlier attempt: a retry skips them. */
  done: string[];
}

export interface QueueOptions {
  redisUrl: string;
  /** The queue's name in Redis (tests use one each). */
  name?: string;
  /** Attempts per delivery before it lands in the failed set. */
  attempts?: number;
  /** First retry delay; each later one doubles. */
  backoffMs?: number;
  /** Deliveries handled at once by this instance. */
  concurrency?: number;
  /** How long a worker holds a job without renewing; a killed worker's job reruns after this. */
  lockMs?: number;
  /** How long a handled delivery id is remembered, so a redelivery is dropped. */
  rememberMs?: number;
}

/**
 * Several instances (`REDIS_URL`): a verified delivery is stored in a BullMQ
 * queue under its delivery id — a redelivery of a stored id is dropped — and
 * GitHub is answered at once. Workers on every instance take jobs, one at a
 * time per issue or PR (a shared lock), retry failed handlers with
 * exponential backoff, and leave a delivery that keeps failing in the
 * queue's failed set, logged.
 */
export class QueuePipeline implements DeliveryPipeline {
  private readonly queue: Queue<StoredDelivery>;
  private readonly worker: Worker<StoredDelivery>;

  constructor(
    private readonly app: Probot,
    private readonly router: EventRouter,
    private readonly locks: Locks,
    options: QueueOptions,
  ) {
    const connection = { url: options.redisUrl, maxRetriesPerRequest: null };
    const attempts = options.attempts ?? 8;
    const name = options.name ?? "intentbot-deliveries";
    this.queue = new Queue<StoredDelivery>(name, {
      connection,
      defaultJobOptions: {
        attempts,
        backoff: { type: "exponential", delay: options.backoffMs ?? 2_000 },
        removeOnComplete: { age: Math.ceil((options.rememberMs ?? 24 * 3_600_000) / 1000) },
        // Failed deliveries are kept a week for inspection.
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    });
    this.worker = new Worker<StoredDelivery>(name, (job) => this.process(job), {
      connection,
      concurrency: options.concurrency ?? 4,
      lockDuration: options.lockMs ?? 30_000,
      stalledInterval: options.lockMs ?? 30_000,
    });
    this.worker.on("failed", (job, error) => {
      if (!job) return;
      const final = job.attemptsMade >= (job.opts.attempts ?? attempts);
      const log = app.log.child({ id: job.data.id, name: job.data.name });
      if (final) log.error({ err: error, attempts: job.attemptsMade }, "delivery failed for good: kept in the queue's failed set");
      else log.warn({ err: error, attempts: job.attemptsMade }, "delivery failed: will retry");
    });
    this.worker.on("error", (error) => app.log.warn({ err: error }, "queue worker error"));
  }

  async accept(context: Context): Promise<void> {
    const job: StoredDelivery = { id: context.id, name: context.name, payload: context.payload, done: [] };
    // The delivery id is the job id: adding an id the queue holds does nothing.
    await this.queue.add(context.name, job, { jobId: context.id });
    context.log.debug("delivery queued");
  }

  async health(): Promise<PipelineHealth> {
    const counts = await this.queue.getJobCounts("waiting", "active", "delayed", "failed");
    return {
      mode: "queue",
      queue: { waiting: counts.waiting ?? 0, active: counts.active ?? 0, delayed: counts.delayed ?? 0, failed: counts.failed ?? 0 },
    };
  }

  /** Stops taking jobs; `force` leaves running ones to be retried elsewhere, as a killed process would. */
  async close(force = false): Promise<void> {
    await this.worker.close(force);
    await this.queue.close();
  }

  private async process(job: Job<StoredDelivery>): Promise<void> {
    const { id, payload } = job.data;
    const context = await storedContext(this.app, job.data);
    await this.locks.run(`delivery:${subjectKey(payload)}`, async () => {
      const result = await this.router.dispatch(context, new Set(job.data.done));
      if (result.failed.length === 0) return;
      await job.updateData({ ...job.data, done: result.done });
      throw new DeliveryFailed(id, result.failed);
    });
  }
}
