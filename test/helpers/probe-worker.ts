import { tasks } from "../../src/parse/tasks.js";
import { taskRunner } from "../../src/parse/worker.js";

/** Probes for the parse budget's own tests, kept out of the app's worker: one never ends, one allocates without bound. */
const probes = {
  spin: (_text?: string): never => {
    for (;;) {
      // busy: only the deadline ends this
    }
  },
  hog: (): never => {
    const kept: number[][] = [];
    for (;;) kept.push(new Array<number>(1_000_000).fill(kept.length));
  },
};

export type ProbeName = keyof typeof probes;

/** The app's tasks and the probes. */
export default taskRunner({ ...tasks, ...probes });
