/**
 * Coalescing of repeated work (a dashboard refresh per repository): one
 * interface, kept in this process (`MemoryCoalescer`, on the app's clock) or
 * shared by every instance through Redis (`github/redis-coalescer.ts`).
 * Timers live here, outside core, behind the injectable `Clock`.
 */
export type CoalesceOutcome = "ran" | "deferred" | "merged";

/** The app's time: read, and waited on; tests pass one they move by hand (`test/helpers/clock.ts`). */
export interface Clock {
  now(): number;
  /** Runs `fn` after `ms`; the real clock uses an unref'd timer so it never holds the process open. */
  later(fn: () => void, ms: number): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  later: (fn, ms) => {
    setTimeout(fn, ms).unref();
  },
};

/** At most one run per key per interval; in this process, or across instances through Redis. */
export interface RunCoalescer {
  request(key: string, run: () => Promise<void>): Promise<CoalesceOutcome>;
  /** A forced run (`/dashboard refresh`) counts as the key's latest run. */
  markRun(key: string): Promise<void>;
}

interface KeyState {
  lastStart?: number;
  pending?: () => Promise<void>;
}

/**
 * At most one run per key per interval: the first request runs at once, the
 * requests that follow within the interval collapse into one trailing run
 * (with the newest request's work) when the interval is over. A burst of
 * webhooks therefore costs at most one dashboard edit per repository per
 * minute, and the last event of the burst is never missed.
 */
export class MemoryCoalescer implements RunCoalescer {
  private readonly keys = new Map<string, KeyState>();

  constructor(
    private readonly intervalMs: number,
    private readonly clock: Clock,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  async request(key: string, run: () => Promise<void>): Promise<CoalesceOutcome> {
    const state = this.keys.get(key) ?? {};
    this.keys.set(key, state);
    if (state.pending) {
      state.pending = run;
      return "merged";
    }
    const now = this.clock.now();
    if (state.lastStart === undefined || now - state.lastStart >= this.intervalMs) {
      state.lastStart = now;
      await run();
      return "ran";
    }
    state.pending = run;
    this.clock.later(() => {
      const work = state.pending;
      state.pending = undefined;
      state.lastStart = this.clock.now();
      work?.().catch(this.onError);
    }, state.lastStart + this.intervalMs - now);
    return "deferred";
  }

  markRun(key: string): Promise<void> {
    const state = this.keys.get(key) ?? {};
    state.lastStart = this.clock.now();
    this.keys.set(key, state);
    return Promise.resolve();
  }
}
