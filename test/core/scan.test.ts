import { describe, expect, it } from "vitest";
import { firstWord, isLineTerminator, isSpace, skipSpaces, trimEndOf } from "../../src/core/scan.js";

describe("string scanners", () => {
  it("agree with \\s and with . on every UTF-16 unit", () => {
    const disagreements: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (isSpace(code) !== /\s/.test(char)) disagreements.push(`isSpace U+${code.toString(16)}`);
      if (isLineTerminator(code) !== !/./.test(char)) disagreements.push(`isLineTerminator U+${code.toString(16)}`);
    }
    expect(disagreements).toEqual([]);
  });

  it("skip, cut and trim", () => {
    expect(skipSpaces(" \u2028\u00a0x ")).toBe(3);
    expect(skipSpaces("ab", 2)).toBe(2);
    expect(firstWord("#45\u2028(rewrite)")).toBe("#45");
    expect(trimEndOf("#45.,;:)", ".,;:)")).toBe("#45");
    expect(trimEndOf("...", ".")).toBe("");
  });
});
