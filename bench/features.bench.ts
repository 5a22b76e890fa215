import { bench, describe } from "vitest";
import { recordResult } from "./results.js";
import type { Command } from "../src/core/commands.js";
import { parseDashboard } from "../src/core/dashboard/render.js";
import { parseHackCommand } from "../src/core/hacks/command.js";
import { textDeclarations } from "../src/core/hacks/declaration.js";
import { findCodeMarkers } from "../src/core/hacks/diff.js";
import { fieldsFromBody } from "../src/core/hacks/fields.js";
import { parsePhaseCommand } from "../src/core/phases/parse.js";

/**
 * The hack, phase and dashboard parsers on 64 KB bodies shaped to hit their
 * slowest paths (the attacks of issue 9 among them). Prints the worst time of
 * one parse per parser beside the goal and appends it to bench/RESULTS.md.
 * Shapes that are slow inside marked itself (wide tables, emphasis runs, deep
 * quotes) are the Markdown reading's to bound and measure.
 */
const SIZE = 65_536;
const GOAL_PER_EVENT_MS = 2_000;
const AIM_PER_PARSER_MS = 100;
const here = { owner: "octo-org", repo: "widgets" };

/** `head`, then `unit` repeated, then `tail`: exactly 64 KB. */
function fill(head: string, unit: string, tail = ""): string {
  const room = SIZE - head.length - tail.length;
  return head + unit.repeat(Math.ceil(room / unit.length)).slice(0, room) + tail;
}

const descriptions = [
  fill("## Hack\nDebt:", " ", "x\u2028y"),
  fill("## Hack\nDebt:", " \u00a0\t\u3000", "x\u2028y"),
  fill("## Hack\n- **Rebuild", " ", "estimate:** 2w"),
  fill("## Hack\nRebuild estimate: ", "9", "h"),
  fill("## Hack\nRebuild by: 2026-12-01", ".,", "x"),
  fill("## Hack\nDebt: #45", ".,;:)", "x"),
  fill("", "Debt: #1\nRebuild estimate: 2w\n"),
  fill("", "- [x] This is a hack\n"),
  fill("", "- [ ] "),
  fill("", "\n"),
  fill("", "# Hack\n"),
  fill("", "|"),
  fill("## Hack\n", "\u2028"),
];

const command = (args: string, body: string[] = []): Command => ({ name: "hack", args, body });
const hackCommands = [
  command(fill("a", " ", "b")),
  command(fill(";", " ", ";")),
  command(fill("a ", "debt ", "")),
  command(fill("a debt:", " ", "")),
  command("a", fill("Debt:", " ", "x\u2028y").split("\n")),
  command("a", fill("Rebuild estimate: ", "9", "h").split("\n")),
  command("a", fill("", "\n").split("\n")),
];

const phase = (args: string, body: string[] = []): Command => ({ name: "phase", args, body });
const phaseCommands = [
  phase(fill("", " ", "\u2028x")),
  phase("", [fill("- ", " ", "\u2028x")]),
  phase("", [fill("1. a — ", "1h ")]),
  phase("", [fill("1. a ", "(", "2d)")]),
  phase("", [fill("1. a", " — ", "2d")]),
  phase("", fill("", "2) \n").split("\n")),
  phase(fill("", "a|")),
  phase(fill("hack 1 ", " ", "x")),
  phase(fill("done ", "9")),
  phase("", fill("", "\n").split("\n")),
];

const dashboards = [
  fill("", "\n"),
  fill("", "\r"),
  fill("", " ", "- [x] <!-- intentbot:action:refresh -->"),
  fill("", "- [x] <!-- intentbot:action:refresh -->\n"),
  fill("", "<!-- intentbot:data {"),
  fill("<!-- intentbot:data {", " ", "} -->"),
];

const patch = (body: string) => [{ filename: "src/a.ts", patch: body }];
const patches = [
  patch(fill("@@ -1 +1 @@\n", "+// HACK: x\n")),
  patch(fill("@@ -1 +1 @@\n+", " ", "HACK:")),
  patch(fill("@@ -", "9")),
  patch(fill("@@ -1 +", "9", " @@\n+HACK:")),
  patch(fill("", "\n")),
  patch(fill("@@ -1 +1 @@\n", "\r")),
];

const parsers: { name: string; inputs: number; parse: (index: number) => unknown }[] = [
  { name: "textDeclarations", inputs: descriptions.length, parse: (i) => textDeclarations({ title: "[hack] x", body: descriptions[i] }, ["[hack]"]) },
  { name: "fieldsFromBody", inputs: descriptions.length, parse: (i) => fieldsFromBody(descriptions[i], here) },
  { name: "parseHackCommand", inputs: hackCommands.length, parse: (i) => parseHackCommand(hackCommands[i] ?? command(""), here) },
  { name: "parsePhaseCommand", inputs: phaseCommands.length, parse: (i) => parsePhaseCommand(phaseCommands[i] ?? phase("")) },
  { name: "parseDashboard", inputs: dashboards.length, parse: (i) => parseDashboard(dashboards[i]) },
  { name: "findCodeMarkers", inputs: patches.length, parse: (i) => findCodeMarkers(patches[i] ?? [], "HACK:") },
];

/** The slowest body's time, each body timed as the median of three parses after a warm-up. */
function worstMs(parse: (index: number) => unknown, inputs: number): number {
  let worst = 0;
  for (let i = 0; i < inputs; i++) {
    parse(i);
    const times = [0, 1, 2].map(() => {
      const start = performance.now();
      parse(i);
      return performance.now() - start;
    });
    worst = Math.max(worst, times.sort((a, b) => a - b)[1] ?? 0);
  }
  return worst;
}

const worst = parsers.map(({ name, parse, inputs }) => ({ name, ms: worstMs(parse, inputs) }));
const figures = worst.map(({ name, ms }) => `${name} ${ms.toFixed(1)} ms`).join(", ");
console.log(
  [
    `Worst time per 64 KB hostile body (goal: ≤ ${GOAL_PER_EVENT_MS} ms per event, aim: < ${AIM_PER_PARSER_MS} ms per parser):`,
    ...worst.map(({ name, ms }) => `  ${name.padEnd(18)} ${ms.toFixed(1).padStart(8)} ms ${ms < AIM_PER_PARSER_MS ? "ok" : "ABOVE AIM"}`),
  ].join("\n"),
);

recordResult("hack, phase and dashboard parsers, worst per 64 KB body", figures);

describe("hack, phase and dashboard parsers, every 64 KB hostile body", () => {
  for (const { name, parse, inputs } of parsers) {
    bench(name, () => {
      for (let i = 0; i < inputs; i++) parse(i);
    });
  }
});
