import type { MessagePort } from "node:worker_threads";
import { tasks, type TaskName } from "./tasks.js";

export interface TaskMessage {
  name: TaskName;
  args: unknown[];
  /** Told when the task starts, so the deadline counts the parse, not the queue or a new worker's start-up. */
  started: MessagePort;
}

/** Piscina's entry point: one registered task, by name. */
export default function runTask({ name, args, started }: TaskMessage): unknown {
  started.postMessage(null);
  started.close();
  const task = tasks[name] as (...args: unknown[]) => unknown;
  return task(...args);
}
