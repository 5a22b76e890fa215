import type { ApplicationFunctionOptions, Probot } from "probot";
import { healthHandler } from "./delivery/health.js";
import { InMemoryPipeline } from "./delivery/in-memory.js";
import type { DeliveryJournal } from "./delivery/journal.js";
import { JournaledPipeline, type RetryOptions } from "./delivery/journaled.js";
import type { DeliveryPipeline } from "./delivery/pipeline.js";
import { QueuePipeline, type QueueOptions } from "./delivery/queue.js";
import { DeliveryReconciler } from "./delivery/reconciler.js";
import { MemoryReconcilerStore, RedisReconcilerStore } from "./delivery/reconciler-store.js";
import { EventRouter } from "./delivery/router.js";
import { createServices, type ServiceOptions, type SharedServices } from "./github/services.js";
import { CommandDispatcher } from "./handlers/command-dispatch.js";
import { dashboardCommand } from "./handlers/dashboard/command.js";
import { onDashboardEvent } from "./handlers/dashboard/events.js";
import { hackCommand } from "./handlers/hacks/command.js";
import { onDebtIssueState } from "./handlers/hacks/debt-issue.js";
import { onDebtIssueOpened } from "./handlers/hacks/duplicate-debt.js";
import { onPullRequestHack } from "./handlers/hacks/pull-request.js";
import { onIssueIntent } from "./handlers/intent/issue.js";
import { onPullRequestIntent } from "./handlers/intent/pull-request.js";
import { phaseCommand } from "./handlers/phases/command.js";
import { onPhaseIssueOpened } from "./handlers/phases/duplicate-issue.js";
import { onPhaseIssueState } from "./handlers/phases/issue-state.js";
import { signoffCommand } from "./handlers/signoff/command.js";
import { onSignoffPullRequest } from "./handlers/signoff/events.js";

const PULL_REQUEST_CHANGED = [
  "pull_request.opened",
  "pull_request.edited",
  "pull_request.reopened",
  "pull_request.ready_for_review",
  "pull_request.synchronize",
] as const;

/**
 * Each feature wires its events to its handlers, and its slash command to
 * the one command dispatcher; nothing else happens here.
 * The app's own echoes (events it caused) reach no handler except the
 * dashboard's, which counts the hack labels and debt issues that the hacks
 * feature writes (`docs/architecture.md`).
 */
export const features = {
  intent(router: EventRouter): void {
    router.on(["issues.opened", "issues.edited", "issues.reopened"], "intent:issue", onIssueIntent);
    router.on([...PULL_REQUEST_CHANGED], "intent:pull_request", onPullRequestIntent);
  },
  signoff(router: EventRouter, commands: CommandDispatcher): void {
    router.on([...PULL_REQUEST_CHANGED, "pull_request_review.submitted", "pull_request_review.dismissed"], "signoff:pull_request", onSignoffPullRequest);
    commands.register(router, signoffCommand);
  },
  hacks(router: EventRouter, commands: CommandDispatcher): void {
    router.on(
      ["pull_request.opened", "pull_request.edited", "pull_request.reopened", "pull_request.synchronize", "pull_request.labeled", "pull_request.unlabeled", "pull_request.closed"],
      "hacks:pull_request",
      onPullRequestHack,
    );
    commands.register(router, hackCommand);
    router.on(["issues.closed", "issues.reopened"], "hacks:debt_issue", onDebtIssueState);
    // The app's own new debt issues: one created twice (a write that landed after a retry) is closed.
    router.on("issues.opened", "hacks:duplicate_debt", onDebtIssueOpened, { echoes: true });
  },
  dashboard(router: EventRouter, commands: CommandDispatcher): void {
    router.on(["pull_request.closed", "pull_request.labeled", "pull_request.unlabeled", "pull_request.reopened"], "dashboard:pull_request", onDashboardEvent, { echoes: true });
    router.on(
      ["issues.opened", "issues.edited", "issues.closed", "issues.reopened", "issues.labeled", "issues.unlabeled", "issues.deleted", "issues.transferred"],
      "dashboard:issue",
      onDashboardEvent,
      { echoes: true },
    );
    commands.register(router, dashboardCommand);
  },
  phases(router: EventRouter, commands: CommandDispatcher): void {
    commands.register(router, phaseCommand);
    router.on(["issues.closed", "issues.reopened"], "phases:issue_state", onPhaseIssueState);
    // The app's own new phase and phase debt issues: one created twice is closed.
    router.on("issues.opened", "phases:duplicate_issue", onPhaseIssueOpened, { echoes: true });
  },
};

export type Feature = keyof typeof features;

export interface AppOptions extends ServiceOptions {
  /** Queue settings when `redisUrl` is set (tests shorten the timings). */
  queue?: Omit<QueueOptions, "redisUrl">;
  /**
   * The server's journal of deliveries on disk (`delivery/journal.ts`): without
   * Redis, deliveries are journaled, answered at once and retried in this
   * process. Without either they are handled in memory before the answer.
   */
  journal?: DeliveryJournal;
  /** Retries of journaled deliveries (tests shorten them). */
  retry?: RetryOptions;
  /** Minutes between two rounds of the delivery reconciler; 0 turns it off. Default: `RECONCILE_MINUTES`, else 10. */
  reconcileMinutes?: number;
}

/** The running app's moving parts, for tests and shutdown. */
export interface Running {
  services: SharedServices;
  pipeline: DeliveryPipeline;
}

export function intentbotWith(names: readonly Feature[], options: AppOptions = {}, started?: (running: Running) => void) {
  return (app: Probot, appOptions?: ApplicationFunctionOptions): void => {
    // One answer for the locks, the caches and the pipeline: all in memory, or all on this Redis.
    const redisUrl = options.redisUrl ?? process.env.REDIS_URL;
    const services = createServices(app, { ...options, redisUrl });
    const router = new EventRouter(services);
    const commands = new CommandDispatcher();
    for (const name of names) features[name](router, commands);
    const pipeline = choosePipeline(app, router, services, redisUrl, options);
    app.onAny(async (context) => {
      if (router.handles(context.name, (context.payload as { action?: unknown }).action)) await pipeline.accept(context as never);
    });
    started?.({ services, pipeline });
    if (pipeline instanceof JournaledPipeline) pipeline.recover();
    if (appOptions && serve(appOptions, healthHandler(pipeline, services.redis))) {
      startReconciler(app, services, options.reconcileMinutes ?? minutesFromEnv());
    }
  };
}

/** Redis: the shared queue; a journal: on disk in this process; neither: in memory, before the answer. */
function choosePipeline(app: Probot, router: EventRouter, services: SharedServices, redisUrl: string | undefined, options: AppOptions): DeliveryPipeline {
  if (redisUrl) return new QueuePipeline(app, router, services.locks, { redisUrl, ...options.queue });
  if (options.journal) return new JournaledPipeline(app, router, services.locks, options.journal, options.retry);
  return new InMemoryPipeline(router);
}

/** Serves a route on Probot's HTTP server; false where there is none (tests, one-off runs). */
function serve(appOptions: ApplicationFunctionOptions, handler: Parameters<ApplicationFunctionOptions["addHandler"]>[0]): boolean {
  try {
    appOptions.addHandler(handler);
    return true;
  } catch {
    return false;
  }
}

function minutesFromEnv(): number {
  const minutes = Number(process.env.RECONCILE_MINUTES ?? 10);
  return Number.isFinite(minutes) && minutes >= 0 ? minutes : 10;
}

function startReconciler(app: Probot, services: SharedServices, minutes: number): void {
  if (minutes === 0) return;
  const now = () => services.clock.now();
  const store = services.redis ? new RedisReconcilerStore(services.redis) : new MemoryReconcilerStore(now);
  new DeliveryReconciler(app, store, { intervalMs: minutes * 60_000, now }).start();
}

/** The Probot app: every feature. */
export default intentbotWith(Object.keys(features) as Feature[]);
