import { bench } from "vitest";
import { recordResult } from "./results.js";

/**
 * Benches hostile inputs and keeps each one's worst single run: a webhook
 * waits on the slowest input, not the mean (warm-up runs count: the first
 * event after a deploy is real too). Once every case has run, it prints each
 * worst time beside its goal and appends one line to bench/RESULTS.md.
 */
export function worstCases(suite: string, cases: readonly { name: string; goalMs: number; run: () => void }[]): void {
  const worst = new Map<string, number>();
  const total = new Map<string, { ms: number; runs: number }>();
  const finished = new Set<string>();
  for (const { name, run } of cases) {
    const measured = () => {
      const start = performance.now();
      run();
      const ms = performance.now() - start;
      worst.set(name, Math.max(worst.get(name) ?? 0, ms));
      const sum = total.get(name) ?? { ms: 0, runs: 0 };
      total.set(name, { ms: sum.ms + ms, runs: sum.runs + 1 });
    };
    // vitest runs each bench's teardown after its warm-up and after its measured run.
    const teardown = (_task: unknown, mode: "warmup" | "run") => {
      if (mode !== "run") return;
      finished.add(name);
      if (finished.size === cases.length) report(suite, cases, worst, total);
    };
    bench(name, measured, { teardown });
  }
}

function report(suite: string, cases: readonly { name: string; goalMs: number }[], worst: ReadonlyMap<string, number>, total: ReadonlyMap<string, { ms: number; runs: number }>): void {
  const figures = cases.map(({ name, goalMs }) => {
    const ms = worst.get(name) ?? Number.NaN;
    const sum = total.get(name);
    return { name, ms, meanMs: sum ? sum.ms / sum.runs : Number.NaN, goalMs, met: ms <= goalMs };
  });
  console.log(`\n${suite}: worst (mean) time per input, goal for the worst`);
  for (const f of figures) console.log(`  ${f.met ? "ok  " : "MISS"} ${f.ms.toFixed(1).padStart(9)} ms (${f.meanMs.toFixed(2)})  ≤ ${f.goalMs} ms  ${f.name}`);
  recordResult(suite, figures.map((f) => `${f.name}: worst ${f.ms.toFixed(1)} ms, mean ${f.meanMs.toFixed(2)} ms (goal ${f.goalMs})${f.met ? "" : " MISSED"}`).join("; "));
}