import type { Probot } from "probot";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { delivery, payload } from "../fixtures/payloads.js";
import { closeTestApps, createTestApp, runningParts } from "../helpers/app.js";
import { fakeClock } from "../helpers/clock.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { BOT_LOGIN } from "../helpers/github.js";
import { AUTHOR, CONFIG, FILES, HACK_BODY, PR, SHA } from "../helpers/hacks.js";
import { REDIS_URL, requireRedis, testRedis } from "../helpers/redis.js";

const redis = testRedis();
const REPOSITORY_ID = 2_000_000 + Math.floor(Math.random() * 1_000_000);
const QUEUE = `intentbot-test-instances-${process.pid}-${REPOSITORY_ID}`;
const ONE_MINUTE = 60_000;

let github: FakeGitHub | undefined;

const coalesceKeys = async () => redis.keys("intentbot:coalesce*:octo-org/widgets");

beforeAll(async () => {
  await requireRedis(redis);
  // A run stopped mid-way may leave its minute of coalescing behind.
  const stale = await coalesceKeys();
  if (stale.length > 0) await redis.del(...stale);
});
afterEach(async () => {
  await closeTestApps();
  github?.stop();
});
afterAll(async () => {
  // Nothing to clean when no Redis answered (requireRedis said so already).
  if (redis.status === "ready") {
    const keys = [...(await redis.keys(`bull:${QUEUE}*`)), ...(await coalesceKeys())];
    if (keys.length > 0) await redis.del(...keys);
  }
  redis.disconnect();
});

const pr = (patch: object = {}) => ({
  number: PR,
  title: "[hack] Hard-code prices",
  body: HACK_BODY,
  labels: [{ name: "hack" }],
  user: { login: AUTHOR },
  head: { sha: SHA },
  ...patch,
});

let ids = 0;
function event(name: "pull_request.opened" | "pull_request.labeled" | "pull_request.edited" | "pull_request.synchronize", id = `instances-${REPOSITORY_ID}-${++ids}`) {
  const body = payload(name, { pull_request: pr(), repository: { id: REPOSITORY_ID } });
  if (name === "pull_request.labeled") Object.assign(body, { label: { name: "hack" } });
  // The examples have no edited PR: GitHub always says what changed.
  if (name === "pull_request.edited") Object.assign(body, { changes: { body: { from: "" } } });
  return delivery(name, body, id);
}

async function drained(apps: readonly Probot[]): Promise<void> {
  await vi.waitFor(
    async () => {
      for (const app of apps) {
        const { queue } = await (await runningParts(app)).pipeline.health();
        expect(queue).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
      }
    },
    { timeout: 20_000, interval: 100 },
  );
}

describe("three instances sharing one Redis", { timeout: 40_000 }, () => {
  it("the same and racing deliveries yield one debt issue, one comment per topic and one dashboard edit a minute", async () => {
    const fake = new FakeGitHub();
    github = fake;
    fake.config = `${CONFIG}dashboard:\n  enabled: true\n`;
    fake.addPullRequest({ ...pr(), user: { login: AUTHOR, type: "User" }, head: { sha: SHA, ref: "changes" } });
    fake.files.set(PR, FILES);
    fake.start();

    const time = fakeClock(Date.parse("2026-12-01T12:00:00Z"));
    const apps = [0, 1, 2].map(() =>
      createTestApp(["hacks", "dashboard"], { redisUrl: REDIS_URL, clock: time.clock, queue: { name: QUEUE, backoffMs: 50, lockMs: 2_000 } }),
    );
    const [a, b, c] = apps as [Probot, Probot, Probot];

    // GitHub delivers the opening to one instance; a redelivery of it reaches the other two,
    // while labeled, edited and synchronize race on all three.
    const opened = event("pull_request.opened");
    await Promise.all([
      a.receive(opened),
      b.receive(structuredClone(opened)),
      c.receive(structuredClone(opened)),
      b.receive(event("pull_request.labeled")),
      c.receive(event("pull_request.edited")),
      a.receive(event("pull_request.synchronize")),
    ]);
    await drained(apps);

    const debtIssues = [...fake.issues.values()].filter((issue) => issue.labels.some((l) => l.name === "rebuild-debt"));
    expect(debtIssues, `checks: ${JSON.stringify(fake.checkRuns.map((run) => run.output?.title))}`).toHaveLength(1);
    const topics = fake.comments.filter((comment) => comment.issue === PR).map((comment) => /<!-- intentbot:([\w-]+) -->/.exec(comment.body)?.[1]);
    expect(topics).toEqual(["hack"]);

    // GitHub tells the app about the debt issue it labelled (an echo, which the dashboard takes).
    const debt = debtIssues[0]?.number ?? 0;
    await c.receive(
      delivery(
        "issues.labeled",
        payload("issues.labeled", {
          issue: { number: debt, labels: [{ name: "rebuild-debt" }], user: { login: BOT_LOGIN, type: "Bot" } },
          label: { name: "rebuild-debt" },
          sender: { login: BOT_LOGIN, type: "Bot" },
          repository: { id: REPOSITORY_ID },
        }),
        `instances-${REPOSITORY_ID}-echo`,
      ),
    );
    await drained(apps);

    // Dashboard writes: its creation, then its edits.
    const dashboards = () => [...fake.issues.values()].filter((issue) => issue.labels.some((l) => l.name === "intent-dashboard"));
    const dashboardWrites = () => {
      const [dashboard] = dashboards();
      return dashboard ? 1 + fake.calls.filter((call) => call === `PATCH /repos/octo-org/widgets/issues/${dashboard.number}`).length : 0;
    };
    // Within the minute, the first refresh ran at once (it created the dashboard if the debt issue existed by then) and the rest waited.
    const inFirstMinute = dashboardWrites();
    expect(inFirstMinute).toBeLessThanOrEqual(1);

    // The minute ends: the burst's one trailing refresh runs, on one instance.
    time.advance(ONE_MINUTE);
    await vi.waitFor(() => expect(dashboards()).toHaveLength(1), { timeout: 10_000 });
    // Let it finish its write (an edit only if the body changed).
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(dashboards()).toHaveLength(1);
    expect(dashboardWrites() - inFirstMinute).toBeLessThanOrEqual(1);
    expect(dashboardWrites()).toBeGreaterThanOrEqual(1);
    expect(fake.unknown).toEqual([]);
  });
});
