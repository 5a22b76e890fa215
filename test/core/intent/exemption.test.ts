import { describe, expect, it } from "vitest";
import { exemptionReason } from "../../../src/core/intent/decide.js";

const rules = { bots: true, labels: ["dependencies"], titlePatterns: [] as string[] };

describe("title exemptions", () => {
  it("match case-insensitively", () => {
    expect(exemptionReason({ authorType: "User", labels: [], title: "CHORE: bump" }, { ...rules, titlePatterns: ["^chore:"] })).toBe("its title matches `^chore:`");
    expect(exemptionReason({ authorType: "User", labels: [], title: "feat: x" }, { ...rules, titlePatterns: ["^chore:"] })).toBeUndefined();
  });

  it("run in linear time: `(a+)+$` against 30 `a` and `!` (over 20 s with JavaScript's engine)", () => {
    expect(exemptionReason({ authorType: "User", labels: [], title: `${"a".repeat(30)}!` }, { ...rules, titlePatterns: ["(a+)+$"] })).toBeUndefined();
    expect(exemptionReason({ authorType: "User", labels: [], title: "aaa" }, { ...rules, titlePatterns: ["(a+)+$"] })).toBe("its title matches `(a+)+$`");
  });

  it("skip a pattern RE2 cannot compile rather than throw", () => {
    expect(exemptionReason({ authorType: "User", labels: [], title: "chore" }, { ...rules, titlePatterns: ["(?=chore)", "chore"] })).toBe("its title matches `chore`");
  });
});
