/**
 * Hidden markers in the bot's own comments and issues. They are only trusted
 * when the author is the app's bot account; these helpers only read and write
 * the text.
 */

const PREFIX = "intentbot:";

export function topicMarker(topic: string): string {
  return `<!-- ${PREFIX}${topic} -->`;
}

export function hasTopicMarker(body: string | null | undefined, topic: string): boolean {
  return (body ?? "").includes(topicMarker(topic));
}

/** `<` and `>` only occur inside JSON strings, so escaping them keeps the JSON valid and the comment closed. */
export function dataMarker(data: unknown): string {
  const json = JSON.stringify(data).replaceAll("<", "\\u003c").replaceAll(">", "\\u003e");
  return `<!-- ${PREFIX}data ${json} -->`;
}

const DATA_PATTERN = /<!-- intentbot:data (\{.*?\}) -->/s;

export function readDataMarker(body: string | null | undefined): unknown {
  const match = DATA_PATTERN.exec(body ?? "");
  if (!match?.[1]) return undefined;
  try {
    return JSON.parse(match[1]) as unknown;
  } catch {
    return undefined;
  }
}
