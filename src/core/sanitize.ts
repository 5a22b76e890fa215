/**
 * Makes user-written text safe to repeat in the bot's own comments, issues and
 * check runs: it cannot @-mention anyone (a zero-width space follows each `@`
 * that would start a mention) and cannot open or close an HTML comment, so it
 * can never forge one of the bot's hidden markers.
 */
export function neutralize(text: string): string {
  return text
    .replace(/@(?=[\w-])/g, "@\u200b")
    .replaceAll("<!--", "&lt;!--")
    .replaceAll("-->", "--&gt;");
}

/** A short single-line quote of user text, for summaries and table cells. */
export function quoteInline(text: string, maxLength = 200): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  const clipped = oneLine.length > maxLength ? `${oneLine.slice(0, maxLength - 1)}…` : oneLine;
  return neutralize(clipped).replaceAll("|", "\\|");
}
