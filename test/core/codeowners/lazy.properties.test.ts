import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileCodeowners, parseCodeowners, type Rule } from "../../../src/core/codeowners/index.js";
import { patternSegments } from "../../../src/core/codeowners/pattern.js";
import { globFromSegments } from "../../../src/core/glob.js";

/**
 * The lazy, indexed matcher against the plainest reading of CODEOWNERS:
 * every rule parsed and compiled up front, and the last one whose glob
 * matches the path wins. Any file and any path must get the same rule.
 */
function eagerRuleFor(text: string): (path: string) => Rule | undefined {
  const compiled = parseCodeowners(text).rules.map((rule) => ({ rule, glob: globFromSegments(patternSegments(rule.pattern)) }));
  return (path) => {
    let start = 0;
    while (path[start] === "/") start++;
    const normalized = path.slice(start);
    return compiled.findLast(({ glob }) => glob.matches(normalized))?.rule;
  };
}

const SEGMENTS = ["a", "b", "src", "docs", "x.ts", "y.test.ts", ".ts", "*", "**", "?", "*.ts", "*.test.ts", "a*", "*b", "\\*", "\\ a", "[ab]", "!a", "#a", "", ".github"];
const OWNERS = ["@ana", "@acme/web", "@acme/pay", "ops@acme.test", "not-an-owner", ""];

const pattern = fc
  .tuple(fc.constantFrom("", "/"), fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 4 }), fc.constantFrom("", "/", "/**", "/*"))
  .map(([lead, segments, tail]) => `${lead}${segments.join("/")}${tail}`);
const line = fc.oneof(
  fc.tuple(pattern, fc.array(fc.constantFrom(...OWNERS), { maxLength: 3 }), fc.constantFrom("", "  ", "\t", " # note")).map(([p, owners, end]) => `${p} ${owners.join(" ")}${end}`),
  fc.constantFrom("", "# a comment", "   ", "\r"),
);
const file = fc.array(line, { maxLength: 40 }).map((lines) => lines.join("\n"));
const path = fc
  .tuple(fc.constantFrom("", "/"), fc.array(fc.constantFrom("a", "b", "src", "docs", "x.ts", "y.test.ts", "*", "a b", ".github", "c.md"), { minLength: 1, maxLength: 5 }))
  .map(([lead, segments]) => `${lead}${segments.join("/")}`);

describe("lazy CODEOWNERS matching", () => {
  it("picks the same rule as compiling every rule and taking the last match, for any file and path", () => {
    fc.assert(
      fc.property(file, fc.array(path, { minLength: 1, maxLength: 20 }), (text, paths) => {
        const lazy = compileCodeowners(text);
        const eager = eagerRuleFor(text);
        for (const p of paths) expect(lazy.ruleFor(p), p).toEqual(eager(p));
        expect(lazy.errors).toEqual(parseCodeowners(text).errors);
        expect(lazy.rules).toEqual(parseCodeowners(text).rules);
      }),
      { numRuns: 500 },
    );
  });
});
