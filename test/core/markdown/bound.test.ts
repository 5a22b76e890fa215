import type { Token, Tokens } from "marked";
import { describe, expect, it } from "vitest";
import { MAX_BODY_LENGTH, MAX_INDENT, MAX_NESTING, MAX_TABLE_CELLS, MAX_TABLE_COLUMNS, boundMarkdown, clip } from "../../../src/core/markdown/bound.js";
import { lex } from "../../../src/core/markdown.js";

/** How deep block quotes and lists nest in the tokens. */
function nesting(tokens: readonly Token[]): number {
  let deepest = 0;
  for (const token of tokens) {
    if (token.type === "blockquote") deepest = Math.max(deepest, 1 + nesting((token as Tokens.Blockquote).tokens));
    if (token.type === "list") {
      for (const item of (token as Tokens.List).items) deepest = Math.max(deepest, 1 + nesting(item.tokens));
    }
  }
  return deepest;
}

const table = (columns: number, rows: number) => `|${"a|".repeat(columns)}\n|${"-|".repeat(columns)}\n${"|x|\n".repeat(rows)}`;

describe("boundMarkdown", () => {
  it.each([
    "Plain text\n\n## Why\n\nBecause.",
    "> quoted\n> > twice",
    "- a\n  - b\n    1. c\n    2) d",
    "| a | b |\n|---|:-:|\n| 1 | 2 |",
    "    indented code",
  ])("leaves ordinary markdown as it is: %j", (markdown) => {
    expect(boundMarkdown(markdown)).toBe(markdown);
  });

  it("may escape inside a fenced code block (code is never read), which stays a code block", () => {
    expect(lex("```\n" + ">".repeat(20) + "\n```").map((t) => t.type)).toEqual(["code"]);
  });

  it.each([
    ["> ".repeat(40), "> ".repeat(MAX_NESTING) + "\\> " + "> ".repeat(40 - MAX_NESTING - 1)],
    [">".repeat(20), ">".repeat(MAX_NESTING) + "\\>>>>"],
    ["1. ".repeat(20) + "x", "1. ".repeat(MAX_NESTING) + "1\\. " + "1. ".repeat(3) + "x"],
    ["- ".repeat(18) + "x", "- ".repeat(MAX_NESTING) + "\\- - x"],
    ["> - > 1) ".repeat(5), "> - > 1) ".repeat(4) + "\\> - > 1) "],
  ])("escapes container markers beyond the nesting limit: %j", (line, bounded) => {
    expect(boundMarkdown(line)).toBe(bounded);
  });

  it.each([
    ["> runs of quotes", ">".repeat(5_000)],
    ["ordered markers", "1. ".repeat(5_000)],
    ["bullets", "- ".repeat(5_000)],
    ["mixed", "> 1. - ".repeat(2_000)],
  ])("caps how deep marked nests %s (it overflowed the stack before)", (_, markdown) => {
    expect(nesting(lex(markdown))).toBeLessThanOrEqual(MAX_NESTING);
  });

  it("keeps a table up to the column limit and renders a wider one as text", () => {
    expect(lex(table(MAX_TABLE_COLUMNS, 1)).map((t) => t.type)).toContain("table");
    const wide = lex(table(MAX_TABLE_COLUMNS + 1, 1));
    expect(wide.map((t) => t.type)).not.toContain("table");
  });

  it("ends a table once it would hold more cells than the limit; the rest is text", () => {
    const columns = 50;
    const tokens = lex(table(columns, 1_000));
    const [first] = tokens.filter((t): t is Tokens.Table => t.type === "table");
    expect(first).toBeDefined();
    expect(((first?.rows.length ?? 0) + 1) * columns).toBeLessThanOrEqual(MAX_TABLE_CELLS);
    expect(tokens.at(-1)?.type).toBe("paragraph");
  });

  it("cuts indentation beyond the limit", () => {
    expect(boundMarkdown(`${" ".repeat(500)}- x`)).toBe(`${" ".repeat(MAX_INDENT)}- x`);
    expect(boundMarkdown(`${"\t".repeat(40)}x`)).toBe(`${" ".repeat(MAX_INDENT)}x`);
    expect(boundMarkdown(`${" ".repeat(MAX_INDENT)}x`)).toBe(`${" ".repeat(MAX_INDENT)}x`);
  });

  it("drops text beyond GitHub's body limit, never half a surrogate pair", () => {
    expect(boundMarkdown("a".repeat(MAX_BODY_LENGTH + 10))).toHaveLength(MAX_BODY_LENGTH);
    const emoji = `${"a".repeat(MAX_BODY_LENGTH - 1)}🙂`;
    expect(boundMarkdown(emoji)).toBe("a".repeat(MAX_BODY_LENGTH - 1));
    expect(clip("ab🙂", 4)).toBe("ab🙂");
    expect(clip("ab🙂", 3)).toBe("ab");
  });
});

describe("boundMarkdown in containers", () => {
  it("renders a table wider than the limit as text inside a quote or a list item too", () => {
    const quoted = table(MAX_TABLE_COLUMNS + 1, 2).replace(/^/gm, "> ");
    const [quote] = lex(quoted) as Tokens.Blockquote[];
    expect(quote?.tokens.map((t) => t.type)).not.toContain("table");
    const listed = `- x\n\n${table(MAX_TABLE_COLUMNS + 1, 2).replace(/^/gm, "  ")}`;
    const [list] = lex(listed) as Tokens.List[];
    expect(list?.items[0]?.tokens.map((t) => t.type)).not.toContain("table");
  });

  it("ends a quoted table once it would hold more cells than the limit", () => {
    const quoted = table(50, 1_000).replace(/^/gm, "> ");
    const [quote] = lex(quoted) as Tokens.Blockquote[];
    const [first] = (quote?.tokens ?? []).filter((t): t is Tokens.Table => t.type === "table");
    expect(((first?.rows.length ?? 0) + 1) * 50).toBeLessThanOrEqual(MAX_TABLE_CELLS);
  });
});
