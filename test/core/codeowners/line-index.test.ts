import { describe, expect, it } from "vitest";
import { compileCodeowners } from "../../../src/core/codeowners/index.js";

/**
 * Lines and paths at the edges of the index's scanner (`line-index.ts`):
 * each rule is alone after a catch-all, so a rule the index failed to key
 * for the path would answer `@all`.
 */
describe("the CODEOWNERS index's keys", () => {
  it.each([
    ["*.ts @ext", ".ts", ["@ext"]], // an extension key for a segment that is only the extension
    ["*. @dot", "a.", ["@dot"]],
    ["*.test.ts @t", "src/a.b.test.ts", ["@t"]],
    ["/a/b/ @ab", "a/b/c.md", ["@ab"]],
    ["/a/b @ab", "a/b", ["@ab"]],
    ["a//b @ab", "a/b/c", ["@ab"]],
    ["/a/*/c @ac", "a/x/c", ["@ac"]],
    ["**/logs @logs", "x/y/logs/z", ["@logs"]],
    ["logs/ @logs", "deep/logs/z", ["@logs"]],
    ["\\*.md @star", "*.md", ["@star"]],
    ["docs\t@tab", "docs/x", ["@tab"]],
    ["  \tdocs @lead", "docs/x", ["@lead"]],
    ["\ufeffdocs @bom", "docs/x", ["@bom"]],
    ["docs\u00a0 @nbsp", "docs/x", ["@all"]], // the no-break space is part of the pattern
    ["docs @cr\r", "docs/x", ["@cr"]],
    ["é.ts @e", "src/é.ts", ["@e"]],
    ["/ @root", "any/thing", ["@root"]],
  ])("%j owns %j", (rule, path, owners) => {
    expect(compileCodeowners(`* @all\n${rule}\n`).ownersOf(path)).toEqual(owners);
  });

  it("reads CRLF files and lone carriage returns as GitHub splits lines", () => {
    const matcher = compileCodeowners("* @all\r\n/docs/ @docs\r\n\r\n/src/ @src\r/lib/ @lib\r\n");
    expect(matcher.ownersOf("docs/a")).toEqual(["@docs"]);
    expect(matcher.ownersOf("src/a")).toEqual(["@all"]); // `/src/ @src\r/lib/ @lib` is one line with an owner `@src\r/lib/`: skipped
    expect(matcher.ownersOf("lib/a")).toEqual(["@all"]);
    expect(matcher.errors.map((e) => e.line)).toEqual([4]);
  });

  it("answers a later path from lines a first lookup already keyed, and keys older ones only when needed", () => {
    const matcher = compileCodeowners("/old/ @old\n* @all\n/new/ @new\n");
    expect(matcher.ownersOf("new/a")).toEqual(["@new"]);
    expect(matcher.ownersOf("old/a")).toEqual(["@all"]);
    expect(matcher.ruleFor("x")?.line).toBe(2);
    expect(compileCodeowners("/old/ @old\n/new/ @new\n").ownersOf("old/a")).toEqual(["@old"]);
  });
});
