/**
 * Hidden markers in the bot's own comments and issues. Topic markers are only
 * trusted when the author is the app's bot account. Data markers (records) are
 * sealed with a MAC on their way to GitHub and checked on their way back
 * (`core/records.ts`, `github/records.ts`): the text these helpers read has
 * already been opened, so every data marker left in it is genuine.
 */

const PREFIX = "intentbot:";
/** Where a data marker starts; like any HTML comment it ends at the first `-->`. */
export const DATA_MARKER_OPEN = `<!-- ${PREFIX}data `;
const COMMENT_CLOSE = "-->";

export function topicMarker(topic: string): string {
  return `<!-- ${PREFIX}${topic} -->`;
}

export function hasTopicMarker(body: string | null | undefined, topic: string): boolean {
  return (body ?? "").includes(topicMarker(topic));
}

/** `<` and `>` only occur inside JSON strings, so escaping them keeps the JSON valid and the comment closed. */
export function dataMarker(data: unknown): string {
  return dataMarkerOf(JSON.stringify(data).replaceAll("<", "\\u003c").replaceAll(">", "\\u003e"));
}

/** The marker of JSON text already escaped as `dataMarker` escapes it. */
export function dataMarkerOf(content: string): string {
  return `${DATA_MARKER_OPEN}${content} ${COMMENT_CLOSE}`;
}

export interface MarkerSpan {
  start: number;
  end: number;
  /** The text between the opening and `-->`, trimmed. */
  content: string;
}

/**
 * Every data marker of a body, in order, in one pass: each search starts where
 * the previous marker ended. A marker opened inside another comment (`<!--
 * intentbot:data {bad <!-- intentbot:data {…} -->`) is read from its last
 * opening, so an unclosed or malformed marker cannot swallow the one after it.
 */
export function dataMarkerSpans(body: string): MarkerSpan[] {
  const spans: MarkerSpan[] = [];
  let from = 0;
  for (;;) {
    const first = body.indexOf(DATA_MARKER_OPEN, from);
    if (first < 0) break;
    const close = body.indexOf(COMMENT_CLOSE, first + DATA_MARKER_OPEN.length);
    if (close < 0) break;
    // Searches back no further than `first`, which lies after the previous marker.
    const start = body.lastIndexOf(DATA_MARKER_OPEN, close - DATA_MARKER_OPEN.length);
    spans.push({ start, end: close + COMMENT_CLOSE.length, content: body.slice(start + DATA_MARKER_OPEN.length, close).trim() });
    from = close + COMMENT_CLOSE.length;
  }
  return spans;
}

/** The data of the last well-formed record in a body: a later record supersedes an earlier one. */
export function readDataMarker(body: string | null | undefined): unknown {
  const spans = dataMarkerSpans(body ?? "");
  for (let i = spans.length - 1; i >= 0; i -= 1) {
    const data = parseObject(spans[i]?.content ?? "");
    if (data !== undefined) return data;
  }
  return undefined;
}

function parseObject(content: string): unknown {
  if (!content.startsWith("{")) return undefined;
  try {
    return JSON.parse(content) as unknown;
  } catch {
    return undefined;
  }
}
