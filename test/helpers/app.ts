import { generateKeyPairSync } from "node:crypto";
import { Probot, ProbotOctokit } from "probot";
import { afterAll } from "vitest";
import type { ServiceOptions } from "../../src/github/services.js";
import { features, intentbotWith, type Feature } from "../../src/index.js";
import { createParseBudget, type ParseBudget } from "../../src/parse/budget.js";

let privateKey: string | undefined;

function testKey(): string {
  privateKey ??= generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
  return privateKey;
}

/** A logger for tests that assert what the app logs. */
export type ProbotLog = NonNullable<ConstructorParameters<typeof Probot>[0]>["log"];

let budget: ParseBudget | undefined;

/**
 * One worker pool per test file (each file imports this module afresh),
 * closed when the file ends. One thread: under tsx each worker's start-up
 * costs about a second of CPU, and these tests never stop a worker.
 */
export function sharedParseBudget(): ParseBudget {
  budget ??= createParseBudget({ threads: 1 });
  return budget;
}

afterAll(async () => {
  await budget?.close();
  budget = undefined;
});

/**
 * A fresh app per test (nothing cached between tests), with retries and
 * throttling off. A feature's tests load only that feature, so they assert
 * its exact calls; `createTestApp()` loads them all.
 */
export function createTestApp(only: readonly Feature[] = Object.keys(features) as Feature[], options: ServiceOptions & { log?: ProbotLog } = {}): Probot {
  const { log, ...services } = options;
  const probot = new Probot({
    appId: 1,
    privateKey: testKey(),
    logLevel: "fatal",
    ...(log ? { log } : {}),
    // A function runs after Probot's own defaults, which would re-enable
    // throttling (one write per second) for event clients.
    Octokit: ProbotOctokit.defaults((options: object) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  void probot.load(intentbotWith(only, { redisUrl: undefined, parse: sharedParseBudget(), ...services }));
  return probot;
}
