import { execFile } from "node:child_process";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { topicMarker } from "../../src/core/markers.js";
import { HACK_TOPIC } from "../../src/core/hacks/render.js";
import { payload } from "../fixtures/payloads.js";
import { AUTHOR, FILES, HACK_BODY, PR } from "../helpers/hacks.js";
import { FakeGitHubServer } from "./fake-github-server.js";
import { freePort, ROOT, signedDelivery, startServer, until, type ServerProcess } from "./server-process.js";

const SECRET = "integration secret";
let privateKey: string;
let workDir: string;
const started: ServerProcess[] = [];

beforeAll(async () => {
  // The test runs what `npm start` runs, so lib/ must be the current source compiled.
  await promisify(execFile)(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(ROOT, "tsconfig.build.json")], { cwd: ROOT });
  privateKey = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } }).privateKey;
  // An empty working directory: no `.env` or `.pem` of the checkout reaches the server.
  workDir = mkdtempSync(join(tmpdir(), "intentbot-server-"));
});

afterEach(async () => {
  for (const server of started.splice(0)) {
    server.child.kill("SIGKILL");
    await server.exited;
  }
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function credentials(): Record<string, string> {
  return { APP_ID: "1", PRIVATE_KEY: privateKey, WEBHOOK_SECRET: SECRET };
}

function start(env: Record<string, string>): ServerProcess {
  const server = startServer({ NODE_ENV: "production", LOG_LEVEL: "info", RECONCILE_MINUTES: "0", ...env }, workDir);
  started.push(server);
  return server;
}

const logged = (server: ServerProcess, message: string) => server.stdout.some((line) => line.includes(message));

describe("the server's start", () => {
  it("listens on every interface when HOST is not set, and answers /health there", async () => {
    const port = await freePort();
    const server = start({ ...credentials(), PORT: String(port), INTENTBOT_DATA_DIR: join(workDir, "bind") });
    await until("the server to listen", () => logged(server, "Listening on"));
    expect(server.stdout.find((line) => line.includes("Listening on"))).toContain(`http://0.0.0.0:${port}`);
    const addresses = ["127.0.0.1", ...Object.values(networkInterfaces()).flatMap((list) => (list ?? []).filter((a) => a.family === "IPv4" && !a.internal).map((a) => a.address))];
    for (const address of addresses) {
      const response = await fetch(`http://${address}:${port}/health`);
      expect(await response.json()).toMatchObject({ status: "ok", mode: "journal" });
    }
  });

  const problems: [string, Record<string, string | undefined>, RegExp][] = [
    ["no credential in production", { APP_ID: undefined, PRIVATE_KEY: undefined, WEBHOOK_SECRET: undefined }, /APP_ID, PRIVATE_KEY and WEBHOOK_SECRET are not set/],
    ["no APP_ID", { APP_ID: undefined }, /APP_ID is not set/],
    ["an APP_ID that is not a number", { APP_ID: "my-app" }, /APP_ID must be the GitHub App's numeric id/],
    ["no PRIVATE_KEY", { PRIVATE_KEY: undefined }, /PRIVATE_KEY is not set/],
    ["a PRIVATE_KEY that is not a key", { PRIVATE_KEY: "dummy" }, /PRIVATE_KEY is not a PEM private key/],
    ["a PRIVATE_KEY that is a broken PEM", { PRIVATE_KEY: "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----" }, /PRIVATE_KEY is not a readable private key/],
    ["no WEBHOOK_SECRET", { WEBHOOK_SECRET: undefined }, /WEBHOOK_SECRET is not set/],
    ["an unreachable REDIS_URL", { REDIS_URL: "redis://user:password@127.0.0.1:1" }, /REDIS_URL: cannot reach Redis at 127\.0\.0\.1:1 \(/],
  ];

  it.each(problems)("stops with one line on stderr and exit code 1: %s", async (_name, patch, message) => {
    const env: Record<string, string> = { ...credentials(), PORT: String(await freePort()), INTENTBOT_DATA_DIR: join(workDir, "problems") };
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete env[key];
      else env[key] = value;
    }
    const server = start(env);
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(server.stderr.filter((line) => line !== "")).toEqual([expect.stringMatching(/^intentbot: cannot start: /)]);
    expect(server.stderr[0]).toMatch(message);
    expect(server.stderr[0]).not.toContain("password");
    // Nothing started: no log line, no set-up page.
    expect(server.stdout.filter((line) => line !== "")).toEqual([]);
  });

  it("in development, a credential given alone stops the start instead of serving the set-up page", async () => {
    const server = start({ NODE_ENV: "development", APP_ID: "1", PORT: String(await freePort()) });
    expect(await server.exited).toEqual({ code: 1, signal: null });
    expect(server.stderr.filter((line) => line !== "")).toEqual(["intentbot: cannot start: PRIVATE_KEY is not set (nor PRIVATE_KEY_PATH): give the GitHub App's private key (PEM)"]);
  });
});

describe("nothing lost without Redis", () => {
  let fake: FakeGitHubServer;
  let gheHost: string;

  beforeAll(async () => {
    fake = new FakeGitHubServer();
    gheHost = await fake.start();
  });

  afterAll(() => fake.stop());

  /** A hack pull request (#2): its title and Hack section declare it; only the hack feature is on. */
  function hackPullRequest(): void {
    Object.assign(fake.github, { config: "intent:\n  enabled: false\nsignoff:\n  enabled: false\ndashboard:\n  enabled: false\n" });
    fake.github.issues.clear();
    fake.github.comments.splice(0);
    fake.github.calls.splice(0);
    fake.github.addPullRequest({ number: PR, title: "[hack] Hard-code prices", body: HACK_BODY, user: { login: AUTHOR, type: "User" } });
    fake.github.files.set(PR, FILES);
  }

  async function serve(dataDir: string, port: number): Promise<ServerProcess> {
    const server = start({ ...credentials(), PORT: String(port), INTENTBOT_DATA_DIR: dataDir, GHE_HOST: gheHost, GHE_PROTOCOL: "http" });
    await until("the server to listen", () => logged(server, "Listening on"));
    fake.sendEchoesTo(`http://127.0.0.1:${port}/api/github/webhooks`, SECRET);
    return server;
  }

  const opened = () =>
    payload("pull_request.opened", { number: PR, pull_request: { number: PR, title: "[hack] Hard-code prices", body: HACK_BODY, user: { login: AUTHOR } }, sender: { login: AUTHOR, type: "User" } } as never);
  const hackComments = () => fake.github.comments.filter((c) => c.issue === PR && c.body.includes(topicMarker(HACK_TOPIC)));

  it("a handler that fails after GitHub was answered is retried, and its effect happens once", async () => {
    hackPullRequest();
    // The hack comment, written after the debt issue is created, fails once: the retry must find that issue, not make another.
    fake.failOnce("POST", new RegExp(`/issues/${PR}/comments$`), 422);
    const port = await freePort();
    const server = await serve(join(workDir, "fails"), port);
    const response = await signedDelivery(`http://127.0.0.1:${port}/api/github/webhooks`, SECRET, "pull_request", opened(), randomUUID());
    expect(response.status).toBe(200);
    await until("the hack comment", () => hackComments().length > 0);
    expect(fake.github.calls).toContain(`POST /repos/octo-org/widgets/issues/${PR}/comments (failed)`);
    expect(logged(server, "delivery failed: will retry")).toBe(true);
    expect(fake.debtIssues().map((issue) => issue.state)).toEqual(["open"]);
    expect(hackComments()).toHaveLength(1);
    expect(hackComments()[0]?.body).toContain(`#${fake.debtIssues()[0]?.number}`);
    expect(fake.github.unknown).toEqual([]);
  });

  it("a process killed mid-event finishes the event after its restart, and the write it had sent, landing later, leaves no duplicate", async () => {
    hackPullRequest();
    const dataDir = join(workDir, "killed");
    // GitHub receives the first debt issue's create, and applies it only after the restart has done the work again.
    const held = fake.holdOnce("POST", /^\/repos\/octo-org\/widgets\/issues$/);
    const port = await freePort();
    const first = await serve(dataDir, port);
    const response = await signedDelivery(`http://127.0.0.1:${port}/api/github/webhooks`, SECRET, "pull_request", opened(), randomUUID());
    expect(response.status).toBe(200);
    await held.arrived;
    first.child.kill("SIGKILL");
    await first.exited;

    const second = await serve(dataDir, port);
    await until("the recovered delivery's hack comment", () => hackComments().length > 0);
    expect(logged(second, "recovering deliveries accepted before a restart")).toBe(true);
    const [kept] = fake.debtIssues();
    expect(hackComments()[0]?.body).toContain(`#${kept?.number}`);

    held.release();
    await until("the held write's issue", () => fake.debtIssues().length === 2 || fake.github.issues.size > 2);
    const duplicate = [...fake.github.issues.values()].find((issue) => issue.number !== kept?.number && !issue.pull_request);
    await until("the duplicate to be closed", () => duplicate?.state === "closed");
    expect(duplicate).toMatchObject({ state: "closed", state_reason: "not_planned", labels: [] });
    expect(duplicate?.body).toContain(`Duplicate of #${kept?.number}`);
    expect(fake.debtIssues().map((issue) => [issue.number, issue.state])).toEqual([[kept?.number, "open"]]);
    expect(hackComments()).toHaveLength(1);
    expect(fake.undelivered).toEqual([]);
    expect(fake.github.unknown).toEqual([]);
  });
});
