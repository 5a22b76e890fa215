import { describe, expect, it } from "vitest";
import { conclusion } from "../../src/core/checks.js";

describe("a check's conclusion", () => {
  it("is success when the rule is met, whatever the mode", () => {
    expect(conclusion("advise", true)).toBe("success");
    expect(conclusion("enforce", true)).toBe("success");
  });

  it("fails an unmet rule only in enforce mode; advise mode stays neutral", () => {
    expect(conclusion("enforce", false)).toBe("failure");
    expect(conclusion("advise", false)).toBe("neutral");
  });
});
