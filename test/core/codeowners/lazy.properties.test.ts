import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileCodeowners, parseCodeowners, type Rule } from "../../../src/core/codeowners/index.js";
import { patternSegments } from "../../../src/core/codeowners/pattern.js";
import { globFromSegments } from "../../../src/core/glob.js";

/**
 * The lazy, indexed matcher against the plainest reading of CODEOWNERS:
 * every rule parsed and compiled up front, and the last one whose glob
 * matches the path wins. Any file and any path must get the same rule,
 * whatever was asked before (the index keys lines only as far as lookups
 * need), including lines the index's scanner must not misread: CRLF, lone
 * carriage returns, tabs, Unicode spaces that `trim` removes, escapes and
 * empty segments.
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

const SEGMENTS = ["a", "b", "src", "docs", "x.ts", "y.test.ts", ".ts", "*", "**", "?", "*.ts", "*.test.ts", "a*", "*b", "\\*", "\\ a", "[ab]", "!a", "#a", "", ".github", "a\u00a0", "\u3000", "é.ts", "*.", "a\\"];
const OWNERS = ["@ana", "@acme/web", "@acme/pay", "ops@acme.test", "not-an-owner", ""];

const pattern = fc
  .tuple(fc.constantFrom("", "/"), fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 4 }), fc.constantFrom("", "/", "/**", "/*"))
  .map(([lead, segments, tail]) => `${lead}${segments.join("/")}${tail}`);
const line = fc.oneof(
  fc
    .tuple(fc.constantFrom("", " ", "\t", "\ufeff", "\u00a0"), pattern, fc.constantFrom(" ", "\t"), fc.array(fc.constantFrom(...OWNERS), { maxLength: 3 }), fc.constantFrom("", "  ", "\t", " # note", "\r", "\u00a0"))
    .map(([lead, p, separator, owners, end]) => `${lead}${p}${separator}${owners.join(" ")}${end}`),
  fc.constantFrom("", "# a comment", "   ", "\r", "\u00a0"),
);
const file = fc.tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom("\n", "\r\n")).map(([lines, newline]) => lines.join(newline));
const path = fc
  .tuple(fc.constantFrom("", "/"), fc.array(fc.constantFrom("a", "b", "src", "docs", "x.ts", "y.test.ts", "*", "a b", ".github", "c.md", "", "a\u00a0", "é.ts", "a.", ".ts"), { minLength: 1, maxLength: 5 }))
  .map(([lead, segments]) => `${lead}${segments.join("/")}`);

describe("lazy CODEOWNERS matching", () => {
  it("picks the same rule as compiling every rule and taking the last match, for any file and path", () => {
    fc.assert(
      fc.property(file, fc.array(path, { minLength: 1, maxLength: 20 }), (text, paths) => {
        const lazy = compileCodeowners(text);
        const eager = eagerRuleFor(text);
        for (const p of paths) expect(lazy.ruleFor(p), p).toEqual(eager(p));
        // Asked in the other order, from a fresh index: the same answers.
        const reversed = compileCodeowners(text);
        for (const p of [...paths].reverse()) expect(reversed.ruleFor(p), p).toEqual(eager(p));
        expect(lazy.errors).toEqual(parseCodeowners(text).errors);
        expect(lazy.rules).toEqual(parseCodeowners(text).rules);
      }),
      { numRuns: 500 },
    );
  });

  it("picks the same rule when thousands of keys share the index's slots", () => {
    // 3,000 distinct keys in 4,096 slots: many slots hold lines of several keys, which lookups must tell apart.
    const lines = Array.from({ length: 3_000 }, (_, i) => [`/dir${i}/ @o${i % 7}`, `*.e${i} @o${i % 5}`, `name${i} @o${i % 3}`][i % 3] ?? "");
    const text = ["* @all", ...lines].join("\n");
    const lazy = compileCodeowners(text);
    const eager = eagerRuleFor(text);
    for (let i = 0; i < 3_000; i += 29) {
      for (const p of [`dir${i}/x.ts`, `a/b.e${i}`, `deep/name${i}/c`, `dir${i}x/y`, `name${i}.e${i}`]) expect(lazy.ruleFor(p), p).toEqual(eager(p));
    }
  });
});
