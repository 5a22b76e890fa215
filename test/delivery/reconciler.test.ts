import nock from "nock";
import { describe, expect, it } from "vitest";
import { DeliveryReconciler, failedDeliveries, MAX_ATTEMPTS } from "../../src/delivery/reconciler.js";
import { MemoryReconcilerStore } from "../../src/delivery/reconciler-store.js";
import { recorder } from "../helpers/github.js";
import { app, attempt, failed, mockDeliveries, NOW } from "./reconciler-deliveries.js";

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
});
