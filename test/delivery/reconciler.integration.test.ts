import nock from "nock";
import { afterAll, describe, expect, it } from "vitest";
import { DeliveryReconciler } from "../../src/delivery/reconciler.js";
import { RedisReconcilerStore } from "../../src/delivery/reconciler-store.js";
import { recorder } from "../helpers/github.js";
import { requireRedis, testRedis } from "../helpers/redis.js";
import { app, failed, mockDeliveries, NOW } from "./reconciler-deliveries.js";

describe("the delivery reconciler, two instances sharing Redis", () => {
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
