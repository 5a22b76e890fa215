import { AsyncLocalStorage } from "node:async_hooks";
import type { GitHubResponse as Response, ReadCaches, RequestOptions as Options, SendRequest as Request } from "./read-caches.js";
import type { Locks } from "./locks.js";
import type { GitHub } from "./types.js";

/**
 * Every GitHub read of one delivery, shared by the features that handle it:
 * the second handler to list a pull request's files or comments, or to read
 * an issue, gets the first one's answer. What nobody changes while a delivery
 * runs (a commit's files and reviews, repository files, permissions) is read
 * once per delivery. Anything else is shared with other handlers only: a
 * handler that reads the same thing again means to see it afresh (a re-read
 * before a write), and does. The app's own writes keep the shared answers
 * true: a comment it posts, edits or deletes is applied to the comment lists
 * already read, and any other write to an issue or pull request drops what
 * was read about it (and every search and issue list). Taking a lock drops
 * every changeable read, so a read under a lock always asks GitHub.
 *
 * Across deliveries (`./read-caches.ts`): repository files, single issues and
 * a pull request's files are revalidated with their ETag (a 304 costs no rate
 * limit; the request still goes to GitHub, so a read under a lock stays
 * fresh), and permission and assignability answers are kept a minute. (The
 * executor skips a check run this instance already published unchanged.)
 */

interface Read {
  response: Promise<Response>;
  /** The handlers that were given it; each gets a changeable read from the memo once at most. */
  readers: Set<string>;
}

interface Delivery {
  payload: object;
  reads: Map<string, Read>;
}

/**
 * The reads of the deliveries being handled, for one app: which handler is
 * running, and each client's current delivery. Held in `Services`, so two
 * apps in one process never share a read.
 */
export class DeliveryReads {
  /** The handler running: the router runs each one inside `asHandler`. */
  private readonly handlerNow = new AsyncLocalStorage<string>();
  private readonly deliveries = new WeakMap<object, Delivery>();

  constructor(private readonly caches: ReadCaches) {}

  asHandler<T>(name: string, work: () => Promise<T>): Promise<T> {
    return this.handlerNow.run(name, work);
  }

  /**
   * Hooks the event's client once; a client used for a later delivery (a queue
   * worker may reuse one) starts with nothing read.
   */
  share(octokit: GitHub, payload: object): Delivery {
    const known = this.deliveries.get(octokit);
    if (known?.payload === payload) return known;
    const delivery = { payload, reads: new Map<string, Read>() };
    this.deliveries.set(octokit, delivery);
    if (!known) octokit.hook.wrap("request", (request, options) => this.shared(octokit, request as unknown as Request, options as unknown as Options) as never);
    return delivery;
  }

  private async shared(octokit: GitHub, request: Request, options: Options): Promise<Response> {
    const delivery = this.deliveries.get(octokit);
    const { method, url } = octokit.request.endpoint.parse(options as never);
    const path = pathOf(url);
    if (!delivery) return request(options);
    if (method !== "GET") return write(request, options, method, path, delivery.reads);
    const key = `${url} ${String(options.headers.accept ?? "")} ${JSON.stringify(options.mediaType ?? {})}`;
    const reader = this.handlerNow.getStore() ?? "";
    const known = delivery.reads.get(key);
    if (known && (STABLE.test(key) || !known.readers.has(reader))) {
      known.readers.add(reader);
      return structuredClone(await known.response);
    }
    const read = { response: this.caches.read(path, key, options, request), readers: new Set([reader]) };
    delivery.reads.set(key, read);
    read.response.catch(() => {
      if (delivery.reads.get(key) === read) delivery.reads.delete(key);
    });
    return structuredClone(await read.response);
  }
}

/** Reads nothing the app or a person changes while a delivery runs: a commit's files and reviews, files, permissions, memberships. */
const COMMENT_LIST = /\/issues\/\d+\/comments\?/;
const STABLE = /\/pulls\/\d+\/(?:files|reviews)\?|\/contents\/|\/collaborators\/|\/assignees\/|\/memberships\/|\/compare\//;

/** The delivery's locks: each one taken forgets the shared reads that may be stale by then. */
export function freshUnderLocks(locks: Locks, delivery: Delivery): Locks {
  return {
    run: (key, work) =>
      locks.run(key, () => {
        forget(delivery.reads, (read) => !STABLE.test(read));
        return work();
      }),
  };
}

async function write(request: Request, options: Options, method: string, path: string, reads: Map<string, Read>): Promise<Response> {
  const response = await request(options);
  const comment = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(path);
  const thread = /^(\/repos\/[^/]+\/[^/]+)\/(?:issues|pulls)\/(\d+)(\/[^?]*)?$/.exec(path);
  const created = /^(\/repos\/[^/]+\/[^/]+)\/issues$/.exec(path);
  // A GraphQL query (a user's teams) reads; only a mutation can change what was read.
  const query = path === "/graphql" && typeof options.query === "string" && options.query.trimStart().startsWith("query");
  const harmless = query || /^\/repos\/[^/]+\/[^/]+\/(?:check-runs|labels|issues\/comments\/\d+\/reactions)$/.test(path);
  const lists = (repo: string) => (key: string) => key.includes("/search/") || key.includes(`${repo}/issues?`);
  if (comment) {
    const id = Number(comment[1]);
    await editCommentLists(reads, (key) => COMMENT_LIST.test(key), (comments) => comments.flatMap((c) => (c.id !== id ? [c] : method === "DELETE" ? [] : [response.data])));
  } else if (thread?.[3] === "/comments" && method === "POST") {
    const list = `${thread[1]}/issues/${thread[2]}/comments?`;
    await editCommentLists(reads, (key) => key.includes(list), (comments) => [...comments, response.data]);
  } else if (thread) {
    const [, repo = "", number = "", part = ""] = thread;
    forget(reads, (key) => lists(repo)(key) || aboutThread(key, repo, number, part));
  } else if (created) {
    forget(reads, lists(created[1] ?? ""));
  } else if (!harmless) {
    reads.clear();
  }
  return response;
}

function pathOf(url: string): string {
  const start = url.indexOf("/", url.indexOf("//") + 2);
  return decodeURIComponent(url.slice(start).split("?")[0] ?? "");
}

/** A read of the issue or pull request itself, or of the part of it that was written (its labels, its sub-issues). */
function aboutThread(key: string, repo: string, number: string, part: string): boolean {
  const path = pathOf(key.slice(0, key.indexOf(" ")));
  return [`${repo}/issues/${number}`, `${repo}/pulls/${number}`].some((thread) => path === thread || (part !== "" && path === `${thread}${part}`));
}

function forget(reads: Map<string, Read>, drop: (key: string) => boolean): void {
  for (const key of [...reads.keys()]) if (drop(key)) reads.delete(key);
}

/**
 * Applies the app's own comment write to the comment lists already read, so
 * the other handlers see it without listing again. A list that may span
 * pages (or that failed) is dropped instead.
 */
async function editCommentLists(reads: Map<string, Read>, isList: (key: string) => boolean, change: (comments: { id?: number }[]) => unknown[]): Promise<void> {
  for (const [key, read] of [...reads]) {
    if (!isList(key)) continue;
    const list = await read.response.then(
      (response) => response,
      () => undefined,
    );
    if (reads.get(key) !== read) continue;
    if (!list || !Array.isArray(list.data) || list.data.length >= 99 || !key.includes("per_page=100") || /[?&]page=/.test(key)) {
      reads.delete(key);
      continue;
    }
    reads.set(key, { response: Promise.resolve({ ...list, data: change(list.data as { id?: number }[]) }), readers: read.readers });
  }
}
