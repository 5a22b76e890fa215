import { Lexer, type Token, type Tokens } from "marked";
import { boundMarkdown } from "./markdown/bound.js";
import { maskHiddenInline, plainInline } from "./markdown/inline.js";

/**
 * HTML comments never count as content (templates use them for instructions).
 * An unclosed `<!--` hides the rest, as a reader of the raw template would
 * take it; one search per comment, so many unclosed openers stay linear.
 */
export function stripHtmlComments(markdown: string): string {
  const kept: string[] = [];
  let at = 0;
  for (;;) {
    const open = markdown.indexOf("<!--", at);
    if (open < 0) break;
    kept.push(markdown.slice(at, open));
    const close = markdown.indexOf("-->", open + 4);
    if (close < 0) return kept.join("");
    at = close + 3;
  }
  kept.push(markdown.slice(at));
  return kept.join("");
}

/**
 * Block tokens of a body, bounded first (see markdown/bound.ts) and without
 * marked's inline pass: paragraphs, headings and table cells keep their
 * source in `text` and an empty `tokens`; read their text with `blockText`
 * or `inlineText`, which scan it in linear time.
 */
export function lex(markdown: string): Token[] {
  const lexer = new Lexer({ gfm: true });
  return lexer.blockTokens(boundMarkdown(markdown.replace(/\r\n?/g, "\n")), lexer.tokens);
}

/** Block tokens whose text must never count as the author's own statement. */
function isIgnoredBlock(token: Token): boolean {
  return token.type === "code" || token.type === "blockquote" || token.type === "html";
}

const blankLines = (text: string) => text.replace(/[^\n]+/g, "");

function ignoredBlocksView(tokens: readonly Token[]): string {
  return tokens.map((token) => (isIgnoredBlock(token) ? blankLines(token.raw) : token.raw)).join("");
}

function proseView(tokens: readonly Token[]): string {
  return tokens
    .map((token) => (isIgnoredBlock(token) || token.type === "def" ? blankLines(token.raw) : maskHiddenInline(token.raw)))
    .join("");
}

/**
 * The source with code blocks, block quotes and raw HTML blanked out, line for
 * line, so that line-oriented scanning (commands, labels) never sees them.
 */
export function maskIgnoredBlocks(markdown: string): string {
  return ignoredBlocksView(lex(markdown));
}

/** Two views of one body, line for line (see `maskedViews`). */
export interface MaskedViews {
  /** What `maskIgnoredBlocks` returns. */
  ignoredBlocks: string;
  /**
   * Only what a reader sees as prose: link reference definitions blanked
   * too, and inline HTML, code spans and link targets masked (even spanning
   * lines; see `maskHiddenInline`).
   */
  prose: string;
}

/** Both views from one lexing, for readers that find lines in one and read them in the other. */
export function maskedViews(markdown: string): MaskedViews {
  const tokens = lex(markdown);
  return { ignoredBlocks: ignoredBlocksView(tokens), prose: proseView(tokens) };
}

/** Whether the token carries inline markdown in `text` (its inline pass was never run). */
function hasInlineSource(token: Token): token is Tokens.Paragraph | Tokens.Heading | Tokens.Text {
  return token.type === "paragraph" || token.type === "heading" || token.type === "text";
}

/** Plain text of tokens from `lex`: markup dropped, code spans kept as text, raw HTML dropped. */
export function inlineText(tokens: readonly Token[] | undefined): string {
  return (tokens ?? [])
    .map((token) => {
      if (hasInlineSource(token)) return plainInline(token.text);
      if (token.type === "br") return "\n";
      if (token.type === "html") return "";
      return "text" in token ? String(token.text) : token.raw;
    })
    .join("");
}

/** Table columns whose header says when a measure was taken, so a row reads as a comparison. */
const COMPARED_COLUMNS = new Set(["before", "after"]);

/** A table with a "before" and an "after" column: a measured comparison, whose rows read as sentences (see `blockText`). */
export function isComparisonTable(token: Token): boolean {
  if (token.type !== "table") return false;
  const names = new Set((token as Tokens.Table).header.map((cell) => plainInline(cell.text).trim().toLowerCase()));
  return [...COMPARED_COLUMNS].every((name) => names.has(name));
}

/** Plain text of a block token (paragraph, list, table…); code and quotes yield nothing. */
export function blockText(token: Token): string {
  if (isIgnoredBlock(token)) return "";
  if (hasInlineSource(token)) return plainInline(token.text);
  switch (token.type) {
    case "list":
      return (token as Tokens.List).items
        .map((item) => item.tokens.map(blockText).filter(Boolean).join("\n"))
        .join("\n");
    case "table": {
      const table = token as Tokens.Table;
      const header = table.header.map((cell) => plainInline(cell.text));
      // A column headed "before" or "after" is read as its rows would be said: "41.2s before 17.6s after".
      const said = header.map((name) => (COMPARED_COLUMNS.has(name.trim().toLowerCase()) ? ` ${name.trim().toLowerCase()}` : ""));
      const rows = table.rows.map((row) => row.map((cell, i) => `${plainInline(cell.text)}${said[i] ?? ""}`).join(" "));
      return [header.join(" "), ...rows].join("\n");
    }
    default:
      return "";
  }
}

/** Words holding a letter or digit. Linear: one split on whitespace runs, one test per word. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
