import type { Tokens } from "marked";
import { describe, expect, it } from "vitest";
import { blockText, countWords, inlineText, lex, maskIgnoredBlocks, maskedViews, stripHtmlComments } from "../../src/core/markdown.js";
import { HIDDEN_PLACEHOLDER } from "../../src/core/markdown/inline.js";

describe("lex", () => {
  it("returns block tokens only, inline source kept in text", () => {
    const [paragraph] = lex("Some *emphasis* and `code`");
    expect(paragraph).toMatchObject({ type: "paragraph", text: "Some *emphasis* and `code`", tokens: [] });
  });

  it("reads \\r\\n like \\n", () => {
    expect(lex("# A\r\nb").map((t) => t.type)).toEqual(["heading", "paragraph"]);
  });
});

describe("blockText", () => {
  it.each([
    ["## **Why** it _matters_", "Why it matters"],
    ["A [link](https://x.test) and `code` <b>bold</b>", "A link and code bold"],
    ["- one\n- *two*\n  - three", "one\ntwo\nthree"],
    ["| a | `b\\|c` |\n|---|---|\n| **1** | 2 |", "a b|c\n1 2"],
    ["| | Before | after |\n|---|---|---|\n| cold start | 41.2s | 17.6s |", " Before after\ncold start 41.2s before 17.6s after"],
    ["```\ncode\n```", ""],
    ["> quote", ""],
    ["<div>\nhtml\n</div>", ""],
  ])("%j reads as %j", (markdown, text) => {
    expect(lex(markdown).map(blockText).join("\n")).toBe(text);
  });
});

describe("inlineText", () => {
  it("reads a tight list item's text, and keeps a ticked box's marker in a loose one", () => {
    const [tight] = lex("- [x] This is *a* hack") as Tokens.List[];
    expect(inlineText(tight?.items[0]?.tokens.filter((t) => t.type !== "checkbox"))).toBe("This is a hack");
    const [loose] = lex("- [x] This is a hack\n\n- other") as Tokens.List[];
    expect(inlineText(loose?.items[0]?.tokens)).toBe("[x] This is a hack");
  });
});

describe("stripHtmlComments", () => {
  it.each([
    ["a<!-- b -->c", "ac"],
    ["a<!-- b\nc -->d<!--e-->f", "adf"],
    ["a <!-- never closed\nb", "a "],
    ["<!--<!--<!-- x", ""],
    ["no comment --> here", "no comment --> here"],
  ])("%j → %j", (markdown, stripped) => {
    expect(stripHtmlComments(markdown)).toBe(stripped);
  });
});

describe("countWords", () => {
  it("counts words holding a letter or a digit", () => {
    expect(countWords("  one, two —  3 🙂 ")).toBe(3);
  });
});

describe("maskedViews", () => {
  const body = "Intro `code\n/x` end\n\n```\nfenced\n```\n\n[a]: https://x.test 'title\n/y'\n\ntext";
  it("blanks blocks line for line, and in the prose view hides code spans and link definitions too", () => {
    const views = maskedViews(body);
    expect(views.ignoredBlocks).toBe(maskIgnoredBlocks(body));
    expect(views.ignoredBlocks.split("\n")).toEqual(["Intro `code", "/x` end", "", "", "", "", "", "[a]: https://x.test 'title", "/y'", "", "text"]);
    expect(views.prose.split("\n")).toEqual([`Intro ${HIDDEN_PLACEHOLDER}`, `${HIDDEN_PLACEHOLDER} end`, "", "", "", "", "", "", "", "", "text"]);
  });
});
