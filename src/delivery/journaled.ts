import type { Context, Probot } from "probot";
import type { Locks } from "../github/locks.js";
import type { DeliveryJournal, JournalEntry } from "./journal.js";
import type { DeliveryPipeline, PipelineHealth } from "./pipeline.js";
import type { DispatchResult, EventRouter } from "./router.js";
import { storedContext } from "./stored-context.js";
import { subjectKey } from "./subject.js";

export interface RetryOptions {
  /** Attempts per delivery before it is marked failed for good. */
  attempts?: number;
  /** First retry delay; each later one doubles. */
  backoffMs?: number;
  /** Starts of the process with a delivery unfinished after which it is marked failed instead of run again. */
  maxStarts?: number;
}

/**
 * One process without Redis (the default): a verified delivery is written to
 * the journal on disk and GitHub is answered at once, so no delivery waits on
 * the handlers' spaced writes. The handlers then run in this process, one
 * delivery at a time per issue or PR, in order; handlers that fail are
 * retried with exponential backoff (only those), and a delivery that keeps
 * failing is kept in the journal as failed and logged. What an earlier
 * process accepted and did not finish runs again at start (`recover`).
 * A redelivery of a delivery id the journal holds is dropped, unless it
 * failed for good: then its failed handlers run again.
 */
export class JournaledPipeline implements DeliveryPipeline {
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly maxStarts: number;
  private readonly retries = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private waiting = 0;
  private active = 0;
  private closed = false;

  constructor(
    private readonly app: Probot,
    private readonly router: EventRouter,
    private readonly locks: Locks,
    private readonly journal: DeliveryJournal,
    options: RetryOptions = {},
  ) {
    this.attempts = options.attempts ?? 10;
    this.backoffMs = options.backoffMs ?? 2_000;
    this.maxStarts = options.maxStarts ?? 3;
  }

  /**
   * Runs the deliveries an earlier process accepted and did not finish (it was
   * killed, or stopped). One that was unfinished at `maxStarts` starts in a row
   * may be what stops the process (out of memory, say): it is marked failed
   * rather than run again, so the server does not restart forever.
   */
  recover(): void {
    const pending = this.journal.pending();
    if (pending.length > 0) this.app.log.info({ deliveries: pending.map((entry) => entry.id) }, "recovering deliveries accepted before a restart");
    for (const entry of pending) {
      if (entry.starts <= this.maxStarts) {
        this.start(entry, undefined, 1);
        continue;
      }
      this.app.log.error({ id: entry.id, starts: entry.starts }, "delivery failed for good: the process stopped every time it ran; kept in the journal as failed");
      this.journal.failed(entry, entry.done).catch((error: unknown) => this.app.log.error({ err: error, id: entry.id }, "the delivery journal could not be written"));
    }
  }

  async accept(context: Context): Promise<void> {
    const seen = this.journal.get(context.id);
    if (seen && seen.state !== "failed") {
      context.log.info({ state: seen.state }, "duplicate delivery ignored");
      return;
    }
    const entry = await this.journal.accept(context.id, context.name, context.payload, seen?.done);
    context.log.debug("delivery journaled");
    this.start(entry, context, 1);
  }

  health(): Promise<PipelineHealth> {
    return Promise.resolve({
      mode: "journal",
      queue: { waiting: this.waiting, active: this.active, delayed: this.retries.size, failed: this.journal.counts().failed },
    });
  }

  /** Stops retrying; without `force` waits for the running deliveries. What is unfinished runs at the next start. */
  async close(force = false): Promise<void> {
    this.closed = true;
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
    if (!force) await Promise.all(this.inFlight);
    await this.journal.close();
  }

  private start(entry: JournalEntry, context: Context | undefined, attempt: number): void {
    const run = this.attempt(entry, context, attempt).catch((error: unknown) => {
      this.app.log.error({ err: error, id: entry.id }, "the delivery journal could not be written: the delivery runs again at the next start");
    });
    this.inFlight.add(run);
    void run.finally(() => this.inFlight.delete(run));
  }

  private async attempt(entry: JournalEntry, live: Context | undefined, attempt: number): Promise<void> {
    this.waiting++;
    await this.locks.run(`delivery:${subjectKey(entry.payload)}`, async () => {
      this.waiting--;
      this.active++;
      try {
        const context = live ?? (await this.contextOf(entry));
        const result: DispatchResult = context ? await this.router.dispatch(context, new Set(entry.done)) : { done: entry.done, failed: ["(authentication)"] };
        if (result.failed.length === 0) return await this.journal.complete(entry);
        const log = context?.log ?? this.app.log.child({ id: entry.id });
        if (attempt >= this.attempts) {
          log.error({ failed: result.failed, attempts: attempt }, "delivery failed for good: kept in the journal as failed");
          return await this.journal.failed(entry, result.done);
        }
        await this.journal.progress(entry, result.done);
        const delay = this.backoffMs * 2 ** (attempt - 1);
        log.warn({ failed: result.failed, attempts: attempt, retryInMs: delay }, "delivery failed: will retry");
        this.retryLater(entry, attempt + 1, delay);
      } finally {
        this.active--;
      }
    });
  }

  /**
   * A retry runs on a context of its own, as a queue worker's would: the
   * event's client carries the first attempt's hooks and the reads it shared
   * (keyed by client and payload), and a retry must read GitHub afresh.
   */
  private retryLater(entry: JournalEntry, attempt: number, delay: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.retries.delete(timer);
      this.start(entry, undefined, attempt);
    }, delay);
    this.retries.add(timer);
  }

  /** A recovered or retried delivery's context, on a copy of its payload; undefined when the installation's token cannot be had now (retried like a failure). */
  private async contextOf(entry: JournalEntry): Promise<Context | undefined> {
    try {
      return await storedContext(this.app, { ...entry, payload: structuredClone(entry.payload) });
    } catch (error) {
      this.app.log.warn({ err: error, id: entry.id }, "no client for a recovered delivery");
      return undefined;
    }
  }
}
