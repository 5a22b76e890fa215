import { createHash } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import nock from "nock";
import { BOT_LOGIN, OWNER, REPO } from "./github.js";

/**
 * A small stateful GitHub for tests where the exact sequence of calls is not
 * the point (several app instances racing): it answers the endpoints the app
 * uses from one in-memory repository (and any other repositories of the same
 * owner a test adds with `repository`), counts every call, and records any
 * request it does not know, which the test asserts is none.
 */
export interface FakeIssue {
  number: number;
  /** The REST id, which links a sub-issue: 9000 + the number where the fake makes the issue. */
  id?: number;
  node_id: string;
  title: string;
  body: string;
  state: "open" | "closed";
  state_reason: string | null;
  closed_at: string | null;
  labels: { name: string }[];
  assignees: { login: string }[];
  user: { login: string; type: string };
  created_at?: string;
  repository_url?: string;
  pull_request?: { merged_at: string | null };
  /** PR only. */
  head?: { sha: string; ref: string };
  base?: { ref: string; sha: string };
  draft?: boolean;
  merged?: boolean;
  /** PR only: the teams asked for a review, as `GET pulls/:n` lists them. */
  requested_teams?: { slug: string }[];
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: { login: string; type: string };
}

export interface FakeReaction {
  id: number;
  comment: number;
  content: string;
  user: { login: string; type: string };
}

/** Status, body and headers, as nock replies. */
export type Reply = [number, unknown] | [number, unknown, Record<string, string>];

/** A weak ETag of what a read returns (a file's text, an issue's JSON), as GitHub sends. */
function etagOf(text: string): string {
  return `W/"${createHash("sha1").update(text).digest("hex")}"`;
}

export class FakeGitHub {
  readonly issues = new Map<number, FakeIssue>();
  readonly comments: FakeComment[] = [];
  readonly labels = new Set<string>();
  /** The labels the app created, as it asked for them (name, colour, description). */
  readonly createdLabels: Record<string, unknown>[] = [];
  readonly checkRuns: { name: string; head_sha: string; conclusion?: string; output?: { title: string; summary: string } }[] = [];
  readonly files = new Map<number, { filename: string; status: string; patch?: string }[]>();
  /** Every call, as `METHOD /path`. */
  readonly calls: string[] = [];
  /** Every write with what it sent, in order. */
  readonly sent: { call: string; body: Record<string, unknown> }[] = [];
  /** The number of the first issue the app creates (then the next free one). */
  firstNumber = 101;
  /** Conditional reads answered 304 Not Modified (GitHub does not count them against the rate limit). */
  notModified = 0;
  /** The `authorization` headers the calls carried. */
  readonly authorizations = new Set<string>();
  /** Calls this fake does not know: a test expects none. */
  readonly unknown: string[] = [];
  config: string | undefined;
  /** Other files of the repository by path (CODEOWNERS, templates), on every ref. */
  readonly contents = new Map<string, string>();
  /** Team members, as `team-slug:login`, of the repository's organisation. */
  readonly teamMembers = new Set<string>();
  /** Organisations whose teams the app may not read (no *Members: read*): GraphQL answers FORBIDDEN. Any other organisation but the repository's does not exist. */
  readonly unreadableOrgs = new Set<string>();
  /** Files changed between two commits, by `base...head`, for `GET /compare/base...head` (404 for any other pair: a commit force-pushed away). */
  readonly compares = new Map<string, string[]>();
  /** Commits of the default branch with the paths they changed, for `GET /commits?path=&since=`. */
  readonly commits: { paths: string[]; message: string; date: string }[] = [];
  readonly reviews = new Map<number, { user: { login: string }; state: string; submitted_at: string; commit_id: string }[]>();
  readonly reactions: FakeReaction[] = [];
  /** Sub-issues by the REST id of the child: its parent's number. */
  readonly parents = new Map<number, number>();
  /** Timeline events per issue (cross-references), for `GET issues/:n/timeline`. */
  readonly timelines = new Map<number, unknown[]>();
  /** Team reviews requested, per pull request. */
  readonly requestedTeams = new Map<number, string[]>();
  /** Issues pinned through GraphQL, by number. */
  readonly pinned: number[] = [];
  /** False: an older GitHub Enterprise Server without the sub-issues API (it answers 404). */
  subIssuesApi = true;
  /** Repository permission per login; anyone else is an admin. */
  readonly permissions = new Map<string, "read" | "triage" | "write" | "maintain" | "admin">();
  /** Logins that cannot be assigned in the repository. */
  readonly unassignable = new Set<string>();
  /** Answers that replace the fake's own for the requests they match: a failure to inject. */
  readonly failures: { matches: (method: string, path: string, query: URLSearchParams) => boolean; reply: Reply }[] = [];
  private nextId = 1000;
  private scope: nock.Scope | undefined;
  /** The account the app writes as: its installation's bot, or `github-actions[bot]` for the Action. */
  private readonly bot: { login: string; type: string };
  /** The repository's name, and its API path `/repos/owner/name`. */
  readonly name: string;
  private readonly repoPath: string;
  /** Archived: the installation lists it, and an organisation-wide run skips it. */
  archived = false;
  /** Among the repositories the installation lists: false for one the app reads but was not given (an installation on selected repositories). */
  listed = true;
  /** Other repositories of the same owner (an organisation's `.github`), by name: each a fake of its own, served by this one's `start`. */
  private readonly siblings = new Map<string, FakeGitHub>();

  constructor({ botLogin = BOT_LOGIN, repo = REPO }: { botLogin?: string; repo?: string } = {}) {
    this.bot = { login: botLogin, type: "Bot" };
    this.name = repo;
    this.repoPath = `/repos/${OWNER}/${repo}`;
  }

  /**
   * Another repository of the same owner, made on first use: its state is its
   * own, while this fake answers for it and records its calls (so `writes()`
   * lists every repository's, by full path) and the installation lists it.
   */
  repository(name: string): FakeGitHub {
    let sibling = this.siblings.get(name);
    if (!sibling) {
      sibling = new FakeGitHub({ botLogin: this.bot.login, repo: name });
      this.siblings.set(name, sibling);
    }
    return sibling;
  }

  /** Writes (POST, PATCH, PUT, DELETE) to a path, e.g. `PATCH /repos/o/r/issues/3`. */
  writes(prefix = ""): string[] {
    return this.calls.filter((call) => !call.startsWith("GET ") && call.includes(prefix) && !call.includes("/access_tokens") && !call.startsWith("POST /graphql"));
  }

  /** A directory's entries, as the contents API lists them, from the paths in `contents` (templates are found so). */
  private listing(dir: string): { type: "file" | "dir"; name: string; path: string }[] {
    const prefix = dir === "" ? "" : `${dir}/`;
    const entries = new Map<string, "file" | "dir">();
    for (const path of this.contents.keys()) {
      if (!path.startsWith(prefix)) continue;
      const [name = "", ...deeper] = path.slice(prefix.length).split("/");
      entries.set(name, deeper.length > 0 ? "dir" : "file");
    }
    return [...entries].map(([name, type]) => ({ type, name, path: `${prefix}${name}` }));
  }

  addIssue(issue: Partial<FakeIssue> & { number: number; title: string }): FakeIssue {
    const full: FakeIssue = { id: 9000 + issue.number, node_id: `I_${issue.number}`, body: "", state: "open", state_reason: null, closed_at: null, labels: [], assignees: [], user: { login: "Codertocat", type: "User" }, ...issue };
    this.issues.set(issue.number, full);
    return full;
  }

  addPullRequest(pr: Partial<FakeIssue> & { number: number; title: string }): FakeIssue {
    const full: FakeIssue = {
      id: 9000 + pr.number,
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

  /**
   * The same GitHub served over HTTP on loopback, for a process that cannot be
   * given nock (the bundled Action run with `node`): point GITHUB_API_URL at `url`.
   */
  async listen(): Promise<{ url: string; close: () => Promise<void> }> {
    const served = await serveOverHttp(async (req, body) => this.respond(req.method ?? "GET", req.url ?? "/", body, req.headers));
    return { url: served.url, close: served.close };
  }

  /** A comment a person wrote. */
  addComment(issue: number, body: string, login = "octocat"): FakeComment {
    const comment: FakeComment = { id: this.nextId++, issue, body, user: { login, type: "User" } };
    this.comments.push(comment);
    return comment;
  }

  stop(): void {
    nock.removeInterceptor({ hostname: "api.github.com", port: 443, proto: "https", path: /.*/ } as unknown as nock.Interceptor);
    this.scope?.persist(false);
    nock.cleanAll();
  }

  /** Answers one request to the API (a path under api.github.com), through nock (`start`) or a real server (`test/end-to-end`). */
  respond(method: string, uri: string, rawBody: unknown, headers: Record<string, string | string[] | undefined>): Reply {
    const url = new URL(uri, "https://api.github.com");
    const path = decodeURIComponent(url.pathname);
    const body = (typeof rawBody === "string" && rawBody ? JSON.parse(rawBody) : (rawBody ?? {})) as Record<string, unknown>;
    this.calls.push(`${method} ${path}`);
    if (method !== "GET") this.sent.push({ call: `${method} ${path}`, body });
    if (typeof headers.authorization === "string") this.authorizations.add(headers.authorization);
    const reply = this.failures.find((f) => f.matches(method, path, url.searchParams))?.reply ?? this.answer(method, path, url.searchParams, body);
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
    if (method === "POST" && path === "/graphql") return [200, this.graphql(body)];
    if (method === "GET" && path === "/search/issues") return [200, this.search(query.get("q") ?? "")];
    if (method === "GET" && path === "/installation/repositories") {
      const repositories = [this, ...this.siblings.values()].filter((fake) => fake.listed).map((fake) => ({ name: fake.name, full_name: `${OWNER}/${fake.name}`, owner: { login: OWNER }, archived: fake.archived }));
      return [200, { total_count: repositories.length, repositories }];
    }
    const sibling = [...this.siblings.values()].find((fake) => path === fake.repoPath || path.startsWith(`${fake.repoPath}/`));
    if (sibling) return sibling.answer(method, path, query, body);
    if (method === "GET" && (m = path.match(/^\/repos\/[^/]+\/[^/]+\/contents(?:\/(.*))?$/))) {
      const own = path.startsWith(`${this.repoPath}/`);
      const text = own && m[1] === ".github/intent.yml" ? this.config : own && m[1] ? this.contents.get(m[1]) : undefined;
      if (text !== undefined) return [200, text, { "content-type": "application/vnd.github.v3.raw; charset=utf-8", etag: etagOf(text) }];
      const listing = own ? this.listing(m[1] ?? "") : [];
      return listing.length > 0 ? [200, listing] : [404, { message: "Not Found" }];
    }
    if (method === "GET" && (m = path.match(/^\/orgs\/[^/]+\/teams\/([^/]+)\/memberships\/([^/]+)$/))) {
      return this.teamMembers.has(`${m[1]}:${m[2]}`) ? [200, { state: "active", role: "member" }] : [404, { message: "Not Found" }];
    }
    if (path !== this.repoPath && !path.startsWith(`${this.repoPath}/`)) return undefined;
    const rest = path.slice(this.repoPath.length);

    if (method === "GET" && (m = rest.match(/^\/pulls\/(\d+)$/))) return this.found(this.issues.get(Number(m[1])));
    if (method === "GET" && (m = rest.match(/^\/compare\/(.+)$/))) {
      const files = this.compares.get(m[1] ?? "");
      return files ? [200, { files: files.map((filename) => ({ filename })) }] : [404, { message: "Not Found" }];
    }
    if (method === "GET" && (m = rest.match(/^\/pulls\/(\d+)\/files$/))) return this.page(path, query, this.files.get(Number(m[1])) ?? []);
    if (method === "GET" && (m = rest.match(/^\/pulls\/(\d+)\/reviews$/))) return [200, this.reviews.get(Number(m[1])) ?? []];
    if (method === "POST" && (m = rest.match(/^\/pulls\/(\d+)\/requested_reviewers$/))) {
      const pr = Number(m[1]);
      const teams = (body.team_reviewers as string[] | undefined) ?? [];
      this.requestedTeams.set(pr, [...(this.requestedTeams.get(pr) ?? []), ...teams]);
      const issue = this.issues.get(pr);
      if (issue) for (const slug of teams) if (!issue.requested_teams?.some((t) => t.slug === slug)) issue.requested_teams = [...(issue.requested_teams ?? []), { slug }];
      return [201, {}];
    }
    if (method === "GET" && (m = rest.match(/^\/issues\/(\d+)\/sub_issues$/))) {
      if (!this.subIssuesApi) return [404, { message: "Not Found" }];
      const parent = Number(m[1]);
      const children = [...this.issues.values()].filter((issue) => issue.id !== undefined && this.parents.get(issue.id) === parent);
      return this.page(path, query, children);
    }
    if (method === "POST" && (m = rest.match(/^\/issues\/(\d+)\/sub_issues$/))) {
      if (!this.subIssuesApi) return [404, { message: "Not Found" }];
      const child = Number(body.sub_issue_id);
      // GitHub refuses a sub-issue that already has a parent.
      if (this.parents.has(child)) return [422, { message: "Validation Failed" }];
      this.parents.set(child, Number(m[1]));
      return [201, {}];
    }
    if ((m = rest.match(/^\/issues\/comments\/(\d+)\/reactions$/))) {
      const comment = Number(m[1]);
      const content = query.get("content");
      if (method === "GET") return [200, this.reactions.filter((r) => r.comment === comment && (!content || r.content === content))];
      if (method === "POST") {
        // Reacting twice with the same content is a no-op on GitHub (200 with the existing reaction).
        const existing = this.reactions.find((r) => r.comment === comment && r.content === body.content && r.user.login === this.bot.login);
        if (existing) return [200, existing];
        const reaction: FakeReaction = { id: this.nextId++, comment, content: String(body.content), user: this.bot };
        this.reactions.push(reaction);
        return [201, reaction];
      }
    }
    if ((m = rest.match(/^\/issues\/comments\/(\d+)\/reactions\/(\d+)$/)) && method === "DELETE") {
      const index = this.reactions.findIndex((r) => r.id === Number(m?.[2]));
      if (index >= 0) this.reactions.splice(index, 1);
      return [204, ""];
    }
    if (method === "GET" && rest === "/issues") return [200, this.listIssues(query)];
    if (method === "POST" && rest === "/issues") return [201, this.createIssue(body)];
    if ((m = rest.match(/^\/issues\/(\d+)$/))) {
      const issue = this.issues.get(Number(m[1]));
      if (method === "GET") return this.found(issue);
      if (method === "PATCH" && issue) return [200, this.updateIssue(issue, body)];
    }
    if ((m = rest.match(/^\/issues\/(\d+)\/comments$/))) {
      const issue = Number(m[1]);
      if (method === "GET") return [200, this.comments.filter((c) => c.issue === issue).map((c) => ({ ...c, reactions: this.rollup(c.id) }))];
      if (method === "POST") {
        const comment: FakeComment = { id: this.nextId++, issue, body: String(body.body ?? ""), user: this.bot };
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
    if (method === "GET" && (m = rest.match(/^\/issues\/(\d+)\/timeline$/))) return [200, this.timelines.get(Number(m[1])) ?? []];
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
      this.createdLabels.push(body);
      return [201, { name }];
    }
    if (method === "POST" && rest === "/check-runs") {
      this.checkRuns.push(body as never);
      return [201, { id: this.nextId++ }];
    }
    if (method === "GET" && (m = rest.match(/^\/assignees\/([^/]+)$/))) return this.unassignable.has(m[1] ?? "") ? [404, { message: "Not Found" }] : [204, ""];
    if (method === "GET" && (m = rest.match(/^\/collaborators\/([^/]+)\/permission$/))) {
      // GitHub's `permission` field says `read` for triage and `write` for maintain; `role_name` says which.
      const role = this.permissions.get(m[1] ?? "") ?? "admin";
      const permission = role === "triage" ? "read" : role === "maintain" ? "write" : role;
      return [200, { permission, role_name: role, user: { login: m[1] } }];
    }
    if (method === "GET" && rest === "/commits") return [200, this.listCommits(query)];
    return undefined;
  }

  /**
   * One page of a list as GitHub pages it: `per_page` (30 by default, 100 at
   * most) from `page`, a `Link` to the next page while there is one, an ETag.
   */
  private page(path: string, query: URLSearchParams, items: readonly unknown[]): Reply {
    const perPage = Math.min(100, Number(query.get("per_page") ?? 30));
    const page = Number(query.get("page") ?? 1);
    const data = items.slice((page - 1) * perPage, page * perPage);
    const headers: Record<string, string> = { etag: etagOf(JSON.stringify(data)) };
    if (page * perPage < items.length) headers.link = `<https://api.github.com${path}?per_page=${perPage}&page=${page + 1}>; rel="next"`;
    return [200, data, headers];
  }

  /** Pinning an issue (by its node id), and a user's teams in the organisation (from `teamMembers`), each with no ancestors. */
  private graphql(body: Record<string, unknown>): unknown {
    const variables = (body.variables ?? {}) as { login?: string; org?: string; id?: string };
    if (String(body.query ?? "").includes("pinIssue")) {
      const issue = [...this.issues.values()].find((i) => i.node_id === variables.id);
      if (issue) this.pinned.push(issue.number);
      return { data: { pinIssue: { issue: issue ? { number: issue.number } : null } } };
    }
    if (!String(body.query ?? "").includes("userLogins") || !variables.login) return { data: {} };
    const org = variables.org ?? OWNER;
    if (this.unreadableOrgs.has(org)) return { data: { organization: { teams: null } }, errors: [{ type: "FORBIDDEN", message: "Resource not accessible by integration" }] };
    if (org !== OWNER) return { data: { organization: null }, errors: [{ type: "NOT_FOUND", path: ["organization"], message: `Could not resolve to an Organization with the login of '${org}'.` }] };
    const nodes = [...this.teamMembers].flatMap((entry) => {
      const [slug = "", login] = entry.split(":");
      return login === variables.login ? [{ slug, ancestors: { nodes: [] } }] : [];
    });
    return { data: { organization: { teams: { nodes, pageInfo: { hasNextPage: false, endCursor: null } } } } };
  }

  /** The reaction counts GitHub lists with each comment. */
  private rollup(comment: number): Record<string, number> {
    const counts: Record<string, number> = { total_count: 0 };
    for (const reaction of this.reactions.filter((r) => r.comment === comment)) {
      counts[reaction.content] = (counts[reaction.content] ?? 0) + 1;
      counts.total_count = (counts.total_count ?? 0) + 1;
    }
    return counts;
  }

  /** GitHub sends an ETag with every read; the app revalidates single issues and PRs (and PRs' files) with it. */
  private found(issue: FakeIssue | undefined): Reply {
    return issue ? [200, issue, { etag: etagOf(JSON.stringify(issue)) }] : [404, { message: "Not Found" }];
  }

  private createIssue(body: Record<string, unknown>): FakeIssue {
    const number = Math.max(this.firstNumber - 1, ...this.issues.keys()) + 1;
    const issue: FakeIssue = {
      number,
      id: 9000 + number,
      node_id: `I_${number}`,
      title: String(body.title ?? ""),
      body: String(body.body ?? ""),
      state: "open",
      state_reason: null,
      closed_at: null,
      labels: ((body.labels as string[] | undefined) ?? []).map((name) => ({ name })),
      assignees: ((body.assignees as string[] | undefined) ?? []).map((login) => ({ login })),
      user: this.bot,
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

  private listCommits(query: URLSearchParams): unknown[] {
    const path = query.get("path");
    const since = query.get("since") ?? "";
    return this.commits
      .filter((c) => (!path || c.paths.includes(path)) && c.date >= since)
      .sort((a, b) => b.date.localeCompare(a.date))
      .map((c) => ({ commit: { message: c.message, committer: { date: c.date } } }));
  }

  /** Enough of GitHub's search syntax for the app's queries: is:, label:, author:app/. */
  private search(q: string): { total_count: number; incomplete_results: boolean; items: (FakeIssue & { repository_url: string })[] } {
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
          case "merged":
          case "closed": {
            // `merged:>=2026-01-01`, the only form the app writes.
            const at = key === "merged" ? issue.pull_request?.merged_at : issue.closed_at;
            return Boolean(at) && String(at) >= value.replace(/^>=/, "");
          }
          case "author":
            return value.startsWith("app/") ? issue.user.login === `${value.slice(4)}[bot]` : issue.user.login === value;
          default:
            return true;
        }
      }),
    );
    // Search spans repositories, so GitHub names each result's repository (records are scoped by it).
    const named = items.map((issue) => ({ repository_url: `https://api.github.com${this.repoPath}`, ...issue }));
    return { total_count: named.length, incomplete_results: false, items: named };
  }
}

/**
 * A server on a free loopback port that answers each request with `reply`'s
 * status, JSON body and headers: the fake GitHub for a process nock cannot
 * reach (the bundled Action, the compiled server).
 */
export async function serveOverHttp(reply: (req: IncomingMessage, body: string) => Promise<Reply>): Promise<{ url: string; host: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      reply(req, Buffer.concat(chunks).toString("utf8")).then(
        ([status, body, headers = {}]) => {
          const text = typeof body === "string" ? body : JSON.stringify(body);
          res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers }).end(status === 204 || status === 304 ? undefined : text);
        },
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url: `http://${host}`, host, close };
}
