import { describe, expect, it } from "vitest";
import { compileUserRegex } from "../../src/core/user-regex.js";

describe("compileUserRegex", () => {
  it("matches like a JavaScript regex for ordinary patterns", () => {
    const result = compileUserRegex("[A-Z]{2,10}-\\d+");
    if (!result.ok) throw new Error(result.reason);
    expect(result.regex.matches("see ABC-12 and XY-3, not a-1", 10)).toEqual(["ABC-12", "XY-3"]);
    expect(result.regex.test("nothing here")).toBe(false);
  });

  it("ignores case when asked", () => {
    const result = compileUserRegex("^wip\\b", { ignoreCase: true });
    expect(result.ok && result.regex.test("WIP: later")).toBe(true);
  });

  it("stops at the limit", () => {
    const result = compileUserRegex("a");
    expect(result.ok && result.regex.matches("aaaaa", 2)).toEqual(["a", "a"]);
  });

  it("refuses what RE2 cannot run, with the reason", () => {
    const lookahead = compileUserRegex("a(?=b)");
    expect(lookahead.ok).toBe(false);
    expect(!lookahead.ok && lookahead.reason).toMatch(/\S/);
    expect(compileUserRegex("(a").ok).toBe(false);
    expect(compileUserRegex("a".repeat(501)).ok).toBe(false);
  });

  it("runs patterns that backtrack catastrophically in JavaScript, in one pass", () => {
    const result = compileUserRegex("(a+)+$");
    expect(result.ok && result.regex.test(`${"a".repeat(30_000)}!`)).toBe(false);
  });
});
