import { appendFileSync, existsSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
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

/** Fastest time seen per parser and body: the noise of a shared machine only ever adds time. */
const fastest = new Map<string, Map<string, number>>();

function timeAll(name: string, parse: (body: string) => unknown) {
  const times = fastest.get(name) ?? new Map<string, number>();
  fastest.set(name, times);
  for (const [body, text] of bodies) {
    const start = performance.now();
    parse(text);
    const elapsed = performance.now() - start;
    times.set(body, Math.min(times.get(body) ?? Infinity, elapsed));
  }
}

describe(`Markdown and intent parsers: ${bodies.length} hostile bodies of 64 KB`, () => {
  for (const [name, parse] of Object.entries(parsers)) {
    bench(name, () => timeAll(name, parse), { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 });
  }
});

afterAll(() => {
  const worst = [...fastest].map(([parser, times]) => {
    const [body, ms] = [...times].reduce((a, b) => (b[1] > a[1] ? b : a));
    return { parser, body, ms };
  });
  console.log(`\nWorst time per 64 KB body (goal: under ${GOAL_MS} ms per parser, 2 s per event)`);
  for (const { parser, body, ms } of worst) {
    console.log(`  ${parser.padEnd(18)} ${ms.toFixed(1).padStart(7)} ms  ${ms < GOAL_MS ? "ok  " : "SLOW"}  (${body})`);
  }
  const cpu = cpus();
  const machine = `${cpu[0]?.model.trim() ?? "unknown CPU"} × ${cpu.length}`;
  const figures = worst.map(({ parser, body, ms }) => `${parser} ${ms.toFixed(1)} ms (${body})`).join("; ");
  if (!existsSync(RESULTS)) writeFileSync(RESULTS, "# Benchmark results\n\nOne line per run of `npm run bench`: date, machine, worst time per 64 KB hostile body.\n\n");
  appendFileSync(RESULTS, `- ${new Date().toISOString().slice(0, 10)} · ${machine} · parsers (goal < ${GOAL_MS} ms each): ${figures}\n`);
});
