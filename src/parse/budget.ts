import { availableParallelism } from "node:os";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import type { Log } from "../github/types.js";
import type { TaskArgs, TaskName, TaskValue } from "./tasks.js";
import type { Unreadable } from "./unreadable.js";
import type { TaskMessage } from "./worker.js";

/**
 * The one way a read of user text says how it went: the value, or why it
 * could not be read. Never thrown: each step that reads returns it, and the
 * feature turns `ok: false` into its unreadable outcome (`./unreadable.ts`).
 */
export type Budgeted<T> = { ok: true; value: T } | { ok: false; reason: Unreadable };

/** Runs a registered parse off the main thread; never throws for a deadline, the heap limit or a parser's error. */
export interface ParseBudget {
  run<N extends TaskName>(name: N, args: TaskArgs<N>, log: Log): Promise<Budgeted<Awaited<TaskValue<N>>>>;
  close(): Promise<void>;
}

export interface BudgetOptions {
  /** Per parse; default 2 s. */
  deadlineMs?: number | undefined;
  /** Old-generation heap of each worker; default 256 MB. */
  heapMb?: number | undefined;
  /** Most threads at once; default 1 on a 2-core machine, 2 from 3 cores (tests that never stop a worker need one). */
  threads?: number | undefined;
  /** The worker's module: the app's own unless a test gives one with probes of its own (`test/helpers/probe-worker.ts`). */
  worker?: URL | undefined;
}

const DEFAULT_DEADLINE_MS = 2000;
const DEFAULT_HEAP_MB = 256;
// A core is left to the main thread: on a 2-core machine one worker (a second would compete
// with the event loop for the same cores and add its heap, about 25 MB, to the peak); from 3
// cores two, so one hostile body does not queue every other event's parse behind it.
const DEFAULT_THREADS = Math.max(1, Math.min(2, availableParallelism() - 1));
// The pool starts with the first parse, so an app with nothing to read holds no worker heap; then one
// worker stays warm (unref'd by Piscina, so it never holds the process open) and any other exits after
// this long idle. (With no worker kept, Piscina 5 left a task queued behind a worker stopped at its deadline.)
const IDLE_TIMEOUT_MS = 30_000;
// Parses allocate little that lives: a small young generation keeps a worker's resident memory small.
const YOUNG_GENERATION_MB = 8;

/** Defined by the Action's bundle (scripts/bundle.ts): the bundled parse worker, beside the bundled entry. */
declare const INTENTBOT_BUNDLED_PARSE_WORKER: string | undefined;

/** The worker entry: `given`, else the one next to this module — TypeScript under tests and `tsx`, compiled JavaScript in production, the bundled worker in the Action. */
function workerEntry(given: URL | undefined): { filename: string; execArgv: string[] } {
  if (given) return { filename: given.href, execArgv: given.pathname.endsWith(".ts") ? ["--import", "tsx"] : [] };
  if (typeof INTENTBOT_BUNDLED_PARSE_WORKER === "string") return { filename: new URL(INTENTBOT_BUNDLED_PARSE_WORKER, import.meta.url).href, execArgv: [] };
  const fromSource = import.meta.url.endsWith(".ts");
  return {
    filename: new URL(fromSource ? "./worker.ts" : "./worker.js", import.meta.url).href,
    execArgv: fromSource ? ["--import", "tsx"] : [],
  };
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** Characters of text in a task's arguments, for the log (never the text itself). */
function inputChars(value: unknown, depth = 0): number {
  if (typeof value === "string") return value.length;
  if (depth > 4 || value === null || typeof value !== "object") return 0;
  const values = Array.isArray(value) ? value : Object.values(value);
  return values.reduce<number>((sum, v) => sum + inputChars(v, depth + 1), 0);
}

function errorCode(error: unknown): string | undefined {
  return (error as { code?: string } | null)?.code;
}

export function createParseBudget({ deadlineMs = DEFAULT_DEADLINE_MS, heapMb = DEFAULT_HEAP_MB, threads = DEFAULT_THREADS, worker }: BudgetOptions = {}): ParseBudget {
  let started: Piscina<TaskMessage, unknown> | undefined;
  const pool = () =>
    (started ??= new Piscina<TaskMessage, unknown>({
      ...workerEntry(worker),
      minThreads: 1,
      maxThreads: threads,
      idleTimeout: IDLE_TIMEOUT_MS,
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(YOUNG_GENERATION_MB, heapMb) },
    }));

  const reasonOf = (error: unknown, deadline: AbortSignal): Unreadable => {
    if (deadline.aborted) return { kind: "deadline", detail: `reading it took longer than ${seconds(deadlineMs)}` };
    if (errorCode(error) === "ERR_WORKER_OUT_OF_MEMORY") return { kind: "memory", detail: `reading it needed more than ${heapMb} MB of memory` };
    const name = error instanceof Error ? error.name : "Error";
    return { kind: "error", detail: `the reader failed (${name})` };
  };

  return {
    async run(name, args, log) {
      // Aborting a running task terminates its worker: the only way to stop a parse stuck in a loop.
      const deadline = new AbortController();
      const { port1, port2 } = new MessageChannel();
      let timer: NodeJS.Timeout | undefined;
      port1.once("message", () => {
        timer = setTimeout(() => deadline.abort(), deadlineMs);
      });
      try {
        const value = await pool().run({ name, args: args as unknown[], started: port2 }, { signal: deadline.signal, transferList: [port2] });
        return { ok: true, value: value as Awaited<TaskValue<typeof name>> };
      } catch (error) {
        const reason = reasonOf(error, deadline.signal);
        const fields = { task: name, inputChars: inputChars(args), deadlineMs, heapMb, reason: reason.kind };
        if (reason.kind === "error") log.error({ ...fields, err: error }, "parse failed");
        else log.warn(fields, "parse exceeded its budget");
        return { ok: false, reason };
      } finally {
        clearTimeout(timer);
        port1.close();
      }
    },
    close: async () => {
      await started?.close({ force: true });
      started = undefined;
    },
  };
}
