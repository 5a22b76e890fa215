import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileGlob, MAX_GLOB_LENGTH } from "../../src/core/glob.js";

function matches(pattern: string, path: string): boolean {
  const result = compileGlob(pattern);
  if (!result.ok) throw new Error(result.reason);
  return result.glob.matches(path);
}

// The reference: the definition written as plainly as possible (exponential, so small inputs only).
function referenceSegment(glob: string, text: string): boolean {
  if (glob === "") return text === "";
  const [ch, rest] = [glob[0], glob.slice(1)];
  if (ch === "\\" && rest !== "") return text[0] === rest[0] && referenceSegment(rest.slice(1), text.slice(1));
  if (ch === "*") return [...Array(text.length + 1).keys()].some((i) => referenceSegment(rest, text.slice(i)));
  if (ch === "?") return text !== "" && referenceSegment(rest, text.slice(1));
  return text[0] === ch && referenceSegment(rest, text.slice(1));
}

function referenceSegments(globs: readonly string[], parts: readonly string[]): boolean {
  const [first, ...rest] = globs;
  if (first === undefined) return parts.length === 0;
  if (first === "**") return [...Array(parts.length + 1).keys()].some((i) => referenceSegments(rest, parts.slice(i)));
  return parts.length > 0 && referenceSegment(first, parts[0] ?? "") && referenceSegments(rest, parts.slice(1));
}

const reference = (pattern: string, path: string) => referenceSegments(pattern.split("/"), path.split("/"));

describe("compileGlob", () => {
  it.each([
    ["src/**", "src/a/b.ts", true],
    ["src/**", "src", true],
    ["**/*.md", "README.md", true],
    ["**/*.md", "docs/a/b.md", true],
    ["*.md", "docs/a.md", false],
    ["*", "a/b", false],
    ["src/*.ts", "src/a.ts", true],
    ["src/*.ts", "src/x/a.ts", false],
    ["a/**/**/b", "a/b", true],
    ["a/**/**/b", "a/x/b", true],
    ["**/**/x", "x", true],
    ["a?c", "abc", true],
    ["a?c", "a/c", false],
    ["*", ".github", true],
    ["\\*.md", "*.md", true],
    ["\\*.md", "a.md", false],
    ["**/*a*a*a*a*a*a*a*a*a*a*a*a*b", `${"a".repeat(60)}/${"a".repeat(60)}`, false],
  ])("%s on %s → %s", (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });

  it("refuses a glob longer than the bound, with the reason", () => {
    expect(compileGlob("a".repeat(MAX_GLOB_LENGTH + 1))).toEqual({ ok: false, reason: `longer than ${MAX_GLOB_LENGTH} characters` });
  });

  it("agrees with the plain recursive definition on small inputs (property)", () => {
    const patternChar = fc.constantFrom("a", "b", ".", "*", "?", "\\", "/", "**");
    const pathChar = fc.constantFrom("a", "b", ".", "*", "/");
    fc.assert(
      fc.property(fc.array(patternChar, { maxLength: 8 }), fc.array(pathChar, { maxLength: 8 }), (p, t) => {
        const pattern = p.join("");
        const path = t.join("");
        expect(matches(pattern, path)).toBe(reference(pattern, path));
      }),
      { numRuns: 3000 },
    );
  });
});
