import type { Probot } from "probot";
import { Coalescer, realClock, type Clock } from "../core/dashboard/coalesce.js";
import { botIdentity } from "./bot-identity.js";
import { Redis } from "ioredis";
import { createParseBudget, type ParseBudget } from "../parse/budget.js";
import { KeyedLocks, type Locks } from "./locks.js";
import { RedisLocks } from "./redis-locks.js";
import { TtlCache } from "./ttl-cache.js";

const FIVE_MINUTES = 5 * 60 * 1000;
const ONE_HOUR = 60 * 60 * 1000;
const ONE_MINUTE = 60 * 1000;

/** What one running app shares between events: caches and locks, no state that must survive a restart. */
export interface Services {
  botLogin: () => Promise<string>;
  /** Per-key serialisation: in-process, or shared by all instances when `REDIS_URL` is set. */
  locks: Locks;
  /** Labels known to exist, per repository, so each is created at most once an hour per process. */
  knownLabels: TtlCache<void>;
  /** Issue and PR templates per repository. */
  templates: TtlCache<string[]>;
  /** Team membership answers (`org/team:user`). */
  teamMembers: TtlCache<boolean>;
  /** At most one dashboard refresh per repository per minute. */
  dashboardRuns: Coalescer;
  clock: Clock;
  /** Every parse of user text runs here, off the main thread, within a deadline and a heap limit. */
  parse: ParseBudget;
}

export interface ServiceOptions {
  redisUrl?: string | undefined;
  /** Time for coalescing; tests pass a fake one. */
  clock?: Clock;
  /** A shared pool (tests use one per file); otherwise one is created with `parseDeadlineMs`. */
  parse?: ParseBudget;
  /** Per parse; default `INTENTBOT_PARSE_DEADLINE_MS`, else 2 s. */
  parseDeadlineMs?: number;
}

export function createServices(
  app: Probot,
  { redisUrl = process.env.REDIS_URL, clock = realClock, parse, parseDeadlineMs = deadlineFromEnv() }: ServiceOptions = {},
): Services {
  return {
    botLogin: botIdentity(app),
    locks: redisUrl ? new RedisLocks(redisClient(app, redisUrl)) : new KeyedLocks(),
    knownLabels: new TtlCache(ONE_HOUR),
    templates: new TtlCache(FIVE_MINUTES),
    teamMembers: new TtlCache(FIVE_MINUTES, 5000),
    dashboardRuns: new Coalescer(ONE_MINUTE, clock, (error) => app.log.error({ err: error }, "dashboard refresh failed")),
    clock,
    parse: parse ?? createParseBudget({ deadlineMs: parseDeadlineMs }),
  };
}

function deadlineFromEnv(): number | undefined {
  const ms = Number(process.env.INTENTBOT_PARSE_DEADLINE_MS);
  return Number.isInteger(ms) && ms > 0 ? ms : undefined;
}

function redisClient(app: Probot, url: string): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: 3 });
  redis.on("error", (error: unknown) => app.log.warn({ err: error }, "redis connection error"));
  return redis;
}
