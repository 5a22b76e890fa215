import { LRUCache } from "lru-cache";
import type { Probot } from "probot";
import { MemoryCoalescer, realClock, type Clock, type RunCoalescer } from "../delivery/coalescer.js";
import { deriveRecordKey, type RecordKey } from "../core/records.js";
import { botIdentity } from "./bot-identity.js";
import { Redis } from "ioredis";
import { createParseBudget, type ParseBudget } from "../parse/budget.js";
import { KeyedLocks, type Locks } from "./locks.js";
import { RedisCoalescer } from "./redis-coalescer.js";
import { RedisLocks } from "./redis-locks.js";
import type { UserTeams } from "./teams.js";
import { CodeownersCache } from "./codeowners.js";
import { PullRequestFiles } from "./files.js";
import { MemoryFailedCommands, RedisFailedCommands, type FailedCommands } from "./failed-commands.js";
import { PublishedChecks } from "./published-checks.js";
import { ReadCaches } from "./read-caches.js";
import type { DeliveryFacts } from "./facts.js";
import type { EventConfigs } from "../config/for-event.js";
import { TtlCache } from "./ttl-cache.js";

const FIVE_MINUTES = 5 * 60 * 1000;
const ONE_HOUR = 60 * 60 * 1000;
const ONE_MINUTE = 60 * 1000;

/** What one running app shares between events: caches and locks, no state that must survive a restart. */
export interface SharedServices {
  botLogin: () => Promise<string>;
  /** Per-key serialisation: in-process, or shared by all instances when `REDIS_URL` is set. */
  locks: Locks;
  /** Labels known to exist, per repository, so each is created at most once an hour per process. */
  knownLabels: TtlCache<void>;
  /** Issue and PR templates per repository. */
  templates: TtlCache<string[]>;
  /** Each user's teams in an organisation (`org:user`), read once for every team (`teams.ts`). */
  teamMembers: TtlCache<UserTeams>;
  /** At most one dashboard refresh per repository per minute, across instances when Redis is shared. */
  dashboardRuns: RunCoalescer;
  clock: Clock;
  /** The shared Redis (`REDIS_URL`), when there is one. */
  redis?: Redis | undefined;
  /** Seals the bot's records and checks them on the way back (`github/records.ts`). */
  recordKey: RecordKey;
  /** Every parse of user text runs here, off the main thread, within a deadline and a heap limit. */
  parse: ParseBudget;
  /** Repository files, issues and a PR's files by ETag, brief permission answers (`read-caches.ts`). */
  readCaches: ReadCaches;
  /** The check runs this instance published, so the executor skips an unchanged one (`published-checks.ts`). */
  publishedChecks: PublishedChecks;
  /** Compiled CODEOWNERS files by text. */
  codeowners: CodeownersCache;
  /** The paths each pull request changes, per head commit (`files.ts`). */
  pullFiles: PullRequestFiles;
  /** The config of each delivery being handled, read once for its features (`config/for-event.ts`). */
  eventConfigs: EventConfigs;
  /** Commands whose last run failed, for the run that succeeds to take back the failure (`failed-commands.ts`). */
  failedCommands: FailedCommands;
  /**
   * Issues this instance created and had GitHub's answer for (by `issueKey`):
   * the run that created one links it, or its retry adopts it, so its echo needs
   * no duplicate check (`handlers/hacks/duplicate-debt.ts`).
   */
  createdIssues: LRUCache<string, true>;
}

/** What a handler is given: the app's shared services, and the facts of the delivery it handles (`facts.ts`). */
export interface Services extends SharedServices {
  facts: DeliveryFacts;
}

export interface ServiceOptions {
  /** Redis for locks, coalescing and caches shared by several instances; none: all in memory (the app reads `REDIS_URL`). */
  redisUrl?: string | undefined;
  /** How long a Redis lock outlives an instance that stopped renewing it (tests shorten it). */
  lockLeaseMs?: number;
  /** Time for coalescing and for every cache's expiry; tests pass a fake one. */
  clock?: Clock;
  /** The bot account the app writes as, when known without asking (the Action's `github-actions[bot]`); otherwise learned from `GET /app`. */
  botLogin?: string | undefined;
  /** The secret the record key is derived from: the app's webhook secret; tests pass a fixed one. */
  recordSecret?: string | undefined;
  /** A shared pool (tests use one per file); otherwise one is created with `parseDeadlineMs`. */
  parse?: ParseBudget;
  /** Per parse; default `INTENTBOT_PARSE_DEADLINE_MS`, else 2 s. */
  parseDeadlineMs?: number;
}

export function createServices(app: Probot, options: ServiceOptions = {}): SharedServices {
  const { redisUrl, clock = realClock, lockLeaseMs, recordSecret = process.env.WEBHOOK_SECRET, parse, parseDeadlineMs = deadlineFromEnv(), botLogin } = options;
  // Without a secret every record would be sealed with a key anyone can compute.
  if (!recordSecret) throw new Error("WEBHOOK_SECRET is not set: intentbot derives the key that authenticates its records from it");
  const redis = redisUrl ? redisClient(app, redisUrl) : undefined;
  const now = () => clock.now();
  const readCaches = new ReadCaches(now);
  return {
    botLogin: botLogin === undefined ? botIdentity(app) : () => Promise.resolve(botLogin),
    locks: redis ? new RedisLocks(redis, lockLeaseMs === undefined ? {} : { leaseMs: lockLeaseMs }) : new KeyedLocks(),
    knownLabels: new TtlCache(ONE_HOUR, undefined, now),
    templates: new TtlCache(FIVE_MINUTES, undefined, now),
    teamMembers: new TtlCache(FIVE_MINUTES, 5000, now),
    dashboardRuns: redis
      ? new RedisCoalescer(redis, ONE_MINUTE, clock, refreshFailed(app))
      : new MemoryCoalescer(ONE_MINUTE, clock, refreshFailed(app)),
    clock,
    redis,
    recordKey: deriveRecordKey(recordSecret),
    parse: parse ?? createParseBudget({ deadlineMs: parseDeadlineMs }),
    readCaches,
    publishedChecks: new PublishedChecks(redis !== undefined, now),
    codeowners: new CodeownersCache(),
    pullFiles: new PullRequestFiles(),
    eventConfigs: new WeakMap(),
    failedCommands: redis ? new RedisFailedCommands(redis) : new MemoryFailedCommands(() => clock.now()),
    createdIssues: new LRUCache({ max: 1_000 }),
  };
}

const refreshFailed = (app: Probot) => (error: unknown) => app.log.error({ err: error }, "dashboard refresh failed");

function deadlineFromEnv(): number | undefined {
  const ms = Number(process.env.INTENTBOT_PARSE_DEADLINE_MS);
  return Number.isInteger(ms) && ms > 0 ? ms : undefined;
}

function redisClient(app: Probot, url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 3 });
  redis.on("error", (error: unknown) => app.log.warn({ err: error }, "redis connection error"));
  return redis;
}
