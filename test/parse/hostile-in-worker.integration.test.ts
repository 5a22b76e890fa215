import { afterAll, describe, expect, it } from "vitest";
import { hostileBodies } from "../../bench/hostile-bodies.js";
import type { Log } from "../../src/github/types.js";
import { createParseBudget } from "../../src/parse/budget.js";

const quiet = { warn: () => undefined, error: () => undefined, info: () => undefined, debug: () => undefined } as unknown as Log;

// The deadline is the app's budget, made generous for a loaded CI machine: this
// asserts that every hostile body gets a verdict in a worker, not a time-out,
// a crash or a heap overrun. How fast is measured by `npm run bench`. The worker
// is the one the app starts from its sources (under tsx), not the unit tests'
// compiled copy (test/global-setup.ts), so that path is exercised too.
const budget = createParseBudget({ deadlineMs: 20_000, threads: 1 });
afterAll(() => budget.close());

const rules = { why: ["why", "motivation"], who: ["who", "users"], minWords: 3, placeholders: ["TBD"] };
const here = { owner: "octo-org", repo: "widgets" };

describe("every parse of user text, on every 64 KB hostile body, in the worker", { timeout: 120_000 }, () => {
  it.each(Object.entries(hostileBodies()))("%s", async (_, body) => {
    const results = await Promise.all([
      budget.run("judgeBody", [body, rules, [body.slice(0, 200)]], quiet),
      budget.run("findReferences", [body, here, ["[A-Z]{2,10}-\\d+"]], quiet),
      budget.run("parseCommands", [body, ["hack", "phase", "signoff", "dashboard"]], quiet),
      budget.run("parsePhaseCommand", [{ name: "phase", args: "", body: body.split("\n") }], quiet),
      budget.run("parseHackCommand", [{ name: "hack", args: body.slice(0, 2_000), body: body.split("\n") }, here], quiet),
      budget.run("readHackText", [{ title: body.slice(0, 256), body }, ["[hack]"], here], quiet),
      budget.run("readDebtBody", [body], quiet),
      budget.run("findCodeMarkers", [[{ filename: "a.ts", patch: body }], "HACK:"], quiet),
      budget.run("parseDashboard", [body], quiet),
      budget.run("parseSignoffArgs", [body], quiet),
    ]);
    for (const result of results) expect(result).toMatchObject({ ok: true });
  });
});
