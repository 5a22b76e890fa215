import type { MessagePort } from "node:worker_threads";
import { tasks } from "./tasks.js";

export interface TaskMessage {
  name: string;
  args: unknown[];
  /** Told when the task starts, so the deadline counts the parse, not the queue or a new worker's start-up. */
  started: MessagePort;
}

/** A Piscina entry point that runs one task of `registry`, by name. */
export function taskRunner(registry: Record<string, (...args: never[]) => unknown>) {
  return function runTask({ name, args, started }: TaskMessage): unknown {
    started.postMessage(null);
    started.close();
    const task = registry[name] as (...args: unknown[]) => unknown;
    return task(...args);
  };
}

/** The app's worker: the registered parses and nothing else. */
export default taskRunner(tasks);
