import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { FakeGitHub, serveOverHttp, type FakeIssue, type Reply } from "../helpers/fake-github.js";
import { BOT_LOGIN, OWNER, REPO } from "../helpers/github.js";
import { payload } from "../fixtures/payloads.js";
import { signedDelivery } from "./server-process.js";

interface Rule {
  method: string;
  path: RegExp;
}

/** A write held back: GitHub has received it and applies it when released, whether or not its sender still waits. */
export interface HeldWrite {
  /** Resolves when the app has sent the write. */
  arrived: Promise<void>;
  release: () => void;
}

/**
 * The stateful fake GitHub (`test/helpers/fake-github.ts`) as a real HTTP
 * server on loopback, at the address Probot uses for GitHub Enterprise
 * (`GHE_HOST`, `GHE_PROTOCOL=http`: the API under `/api/v3`). Like GitHub, it
 * sends the app the webhook of an issue the app creates (`issues.opened`,
 * its echo), and it can fail a request once or hold a write for a while.
 */
export class FakeGitHubServer {
  readonly github = new FakeGitHub();
  private served: { host: string; close: () => Promise<void> } | undefined;
  private readonly failures: (Rule & { status: number })[] = [];
  private readonly holds: (Rule & { release: Promise<void>; arrived: () => void })[] = [];
  private echoes: { url: string; secret: string } | undefined;
  /** Echo webhooks the app did not answer with 2xx (it was down, say). */
  readonly undelivered: string[] = [];

  async start(): Promise<string> {
    this.served = await serveOverHttp((req, body) => this.handle(req, body));
    return this.served.host;
  }

  stop(): Promise<void> {
    return this.served?.close() ?? Promise.resolve();
  }

  /** Where the app listens for webhooks, to send it the echoes of its own issues. */
  sendEchoesTo(url: string, secret: string): void {
    this.echoes = { url, secret };
  }

  /** The next request matching fails with `status` (one GitHub's client does not retry, such as 422). */
  failOnce(method: string, path: RegExp, status: number): void {
    this.failures.push({ method, path, status });
  }

  /** The next write matching is held until released. */
  holdOnce(method: string, path: RegExp): HeldWrite {
    let release = () => undefined as void;
    let arrived = () => undefined as void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    this.holds.push({ method, path, release: released, arrived });
    return { arrived: arrival, release };
  }

  /** The repository's debt issues that the app created. */
  debtIssues(label = "rebuild-debt"): FakeIssue[] {
    return [...this.github.issues.values()].filter((issue) => issue.user.login === BOT_LOGIN && issue.labels.some((l) => l.name === label));
  }

  private async handle(req: IncomingMessage, body: string): Promise<Reply> {
    const url = new URL(req.url ?? "/", "http://fake");
    // Probot's client for GitHub Enterprise: REST under /api/v3, GraphQL at /api/graphql.
    const path = url.pathname.replace(/^\/api\/v3/, "").replace(/^\/api\/graphql$/, "/graphql");
    const method = req.method ?? "GET";
    const matches = (rule: Rule) => rule.method === method && rule.path.test(path);
    const failure = this.failures.findIndex(matches);
    if (failure >= 0) {
      const [rule] = this.failures.splice(failure, 1);
      this.github.calls.push(`${method} ${path} (failed)`);
      return [rule?.status ?? 500, { message: "failed by the test" }];
    }
    const hold = this.holds.findIndex(matches);
    if (hold >= 0) {
      const [rule] = this.holds.splice(hold, 1);
      rule?.arrived();
      await rule?.release;
    }
    const reply = this.github.respond(method, `${path}${url.search}`, body, req.headers);
    if (method === "POST" && path === `/repos/${OWNER}/${REPO}/issues` && reply[0] === 201) void this.echo(reply[1] as FakeIssue);
    return reply;
  }

  /** GitHub's webhook for an issue the app opened, sent by the app's bot. */
  private async echo(issue: FakeIssue): Promise<void> {
    if (!this.echoes) return;
    const body = payload("issues.opened", {
      issue: { number: issue.number, title: issue.title, body: issue.body, state: "open", labels: issue.labels, user: { login: BOT_LOGIN, type: "Bot" } },
      sender: { login: BOT_LOGIN, type: "Bot" },
    } as never);
    const id = randomUUID();
    try {
      const response = await signedDelivery(this.echoes.url, this.echoes.secret, "issues", body, id);
      if (!response.ok) this.undelivered.push(id);
    } catch {
      this.undelivered.push(id);
    }
  }
}
