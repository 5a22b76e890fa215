import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/schema.js";
import { MAX_EXTERNAL_MATCHES, findReferences } from "../../../src/core/intent/references.js";

const here = { owner: "octo-org", repo: "widgets" };
const external = defaultConfig.intent.tickets.external.patterns;

describe("ticket references", () => {
  it("finds #N, owner/repo#N, issue and PR URLs, and closing keywords", () => {
    const refs = findReferences("Related to #3 and octo-org/api#7.\nFixes https://github.com/other/thing/issues/9\nsee https://github.com/octo-org/widgets/pull/11", here);
    expect(refs.issues).toEqual([
      { owner: "other", repo: "thing", number: 9, closing: true },
      { owner: "octo-org", repo: "widgets", number: 3, closing: false },
      { owner: "octo-org", repo: "api", number: 7, closing: false },
      { owner: "octo-org", repo: "widgets", number: 11, closing: false },
    ]);
  });

  it.each(["Closes #4", "closed #4", "fix #4", "Fixes: #4", "resolves #4", "RESOLVED #4"])("treats %j as closing", (text) => {
    expect(findReferences(text, here).issues).toEqual([{ ...here, number: 4, closing: true }]);
  });

  it("ignores code, quotes, comments, anchors and HTML entities", () => {
    const refs = findReferences("`#1` is code\n```\n#2\n```\n> #3\n<!-- #4 -->\nsee page#5 and &#6;", here);
    expect(refs.issues).toEqual([{ ...here, number: 1, closing: false }]);
  });

  it("dedupes and keeps the closing flag", () => {
    expect(findReferences("#5 and closes #5", here).issues).toEqual([{ ...here, number: 5, closing: true }]);
  });

  it("finds Jira keys and Linear URLs only with patterns", () => {
    const text = "Implements PAY-123, see https://linear.app/acme/issue/ENG-42";
    expect(findReferences(text, here).external).toEqual([]);
    expect(findReferences(text, here, external).external).toEqual(["PAY-123", "ENG-42", "https://linear.app/acme/issue/ENG-42"]);
  });

  it.each(["Fixes  :  #4", "fixes:\t#4", "Closes\n#4"])("treats %j as closing, whatever the blanks around the colon", (text) => {
    expect(findReferences(text, here).issues).toEqual([{ ...here, number: 4, closing: true }]);
  });

  it("does not treat a colon without a blank after it as closing", () => {
    expect(findReferences("Fixes:#4", here).issues).toEqual([{ ...here, number: 4, closing: false }]);
  });

  it("skips an external pattern the linear-time engine cannot compile and still reads the others", () => {
    expect(findReferences("PAY-1 and xy", here, ["(?<=x)y", "PAY-\\d+"]).external).toEqual(["PAY-1"]);
  });

  it(`reads at most ${MAX_EXTERNAL_MATCHES} matches of one external pattern`, () => {
    const text = Array.from({ length: 50 }, (_, i) => `PAY-${i + 1}`).join(" ");
    expect(findReferences(text, here, external).external).toHaveLength(MAX_EXTERNAL_MATCHES);
  });
});
