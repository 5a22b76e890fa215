import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { dataMarkerOf, dataMarkerSpans, type MarkerSpan } from "./markers.js";

/**
 * Records (`<!-- intentbot:data {json} -->`) live in bodies other people can
 * edit, so on GitHub each one carries a MAC: `<!-- intentbot:data {json}
 * hmac:… -->`, an HMAC-SHA256 over the repository it belongs to and the JSON,
 * keyed by a key only the app holds. Renderers write the canonical (unsealed)
 * form; the writers of bodies that carry records seal them on their way to
 * GitHub and the readers open them on their way in (`github/records.ts`),
 * turning genuine records back into the canonical form and dropping every
 * other one. So a record cannot be
 * written by hand, copied from another repository, or hide the genuine one.
 */

export interface RecordKey {
  readonly bytes: Buffer;
}

const KEY_LABEL = "intentbot record seal v1";
const MAC_TAG = " hmac:";
/** base64url of 32 bytes. */
const MAC_LENGTH = 43;

/** The sealing key, derived from the app's webhook secret (HKDF) so the secret itself never signs anything. */
export function deriveRecordKey(secret: string): RecordKey {
  return { bytes: Buffer.from(hkdfSync("sha256", secret, "", KEY_LABEL, 32)) };
}

/** The scope a record is bound to: the repository, as `owner/repo` in lower case (GitHub names ignore case). */
export function recordScope(owner: string, repo: string): string {
  return `${owner}/${repo}`.toLowerCase();
}

function mac(key: RecordKey, scope: string, json: string): string {
  return createHmac("sha256", key.bytes).update(`${scope}\n${json}`).digest("base64url");
}

/**
 * Every canonical record sealed for `scope`; anything else that looks like a
 * record is dropped. The renderers put each record on a line of its own, so a
 * record in the middle of a line can only be quoted text that escaped its
 * escaping: it is dropped rather than sealed.
 */
export function sealRecords(body: string, scope: string, key: RecordKey): string {
  return rewriteMarkers(body, (content, span) =>
    isJsonObject(content) && onOwnLine(body, span) ? `${content}${MAC_TAG}${mac(key, scope, content)}` : undefined,
  );
}

function onOwnLine(body: string, span: MarkerSpan): boolean {
  const before = span.start === 0 ? "\n" : body[span.start - 1];
  const after = span.end === body.length ? "\n" : body[span.end];
  return (before === "\n" || before === "\r") && (after === "\n" || after === "\r");
}

export interface Opened {
  body: string;
  /** Records dropped because their MAC is missing or wrong (forged, copied, or damaged). */
  rejected: number;
}

/** Genuine records of `scope` back in canonical form; every other record removed. Without a scope, all are removed. */
export function openRecords(body: string, scope: string | undefined, key: RecordKey): Opened {
  let rejected = 0;
  const opened = rewriteMarkers(body, (content) => {
    const json = scope === undefined ? undefined : verified(content, scope, key);
    if (json === undefined) rejected += 1;
    return json;
  });
  return { body: opened, rejected };
}

function verified(content: string, scope: string, key: RecordKey): string | undefined {
  const at = content.length - MAC_LENGTH - MAC_TAG.length;
  if (at < 0 || !content.startsWith(MAC_TAG, at)) return undefined;
  const json = content.slice(0, at);
  const given = Buffer.from(content.slice(at + MAC_TAG.length));
  const expected = Buffer.from(mac(key, scope, json));
  return given.length === expected.length && timingSafeEqual(given, expected) ? json : undefined;
}

/** The body with each data marker's content replaced (or the marker removed when `rewrite` gives undefined). */
function rewriteMarkers(body: string, rewrite: (content: string, span: MarkerSpan) => string | undefined): string {
  const spans = dataMarkerSpans(body);
  if (spans.length === 0) return body;
  let out = "";
  let from = 0;
  for (const span of spans) {
    const content = rewrite(span.content, span);
    out += body.slice(from, span.start) + (content === undefined ? "" : dataMarkerOf(content));
    from = span.end;
  }
  return out + body.slice(from);
}

function isJsonObject(content: string): boolean {
  if (!content.startsWith("{")) return false;
  try {
    JSON.parse(content);
    return true;
  } catch {
    return false;
  }
}
