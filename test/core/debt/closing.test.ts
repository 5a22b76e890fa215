import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closedIssues } from "../../../src/core/debt/closing.js";

const REPO = "octo-org/widgets";

describe("issues a PR description closes", () => {
  it.each([
    ["Fixes #12", [12]],
    ["closes #3, resolves #4", [3, 4]],
    ["Resolved: #5", [5]],
    ["fix octo-org/widgets#6", [6]],
    ["FIXED  OCTO-ORG/WIDGETS#7.", [7]],
    ["fixes other/repo#8", []],
    ["see #9; this fixes nothing", []],
    ["prefix#10 closes#11 unfixes #12", []],
    ["closes #13abc", []],
    ["Closest #14", []],
    ["fixes #0", []],
    ["closes #15\nfixes #15", [15]],
  ])("%j", (body, issues) => {
    expect(closedIssues(body, REPO)).toEqual(issues);
  });

  it("reads no further than it needs: at most 20 issues, and none from nothing", () => {
    expect(closedIssues(Array.from({ length: 50 }, (_, i) => `fixes #${i + 1}`).join(" "), REPO)).toHaveLength(20);
    expect(closedIssues(null, REPO)).toEqual([]);
  });

  it("any text gives at most 20 issue numbers, each a positive safe integer (property)", () => {
    const piece = fc.constantFrom("fixes ", "Closes: ", "#", "#0", "#12", "octo-org/widgets#", "resolve", "\n", " ", "x");
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 300 }), (parts) => {
        const found = closedIssues(parts.join(""), REPO);
        expect(found.length).toBeLessThanOrEqual(20);
        for (const n of found) expect(Number.isSafeInteger(n) && n > 0).toBe(true);
      }),
    );
  });

  it("hostile descriptions: keywords without references, long runs of spaces", () => {
    expect(closedIssues("fixes ".repeat(10_000), REPO)).toEqual([]);
    expect(closedIssues(`fixes${" ".repeat(60_000)}#1`, REPO)).toEqual([1]);
    expect(closedIssues(`${"c".repeat(70_000)} fixes #2`, REPO)).toEqual([]);
  });
});
