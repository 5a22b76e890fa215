import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clip, escapeInlineCode, escapeLinkText, escapeTableCell, escapeTableCode, escapeText, escapeTextBlock } from "../../src/core/sanitize.js";
import { renderedMentions, renderedTableCells, renderHtml } from "../helpers/rendered.js";

/** Pieces of hostile text: mentions spelled every way, markers, pipes behind backslashes, backtick runs, surrogates. */
const PIECES = [
  "@", "\uFF20", "\uFE6B", "&#64;", "&#x40;", "&commat;", "&#64", "&", "user", "org/team", "a", "1", "-", "_",
  "\\", "\\\\", "|", "`", "``", "```", "<!--", "-->", "<!-- intentbot:", "<!-- intentbot:data {} -->", "<", ">", "!",
  "[", "]", "(", ")", "*", "#", " ", "  ", "\n", "\t", "\u2028", "\u200b", "\ud83d\ude00", "\ud83d", "\ude00", "é",
];

const hostile = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join("")),
  fc.tuple(fc.nat(9), fc.string({ maxLength: 5 })).map(([n, rest]) => `x${"\\".repeat(n)}|${rest}`),
  fc.string({ unit: "binary", maxLength: 80 }),
);
const length = fc.integer({ min: 1, max: 120 });

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function noMarker(markdown: string): void {
  expect(markdown).not.toContain("<!--");
  expect(renderHtml(markdown)).not.toContain("<!--");
}

describe("escapers, for any text", () => {
  it("plain text: no mention, no marker, no lone surrogate", () => {
    fc.assert(
      fc.property(hostile, length, (text, max) => {
        const out = escapeText(text, max);
        const markdown = `- item ${out} end`;
        expect(renderedMentions(markdown)).toEqual([]);
        noMarker(markdown);
        expect(out).not.toMatch(LONE_SURROGATE);
        expect(out).not.toMatch(/[\n\r\u2028\u2029]/);
      }),
      { numRuns: 300 },
    );
  });

  it("text blocks: the bot's text after one stays outside code", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const html = renderHtml(`## Why\n${escapeTextBlock(text)}\n\nbot-tail`);
        expect(html).toMatch(/<p>bot-tail<\/p>\n?$/);
      }),
      { numRuns: 300 },
    );
  });

  it("text blocks: no mention, no marker, whatever the lines hold", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const markdown = escapeTextBlock(text)
          .split("\n")
          .map((line) => `> ${line}`)
          .join("\n");
        expect(renderedMentions(markdown)).toEqual([]);
        noMarker(markdown);
        expect(markdown).not.toMatch(LONE_SURROGATE);
      }),
      { numRuns: 300 },
    );
  });

  it("table cells: a row keeps its number of cells", () => {
    fc.assert(
      fc.property(hostile, hostile, length, (a, b, max) => {
        const markdown = ["| one | two | three |", "| --- | --- | --- |", `| ${escapeTableCell(a, max)} | ${escapeTableCode(b, max)} | end |`].join("\n");
        expect(renderedTableCells(markdown)).toEqual([3, 3]);
        expect(renderedMentions(markdown)).toEqual([]);
        noMarker(markdown);
      }),
      { numRuns: 300 },
    );
  });

  it("link text: one link, whatever the text", () => {
    fc.assert(
      fc.property(hostile, length, (text, max) => {
        const markdown = `see [${escapeLinkText(text, max)}](https://github.com/ana) here`;
        expect(renderHtml(markdown).match(/<a /g)).toHaveLength(1);
        expect(renderedMentions(markdown)).toEqual([]);
        noMarker(markdown);
      }),
      { numRuns: 300 },
    );
  });

  it("inline code: one code span holding the text, no mention outside it, no marker", () => {
    fc.assert(
      fc.property(hostile, length, (text, max) => {
        const code = escapeInlineCode(text, max);
        const markdown = `the ${code} label`;
        const html = renderHtml(markdown);
        const expected = text.replace(/\s+/g, " ").trim();
        if (expected !== "") expect(html.match(/<code>/g)).toHaveLength(1);
        expect(renderedMentions(markdown)).toEqual([]);
        noMarker(markdown);
        expect(code).not.toMatch(LONE_SURROGATE);
      }),
      { numRuns: 300 },
    );
  });

  it("clipping keeps surrogate pairs whole and stays within the length", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), fc.integer({ min: 1, max: 70 }), (text, max) => {
        const out = clip(text, max);
        expect(out.length).toBeLessThanOrEqual(Math.max(max, 1));
        expect(out).not.toMatch(LONE_SURROGATE);
      }),
    );
    // 560 lone surrogates in one dashboard came from cutting 😀 in half.
    expect(clip("😀".repeat(10), 6)).toBe("😀😀…");
  });
});

describe("escapers, by example", () => {
  it("defeat mentions spelled with entities and lookalikes", () => {
    expect(escapeText("&#64;ana &#x40;bo &commat;cy \uFF20dee \uFE6Bed")).toBe("&amp;#64;ana &amp;#x40;bo &amp;commat;cy \uFF20\u200bdee \uFE6B\u200bed");
  });

  it("keep a pipe behind any number of backslashes inside its cell", () => {
    expect(escapeTableCell("x\\|y")).toBe("x\\\\\\|y");
    expect(escapeTableCode("x\\|y")).toBe("`x\\\\\\|y`");
  });

  it("fence code with more backticks than any run inside", () => {
    expect(escapeInlineCode("a `` b")).toBe("```a `` b```");
    expect(escapeInlineCode("`edge`")).toBe("`` `edge` ``");
  });
});
