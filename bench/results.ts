import { appendFileSync, existsSync, writeFileSync } from "node:fs";
import { cpus, loadavg, platform } from "node:os";

const RESULTS = new URL("./RESULTS.md", import.meta.url);

/**
 * Appends one run of a suite to bench/RESULTS.md, in the one format every
 * suite shares: when, on what machine (with its load, since other work on
 * the cores inflates wall times), which suite, and its figures.
 */
export function recordResult(suite: string, figures: string): void {
  if (!existsSync(RESULTS)) writeFileSync(RESULTS, "# Benchmark results\n\nOne line per run: date, machine, suite, then each input's worst and mean time against the goal for its worst.\n\n");
  const cpu = cpus();
  const machine = `${cpu[0]?.model.trim() ?? "unknown CPU"}, ${cpu.length} cores, ${platform()}, load ${loadavg()[0]?.toFixed(1) ?? "?"}`;
  appendFileSync(RESULTS, `- ${new Date().toISOString()} — ${machine} — ${suite} — ${figures}\n`);
}
