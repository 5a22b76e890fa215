import type { Probot } from "probot";
import type { ReconcilerStore } from "./reconciler-store.js";

/** One attempt of one delivery, as `GET /app/hook/deliveries` lists it. */
export interface DeliveryAttempt {
  id: number;
  guid: string;
  delivered_at: string;
  status_code: number;
  event: string;
  action?: string | null;
}

export interface ReconcilerOptions {
  /** Between two rounds (and the lease's length). */
  intervalMs: number;
  /** Deliveries older than this are left alone. */
  lookbackMs?: number;
  /** Redeliveries asked for in one round, at most. */
  maxPerRound?: number;
  /** Pages of 100 attempts read in one round, at most. */
  maxPages?: number;
  now?: () => number;
}

/** Attempts of one delivery after which the reconciler stops asking: it fails for a reason a retry won't fix. */
export const MAX_ATTEMPTS = 4;

/**
 * The deliveries that failed and have not succeeded since, newest first:
 * one per delivery (its latest attempt, the one to redeliver), leaving out
 * those already tried `MAX_ATTEMPTS` times.
 */
export function failedDeliveries(attempts: readonly DeliveryAttempt[]): DeliveryAttempt[] {
  const byGuid = new Map<string, { latest: DeliveryAttempt; succeeded: boolean; tries: number }>();
  for (const attempt of attempts) {
    const ok = attempt.status_code >= 200 && attempt.status_code < 300;
    const entry = byGuid.get(attempt.guid);
    if (!entry) byGuid.set(attempt.guid, { latest: attempt, succeeded: ok, tries: 1 });
    else {
      entry.succeeded ||= ok;
      entry.tries++;
      if (attempt.delivered_at > entry.latest.delivered_at) entry.latest = attempt;
    }
  }
  return [...byGuid.values()]
    .filter((entry) => !entry.succeeded && entry.tries < MAX_ATTEMPTS)
    .map((entry) => entry.latest)
    .sort((a, b) => b.delivered_at.localeCompare(a.delivered_at));
}

/**
 * Recovers deliveries GitHub could not hand over (the app was down, or a
 * delivery failed): at start and every interval, on one instance at a time,
 * it lists the app's recent deliveries and asks GitHub to redeliver each one
 * that failed and has not succeeded since — the procedure GitHub documents
 * for apps. A redelivery keeps its delivery id, so one that arrives twice is
 * still handled once.
 */
export class DeliveryReconciler {
  private timer: NodeJS.Timeout | undefined;
  private readonly lookbackMs: number;
  private readonly maxPerRound: number;
  private readonly maxPages: number;
  private readonly now: () => number;

  constructor(
    private readonly app: Probot,
    private readonly store: ReconcilerStore,
    private readonly options: ReconcilerOptions,
  ) {
    this.lookbackMs = options.lookbackMs ?? 6 * 3_600_000;
    this.maxPerRound = options.maxPerRound ?? 25;
    this.maxPages = options.maxPages ?? 10;
    this.now = options.now ?? Date.now;
  }

  start(): void {
    const round = () => {
      this.runOnce().catch((error: unknown) => this.app.log.warn({ err: error }, "delivery reconciler round failed"));
    };
    round();
    this.timer = setInterval(round, this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One round; the guids it asked GitHub to redeliver (none when another instance holds the lease). */
  async runOnce(): Promise<string[]> {
    // A little under the interval, so the next round can always take it.
    if (!(await this.store.tryLease(Math.max(1, this.options.intervalMs - 1_000)))) return [];
    const octokit = await this.app.auth();
    const attempts = await this.recentAttempts(octokit);
    const redelivered: string[] = [];
    for (const attempt of failedDeliveries(attempts)) {
      if (redelivered.length >= this.maxPerRound) break;
      // Marked before asking, so no other instance asks again while GitHub has
      // not yet listed the new attempt (two rounds' time is ample for that).
      if (!(await this.store.markRedelivered(attempt.guid, 2 * this.options.intervalMs))) continue;
      await octokit.request("POST /app/hook/deliveries/{delivery_id}/attempts", { delivery_id: attempt.id });
      redelivered.push(attempt.guid);
      this.app.log.info({ id: attempt.guid, event: attempt.event, status: attempt.status_code }, "asked GitHub to redeliver a failed delivery");
    }
    return redelivered;
  }

  private async recentAttempts(octokit: Awaited<ReturnType<Probot["auth"]>>): Promise<DeliveryAttempt[]> {
    const since = new Date(this.now() - this.lookbackMs).toISOString();
    const attempts: DeliveryAttempt[] = [];
    let pages = 0;
    // Newest first: stop at the first page that reaches past the look-back window.
    for await (const response of octokit.paginate.iterator("GET /app/hook/deliveries", { per_page: 100 })) {
      const batch = response.data as DeliveryAttempt[];
      attempts.push(...batch.filter((attempt) => attempt.delivered_at >= since));
      if (++pages >= this.maxPages || (batch.at(-1)?.delivered_at ?? "") < since) break;
    }
    return attempts;
  }
}
