import { appendFileSync, existsSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { afterAll, bench, describe } from "vitest";
import { parseCommands } from "../src/core/commands.js";
import { judgeBody, templateLines } from "../src/core/intent/judge.js";
import { findReferences } from "../src/core/intent/references.js";
import { allLines, findStatements } from "../src/core/intent/statements.js";
import { blockText, lex, maskIgnoredBlocks } from "../src/core/markdown.js";
import { hostileBodies } from "./hostile-bodies.js";

// Every parser of Markdown and intent over every hostile 64 KB body. The
// goal: well under GOAL_MS per parser per body, so that a whole event stays
// within its 2 s budget.
const GOAL_MS = 100;
const RESULTS = new URL("./RESULTS.md", import.meta.url);

const bodies = Object.entries(hostileBodies());
const here = { owner: "octo-org", repo: "widgets" };
const aliases = { why: ["why", "motivation", "problem"], who: ["who", "users", "audience"] };
const rules = { ...aliases, minWords: 8, placeholders: ["TBD", "n/a"] };
const template = templateLines(["## Why\n\n<!-- Why does this matter? -->\n\n## Who\n"]);

const parsers: Record<string, (body: string) => unknown> = {
  "lex + blockText": (body) => lex(body).map(blockText),
  maskIgnoredBlocks,
  parseCommands: (body) => parseCommands(body, ["phase", "hack", "signoff", "dashboard"]),
  findReferences: (body) => findReferences(body, here, ["[A-Z][A-Z0-9]+-\\d+", "https://linear\\.app/\\S+"]),
  findStatements: (body) => findStatements(body, aliases),
  judgeBody: (body) => judgeBody(body, rules, template),
  allLines,
};

interface Timing {
  wallMs: number;
  /** CPU time of the process: on a machine shared with other work, wall time also counts waiting. */
  cpuMs: number;
}

/** Fastest time seen per parser and body: the noise of a shared machine only ever adds time. */
const fastest = new Map<string, Map<string, Timing>>();

function timeAll(name: string, parse: (body: string) => unknown) {
  const times = fastest.get(name) ?? new Map<string, Timing>();
  fastest.set(name, times);
  for (const [body, text] of bodies) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    parse(text);
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const best = times.get(body);
    times.set(body, { wallMs: Math.min(best?.wallMs ?? Infinity, wallMs), cpuMs: Math.min(best?.cpuMs ?? Infinity, cpuMs) });
  }
}

describe(`Markdown and intent parsers: ${bodies.length} hostile bodies of 64 KB`, () => {
  for (const [name, parse] of Object.entries(parsers)) {
    bench(name, () => timeAll(name, parse), { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 });
  }
});

afterAll(() => {
  const worst = [...fastest].map(([parser, times]) => {
    const [body, timing] = [...times].reduce((a, b) => (b[1].wallMs > a[1].wallMs ? b : a));
    return { parser, body, ...timing };
  });
  console.log(`\nWorst time per 64 KB body (goal: under ${GOAL_MS} ms per parser, 2 s per event)`);
  for (const { parser, body, wallMs, cpuMs } of worst) {
    const verdict = wallMs < GOAL_MS ? "ok  " : "SLOW";
    console.log(`  ${parser.padEnd(18)} ${wallMs.toFixed(1).padStart(7)} ms (CPU ${cpuMs.toFixed(1).padStart(6)} ms)  ${verdict}  (${body})`);
  }
  const cpu = cpus();
  const machine = `${cpu[0]?.model.trim() ?? "unknown CPU"} × ${cpu.length}, load ${loadavg()[0]?.toFixed(1)}`;
  const figures = worst.map(({ parser, body, wallMs, cpuMs }) => `${parser} ${wallMs.toFixed(1)} ms, CPU ${cpuMs.toFixed(1)} ms (${body})`).join("; ");
  if (!existsSync(RESULTS)) writeFileSync(RESULTS, "# Benchmark results\n\nOne line per run of `npm run bench`: date, machine, worst time per 64 KB hostile body.\n\n");
  appendFileSync(RESULTS, `- ${new Date().toISOString().slice(0, 10)} · ${machine} · parsers (goal < ${GOAL_MS} ms each): ${figures}\n`);
});
