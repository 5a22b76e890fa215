import { Lexer, type Token, type Tokens } from "marked";

/** HTML comments never count as content (templates use them for instructions). */
export function stripHtmlComments(markdown: string): string {
  return markdown.replace(/<!--[\s\S]*?(-->|$)/g, "");
}

export function lex(markdown: string): Token[] {
  return new Lexer({ gfm: true }).lex(markdown);
}

/** Block tokens whose text must never count as the author's own statement. */
function isIgnoredBlock(token: Token): boolean {
  return token.type === "code" || token.type === "blockquote" || token.type === "html";
}

/**
 * The source with code blocks, block quotes and raw HTML blanked out, line for
 * line, so that line-oriented scanning (commands, labels) never sees them.
 */
export function maskIgnoredBlocks(markdown: string): string {
  return lex(markdown)
    .map((token) => (isIgnoredBlock(token) ? token.raw.replace(/[^\n]/g, "") : token.raw))
    .join("");
}

/** Plain text of inline tokens: code spans kept as text, markup dropped. */
export function inlineText(tokens: readonly Token[] | undefined): string {
  return (tokens ?? [])
    .map((token) => {
      if ("tokens" in token && token.tokens && token.type !== "codespan") return inlineText(token.tokens);
      if (token.type === "br") return "\n";
      if (token.type === "html") return "";
      return "text" in token ? String(token.text) : token.raw;
    })
    .join("");
}

/** Plain text of a block token (paragraph, list, table…); code and quotes yield nothing. */
export function blockText(token: Token): string {
  if (isIgnoredBlock(token)) return "";
  switch (token.type) {
    case "paragraph":
    case "heading":
    case "text":
      return "tokens" in token && token.tokens ? inlineText(token.tokens) : String(token.text ?? "");
    case "list":
      return (token as Tokens.List).items
        .map((item) => item.tokens.map(blockText).filter(Boolean).join("\n"))
        .join("\n");
    case "table": {
      const table = token as Tokens.Table;
      return [table.header, ...table.rows].map((row) => row.map((cell) => inlineText(cell.tokens)).join(" ")).join("\n");
    }
    default:
      return "";
  }
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
