import { createHash } from "node:crypto";
import nock from "nock";
import { BOT_LOGIN, OWNER, REPO } from "./github.js";

/**
 * A small stateful GitHub for tests where the exact sequence of calls is not
 * the point (several app instances racing): it answers the endpoints the app
 * uses from one in-memory repository, counts every call, and records any
 * request it does not know, which the test asserts is none.
 */
export interface FakeIssue {
  number: number;
  node_id: string;
  title: string;
  body: string;
  state: "open" | "closed";
  state_reason: string | null;
  closed_at: string | null;
  labels: { name: string }[];
  assignees: { login: string }[];
  user: { login: string; type: string };
  pull_request?: { merged_at: string | null };
  /** PR only. */
  head?: { sha: string; ref: string };
  base?: { ref: string; sha: string };
  draft?: boolean;
  merged?: boolean;
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: string };
}

/** Status, body and headers, as nock replies. */
export type Reply = [number, unknown] | [number, unknown, Record<string, string>];

const bot = { login: BOT_LOGIN, type: "Bot" };

/** A weak ETag of what a read returns (a file's text, an issue's JSON), as GitHub sends. */
function etagOf(text: string): string {
  return `W/"${createHash("sha1").update(text).digest("hex")}"`;
}
const REPO_PATH = `/repos/${OWNER}/${REPO}`;

export class FakeGitHub {
  readonly issues = new Map<number, FakeIssue>();
  readonly comments: FakeComment[] = [];
  readonly labels = new Set<string>();
  readonly checkRuns: { name: string; head_sha: string; conclusion?: string; output?: { title: string; summary: string } }[] = [];
  readonly files = new Map<number, { filename: string; status: string; patch?: string }[]>();
  /** Every call, as `METHOD /path`. */
  readonly calls: string[] = [];
  /** Conditional reads answered 304 Not Modified (GitHub does not count them against the rate limit). */
  notModified = 0;
  /** Calls this fake does not know: a test expects none. */
  readonly unknown: string[] = [];
  config: string | undefined;
  /** Other files of the repository by path (CODEOWNERS, templates), on every ref. */
  readonly contents = new Map<string, string>();
  /** Team members, as `team-slug:login`. */
  readonly teamMembers = new Set<string>();
  readonly reviews = new Map<number, { user: { login: string }; state: string; submitted_at: string; commit_id: string }[]>();
  private nextId = 1000;
  private scope: nock.Scope | undefined;

  /** Writes (POST, PATCH, PUT, DELETE) to a path, e.g. `PATCH /repos/o/r/issues/3`. */
  writes(prefix = ""): string[] {
    return this.calls.filter((call) => !call.startsWith("GET ") && call.includes(prefix) && !call.includes("/access_tokens") && !call.startsWith("POST /graphql"));
  }

  addPullRequest(pr: Partial<FakeIssue> & { number: number; title: string }): FakeIssue {
    const full: FakeIssue = {
      node_id: `PR_${pr.number}`,
      body: "",
      state: "open",
      state_reason: null,
      closed_at: null,
      labels: [],
      assignees: [],
      user: { login: "Codertocat", type: "User" },
      pull_request: { merged_at: null },
      head: { sha: "ec26c3e57ca3a959ca5aad62de7213c562f8c821", ref: "changes" },
      base: { ref: "main", sha: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e" },
      draft: false,
      merged: false,
      ...pr,
    };
    this.issues.set(pr.number, full);
    return full;
  }

  start(): void {
    this.scope = nock("https://api.github.com").persist();
    for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"] as const) {
      const respond = this.respond.bind(this);
      this.scope.intercept(/.*/, method).reply(function (uri, body) {
        return respond(method, uri, body, this.req.headers);
      });
    }
  }

  stop(): void {
    nock.removeInterceptor({ hostname: "api.github.com", port: 443, proto: "https", path: /.*/ } as unknown as nock.Interceptor);
    this.scope?.persist(false);
    nock.cleanAll();
  }

  /** Answers one request to the API (a path under api.github.com), through nock (`start`) or a real server (`test/integration`). */
  respond(method: string, uri: string, rawBody: unknown, headers: Record<string, string | string[] | undefined>): Reply {
    const url = new URL(uri, "https://api.github.com");
    const path = decodeURIComponent(url.pathname);
    const body = (typeof rawBody === "string" && rawBody ? JSON.parse(rawBody) : (rawBody ?? {})) as Record<string, unknown>;
    this.calls.push(`${method} ${path}`);
    const reply = this.answer(method, path, url.searchParams, body);
    const etag = reply?.[2]?.etag;
    if (etag && headers["if-none-match"] === etag) {
      this.notModified++;
      return [304, ""];
    }
    if (!reply) {
      this.unknown.push(`${method} ${url.pathname}${url.search}`);
      return [501, { message: "not in the fake" }];
    }
    return reply;
  }

  private answer(method: string, path: string, query: URLSearchParams, body: Record<string, unknown>): Reply | undefined {
    let m: RegExpMatchArray | null;
    if (method === "POST" && /^\/app\/installations\/\d+\/access_tokens$/.test(path)) return [201, { token: "test-token", expires_at: "2099-01-01T00:00:00Z", permissions: {} }];
    if (method === "GET" && path === "/app") return [200, { id: 1, slug: "intentbot", name: "intentbot" }];
    if (method === "POST" && path === "/graphql") return [200, { data: {} }];
    if (method === "GET" && path === "/search/issues") return [200, this.search(query.get("q") ?? "")];
    if (method === "GET" && (m = path.match(/^\/repos\/[^/]+\/[^/]+\/contents(?:\/(.*))?$/))) {
      // Files only: a directory listing (the root's, for templates) finds nothing.
      const own = path.startsWith(REPO_PATH);
      const text = own && m[1] === ".github/intent.yml" ? this.config : own && m[1] ? this.contents.get(m[1]) : undefined;
      return text !== undefined ? [200, text, { "content-type": "application/vnd.github.v3.raw; charset=utf-8", etag: etagOf(text) }] : [404, { message: "Not Found" }];
    }
    if (method === "GET" && (m = path.match(/^\/orgs\/[^/]+\/teams\/([^/]+)\/memberships\/([^/]+)$/))) {
      return this.teamMembers.has(`${m[1]}:${m[2]}`) ? [200, { state: "active", role: "member" }] : [404, { message: "Not Found" }];
    }
    if (!path.startsWith(REPO_PATH)) return undefined;
    const rest = path.slice(REPO_PATH.length);

    if (method === "GET" && (m = rest.match(/^\/pulls\/(\d+)$/))) return this.found(this.issues.get(Number(m[1])));
    if (method === "GET" && (m = rest.match(/^\/pulls\/(\d+)\/files$/))) {
      const files = this.files.get(Number(m[1])) ?? [];
      return [200, files, { etag: etagOf(JSON.stringify(files)) }];
    }
    if (method === "GET" && (m = rest.match(/^\/pulls\/(\d+)\/reviews$/))) return [200, this.reviews.get(Number(m[1])) ?? []];
    if (method === "POST" && /^\/pulls\/\d+\/requested_reviewers$/.test(rest)) return [201, {}];
    if (method === "POST" && /^\/issues\/comments\/\d+\/reactions$/.test(rest)) return [201, { content: body.content }];
    if (method === "GET" && rest === "/issues") return [200, this.listIssues(query)];
    if (method === "POST" && rest === "/issues") return [201, this.createIssue(body)];
    if ((m = rest.match(/^\/issues\/(\d+)$/))) {
      const issue = this.issues.get(Number(m[1]));
      if (method === "GET") return this.found(issue);
      if (method === "PATCH" && issue) return [200, this.updateIssue(issue, body)];
    }
    if ((m = rest.match(/^\/issues\/(\d+)\/comments$/))) {
      const issue = Number(m[1]);
      if (method === "GET") return [200, this.comments.filter((c) => c.issue === issue)];
      if (method === "POST") {
        const comment: FakeComment = { id: this.nextId++, issue, body: String(body.body ?? ""), user: bot };
        this.comments.push(comment);
        return [201, comment];
      }
    }
    if ((m = rest.match(/^\/issues\/comments\/(\d+)$/))) {
      const index = this.comments.findIndex((c) => c.id === Number(m?.[1]));
      const comment = this.comments[index];
      if (!comment) return [404, { message: "Not Found" }];
      if (method === "PATCH") {
        comment.body = String(body.body ?? comment.body);
        return [200, comment];
      }
      if (method === "DELETE") {
        this.comments.splice(index, 1);
        return [204, ""];
      }
    }
    if ((m = rest.match(/^\/issues\/(\d+)\/labels$/)) && method === "POST") {
      const issue = this.issues.get(Number(m[1]));
      if (!issue) return [404, { message: "Not Found" }];
      for (const name of (body.labels as string[] | undefined) ?? []) if (!issue.labels.some((l) => l.name === name)) issue.labels.push({ name });
      return [200, issue.labels];
    }
    if ((m = rest.match(/^\/issues\/(\d+)\/labels\/(.+)$/)) && method === "DELETE") {
      const issue = this.issues.get(Number(m[1]));
      if (!issue) return [404, { message: "Not Found" }];
      issue.labels = issue.labels.filter((l) => l.name !== m?.[2]);
      return [200, issue.labels];
    }
    if (method === "POST" && rest === "/labels") {
      const name = String(body.name);
      if (this.labels.has(name)) return [422, { message: "Validation Failed", errors: [{ code: "already_exists" }] }];
      this.labels.add(name);
      return [201, { name }];
    }
    if (method === "POST" && rest === "/check-runs") {
      this.checkRuns.push(body as never);
      return [201, { id: this.nextId++ }];
    }
    if (method === "GET" && rest.startsWith("/assignees/")) return [204, ""];
    if (method === "GET" && (m = rest.match(/^\/collaborators\/([^/]+)\/permission$/))) return [200, { permission: "admin", user: { login: m[1] } }];
    if (method === "GET" && rest === "/commits") return [200, []];
    return undefined;
  }

  /** GitHub sends an ETag with every read; the app revalidates single issues and PRs (and PRs' files) with it. */
  private found(issue: FakeIssue | undefined): Reply {
    return issue ? [200, issue, { etag: etagOf(JSON.stringify(issue)) }] : [404, { message: "Not Found" }];
  }

  private createIssue(body: Record<string, unknown>): FakeIssue {
    const number = Math.max(100, ...this.issues.keys()) + 1;
    const issue: FakeIssue = {
      number,
      node_id: `I_${number}`,
      title: String(body.title ?? ""),
      body: String(body.body ?? ""),
      state: "open",
      state_reason: null,
      closed_at: null,
      labels: ((body.labels as string[] | undefined) ?? []).map((name) => ({ name })),
      assignees: ((body.assignees as string[] | undefined) ?? []).map((login) => ({ login })),
      user: bot,
    };
    this.issues.set(number, issue);
    return issue;
  }

  private updateIssue(issue: FakeIssue, body: Record<string, unknown>): FakeIssue {
    if (typeof body.title === "string") issue.title = body.title;
    if (typeof body.body === "string") issue.body = body.body;
    if (body.state === "open" || body.state === "closed") {
      issue.state = body.state;
      issue.closed_at = body.state === "closed" ? new Date().toISOString() : null;
    }
    if (typeof body.state_reason === "string") issue.state_reason = body.state_reason;
    if (Array.isArray(body.labels)) issue.labels = (body.labels as string[]).map((name) => ({ name }));
    return issue;
  }

  private listIssues(query: URLSearchParams): FakeIssue[] {
    const labels = (query.get("labels") ?? "").split(",").filter(Boolean);
    const state = query.get("state") ?? "open";
    const creator = query.get("creator");
    return [...this.issues.values()].filter(
      (issue) =>
        (state === "all" || issue.state === state) &&
        (!creator || issue.user.login === creator) &&
        labels.every((label) => issue.labels.some((l) => l.name === label)),
    );
  }

  /** Enough of GitHub's search syntax for the app's queries: is:, label:, author:app/. */
  private search(q: string): { total_count: number; incomplete_results: boolean; items: FakeIssue[] } {
    const terms = q.match(/\S+:"[^"]*"|\S+/g) ?? [];
    const items = [...this.issues.values()].filter((issue) =>
      terms.every((term) => {
        const [key, ...rest] = term.split(":");
        const value = rest.join(":").replace(/^"|"$/g, "");
        switch (key) {
          case "is":
            if (value === "issue") return !issue.pull_request;
            if (value === "pr") return Boolean(issue.pull_request);
            if (value === "open" || value === "closed") return issue.state === value;
            if (value === "merged") return Boolean(issue.merged);
            return true;
          case "label":
            return issue.labels.some((l) => l.name === value);
          case "author":
            return value.startsWith("app/") ? issue.user.login === `${value.slice(4)}[bot]` : issue.user.login === value;
          default:
            return true;
        }
      }),
    );
    return { total_count: items.length, incomplete_results: false, items };
  }
}
