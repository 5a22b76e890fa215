import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileCodeowners, parseCodeowners } from "../../../src/core/codeowners/index.js";
import { patternSegments } from "../../../src/core/codeowners/pattern.js";
import { globFromSegments } from "../../../src/core/glob.js";

// The indexed matcher must answer exactly as the plain rule: try every line from the last.
function naiveOwners(text: string, path: string): readonly string[] | undefined {
  const rules = parseCodeowners(text).rules;
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i];
    if (rule && globFromSegments(patternSegments(rule.pattern)).matches(path)) return rule.owners;
  }
  return undefined;
}

const segment = fc.constantFrom("src", "lib", "docs", "apps", "a", "b.md", "x.ts", "test", "logs", "gen", "README.md", "c.test.ts");
const patternSegment = fc.oneof(segment, fc.constantFrom("*", "**", "*.ts", "*.md", "a?", "*.test.ts", "x*", "*a*", "?*?", "\\*.md"));
const pattern = fc
  .tuple(fc.boolean(), fc.array(patternSegment, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([lead, parts, trail]) => `${lead ? "/" : ""}${parts.join("/")}${trail ? "/" : ""}`);
const line = fc.tuple(pattern, fc.array(fc.constantFrom("@a", "@org/t", "x@y.z"), { maxLength: 2 })).map(([p, owners]) => [p, ...owners].join(" "));
const path = fc.array(fc.oneof(segment, fc.constantFrom("*.md", "aa", "xa")), { minLength: 1, maxLength: 5 }).map((parts) => parts.join("/"));

describe("the CODEOWNERS index", () => {
  it("answers exactly as trying every line from the last (property)", () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), fc.array(path, { minLength: 1, maxLength: 20 }), (lines, paths) => {
        const text = lines.join("\n");
        const matcher = compileCodeowners(text);
        for (const p of paths) expect(matcher.ownersOf(p)).toEqual(naiveOwners(text, p));
      }),
      { numRuns: 300 },
    );
  });
});

