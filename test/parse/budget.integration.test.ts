import { afterAll, describe, expect, it } from "vitest";
import type { Log } from "../../src/github/types.js";
import { createProbeBudget } from "../helpers/probe-budget.js";

/** A logger that keeps what it was given, to assert what a timeout logs. */
function recordingLog() {
  const entries: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => entries.push({ level, fields, message });
  const log = { warn: at("warn"), error: at("error"), info: at("info"), debug: at("debug") } as unknown as Log;
  return { log, entries };
}

// A deadline an ordinary task cannot miss even on a loaded machine; the outcome, not the time taken, is asserted.
const budget = createProbeBudget({ deadlineMs: 1_500, heapMb: 64 });
afterAll(() => budget.close());

const rules = { why: ["why"], who: ["who"], minWords: 3, placeholders: [] };

// Stopping a worker means starting another, which under tsx on a busy machine can take seconds.
describe("the parse budget", { timeout: 30_000 }, () => {
  it("returns an ordinary task's value", async () => {
    const { log } = recordingLog();
    const result = await budget.run("parseCommands", ["/phase list\nmore", ["phase"]], log);
    expect(result).toEqual({ ok: true, value: [{ name: "phase", args: "list", body: ["more"] }] });
  });

  it("carries sets in and plain data out (judgeBody with template lines)", async () => {
    const { log } = recordingLog();
    const result = await budget.run("judgeBody", ["## Why\nSo that admins stop losing their work\n", rules, ["## Why"]], log);
    expect(result.ok && result.value.why?.text).toBe("So that admins stop losing their work");
  });

  it("stops a task that never ends at the deadline, logs it without the text, and serves the next task", async () => {
    const { log, entries } = recordingLog();
    const stuck = await budget.probe("spin", [], log);
    expect(stuck).toEqual({ ok: false, reason: { kind: "deadline", detail: "reading it took longer than 1.5 s" } });
    expect(entries).toEqual([{ level: "warn", message: "parse exceeded its budget", fields: { task: "spin", inputChars: 0, deadlineMs: 1_500, heapMb: 64, reason: "deadline" } }]);

    const next = await budget.run("parseCommands", ["/hack because", ["hack"]], log);
    expect(next.ok).toBe(true);
  });

  it("stops a task that allocates without bound at the heap limit and keeps serving", async () => {
    // A deadline far beyond the time to fill 64 MB, so only the heap limit can stop it.
    const roomy = createProbeBudget({ deadlineMs: 60_000, heapMb: 64 });
    try {
      const { log, entries } = recordingLog();
      const hog = await roomy.probe("hog", [], log);
      expect(hog).toEqual({ ok: false, reason: { kind: "memory", detail: "reading it needed more than 64 MB of memory" } });
      expect(entries[0]).toMatchObject({ level: "warn", fields: { task: "hog", reason: "memory" } });

      const next = await roomy.run("findReferences", ["fixes #12", { owner: "o", repo: "r" }, []], log);
      expect(next.ok && next.value.issues).toEqual([{ owner: "o", repo: "r", number: 12, closing: true }]);
    } finally {
      await roomy.close();
    }
  });

  it("reports a parser that throws as unreadable, logged as an error", async () => {
    const { log, entries } = recordingLog();
    // A task called with arguments it cannot take throws inside the worker.
    const result = await budget.run("parseCommands", [null as unknown as string, []], log);
    expect(result).toEqual({ ok: false, reason: { kind: "error", detail: "the reader failed (TypeError)" } });
    expect(entries[0]).toMatchObject({ level: "error", fields: { task: "parseCommands", reason: "error" } });
  });

  it("logs the size of the input, never the text", async () => {
    const { log, entries } = recordingLog();
    await budget.probe("spin", ["secret text"], log);
    expect(entries[0]?.fields).toMatchObject({ task: "spin", inputChars: 11 });
    expect(JSON.stringify(entries)).not.toContain("secret");
  });
});
