import { bench, describe } from "vitest";
import { compileCodeowners } from "../src/core/codeowners/index.js";

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
