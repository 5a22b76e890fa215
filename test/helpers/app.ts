import { Probot, ProbotOctokit } from "probot";
import { inject } from "vitest";
import { features, intentbotWith, type AppOptions, type Feature, type Running } from "../../src/index.js";
import { createParseBudget, type ParseBudget } from "../../src/parse/budget.js";
import { TEST_RECORD_SECRET } from "./records.js";

/** One RSA key for every test app of the run (made once by test/global-setup.ts: generating one is slow). */
export function testPrivateKey(): string {
  return inject("testPrivateKey");
}

const running: Running[] = [];
const partsOf = new WeakMap<Probot, Promise<Running>>();

/** A logger for tests that assert what the app logs. */
export type ProbotLog = NonNullable<ConstructorParameters<typeof Probot>[0]>["log"];

let budget: ParseBudget | undefined;

/**
 * One worker pool per test process, for every file it runs: in the unit
 * project the files of a process share this module (`isolate: false`), and
 * the pool's thread is unref'd, so it ends with the process. The worker is
 * the app's, compiled once per run (test/global-setup.ts), so it starts in
 * milliseconds instead of a second under tsx. One thread: these tests never
 * stop a worker. A roomy deadline: on a loaded CI machine an ordinary parse
 * must never count as unreadable (the deadline's own behaviour has tests
 * with pools of their own).
 */
export function sharedParseBudget(): ParseBudget {
  budget ??= createParseBudget({ threads: 1, deadlineMs: 20_000, worker: new URL(inject("parseWorker")) });
  return budget;
}

/**
 * A fresh app per test (nothing cached between tests), with retries and
 * throttling off. A feature's tests load only that feature, so they assert
 * its exact calls; `createTestApp()` loads them all.
 */
export function createTestApp(only: readonly Feature[] = Object.keys(features) as Feature[], options: AppOptions & { log?: ProbotLog } = {}): Probot {
  const { log, ...appOptions } = options;
  const probot = new Probot({
    appId: 1,
    privateKey: testPrivateKey(),
    logLevel: "fatal",
    ...(log ? { log } : {}),
    // A function runs after Probot's own defaults, which would re-enable
    // throttling (one write per second) for event clients.
    Octokit: ProbotOctokit.defaults((options: object) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  let started: (parts: Running) => void = () => undefined;
  partsOf.set(probot, new Promise((resolve) => (started = resolve)));
  // An empty REDIS_URL: in memory, whatever the environment says.
  void probot.load(
    intentbotWith(only, { redisUrl: "", recordSecret: TEST_RECORD_SECRET, parse: sharedParseBudget(), ...appOptions }, (parts) => {
      running.push(parts);
      started(parts);
    }),
  );
  return probot;
}

/** A test app's services and delivery pipeline. */
export function runningParts(probot: Probot): Promise<Running> {
  const parts = partsOf.get(probot);
  if (!parts) throw new Error("not a test app");
  return parts;
}

/** Stops the queue workers and Redis connections of every test app made so far, without waiting for jobs. */
export async function closeTestApps(): Promise<void> {
  for (const parts of running.splice(0)) {
    await parts.pipeline.close(true);
    parts.services.redis?.disconnect();
  }
}
