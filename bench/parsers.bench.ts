import { afterAll, bench, describe } from "vitest";
import { recordResult } from "./results.js";
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

/**
 * Slowest run seen per parser and body, warm-up included (a webhook waits on
 * the slowest input, and the first event after a deploy is real too).
 */
const slowest = new Map<string, Map<string, Timing>>();

function timeAll(name: string, parse: (body: string) => unknown) {
  const times = slowest.get(name) ?? new Map<string, Timing>();
  slowest.set(name, times);
  for (const [body, text] of bodies) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    parse(text);
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    const seen = times.get(body);
    times.set(body, { wallMs: Math.max(seen?.wallMs ?? 0, wallMs), cpuMs: Math.max(seen?.cpuMs ?? 0, cpuMs) });
  }
}

describe(`Markdown and intent parsers: ${bodies.length} hostile bodies of 64 KB`, () => {
  for (const [name, parse] of Object.entries(parsers)) {
    bench(name, () => timeAll(name, parse), { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 });
  }
});

afterAll(() => {
  const worst = [...slowest].map(([parser, times]) => {
    const [body, timing] = [...times].reduce((a, b) => (b[1].wallMs > a[1].wallMs ? b : a));
    return { parser, body, ...timing };
  });
  console.log(`\nWorst time per 64 KB body (goal: under ${GOAL_MS} ms per parser, 2 s per event)`);
  for (const { parser, body, wallMs, cpuMs } of worst) {
    const verdict = wallMs < GOAL_MS ? "ok  " : "SLOW";
    console.log(`  ${parser.padEnd(18)} ${wallMs.toFixed(1).padStart(7)} ms (CPU ${cpuMs.toFixed(1).padStart(6)} ms)  ${verdict}  (${body})`);
  }
  const figures = worst
    .map(({ parser, body, wallMs, cpuMs }) => `${parser}: worst ${wallMs.toFixed(1)} ms, CPU ${cpuMs.toFixed(1)} ms, on ${body} (goal ${GOAL_MS})${wallMs < GOAL_MS ? "" : " MISSED"}`)
    .join("; ");
  recordResult(`markdown and intent parsers, ${bodies.length} hostile 64 KB bodies`, figures);
});
