import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// The published package, as a user outside this repository gets it: `npm pack`
// builds lib/ (through `prepare`), and the tarball is installed with production
// dependencies only. Installing reaches the npm registry, so this test is slow.
const root = join(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "intentbot-pack-"));
const npm = (args: string[], cwd: string) => spawnSync("npm", args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
const canPack = spawnSync("npm", ["--version"], { encoding: "utf8" }).status === 0;

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!canPack)("the packed package", () => {
  it("installs with production dependencies only and runs `intentbot --version` and `owners`", { timeout: 600_000 }, () => {
    const packed = npm(["pack", "--silent", "--pack-destination", work], root);
    expect(packed.status, packed.stderr).toBe(0);
    const tarball = readdirSync(work).find((name) => name.endsWith(".tgz"));
    expect(tarball).toBeDefined();

    const app = join(work, "app");
    mkdirSync(join(app, ".github"), { recursive: true });
    writeFileSync(join(app, "package.json"), '{ "private": true }\n');
    writeFileSync(join(app, ".github/CODEOWNERS"), "/billing/ @acme/payments\n");
    const installed = npm(["install", "--omit=dev", "--no-audit", "--no-fund", "--no-package-lock", join(work, tarball ?? "")], app);
    expect(installed.status, installed.stderr).toBe(0);
    // Dev dependencies stay out: the CLI must run without them.
    expect(readdirSync(join(app, "node_modules"))).not.toContain("vitest");

    const bin = join(app, "node_modules/.bin/intentbot");
    const version = spawnSync(bin, ["--version"], { cwd: app, encoding: "utf8" });
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);

    const owners = spawnSync(bin, ["owners", "billing/refund.ts", "README.md"], { cwd: app, encoding: "utf8" });
    expect(owners.status, owners.stderr).toBe(0);
    expect(owners.stdout).toBe("billing/refund.ts\t@acme/payments\nREADME.md\t-\n");
  });
});
