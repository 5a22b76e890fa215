import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { bench, describe } from "vitest";
import { root } from "./built-cli.js";
import { recordResult } from "./results.js";

/**
 * Peak RSS of the calls benchmark's events (`memory-workload.ts`, 20 rounds)
 * on intentbot with every feature against a no-op Probot app on the same
 * harness, each in a process of its own; goal: within 2×. The workload is
 * compiled to JavaScript first (inside node_modules/.cache, so its packages
 * resolve), so neither the app nor its parse workers pay for a TypeScript
 * loader. Also printed: the share of intentbot's module graph and of one
 * parse worker. Median of 3 runs each.
 */
const GOAL = 2;
const RUNS = 3;
const out = join(root, "node_modules/.cache/intentbot-memory");

rmSync(out, { recursive: true, force: true });
const compile = spawnSync("npx", ["tsc", "-p", "tsconfig.json", "--noEmit", "false", "--noCheck", "--outDir", out, "--rootDir", "."], { cwd: root, encoding: "utf8" });
if (compile.status !== 0) throw new Error(`compiling the workload failed:\n${compile.stdout}${compile.stderr}`);

function peakMb(mode: string): number {
  const run = spawnSync(process.execPath, [join(out, "bench/memory-workload.js"), mode], { cwd: root, encoding: "utf8" });
  const line = run.stdout.trim().split("\n").at(-1) ?? "";
  if (run.status !== 0 || !line.startsWith("{")) throw new Error(`the ${mode} workload failed: ${run.stderr.slice(-2000)}`);
  const { peakKb, unknown } = JSON.parse(line) as { peakKb: number; unknown: number };
  if (unknown > 0) throw new Error(`the ${mode} workload made ${unknown} calls the fake does not know`);
  return peakKb / 1024;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const modes = ["noop", "modules", "workers", "intentbot"] as const;
const samples = new Map<string, number[]>(modes.map((mode) => [mode, []]));
// Interleaved, so other work on the machine weighs on every mode alike.
for (let i = 0; i < RUNS; i++) for (const mode of modes) samples.get(mode)?.push(peakMb(mode));
rmSync(out, { recursive: true, force: true });
const [noop, modules, workers, app] = modes.map((mode) => median(samples.get(mode) ?? []));
const ratio = (app ?? Number.NaN) / (noop ?? Number.NaN);
const figures = [
  `intentbot ${app?.toFixed(0)} MB, no-op Probot app ${noop?.toFixed(0)} MB: ${ratio.toFixed(2)}× (goal ≤ ${GOAL}×)${ratio <= GOAL ? "" : " MISSED"}`,
  `of which intentbot's modules ${((modules ?? 0) - (noop ?? 0)).toFixed(0)} MB and one parse worker ${((workers ?? 0) - (noop ?? 0)).toFixed(0)} MB`,
].join("; ");
console.log(`\npeak RSS, calls benchmark's events × 20 rounds, median of ${RUNS}: ${figures}`);
recordResult(`peak RSS, calls benchmark's events × 20 rounds, median of ${RUNS}`, figures);

describe("peak RSS", () => {
  bench("measured above", () => undefined);
});
