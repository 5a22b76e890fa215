import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Context, Probot } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deriveRecordKey } from "../../src/core/records.js";
import { DeliveryJournal } from "../../src/delivery/journal.js";
import { JournaledPipeline } from "../../src/delivery/journaled.js";
import { EventRouter } from "../../src/delivery/router.js";
import { KeyedLocks } from "../../src/github/locks.js";
import { ReadCaches } from "../../src/github/read-caches.js";
import type { Services } from "../../src/github/services.js";

const quietLog = { info: () => undefined, error: () => undefined, debug: () => undefined, warn: () => undefined, child: () => quietLog };
// Probot's Context adds a header hook to the event's client.
const client = () => ({ hook: { wrap: () => undefined, before: () => undefined } });
const app = { log: quietLog, auth: () => Promise.resolve(client()) } as unknown as Probot;
const services = { recordKey: deriveRecordKey("test secret"), readCaches: new ReadCaches() } as Services;

const PAYLOAD = { action: "opened", issue: { number: 7 }, repository: { id: 1 } };

function context(id: string): Context {
  return { id, name: "issues", payload: structuredClone(PAYLOAD), log: quietLog, octokit: client() } as unknown as Context;
}

/** Handlers `a` and `b` on issues.opened, counting their runs; `b` fails while `failing` says so, and waits while `gate` is set. */
function countingRouter(state: { failing: number; gate?: Promise<void> }) {
  const runs: string[] = [];
  const router = new EventRouter(services);
  router.on("issues.opened", "a", () => {
    runs.push("a");
    return Promise.resolve();
  });
  router.on("issues.opened", "b", async () => {
    await state.gate;
    runs.push("b");
    if (state.failing > 0) {
      state.failing--;
      throw new Error("b broke");
    }
  });
  return { router, runs };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

let directory: string;
const file = () => join(directory, "deliveries.jsonl");
const lines = () =>
  readFileSync(file(), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { op: string; id: string; done?: string[] });

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "intentbot-journal-"));
});

afterEach(() => rmSync(directory, { recursive: true, force: true }));

describe("the journal of deliveries (one process, no Redis)", () => {
  it("has the delivery on disk when GitHub is answered, before its handlers have run", async () => {
    let open = () => undefined as void;
    const state = { failing: 0, gate: new Promise<void>((resolve) => (open = resolve)) };
    const { router, runs } = countingRouter(state);
    const journal = await DeliveryJournal.open(directory);
    const pipeline = new JournaledPipeline(app, router, new KeyedLocks(), journal);

    await pipeline.accept(context("d1"));
    expect(lines()).toEqual([expect.objectContaining({ op: "accept", id: "d1", done: [] })]);
    expect(runs).not.toContain("b");
    expect((await pipeline.health()).mode).toBe("journal");

    open();
    await until(() => journal.get("d1")?.state === "complete");
    expect(runs.sort()).toEqual(["a", "b"]);
    expect(lines().map((line) => line.op)).toEqual(["accept", "complete"]);
    await pipeline.close();
  });

  it("retries only the handler that failed, with backoff, until it succeeds: each takes effect once", async () => {
    const state = { failing: 2 };
    const { router, runs } = countingRouter(state);
    const journal = await DeliveryJournal.open(directory);
    const pipeline = new JournaledPipeline(app, router, new KeyedLocks(), journal, { backoffMs: 1 });

    await pipeline.accept(context("d1"));
    // The entry is marked complete in memory before its line reaches the file: wait for the line.
    await until(() => lines().some((line) => line.op === "complete"));
    expect(runs.sort()).toEqual(["a", "b", "b", "b"]);
    expect(lines().map((line) => [line.op, line.done])).toEqual([
      ["accept", []],
      ["progress", ["a"]],
      ["progress", ["a"]],
      ["complete", undefined],
    ]);
    await pipeline.close();
  });

  it("drops a delivery id it holds; one that failed for good runs its failed handlers again when redelivered", async () => {
    const state = { failing: 2 };
    const { router, runs } = countingRouter(state);
    const journal = await DeliveryJournal.open(directory);
    const pipeline = new JournaledPipeline(app, router, new KeyedLocks(), journal, { attempts: 2, backoffMs: 1 });

    await pipeline.accept(context("d1"));
    await pipeline.accept(context("d1"));
    await until(() => journal.get("d1")?.state === "failed");
    expect(runs.sort()).toEqual(["a", "b", "b"]);
    expect((await pipeline.health()).queue.failed).toBe(1);

    await pipeline.accept(context("d1"));
    await until(() => journal.get("d1")?.state === "complete");
    await pipeline.accept(context("d1"));
    expect(runs.sort()).toEqual(["a", "b", "b", "b"]);
    await pipeline.close();
  });

  it("after a restart runs what was accepted and not finished, skipping the handlers already done, and then remembers its id", async () => {
    const before = await DeliveryJournal.open(directory);
    const entry = await before.accept("d1", "issues", PAYLOAD);
    await before.progress(entry, ["a"]);
    await before.close();

    const { router, runs } = countingRouter({ failing: 0 });
    const journal = await DeliveryJournal.open(directory);
    expect(journal.pending().map((e) => [e.id, e.done])).toEqual([["d1", ["a"]]]);
    const pipeline = new JournaledPipeline(app, router, new KeyedLocks(), journal);
    pipeline.recover();
    await until(() => journal.get("d1")?.state === "complete");
    expect(runs).toEqual(["b"]);
    await pipeline.close();

    // Rewritten at the next start: no payload is kept for a finished delivery, only its id, so a redelivery is dropped.
    const after = await DeliveryJournal.open(directory);
    expect(lines()).toEqual([{ op: "seen", id: "d1", at: expect.any(Number) }]);
    const again = new JournaledPipeline(app, router, new KeyedLocks(), after);
    await again.accept(context("d1"));
    expect(runs).toEqual(["b"]);
    await again.close();
  });

  it("marks failed, instead of running again, a delivery that was unfinished at every one of several starts", async () => {
    const first = await DeliveryJournal.open(directory);
    await first.accept("d1", "issues", PAYLOAD);
    await first.close();
    for (let start = 1; start <= 2; start++) await (await DeliveryJournal.open(directory)).close();

    const { router, runs } = countingRouter({ failing: 0 });
    const journal = await DeliveryJournal.open(directory);
    expect(journal.get("d1")?.starts).toBe(3);
    const pipeline = new JournaledPipeline(app, router, new KeyedLocks(), journal, { maxStarts: 2 });
    pipeline.recover();
    await until(() => journal.get("d1")?.state === "failed");
    expect(runs).toEqual([]);
    await pipeline.close();
  });

  it("skips a torn last line (the process died writing it, before answering) and keeps the rest", async () => {
    writeFileSync(file(), `${JSON.stringify({ op: "accept", id: "d1", name: "issues", payload: PAYLOAD, done: [], at: 1 })}\n{"op":"accept","id":"d2","na`);
    const journal = await DeliveryJournal.open(directory);
    expect(journal.skipped).toBe(1);
    expect(journal.pending().map((e) => e.id)).toEqual(["d1"]);
    expect(lines().map((line) => line.id)).toEqual(["d1"]);
    await journal.close();
  });

  it("forgets finished ids beyond the ones it remembers, when it rewrites the file", async () => {
    const journal = await DeliveryJournal.open(directory, { rememberCount: 2, compactEvery: 3 });
    for (const id of ["d1", "d2", "d3"]) await journal.complete(await journal.accept(id, "issues", PAYLOAD));
    expect(lines()).toEqual([expect.objectContaining({ op: "seen", id: "d2" }), expect.objectContaining({ op: "seen", id: "d3" })]);
    expect(journal.get("d1")).toBeUndefined();
    await journal.close();
  });
});
