import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { describe, expect, it, vi } from "vitest";
import { auditCommand } from "../../src/cli/audit/command.js";
import { fakeIO } from "./fake-io.js";

const TOKEN = "ghp_audittoken";
const REPO = "/repos/octo-org/widgets";
const RAW = { "content-type": "application/vnd.github.v3.raw; charset=utf-8" };
const STATED = "## Why\nRefunds take a week by email today.\n\n## Who\nSupport agents handling refunds daily.";
const NOW = new Date("2026-03-02T12:00:00Z");
const noGh = () => undefined;

const issue = (number: number, title: string, body: string, extra: Record<string, unknown> = {}) => ({
  number,
  title,
  body,
  labels: [],
  user: { login: "ana", type: "User" },
  state: "open",
  ...extra,
});
const pr = (number: number, title: string, body: string, extra: Record<string, unknown> = {}) => issue(number, title, body, { pull_request: { merged_at: null }, draft: false, ...extra });

/** Every call the audit makes, in order, each with the token; only GETs, so nothing can be written. */
function mockRepository(rateLimited: boolean) {
  const api = nock("https://api.github.com", { reqheaders: { authorization: `token ${TOKEN}` } });
  api.get(`${REPO}/contents/.github%2Fintent.yml`).reply(404);
  api.get("/repos/octo-org/.github/contents/.github%2Fintent.yml").reply(404);
  // One listing of the root and of .github serves both kinds of template.
  api.get(`${REPO}/contents`).reply(200, [{ type: "dir", path: ".github", name: ".github" }]);
  api.get(`${REPO}/contents/.github`).reply(200, [{ type: "dir", path: ".github/ISSUE_TEMPLATE", name: "ISSUE_TEMPLATE" }]);
  api.get(`${REPO}/contents/.github%2FISSUE_TEMPLATE`).reply(200, [{ type: "file", path: ".github/ISSUE_TEMPLATE/feature.md", name: "feature.md" }]);
  api.get(`${REPO}/contents/.github%2FISSUE_TEMPLATE%2Ffeature.md`).reply(200, "---\nname: Feature\n---\n## Why\n\n## Who\n", RAW);
  api
    .get(`${REPO}/issues`)
    .query({ state: "open", sort: "created", direction: "desc", per_page: 100 })
    .reply(200, [
      issue(1, "Dark mode", "## Why\n\n## Who\n"),
      issue(2, "Faster refunds", STATED),
      pr(3, "Refund button", "Closes #2"),
      pr(4, "[hack] refund by hand", STATED),
      pr(5, "WIP", "", { draft: true }),
    ]);
  api
    .get("/search/issues")
    .query({ q: 'repo:octo-org/widgets is:pr is:merged label:"hack"', per_page: 100 })
    .reply(200, {
      total_count: 2,
      items: [
        pr(6, "[hack] CSV export", `${STATED}\nDebt: #7`, { state: "closed", pull_request: { merged_at: "2026-02-01T10:00:00Z" }, labels: [{ name: "hack" }] }),
        pr(8, "[hack] cron in a lambda", STATED, { state: "closed", pull_request: { merged_at: "2026-02-10T10:00:00Z" }, labels: [{ name: "hack" }] }),
      ],
    });
  api
    .get("/search/issues")
    .query({ q: 'repo:octo-org/widgets is:issue is:open label:"rebuild-debt"', per_page: 100 })
    .reply(200, { total_count: 1, items: [issue(7, "Rebuild the CSV export", "Do it properly.", { labels: [{ name: "rebuild-debt" }] })] });
  api.get(`${REPO}/contents/.github%2FCODEOWNERS`).reply(200, "/billing/ @acme/payments\n/web/ @acme/web\n", RAW);
  if (rateLimited) {
    // A primary rate limit in the middle: the call waits until the reset GitHub names, then is retried.
    api
      .get(`${REPO}/pulls/3/files`)
      .query({ per_page: 100 })
      .reply(403, { message: "API rate limit exceeded" }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + 1) });
  }
  api
    .get(`${REPO}/pulls/3/files`)
    .query({ per_page: 100 })
    .reply(200, [{ filename: "billing/refund.ts" }, { filename: "web/refund.tsx", previous_filename: "web/old.tsx" }]);
  api.get(`${REPO}/pulls/4/files`).query({ per_page: 100 }).reply(200, [{ filename: "billing/manual.ts" }]);
  return api;
}

describe("intentbot audit", () => {
  it("reports what the app would say, read-only, waiting out a rate limit in the middle", { timeout: 20_000 }, async () => {
    mockRepository(true);
    const { io, out, err } = fakeIO({}, { GITHUB_TOKEN: TOKEN });

    const code = await auditCommand("octo-org/widgets", { json: true }, io, { now: NOW, ghToken: noGh });

    expect(code).toBe(1);
    expect(err).toEqual([expect.stringMatching(/^intentbot: primary rate limit on GET https:\/\/api\.github\.com\/repos\/octo-org\/widgets\/pulls\/3\/files\?per_page=100: retry 1 in \d+ s$/)]);
    const report = JSON.parse(out.join("\n")) as Record<string, unknown>;
    expect(report).toMatchObject({
      repo: "octo-org/widgets",
      read: { issues: 2, pullRequests: 3, mergedHacks: 2, debtIssues: 1 },
      intent: { issues: [{ number: 1, title: "Dark mode", missing: ["why", "who"], unanswered: ["Why", "Who"], unreadLinks: [] }], pullRequests: [] },
      hacksWithoutDebt: [
        { number: 4, title: "[hack] refund by hand", merged: false },
        { number: 8, title: "[hack] cron in a lambda", merged: true },
      ],
      signoff: [{ number: 3, title: "Refund button", teams: ["@acme/payments", "@acme/web"] }],
    });
    const dashboard = String(report.dashboard);
    expect(dashboard).toContain("# Hack-to-rebuild debt dashboard");
    expect(dashboard).toContain("Rebuild the CSV export");
    expect(dashboard).toMatch(/## Hacks without a debt issue\n\n- #8 .*cron in a lambda.* — merged 2026-02-10/);
  });

  it("writes the Markdown report to --output", async () => {
    mockRepository(false);
    const dir = mkdtempSync(join(tmpdir(), "intentbot-audit-"));
    try {
      const { io, out } = fakeIO({}, { GITHUB_TOKEN: TOKEN });
      const code = await auditCommand("octo-org/widgets", { output: "audit.md" }, { ...io, cwd: dir }, { now: NOW, ghToken: noGh });
      expect(code).toBe(1);
      expect(out).toEqual(["intentbot: wrote audit.md"]);
      const text = readFileSync(join(dir, "audit.md"), "utf8");
      expect(text.split("\n").slice(0, 18)).toEqual([
        "# intentbot audit of octo-org/widgets",
        "",
        "Read 2 open issues, 3 open pull requests, 2 merged hack pull requests and 1 open debt issues (at most 200 of each). Nothing was written to GitHub.",
        "",
        "## Issues missing why or who (1)",
        "",
        "- #1 Dark mode — missing why and who; template prompt unanswered: “Why”, “Who”",
        "",
        "## Pull requests missing why or who (0)",
        "",
        "None.",
        "",
        "## Hacks without a debt issue (2)",
        "",
        "- #4 \\[hack\\] refund by hand — open",
        "- #8 \\[hack\\] cron in a lambda — merged",
        "",
        "## Pull requests needing cross-team sign-off (1)",
      ]);
      expect(text).toContain("- #3 Refund button — @acme/payments, @acme/web\n");
      expect(text).toContain("## The debt dashboard it would create\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads at most --limit items of each list", async () => {
    const api = nock("https://api.github.com");
    api.get(`${REPO}/contents/.github%2Fintent.yml`).reply(200, "signoff:\n  enabled: false\nhacks:\n  enabled: false\n", RAW);
    api.get(`${REPO}/contents`).reply(404);
    // One page of 2, and no request for the next page even though GitHub links one.
    api
      .get(`${REPO}/issues`)
      .query({ state: "open", sort: "created", direction: "desc", per_page: 2 })
      .reply(200, [issue(9, "One", STATED), issue(10, "Two", STATED)], { link: `<https://api.github.com${REPO}/issues?page=2>; rel="next"` });
    const { io, out } = fakeIO({}, { GITHUB_TOKEN: TOKEN });
    expect(await auditCommand("octo-org/widgets", { json: true, limit: "2" }, io, { now: NOW, ghToken: noGh })).toBe(0);
    expect(JSON.parse(out.join("\n"))).toMatchObject({ read: { issues: 2, pullRequests: 0 }, intent: { issues: [] }, hacksWithoutDebt: [], signoff: [] });
  });

  it("exits 2 on a bad repository name, a bad limit, or no token", async () => {
    const bad = fakeIO({}, { GITHUB_TOKEN: TOKEN });
    expect(await auditCommand("widgets", {}, bad.io, { ghToken: noGh })).toBe(2);
    expect(bad.err).toEqual(['intentbot: give the repository as OWNER/REPO, not "widgets"']);
    const limit = fakeIO({}, { GITHUB_TOKEN: TOKEN });
    expect(await auditCommand("octo-org/widgets", { limit: "0" }, limit.io, { ghToken: noGh })).toBe(2);
    expect(limit.err).toEqual(["intentbot: --limit takes a whole number from 1 to 5000"]);
    const none = fakeIO({});
    expect(await auditCommand("octo-org/widgets", {}, none.io, { ghToken: noGh })).toBe(2);
    expect(none.err).toEqual(["intentbot: no token: set GITHUB_TOKEN, or log in with the GitHub CLI (`gh auth login`)"]);
  });

  it("takes the GitHub CLI's token when GITHUB_TOKEN is unset, and exits 2 when GitHub refuses", async () => {
    nock("https://api.github.com", { reqheaders: { authorization: "token from-gh" } })
      .get(`${REPO}/contents/.github%2Fintent.yml`)
      .reply(401, { message: "Bad credentials" });
    const { io, err } = fakeIO({});
    expect(await auditCommand("octo-org/widgets", {}, io, { ghToken: () => "from-gh" })).toBe(2);
    expect(err).toEqual([expect.stringMatching(/^intentbot: GitHub answered 401: Bad credentials/)]);
  });
});

/**
 * The CLI in a process of its own, as people run it: nock, which this suite
 * installs to keep every test off the network, must not stand between it and
 * the loopback servers below.
 */
async function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const src = (path: string) => JSON.stringify(new URL(`../../src/cli/${path}`, import.meta.url).href);
  const entry = `import { main } from ${src("main.ts")}; import { processIO } from ${src("io.ts")}; process.exitCode = await main(process.argv.slice(1), processIO());`;
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "--input-type=module", "-e", entry, ...args], { env: { PATH: process.env.PATH, ...env } }, (error, stdout, stderr) =>
      resolve({ code: typeof error?.code === "number" ? error.code : 0, stdout, stderr }),
    );
  });
}

describe("intentbot audit without GitHub", { timeout: 20_000 }, () => {
  /** A port on loopback that was just closed: connecting to it is refused. */
  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
  }

  it("names a refused connection as a network error, with GITHUB_API_URL", async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const result = await cli(["audit", "octo-org/widgets"], { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: url });
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: `intentbot: cannot reach GitHub at ${url} (ECONNREFUSED): check the network connection, or GITHUB_API_URL for GitHub Enterprise Server\n`,
    });
  });

  it("asks once when the connection breaks: a server that never answered is not retried as a 500", async () => {
    // A bare TCP server, in a process of its own too, that closes every connection on its first bytes and says so.
    const script = 'const s = require("node:net").createServer((c) => c.once("data", () => { console.log("connection"); c.destroy(); })); s.listen(0, "127.0.0.1", () => console.log(s.address().port));';
    const server = spawn(process.execPath, ["-e", script]);
    const lines: string[] = [];
    server.stdout.setEncoding("utf8").on("data", (chunk: string) => lines.push(...chunk.split("\n").filter(Boolean)));
    try {
      await vi.waitFor(() => expect(lines.length).toBeGreaterThan(0));
      const url = `http://127.0.0.1:${lines[0] ?? ""}`;
      const result = await cli(["audit", "octo-org/widgets"], { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: url });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^intentbot: cannot reach GitHub at ${url.replace(/\./g, "\\.")} \\(`));
      expect(lines.slice(1)).toEqual(["connection"]);
    } finally {
      server.kill();
    }
  });
});
