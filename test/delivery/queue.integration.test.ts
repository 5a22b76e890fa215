import nock from "nock";
import type { Probot } from "probot";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { delivery, payload } from "../fixtures/payloads.js";
import { closeTestApps, createTestApp, runningParts } from "../helpers/app.js";
import { BOT_LOGIN, github, mockBotIdentity, mockNoConfig, OWNER, REPO } from "../helpers/github.js";
import { REDIS_URL, requireRedis, testRedis } from "../helpers/redis.js";

const ISSUE = `/repos/${OWNER}/${REPO}/issues/1`;
// Each run of this file uses its own repository id, so no lock or job of an earlier run is in the way.
const REPOSITORY_ID = 1_000_000 + Math.floor(Math.random() * 1_000_000);
const redis = testRedis();

beforeAll(() => requireRedis(redis));
afterEach(() => closeTestApps());
afterAll(async () => {
  // Nothing to clean when no Redis answered (requireRedis said so already).
  if (redis.status === "ready") {
    const keys = await redis.keys("bull:intentbot-test-*");
    if (keys.length > 0) await redis.del(...keys);
  }
  redis.disconnect();
});

let queues = 0;
/** A queue of its own per test, with short timings. */
function queueOptions() {
  return { name: `intentbot-test-${process.pid}-${Date.now()}-${++queues}`, backoffMs: 50, lockMs: 500, attempts: 3 };
}

function queuedApp(queue: ReturnType<typeof queueOptions>): Probot {
  return createTestApp(["intent"], { redisUrl: REDIS_URL, queue, lockLeaseMs: 500 });
}

/** As a killed process would: no more jobs taken, no lock renewed. */
async function kill(probot: Probot): Promise<void> {
  const { pipeline, services } = await runningParts(probot);
  await pipeline.close(true);
  services.redis?.disconnect();
}

function deferred() {
  let release: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

/** GitHub as one issue without why/who sees it: the intent check's comment list is shared by every run. */
class IssueThread {
  readonly comments: { id: number; user: { login: string }; body: string }[] = [];
  readonly posted: string[] = [];

  /** One run of the intent check up to its comment; an instance's first run also gets a token, its login and the label. */
  mockRun(scope: nock.Scope, options: { newInstance: boolean; holdConfig?: Promise<void> }): void {
    if (options.newInstance) {
      github();
      mockBotIdentity(scope);
      scope.post(`/repos/${OWNER}/${REPO}/labels`).reply(201, {});
      // Templates are cached by the instance for a few minutes.
      scope.get(`/repos/${OWNER}/${REPO}/contents`).reply(404);
    }
    if (options.holdConfig) {
      const hold = options.holdConfig;
      scope.get(`/repos/${OWNER}/${REPO}/contents/.github%2Fintent.yml`).reply(async () => {
        await hold;
        return [404, {}];
      });
      scope.get(`/repos/${OWNER}/.github/contents/.github%2Fintent.yml`).reply(404);
    } else mockNoConfig(scope);
    scope.post(`${ISSUE}/labels`).reply(200, []);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, () => this.comments);
  }

  /**
   * The comment's POST: GitHub creates it and answers, fails (502), or creates
   * it but the instance dies before the answer arrives.
   */
  mockComment(scope: nock.Scope, outcome: "created" | "fails" | "created, never answered" = "created"): void {
    scope.post(`${ISSUE}/comments`).reply(async (_uri, requestBody) => {
      const body = (requestBody as { body: string }).body;
      this.posted.push(body);
      if (outcome === "fails") return [502, { message: "bad gateway" }];
      this.comments.push({ id: 100 + this.comments.length, user: { login: BOT_LOGIN }, body });
      if (outcome === "created, never answered") await new Promise(() => undefined);
      return [201, {}];
    });
  }

}

let deliveries = 0;
/** An issue without why/who, opened; a unique delivery id unless one is given. */
const opened = (id = `queued-${REPOSITORY_ID}-${++deliveries}`) =>
  delivery("issues.opened", payload("issues.opened", { issue: { body: "Please fix it", labels: [] }, repository: { id: REPOSITORY_ID } }), id);

describe("the durable queue (REDIS_URL)", { timeout: 30_000 }, () => {
  it("answers GitHub once the delivery is stored, before its handlers have run", async () => {
    const queue = queueOptions();
    const probot = queuedApp(queue);
    const thread = new IssueThread();
    const scope = nock("https://api.github.com");
    const config = deferred();
    thread.mockRun(scope, { newInstance: true, holdConfig: config.promise });
    thread.mockComment(scope);

    await probot.receive(opened());
    // Answered, while the handler still waits for its first read.
    expect(thread.posted).toEqual([]);

    config.release();
    await vi.waitFor(() => expect(thread.posted).toHaveLength(1), { timeout: 10_000 });
    expect(thread.comments).toHaveLength(1);
  });

  it("a delivery id the queue holds is dropped, on any instance", async () => {
    const queue = queueOptions();
    const [one, two] = [queuedApp(queue), queuedApp(queue)];
    const thread = new IssueThread();
    const scope = nock("https://api.github.com");
    thread.mockRun(scope, { newInstance: true });
    thread.mockComment(scope);

    const event = opened(`delivered-twice-${REPOSITORY_ID}`);
    await one.receive(event);
    await two.receive(structuredClone(event));
    await vi.waitFor(() => expect(thread.posted).toHaveLength(1), { timeout: 10_000 });
    await one.receive(structuredClone(event));

    const { pipeline } = await runningParts(one);
    await vi.waitFor(async () => expect((await pipeline.health()).queue).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 }), { timeout: 10_000 });
    expect(thread.posted).toHaveLength(1);
  });

  it("a handler that fails is retried after a backoff, and its effect happens once", async () => {
    const queue = queueOptions();
    const probot = queuedApp(queue);
    const thread = new IssueThread();
    const scope = nock("https://api.github.com");
    thread.mockRun(scope, { newInstance: true });
    thread.mockComment(scope, "fails");
    // The retry: the label is known by now; the comment goes through.
    thread.mockRun(scope, { newInstance: false });
    thread.mockComment(scope);

    await probot.receive(opened());

    await vi.waitFor(() => expect(thread.comments).toHaveLength(1), { timeout: 10_000 });
    expect(thread.posted).toHaveLength(2);
  });

  it("a delivery whose worker dies mid-way runs again on another instance, and its effect happens once", async () => {
    const queue = queueOptions();
    const dying = queuedApp(queue);
    const thread = new IssueThread();
    const scope = nock("https://api.github.com");
    thread.mockRun(scope, { newInstance: true });
    // GitHub creates the comment, but the instance dies before it hears back.
    thread.mockComment(scope, "created, never answered");

    await dying.receive(opened());
    await vi.waitFor(() => expect(thread.comments).toHaveLength(1), { timeout: 10_000 });
    await kill(dying);

    // Another instance takes the job once its lock has lapsed, and finds the comment made.
    const survivor = queuedApp(queue);
    thread.mockRun(scope, { newInstance: true });
    await vi.waitFor(() => expect(scope.pendingMocks()).toEqual([]), { timeout: 15_000 });
    const { pipeline } = await runningParts(survivor);
    await vi.waitFor(async () => expect((await pipeline.health()).queue.active).toBe(0), { timeout: 10_000 });
    expect(thread.comments).toHaveLength(1);
    expect(thread.posted).toHaveLength(1);
  });
});
