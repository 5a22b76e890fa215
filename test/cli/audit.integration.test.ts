import { execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { auditCommand } from "../../src/cli/audit/command.js";
import { mockRepository, noGh, NOW, TOKEN } from "./audit-repository.js";
import { fakeIO } from "./fake-io.js";

// A whole repository read as GitHub paces it: its client waits 2 s between searches
// (GitHub's search limit) and waits out a rate limit until the reset GitHub names.
describe("intentbot audit of a whole repository", () => {
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
