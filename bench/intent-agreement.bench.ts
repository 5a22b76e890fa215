import { appendFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { bench, describe } from "vitest";
import { defaultConfig } from "../src/config/schema.js";
import { judgeBody, templateLines } from "../src/core/intent/judge.js";
import { localTemplateSource } from "../src/cli/intent/local-templates.js";
import { readTemplateFiles } from "../src/github/templates.js";
import { agreement, bodyOf, cases, repoDir, type CorpusCase } from "./intent-corpus/agreement.js";

/**
 * How often the intent check agrees with a careful reader on the held-out
 * corpus (bench/intent-corpus), judging each body as `intentbot intent`
 * does: the repository's templates read at GitHub's paths, the default
 * configuration, the title. Prints the rate beside the goal and appends it to
 * bench/RESULTS.md.
 */
const GOAL = 0.9;

async function judge(c: CorpusCase) {
  const kind = c.kind === "pr" ? "pull request" : "issue";
  const templates = await readTemplateFiles(localTemplateSource(repoDir(c)), kind);
  const found = judgeBody(bodyOf(c), defaultConfig.intent, templateLines(templates.map((t) => t.text)), c.title);
  return { why: found.why !== undefined, who: found.who !== undefined };
}

const result = await agreement(judge);
const rate = (n: number) => `${n}/${result.total} (${Math.round((100 * n) / result.total)}%)`;
console.log(
  [
    `Intent check vs a careful reader, ${result.total} held-out bodies: both ${rate(result.both)} (goal ≥ ${GOAL * 100}%), why ${rate(result.why)}, who ${rate(result.who)}`,
    ...result.misses.map((miss) => `  differs: ${miss}`),
  ].join("\n"),
);

const cpu = cpus();
const machine = `${cpu[0]?.model.trim() ?? "unknown CPU"} ×${cpu.length}, load ${loadavg()[0]?.toFixed(1) ?? "?"}`;
appendFileSync(
  new URL("./RESULTS.md", import.meta.url),
  `- ${new Date().toISOString().slice(0, 10)} · ${machine} · intent agreement with a careful reader, ${result.total} held-out bodies: both ${rate(result.both)} (goal ≥ ${GOAL * 100}%), why ${rate(result.why)}, who ${rate(result.who)}\n`,
);

describe("intent check on the held-out corpus", () => {
  bench("judge every body with its repository's templates", async () => {
    for (const c of cases) await judge(c);
  });
});
