import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { git } from "../../src/cli/git.js";
import { TempRepo } from "./git-repo.js";
import { runCli } from "../helpers/cli.js";

const WHY_WHO = "Add refunds\n\n## Why\nCustomers wait a week for a refund by email today.\n\n## Who\nSupport agents handling refund requests every day.\n";

const repos: TempRepo[] = [];

function repoWithOwners(): TempRepo {
  const repo = new TempRepo().commit("Initial", {
    ".github/CODEOWNERS": "/billing/ @acme/payments\n/web/ @acme/web\n/docs/ @ana\n",
    "README.md": "hello\n",
  });
  repos.push(repo);
  repo.git("switch", "--quiet", "--create", "feature");
  return repo;
}

async function check(dir: string, ...argv: string[]) {
  const { code, out, err } = await runCli(dir, ["check", ...argv]);
  return { code, out, err, json: () => JSON.parse(out.join("\n")) as Record<string, unknown> };
}

afterEach(() => {
  for (const repo of repos.splice(0)) repo.remove();
});

describe("intentbot check", () => {
  it("reports the sign-off of two teams as pending, failing only with --fail-on signoff", async () => {
    const repo = repoWithOwners().commit(WHY_WHO, { "billing/refund.ts": "x\n", "web/refund.tsx": "y\n" });
    const pending = await check(repo.dir);
    expect(pending.code).toBe(0);
    expect(pending.out.slice(-6)).toEqual([
      "Cross-team sign-off: pending from 2 teams",
      "  @acme/payments: billing/refund.ts",
      "  @acme/web: web/refund.tsx",
      "  Each team signs off with an approving review by a member, or `/signoff @org/team`.",
      "",
      "Nothing missing that fails the check (exit 0); sign-off is pending (--fail-on intent,hack,signoff fails on it).",
    ]);
    const result = await check(repo.dir, "--json", "--fail-on", "intent,hack,signoff");
    expect(result.code).toBe(1);
    expect(result.err).toEqual([]);
    const report = result.json();
    expect(report).toMatchObject({
      title: "Add refunds",
      files: 2,
      base: { described: "merge base with main" },
      intent: { status: "met", why: "Customers wait a week for a refund by email today.", who: "Support agents handling refund requests every day." },
      hack: { status: "not a hack" },
      signoff: {
        status: "pending",
        teams: [
          { team: "@acme/payments", files: ["billing/refund.ts"] },
          { team: "@acme/web", files: ["web/refund.tsx"] },
        ],
        unowned: [],
        codeowners: ".github/CODEOWNERS",
      },
      failOn: ["intent", "hack", "signoff"],
      failing: ["signoff"],
      met: false,
    });
  });

  it("--fail-on chooses what exits 1: each gate alone, none, and a usage error for anything else", async () => {
    // Intent missing, an unlinked hack, two teams' areas: every gate has something to say.
    const repo = repoWithOwners().commit("[hack] wip", { "billing/refund.ts": "x\n", "web/refund.tsx": "y\n" });
    const failing = async (list: string) => {
      const result = await check(repo.dir, "--json", "--fail-on", list);
      return { code: result.code, failing: result.json().failing };
    };
    expect(await failing("intent")).toEqual({ code: 1, failing: ["intent"] });
    expect(await failing("hack")).toEqual({ code: 1, failing: ["hack"] });
    expect(await failing("signoff")).toEqual({ code: 1, failing: ["signoff"] });
    expect(await failing("signoff, INTENT")).toEqual({ code: 1, failing: ["intent", "signoff"] });
    expect(await failing("none")).toEqual({ code: 0, failing: [] });
    const text = await check(repo.dir);
    expect(text.code).toBe(1);
    expect(text.out.at(-1)).toBe("Missing: intent, hack (exit 1; --fail-on intent,hack).");
    for (const bad of ["", "intent,docs", "none,intent"]) {
      expect(await check(repo.dir, "--fail-on", bad)).toMatchObject({
        code: 2,
        out: [],
        err: [`intentbot: --fail-on takes a comma-separated list of intent, hack, signoff, or none; not ${JSON.stringify(bad)}`],
      });
    }
  });

  it("says there is nothing to check, and exits 0, on a fresh clone (HEAD is the base)", async () => {
    const origin = repoWithOwners();
    origin.git("switch", "--quiet", "main");
    const parent = mkdtempSync(join(tmpdir(), "intentbot-clone-"));
    onTestFinished(() => rmSync(parent, { recursive: true, force: true }));
    const clone = join(parent, "widgets");
    git(parent, ["clone", "--quiet", origin.dir, clone]);
    const head = git(clone, ["rev-parse", "HEAD"]).trim().slice(0, 12);
    expect(await check(clone)).toMatchObject({
      code: 0,
      err: [],
      out: [`intentbot check: nothing to check: HEAD (${head}) has no commits beyond its base (${head}, merge base with origin/main). Commit on a branch, or give --base REF.`],
    });
    const json = await check(clone, "--json", "--fail-on", "intent,hack,signoff");
    expect(json.code).toBe(0);
    expect(json.json()).toMatchObject({ commits: 0, met: true, base: { described: "merge base with origin/main" } });
  });

  it("exits 1 for a hack that names no debt issue, and 0 once it names one", async () => {
    const repo = repoWithOwners().commit(`[hack] ${WHY_WHO}`, { "billing/refund.ts": "x\n" });
    const unlinked = await check(repo.dir, "--json");
    expect(unlinked.code).toBe(1);
    expect(unlinked.json()).toMatchObject({ hack: { status: "missing", ways: ["title"], createsDebtIssue: true }, intent: { status: "met" }, signoff: { status: "not needed", teams: ["@acme/payments"] } });

    repo.git("commit", "--quiet", "--amend", "--message", `[hack] ${WHY_WHO}\nDebt: #45\n`);
    const linked = await check(repo.dir, "--json");
    expect(linked.code).toBe(0);
    expect(linked.json()).toMatchObject({ hack: { status: "met", ways: ["title"], debt: "#45" }, met: true });
  });

  it("exits 0 for a clean change and prints a readable report", async () => {
    const repo = repoWithOwners().commit(WHY_WHO, { "docs/refunds.md": "how\n" });
    const result = await check(repo.dir);
    expect(result.code).toBe(0);
    expect(result.out.slice(1)).toEqual([
      "Title: Add refunds",
      "",
      "Product intent: met",
      "  why: Customers wait a week for a refund by email today.",
      "  who: Support agents handling refund requests every day.",
      "Hack debt: not a hack",
      "Cross-team sign-off: not needed (no team's area; 2 teams needed)",
      "",
      "All met.",
    ]);
    expect(result.out[0]).toMatch(/^intentbot check: [0-9a-f]{12} against [0-9a-f]{12} \(merge base with main\), 1 files$/);
  });

  it("reads the description from --body and the title from --title instead of the commits", async () => {
    const repo = repoWithOwners().commit("wip", { "docs/a.md": "a\n" });
    repo.write({ "pr.md": WHY_WHO });
    expect((await check(repo.dir, "--json")).json()).toMatchObject({ intent: { status: "missing", missing: ["why", "who"] } });
    const result = await check(repo.dir, "--body", "pr.md", "--title", "hack: refunds", "--json");
    expect(result.code).toBe(1);
    expect(result.json()).toMatchObject({ title: "hack: refunds", intent: { status: "met" }, hack: { status: "missing", ways: ["title"] } });
  });

  it("does not fail a change whose intent may come from the issue it links (unreadable offline)", async () => {
    const repo = repoWithOwners().commit("Refunds\n\nCloses #12", { "docs/a.md": "a\n" });
    const result = await check(repo.dir, "--json");
    expect(result.code).toBe(0);
    expect(result.json()).toMatchObject({ intent: { status: "unverified", missing: ["why", "who"], links: ["#12"] } });
  });

  it("reads the configuration and CODEOWNERS from the base, and --config from a file", async () => {
    const repo = repoWithOwners();
    repo.git("switch", "--quiet", "main");
    repo.commit("config", { ".github/intent.yml": "signoff:\n  minTeams: 1\n" });
    repo.git("switch", "--quiet", "feature");
    repo.git("rebase", "--quiet", "main");
    repo.commit(WHY_WHO, { "billing/a.ts": "a\n", ".github/intent.yml": "signoff:\n  minTeams: 5\n" });
    expect((await check(repo.dir, "--json")).json()).toMatchObject({ signoff: { status: "pending", teams: [{ team: "@acme/payments" }] } });
    repo.write({ "local.yml": "signoff:\n  enabled: false\n" });
    expect((await check(repo.dir, "--config", "local.yml", "--json")).json()).toMatchObject({ signoff: { status: "off" }, met: true });
  });

  it("quotes the template's own question for a missing field it asks for, and suggests a heading only for the others", async () => {
    const template = "**What problem does this solve?**\n\nDescribe the problem.\n";
    const repo = new TempRepo().commit("Initial", { ".github/pull_request_template.md": template });
    repos.push(repo);
    repo.git("switch", "--quiet", "--create", "feature");
    repo.commit("Unchanged template", { "a.txt": "a\n" });
    repo.write({ "body.md": template });
    const result = await check(repo.dir, "--body", join(repo.dir, "body.md"));
    expect(result.code).toBe(1);
    expect(result.out.filter((line) => line.startsWith("  ") && !line.includes("is the template's text"))).toEqual([
      "  why: the template asks “What problem does this solve?”: answer it in your own words.",
      "  Write a short paragraph under `## Who`.",
      "  Or link the issue that states them; give the description with --body FILE.",
    ]);
    expect((await check(repo.dir, "--body", join(repo.dir, "body.md"), "--json")).json()).toMatchObject({ intent: { status: "missing", asks: { why: "What problem does this solve?" } } });
  });

  it("suggests `## Why` and `## Who` when the template asks for neither", async () => {
    const repo = repoWithOwners().commit("wip", { "docs/a.md": "a\n" });
    repo.write({ "pr.md": "Some notes.\n" });
    const result = await check(repo.dir, "--body", "pr.md");
    expect(result.out).toContain("  Write a short paragraph under `## Why` and `## Who`.");
  });

  it("discounts the base's pull request templates wherever GitHub finds them (upper case, a PULL_REQUEST_TEMPLATE folder)", async () => {
    const template = "## Why\nExplain why this change is needed.\n\n## Who\nName the people this change is for.\n";
    const repo = new TempRepo().commit("Initial", { ".github/PULL_REQUEST_TEMPLATE.md": template, "docs/PULL_REQUEST_TEMPLATE/feature.md": "## Why\nWhat problem does the feature solve for them?\n" });
    repos.push(repo);
    repo.git("switch", "--quiet", "--create", "feature");
    repo.commit("Unchanged template", { "a.txt": "a\n" });
    repo.write({ "body.md": template });
    expect((await check(repo.dir, "--json", "--body", join(repo.dir, "body.md"))).json()).toMatchObject({ intent: { status: "missing" }, met: false });
    repo.write({ "body.md": `## Why\nWhat problem does the feature solve for them?\n\n## Who\nName the people this change is for.\n` });
    expect((await check(repo.dir, "--json", "--body", join(repo.dir, "body.md"))).json()).toMatchObject({ intent: { status: "missing" } });
    repo.write({ "body.md": WHY_WHO });
    expect((await check(repo.dir, "--json", "--body", join(repo.dir, "body.md"))).json()).toMatchObject({ intent: { status: "met" } });
  });

  it("compares with --base", async () => {
    const repo = repoWithOwners().commit(WHY_WHO, { "billing/a.ts": "a\n" }).commit("more", { "web/b.ts": "b\n" });
    expect((await check(repo.dir, "--base", "HEAD~1", "--json")).json()).toMatchObject({ files: 1, title: "more", base: { described: "HEAD~1" } });
  });

  it("exits 2 on an invalid configuration, an unknown base, an unreadable --body, or outside a git checkout", async () => {
    const repo = repoWithOwners().commit(WHY_WHO, { "docs/a.md": "a\n" });
    repo.write({ "bad.yml": "mode: loud\n" });
    const invalid = await check(repo.dir, "--config", "bad.yml");
    expect(invalid.code).toBe(2);
    expect(invalid.err[0]).toBe("intentbot: the configuration is invalid; the app would report this instead of checking:");
    expect(invalid.err[1]).toContain("`mode` (`bad.yml`, line 1)");

    const base = await check(repo.dir, "--base", "no-such-ref");
    expect(base.code).toBe(2);
    expect(base.err[0]).toMatch(/^intentbot: git rev-parse --verify no-such-ref\^\{commit\}: /);

    expect((await check(repo.dir, "--body", "missing.md")).err).toEqual(["intentbot: cannot read missing.md"]);
    const option = await check(repo.dir, "--base=--output=x");
    expect(option).toMatchObject({ code: 2, err: ['intentbot: --base takes a commit or branch, not "--output=x"'] });

    const outside = mkdtempSync(join(tmpdir(), "intentbot-nogit-"));
    try {
      const result = await check(outside);
      expect(result.code).toBe(2);
      expect(result.err[0]).toMatch(/^intentbot: git rev-parse --show-toplevel: fatal: not a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("exits 2 without a default branch to compare with", async () => {
    const repo = new TempRepo().commit("one", { "a.txt": "a\n" });
    repos.push(repo);
    repo.git("branch", "--move", "trunk");
    const result = await check(repo.dir);
    expect(result.code).toBe(2);
    expect(result.err).toEqual(["intentbot: no default branch (origin/HEAD, main or master) to compare with: give --base REF"]);
  });
});
