import type { Context } from "probot";
import { describe, expect, it } from "vitest";
import { InMemoryPipeline } from "../../src/delivery/in-memory.js";
import { DeliveryFailed } from "../../src/delivery/pipeline.js";
import { EventRouter } from "../../src/delivery/router.js";
import { deriveRecordKey } from "../../src/core/records.js";
import { ReadCaches } from "../../src/github/read-caches.js";
import type { Services } from "../../src/github/services.js";

const quietLog = { info: () => undefined, error: () => undefined, debug: () => undefined, warn: () => undefined };

const services = { recordKey: deriveRecordKey("test secret"), readCaches: new ReadCaches() } as Services;

function context(id: string, name = "issues", action = "opened"): Context {
  // The router sets up record sealing on the event's client before any handler runs.
  const octokit = { hook: { wrap: () => undefined } };
  return { id, name, payload: { action }, log: quietLog, octokit } as unknown as Context;
}

/** A router whose handlers count their runs and fail while `failing` holds their name. */
function countingRouter(failing: Set<string>) {
  const runs: string[] = [];
  const router = new EventRouter(services);
  for (const name of ["a", "b"]) {
    router.on("issues.opened", name, () => {
      runs.push(name);
      return failing.has(name) ? Promise.reject(new Error(`${name} broke`)) : Promise.resolve();
    });
  }
  router.on("issues.closed", "c", () => {
    runs.push("c");
    return Promise.resolve();
  });
  return { router, runs };
}

describe("in-memory deliveries", () => {
  it("runs the handlers of the event and action only", async () => {
    const { router, runs } = countingRouter(new Set());
    await new InMemoryPipeline(router).accept(context("d1"));
    expect(runs.sort()).toEqual(["a", "b"]);
  });

  it("a delivery id seen before does nothing, finished or still running", async () => {
    const { router, runs } = countingRouter(new Set());
    const pipeline = new InMemoryPipeline(router);
    await Promise.all([pipeline.accept(context("d1")), pipeline.accept(context("d1"))]);
    await pipeline.accept(context("d1"));
    expect(runs.sort()).toEqual(["a", "b"]);
  });

  it("a failed handler fails the delivery; its redelivery runs only the handlers that failed", async () => {
    const failing = new Set(["b"]);
    const { router, runs } = countingRouter(failing);
    const pipeline = new InMemoryPipeline(router);

    const first = pipeline.accept(context("d1"));
    await expect(first).rejects.toBeInstanceOf(DeliveryFailed);
    await expect(first).rejects.toThrow("delivery d1: b failed");

    failing.clear();
    await pipeline.accept(context("d1"));
    await pipeline.accept(context("d1"));
    expect(runs.sort()).toEqual(["a", "b", "b"]);
  });

  it("refuses a handler name used twice", () => {
    const router = new EventRouter(services);
    router.on("issues", "x", () => Promise.resolve());
    expect(() => router.on("pull_request", "x", () => Promise.resolve())).toThrow("registered twice");
  });
});
