import { openRecords, recordScope, sealRecords, type RecordKey } from "../core/records.js";
import { DATA_MARKER_OPEN } from "../core/markers.js";
import type { Services } from "./services.js";
import type { Log, RepoRef } from "./types.js";

/**
 * Where records are sealed and opened (see `core/records.ts`), called by name
 * where they cross to or from GitHub, never by rewriting every request: the
 * router opens each event's payload before any handler sees it; each writer
 * of a body that may carry a record (the executor's comments and issue
 * bodies, a new issue) seals it; each reader of bodies that may hold one (the
 * app's comments and issues, an issue or pull request read, search results,
 * sub-issues) opens what GitHub answered. So the handlers and the pure core
 * only ever see canonical records that are genuine, and compare and write
 * bodies as they always did. What is opened is opened once: a canonical
 * record opened again has no seal, and is dropped as forged.
 */

/** What sealing and opening need: the app's key, and the delivery's log for the records dropped. */
export interface RecordContext {
  services: Pick<Services, "recordKey">;
  log: Log;
}

/** A body on its way to `repo`, its canonical records sealed for that repository (anything else like a record dropped). */
export function sealed(ctx: RecordContext, repo: RepoRef, body: string): string {
  return sealRecords(body, recordScope(repo.owner, repo.repo), ctx.services.recordKey);
}

/**
 * What GitHub answered from `repo`, opened in place and returned: genuine
 * records back in canonical form, every other one dropped (and logged).
 */
export function opened<T>(ctx: RecordContext, repo: RepoRef, data: T): T {
  const rejected = openInPlace(data, recordScope(repo.owner, repo.repo), ctx.services.recordKey);
  if (rejected > 0) ctx.log.warn({ rejected, repo: `${repo.owner}/${repo.repo}` }, "ignored records in a GitHub answer that failed authentication");
  return data;
}

interface EventLike {
  payload: object;
  log: Log;
}

/**
 * Called once per delivery, by the router, before its handlers run: each
 * delivery has its own payload, so none is opened twice.
 */
export function openPayload(event: EventLike, key: RecordKey): void {
  const rejected = openInPlace(event.payload, payloadScope(event.payload), key);
  if (rejected > 0) event.log.warn({ rejected }, "ignored records in the event that failed authentication");
}

function payloadScope(payload: object): string | undefined {
  const repository = (payload as { repository?: { name?: unknown; owner?: { login?: unknown } } }).repository;
  const owner = repository?.owner?.login;
  const name = repository?.name;
  return typeof owner === "string" && typeof name === "string" ? recordScope(owner, name) : undefined;
}

/**
 * Opens every string of a JSON value that holds a record, in place, and
 * returns how many records were dropped. An object with a `repository_url`
 * (an issue, also in search results that span repositories) is scoped to that
 * repository; anything else to the repository of the request or event.
 * Iterative, so no depth of nesting can exhaust the stack.
 */
export function openInPlace(root: unknown, rootScope: string | undefined, key: RecordKey): number {
  let rejected = 0;
  const pending: { value: unknown; scope: string | undefined }[] = [{ value: root, scope: rootScope }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const { value } = item;
    if (typeof value !== "object" || value === null) continue;
    const fields = value as Record<string, unknown>;
    const scope = scopeOfUrl(fields.repository_url) ?? item.scope;
    for (const name of Object.keys(fields)) {
      const field = fields[name];
      if (typeof field === "string") {
        if (!field.includes(DATA_MARKER_OPEN)) continue;
        const opened = openRecords(field, scope, key);
        fields[name] = opened.body;
        rejected += opened.rejected;
      } else if (typeof field === "object" && field !== null) {
        pending.push({ value: field, scope });
      }
    }
  }
  return rejected;
}

/** `https://api.github.com/repos/OWNER/REPO` (or an Enterprise host's) → `owner/repo`. */
function scopeOfUrl(url: unknown): string | undefined {
  if (typeof url !== "string") return undefined;
  const parts = url.split("/");
  const owner = parts.at(-2);
  const repo = parts.at(-1);
  return owner && repo && parts.at(-3) === "repos" ? recordScope(owner, repo) : undefined;
}
