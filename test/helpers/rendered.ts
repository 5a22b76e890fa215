import { marked } from "marked";

/**
 * What a reader of rendered Markdown sees, for checking escapers: `marked`
 * stands in for GitHub's renderer. Tests only (the app never renders).
 */
export function renderHtml(markdown: string): string {
  return marked.parse(markdown, { async: false, gfm: true });
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", commat: "@", nbsp: "\u00a0" };

/** HTML entities decoded once, as a browser does (numeric ones also without `;`). */
export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (entity: string, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16) || 0xfffd);
    if (lower.startsWith("#")) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10) || 0xfffd);
    return entity.endsWith(";") ? (NAMED[lower] ?? entity) : entity;
  });
}

/**
 * The mentions a reader would see: an `@` (or a lookalike) followed by a name
 * character in the rendered text, outside code (where GitHub notifies no one).
 */
export function renderedMentions(markdown: string): string[] {
  const text = decodeEntities(
    renderHtml(markdown)
      .replace(/<code[^>]*>[^<]*<\/code>/g, " ")
      .replace(/<[^>]*>/g, " "),
  );
  return text.match(/[@\uFF20\uFE6B][\p{L}\p{N}_-]/gu) ?? [];
}

/** The cells of each table row, as rendered. */
export function renderedTableCells(markdown: string): number[] {
  const rows = renderHtml(markdown).match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
  return rows.map((row) => (row.match(/<t[dh][ >]/g) ?? []).length);
}
