import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bench, describe } from "vitest";
import { recordResult } from "./results.js";

// `intentbot owners` for one path, as a user runs it (bin/intentbot.js over the
// built lib/), against bare `node -e 0`: each subcommand imports only what it
// needs, so the CLI should cost little more than Node's own start-up.
const GOAL_RATIO = 2;
const RUNS = 15;
const WARM_UP = 3;

const root = join(import.meta.dirname, "..");
const bin = join(root, "bin/intentbot.js");

/** The newest modification time under a directory (0 when it does not exist). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

// The CLI runs from lib/: build it when any source is newer, so the figure is for the code as it is.
const built = (() => {
  try {
    return statSync(join(root, "lib/cli/main.js")).mtimeMs;
  } catch {
    return 0;
  }
})();
if (built < newest(join(root, "src"))) {
  const build = spawnSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`building lib/ failed:\n${build.stdout}${build.stderr}`);
}

const checkout = mkdtempSync(join(tmpdir(), "intentbot-startup-"));
spawnSync("git", ["init", "--quiet"], { cwd: checkout });
mkdirSync(join(checkout, ".github"));
writeFileSync(join(checkout, ".github/CODEOWNERS"), "* @acme/platform\n/billing/ @acme/payments\ndocs/**/*.md @acme/docs\n");

/** Wall time of one run, in milliseconds; a run that fails or answers wrongly stops the bench. */
function timed(args: readonly string[], expected: string): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: checkout, encoding: "utf8" });
  const ms = performance.now() - start;
  if (run.status !== 0 || run.stdout !== expected) throw new Error(`node ${args.join(" ")} exited ${String(run.status)} with ${JSON.stringify(run.stdout)}: ${run.stderr}`);
  return ms;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const bare = () => timed(["-e", "0"], "");
const owners = () => timed([bin, "owners", "billing/refund.ts"], "billing/refund.ts\t@acme/payments\n");

// Warm the file cache for both, then interleave them so a burst of other work slows both alike.
for (let i = 0; i < WARM_UP; i++) {
  bare();
  owners();
}
const bareMs: number[] = [];
const ownersMs: number[] = [];
for (let i = 0; i < RUNS; i++) {
  bareMs.push(bare());
  ownersMs.push(owners());
}
rmSync(checkout, { recursive: true, force: true });

const nodeMedian = median(bareMs);
const ownersMedian = median(ownersMs);
const ratio = ownersMedian / nodeMedian;
const met = ratio <= GOAL_RATIO;
console.log(`\nCLI start-up, median of ${RUNS} runs: \`node -e 0\` ${nodeMedian.toFixed(1)} ms; \`intentbot owners <path>\` ${ownersMedian.toFixed(1)} ms`);
console.log(`  ${met ? "ok  " : "MISS"} ${ratio.toFixed(2)}× node's start-up (goal ≤ ${GOAL_RATIO}×)`);
recordResult(
  `CLI start-up, median of ${RUNS} runs`,
  `\`intentbot owners\` one path ${ownersMedian.toFixed(1)} ms, \`node -e 0\` ${nodeMedian.toFixed(1)} ms: ${ratio.toFixed(2)}× (goal ≤ ${GOAL_RATIO}×)${met ? "" : " MISSED"}`,
);

describe("CLI start-up", () => {
  bench("measured above", () => undefined);
});
