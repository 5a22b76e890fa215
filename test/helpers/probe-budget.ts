import { inject } from "vitest";
import type { Log } from "../../src/github/types.js";
import { createParseBudget, type Budgeted, type BudgetOptions, type ParseBudget } from "../../src/parse/budget.js";
import type { TaskArgs, TaskName } from "../../src/parse/tasks.js";
import type { ProbeName } from "./probe-worker.js";

/** A parse budget whose worker (./probe-worker.ts, compiled by test/global-setup.ts) also knows the probes (`spin`, `hog`) that the app's worker does not ship. */
export function createProbeBudget(options: Omit<BudgetOptions, "worker"> = {}): ParseBudget & { probe(name: ProbeName, args: string[], log: Log): Promise<Budgeted<never>> } {
  const budget = createParseBudget({ ...options, worker: new URL(inject("probeWorker")) });
  return Object.assign(budget, {
    // The budget's run is typed by the app's tasks; the probe worker answers these names too.
    probe: (name: ProbeName, args: string[], log: Log) => budget.run(name as TaskName, args as unknown as TaskArgs<TaskName>, log) as Promise<Budgeted<never>>,
  });
}
