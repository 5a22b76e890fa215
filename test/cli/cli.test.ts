import { describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/io.js";
import { ownersCommand } from "../../src/cli/owners.js";
import { validateConfigCommand } from "../../src/cli/validate-config.js";

function fakeIO(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { cwd: "/repo", stdout: (l) => out.push(l), stderr: (l) => err.push(l), readFile: (p) => files[p] };
  return { io, out, err };
}

describe("intentbot owners", () => {
  it("prints owners per path from GitHub's first CODEOWNERS location", () => {
    const { io, out, err } = fakeIO({ "/repo/CODEOWNERS": "* @root\n", "/repo/.github/CODEOWNERS": "*.ts @acme/web @ana\n/vendor/\n!x @a\n" });
    expect(ownersCommand(["src/a.ts", "vendor/b.ts", "README.md"], {}, io)).toBe(0);
    expect(out).toEqual(["src/a.ts\t@acme/web @ana", "vendor/b.ts\t-", "README.md\t-"]);
    expect(err).toEqual(["/repo/.github/CODEOWNERS:3: skipped: `!` negation is not supported in CODEOWNERS"]);
  });

  it("reads --codeowners, and fails clearly without a file", () => {
    const { io, out } = fakeIO({ "own.txt": "docs/ @docs\n" });
    expect(ownersCommand(["docs/a.md"], { codeowners: "own.txt" }, io)).toBe(0);
    expect(out).toEqual(["docs/a.md\t@docs"]);
    const missing = fakeIO({});
    expect(ownersCommand(["a"], {}, missing.io)).toBe(2);
    expect(missing.err).toEqual(["intentbot: no CODEOWNERS file (looked for .github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS)"]);
  });
});

describe("intentbot validate-config", () => {
  it("accepts a valid file", () => {
    const { io, out } = fakeIO({ "/repo/.github/intent.yml": "mode: enforce\n" });
    expect(validateConfigCommand(undefined, io)).toBe(0);
    expect(out).toEqual(["/repo/.github/intent.yml: valid"]);
  });

  it("names key, line, given and allowed for an invalid file", () => {
    const { io, err } = fakeIO({ "c.yml": "mode: enforce\nsignoff:\n  minTeams: none\n" });
    expect(validateConfigCommand("c.yml", io)).toBe(1);
    expect(err).toEqual(['- `signoff.minTeams` (`c.yml`, line 3) — given `"none"`; allowed: a value of type number']);
  });

  it("reports YAML syntax errors with their line", () => {
    const { io, err } = fakeIO({ "c.yml": "mode: [\n" });
    expect(validateConfigCommand("c.yml", io)).toBe(1);
    expect(err[0]).toMatch(/^- the file \(`c\.yml`, line \d\) — given `.+`; allowed: valid YAML$/);
  });
});
