import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { afterAll, describe, expect, it } from "vitest";
import { DeliveryReconciler, failedDeliveries, MAX_ATTEMPTS, type DeliveryAttempt } from "../../src/delivery/reconciler.js";
import { MemoryReconcilerStore, RedisReconcilerStore } from "../../src/delivery/reconciler-store.js";
import { testPrivateKey } from "../helpers/app.js";
import { recorder } from "../helpers/github.js";
import { requireRedis, testRedis } from "../helpers/redis.js";

const NOW = Date.parse("2026-12-01T12:00:00Z");
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString().replace(".000Z", "Z");

let nextId = 1;
function attempt(guid: string, status: number, minutes: number): DeliveryAttempt {
  return { id: nextId++, guid, status_code: status, delivered_at: minutesAgo(minutes), event: "issues", action: "opened" };
}

function app(): Probot {
  return new Probot({
    appId: 1,
    privateKey: testPrivateKey(),
    logLevel: "fatal",
    Octokit: ProbotOctokit.defaults((options: object) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } })),
  });
}

describe("which deliveries are redelivered", () => {
  it("those whose every attempt failed, once each, by their latest attempt, newest first", () => {
    const older = attempt("a", 500, 30);
    const latest = attempt("a", 502, 20);
    const other = attempt("d", 0, 5);
    const picked = failedDeliveries([other, latest, attempt("b", 500, 40), attempt("b", 200, 35), attempt("c", 202, 10), older]);
    expect(picked).toEqual([other, latest]);
  });

  it(`not one that failed ${MAX_ATTEMPTS} times: a retry would not fix it`, () => {
    const attempts = Array.from({ length: MAX_ATTEMPTS }, (_, i) => attempt("e", 500, 50 - i));
    expect(failedDeliveries(attempts)).toEqual([]);
    expect(failedDeliveries(attempts.slice(1))).toHaveLength(1);
  });
});

describe("delivery reconciler", () => {
  const failed = attempt("failed-guid", 504, 15);
  const recovered = [attempt("ok-later", 500, 20), attempt("ok-later", 200, 19)];
  const tooOld = attempt("old-guid", 500, 60 * 7);

  function mockDeliveries(scope: nock.Scope): nock.Scope {
    return scope
      .get("/app/hook/deliveries")
      .query({ per_page: 100 })
      .reply(200, [failed, ...recovered], { link: '<https://api.github.com/app/hook/deliveries?per_page=100&cursor=v1_2>; rel="next"' })
      .get("/app/hook/deliveries")
      .query({ per_page: 100, cursor: "v1_2" })
      .reply(200, [tooOld]);
  }

  it("lists the app's recent deliveries page by page and asks GitHub to redeliver the failed one", async () => {
    const asked = recorder();
    const scope = mockDeliveries(nock("https://api.github.com"));
    scope.post(`/app/hook/deliveries/${failed.id}/attempts`, asked.match).reply(202, {});

    const reconciler = new DeliveryReconciler(app(), new MemoryReconcilerStore(() => NOW), { intervalMs: 600_000, now: () => NOW });
    expect(await reconciler.runOnce()).toEqual(["failed-guid"]);
    expect(asked.bodies).toHaveLength(1);
  });

  it("asks once, however many rounds run before GitHub lists the new attempt", async () => {
    const scope = mockDeliveries(nock("https://api.github.com"));
    scope.post(`/app/hook/deliveries/${failed.id}/attempts`).reply(202, {});
    let now = NOW;
    const store = new MemoryReconcilerStore(() => now);
    const reconciler = new DeliveryReconciler(app(), store, { intervalMs: 600_000, now: () => now });
    await reconciler.runOnce();

    now += 600_000;
    mockDeliveries(scope);
    expect(await reconciler.runOnce()).toEqual([]);
  });

  describe("two instances sharing Redis", () => {
    const redis = testRedis();
    afterAll(() => redis.disconnect());

    it("redeliver a failed delivery exactly once", async () => {
      await requireRedis(redis);
      await redis.del("intentbot:reconciler:lease", `intentbot:reconciler:redelivered:${failed.guid}`);
      const asked = recorder();
      const scope = mockDeliveries(nock("https://api.github.com"));
      scope.post(`/app/hook/deliveries/${failed.id}/attempts`, asked.match).reply(202, {});

      const options = { intervalMs: 600_000, now: () => NOW };
      const one = new DeliveryReconciler(app(), new RedisReconcilerStore(redis), options);
      const two = new DeliveryReconciler(app(), new RedisReconcilerStore(redis), options);
      const rounds = await Promise.all([one.runOnce(), two.runOnce()]);

      expect(rounds.flat()).toEqual(["failed-guid"]);
      expect(asked.bodies).toHaveLength(1);
      await redis.del("intentbot:reconciler:lease", `intentbot:reconciler:redelivered:${failed.guid}`);
    });
  });
});
