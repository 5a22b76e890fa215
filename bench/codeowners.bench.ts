import { bench, describe } from "vitest";
import { compileCodeowners } from "../src/core/codeowners/index.js";
import { teamAreas } from "../src/core/signoff/areas.js";
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
