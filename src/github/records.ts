import { DATA_MARKER_OPEN } from "../core/markers.js";
import { openRecords, recordScope, sealRecords, type RecordKey } from "../core/records.js";
import type { GitHub, Log } from "./types.js";

/**
 * The one place records are sealed and opened (see `core/records.ts`). Before
 * any handler sees an event, its payload is opened, and its GitHub client gets
 * a request hook that seals the `body` of every write and opens every
 * response. So the handlers and the pure core only ever see canonical records
 * that are genuine, and compare and write bodies as they always did.
 */

interface EventLike {
  payload: object;
  octokit: GitHub;
  log: Log;
}

/**
 * Called once per delivery, by the router, before its handlers run: each
 * delivery has its own payload and its own client (Probot's per event, or the
 * queue worker's), so neither is opened or hooked twice.
 */
export function protectRecords(event: EventLike, key: RecordKey): void {
  const rejected = openInPlace(event.payload, payloadScope(event.payload), key);
  if (rejected > 0) event.log.warn({ rejected }, "ignored records in the event that failed authentication");
  hookRequests(event.octokit, event.log, key);
}

function hookRequests(octokit: GitHub, log: Log, key: RecordKey): void {
  octokit.hook.wrap("request", async (request, options) => {
    const params = options as Record<string, unknown>;
    const scope = typeof params.owner === "string" && typeof params.repo === "string" ? recordScope(params.owner, params.repo) : scopeOfPath(options.url);
    if (scope !== undefined && typeof params.body === "string") params.body = sealRecords(params.body, scope, key);
    const response = await request(options);
    const rejected = openInPlace(response.data, scope, key);
    if (rejected > 0) log.warn({ rejected, url: options.url }, "ignored records in a response that failed authentication");
    return response;
  });
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

/**
 * The repository of a request whose URL is already expanded, as pagination
 * sends it (`/repos/OWNER/REPO/issues?page=2`, or the full `next` link).
 */
function scopeOfPath(url: string): string | undefined {
  const parts = url.split("?")[0]?.split("/") ?? [];
  const at = parts.indexOf("repos");
  const owner = parts[at + 1];
  const repo = parts[at + 2];
  return at >= 0 && owner && repo && !owner.startsWith("{") && !repo.startsWith("{") ? recordScope(decodeURIComponent(owner), decodeURIComponent(repo)) : undefined;
}
