import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bench, describe } from "vitest";
import { compileCodeowners } from "../src/core/codeowners/index.js";
import { teamAreas } from "../src/core/signoff/areas.js";
import { bin, ensureBuilt } from "./built-cli.js";
import { recordResult } from "./results.js";
import { worstCases } from "./worst-case.js";

// A large monorepo: 10,000 rules of mixed shapes, 3,000 changed files.
const RULES = 10_000;
const FILES = 3_000;

const rules = ["* @acme/platform"];
for (let i = 1; i < RULES; i++) {
  switch (i % 5) {
    case 0:
      rules.push(`/services/svc${i}/ @acme/team${i % 97}`);
      break;
    case 1:
      rules.push(`packages/pkg${i}/src/*.ts @acme/team${i % 97}`);
      break;
    case 2:
      rules.push(`**/fixtures${i}/ @dev${i}`);
      break;
    case 3:
      rules.push(`*.ext${i} @acme/team${i % 97}`);
      break;
    default:
      rules.push(`/apps/app${i}/**/config/*.yml ops${i}@acme.test`);
  }
}
const text = rules.join("\n");
const files = Array.from({ length: FILES }, (_, i) => {
  const n = (i * 7919) % RULES;
  return [`services/svc${n}/src/handler${i}.ts`, `packages/pkg${n}/src/index.ts`, `lib/fixtures${n}/case${i}.json`, `docs/page${i}.ext${n}`, `apps/app${n}/deploy/config/app.yml`][i % 5] ?? "";
});

/**
 * Whole processes, as a user runs them: `intentbot owners` with the 3,000
 * paths against a script asking the npm `codeowners` package (5.x, the most
 * used) for the same paths in the same checkout. Both print `path<TAB>owners`;
 * they must agree on every path. Wall time and CPU time (user + system, from
 * /usr/bin/time when the machine has it: other work on the cores inflates
 * wall times more than CPU times).
 */
const OWNERS_GOAL = 300;
const checkout = mkdtempSync(join(tmpdir(), "intentbot-codeowners-"));
mkdirSync(join(checkout, ".github"));
writeFileSync(join(checkout, ".github/CODEOWNERS"), `${text}\n`);
writeFileSync(join(checkout, "paths.txt"), files.join("\n"));
const npmScript = join(checkout, "npm-codeowners.cjs");
writeFileSync(
  npmScript,
  [
    `const Codeowners = require(${JSON.stringify(createRequire(import.meta.url).resolve("codeowners"))});`,
    `const owners = new Codeowners(${JSON.stringify(checkout)});`,
    `const paths = require("node:fs").readFileSync(${JSON.stringify(join(checkout, "paths.txt"))}, "utf8").split("\\n");`,
    `process.stdout.write(paths.map((p) => p + "\\t" + (owners.getOwner(p).join(" ") || "-") + "\\n").join(""));`,
  ].join("\n"),
);

interface Run {
  wallMs: number;
  cpuMs: number | undefined;
  stdout: string;
}

const TIME = "/usr/bin/time";
const hasTime = spawnSync(TIME, ["-f", "%U", "true"]).status === 0;
const options = { cwd: checkout, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 } as const;

function timedRun(args: readonly string[]): Run {
  const start = performance.now();
  const result = hasTime ? spawnSync(TIME, ["-f", "%U %S", process.execPath, ...args], options) : spawnSync(process.execPath, args, options);
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`node ${args.join(" ").slice(0, 200)} exited ${String(result.status)}: ${result.stderr.slice(-2000)}`);
  const times = hasTime ? /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(result.stderr) : null;
  return { wallMs, cpuMs: times ? (Number(times[1]) + Number(times[2])) * 1000 : undefined, stdout: result.stdout };
}

ensureBuilt();
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const ours = [timedRun([bin, "owners", ...files]), timedRun([bin, "owners", ...files]), timedRun([bin, "owners", ...files])];
const theirs = timedRun([npmScript]);
rmSync(checkout, { recursive: true, force: true });
const sameLines = (a: string, b: string) => {
  const left = a.split("\n");
  const right = b.split("\n");
  return left.filter((line, i) => line === right[i]).length - (left.at(-1) === "" ? 1 : 0);
};
const agreed = sameLines(ours[0]?.stdout ?? "", theirs.stdout);
const oursWall = median(ours.map((r) => r.wallMs));
const oursCpu = median(ours.map((r) => r.cpuMs ?? Number.NaN));
const wallRatio = theirs.wallMs / oursWall;
const cpuRatio = (theirs.cpuMs ?? Number.NaN) / oursCpu;
const ownersLine = [
  `\`intentbot owners\` 10,000 rules × 3,000 paths, whole process: ${oursWall.toFixed(0)} ms wall, ${oursCpu.toFixed(0)} ms CPU (median of 3)`,
  `npm codeowners 5.1.1: ${theirs.wallMs.toFixed(0)} ms wall, ${(theirs.cpuMs ?? Number.NaN).toFixed(0)} ms CPU`,
  `${wallRatio.toFixed(0)}× by wall time, ${cpuRatio.toFixed(0)}× by CPU time (goal ≥ ${OWNERS_GOAL}×)${Math.min(wallRatio, cpuRatio) >= OWNERS_GOAL ? "" : " MISSED"}`,
  `same owners for ${agreed.toLocaleString("en-US")} of ${files.length.toLocaleString("en-US")} paths`,
].join("; ");

/** A 60,000-rule file: the time to read it from disk against the time to its first answer, in this process. */
const BIG_RULES = 60_000;
const bigText = Array.from({ length: BIG_RULES }, (_, i) => rules[i % RULES]?.replace(/(\d+)/, `$1x${Math.floor(i / RULES)}`) ?? "").join("\n");
const bigFile = join(tmpdir(), `intentbot-codeowners-${process.pid}`);
writeFileSync(bigFile, bigText);
const firstAnswers: { readMs: number; firstMs: number }[] = [];
for (let i = 0; i < 5; i++) {
  const start = performance.now();
  const read = readFileSync(bigFile, "utf8");
  const readAt = performance.now();
  compileCodeowners(read).ownersOf("services/svc5x3/src/handler.ts");
  firstAnswers.push({ readMs: readAt - start, firstMs: performance.now() - readAt });
}
rmSync(bigFile, { force: true });
const firstLine = `60,000 rules: read ${median(firstAnswers.map((a) => a.readMs)).toFixed(1)} ms, then the first path answered in ${median(firstAnswers.map((a) => a.firstMs)).toFixed(1)} ms (median of 5)`;
console.log(`\n${ownersLine}\n${firstLine}`);
recordResult("CODEOWNERS at monorepo scale", `${ownersLine}; ${firstLine}`);

describe("CODEOWNERS: 10,000 rules × 3,000 files", () => {
  bench("compile, then find the owners of every file", () => {
    const matcher = compileCodeowners(text);
    for (const file of files) matcher.ownersOf(file);
  });
});

// Before (regex translation, copy-and-sort lookups): 9.7 s, a thrown "stack overflow" on every lookup, 116 ms per path.
const backtracking = compileCodeowners(`${"*a".repeat(8)}*b @o\n`);
const poisoned = compileCodeowners(`${"*a".repeat(8_000)} @o\n* @all\n`);
const starRules = compileCodeowners(Array.from({ length: 200_000 }, () => "* @o/t").join("\n"));
const longPattern = compileCodeowners(`${"*a".repeat(499)} @o\n`);
const longPath = `${"a/".repeat(1_000)}${"a".repeat(2_000)}`;

describe("CODEOWNERS and team globs, hostile inputs", () => {
  worstCases("codeowners", [
    { name: "*a x8 + *b vs 40-char name", goalMs: 100, run: () => backtracking.ownersOf("a".repeat(40)) },
    { name: "lookup after a *a x8,000 line", goalMs: 100, run: () => poisoned.ownersOf("src/a.ts") },
    { name: "200,000 lines of * (one lookup)", goalMs: 100, run: () => starRules.ownersOf("src/a.ts") },
    { name: "998-char pattern vs 4,000-char path", goalMs: 500, run: () => longPattern.ownersOf(longPath) },
    {
      name: "signoff glob **/*a x12 *b vs 100 files",
      goalMs: 200,
      run: () => teamAreas(Array.from({ length: 100 }, (_, i) => `${"a".repeat(30)}/${"a".repeat(60 + i)}`), () => undefined, { "@acme/x": [`**/${"*a".repeat(12)}*b`] }),
    },
  ]);
});
