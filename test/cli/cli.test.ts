import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { ownersCommand } from "../../src/cli/owners.js";
import { validateConfigCommand } from "../../src/cli/validate-config.js";
import { renderProblemLines } from "../../src/config/problems.js";
import { validateConfigText } from "../../src/config/validate.js";
import { fakeIO } from "./fake-io.js";

describe("intentbot owners", () => {
  it("prints owners per path from GitHub's first CODEOWNERS location, naming the file as the user would", () => {
    const { io, out, err } = fakeIO({ CODEOWNERS: "* @root\n", ".github/CODEOWNERS": "*.ts @acme/web @ana\n/vendor/\n!x @a\n" });
    expect(ownersCommand(["src/a.ts", "vendor/b.ts", "README.md"], {}, io)).toBe(0);
    expect(out).toEqual(["src/a.ts\t@acme/web @ana", "vendor/b.ts\t-", "README.md\t-"]);
    expect(err).toEqual([".github/CODEOWNERS:3: skipped: `!` negation is not supported in CODEOWNERS"]);
  });

  it("reads --codeowners, and fails clearly without a file", () => {
    const { io, out } = fakeIO({ "own.txt": "docs/ @docs\n" });
    expect(ownersCommand(["docs/a.md"], { codeowners: "own.txt" }, io)).toBe(0);
    expect(out).toEqual(["docs/a.md\t@docs"]);
    const missing = fakeIO({});
    expect(ownersCommand(["a"], {}, missing.io)).toBe(2);
    expect(missing.err).toEqual(["intentbot: no CODEOWNERS file (looked for .github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS)"]);
  });

  it("takes an empty CODEOWNERS file as a file with no rules, not a missing one", () => {
    const { io, out, err } = fakeIO({ ".github/CODEOWNERS": "", CODEOWNERS: "* @root\n" });
    expect(ownersCommand(["a.ts"], {}, io)).toBe(0);
    expect(out).toEqual(["a.ts\t-"]);
    expect(err).toEqual([]);
  });
});

describe("intentbot validate-config", () => {
  it("accepts a valid file", () => {
    const { io, out } = fakeIO({ ".github/intent.yml": "mode: enforce\n" });
    expect(validateConfigCommand(undefined, io)).toBe(0);
    expect(out).toEqual([".github/intent.yml: valid"]);
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

  it("names the line a syntax error is on: where an unclosed bracket or quote opened, not where the parser gave up", () => {
    const bracket = fakeIO({ "c.yml": "mode: advise\nintent:\n  minWords: 3\n  exempt: [a, b\nhacks:\n  enabled: true\n" });
    expect(validateConfigCommand("c.yml", bracket.io)).toBe(1);
    expect(bracket.err).toEqual(["- the file (`c.yml`, line 4) — given `Flow sequence in block collection must be sufficiently indented and end with a ]`; allowed: valid YAML"]);
    const quote = fakeIO({ "c.yml": "mode: advise\nintent:\n  why: ['Why]\nhacks:\n  enabled: true\n" });
    expect(validateConfigCommand("c.yml", quote.io)).toBe(1);
    expect(quote.err[0]).toMatch(/^- the file \(`c\.yml`, line 3\) — given `/);
    // An error that is about its own line keeps it.
    const indent = fakeIO({ "c.yml": "intent:\n  minWords: 3\n minWords: 4\n" });
    expect(validateConfigCommand("c.yml", indent.io)).toBe(1);
    expect(indent.err).toEqual(["- the file (`c.yml`, line 3) — given `All mapping items must start at the same column`; allowed: valid YAML"]);
  });

  it("reports an alias with the file's other problems, not instead of them", () => {
    const { io, err } = fakeIO({ "c.yml": "mode: loud\nbase: &b 2\nintent:\n  minWords: *b\nsignoff:\n  minTeams: none\n" });
    expect(validateConfigCommand("c.yml", io)).toBe(1);
    expect(err).toEqual([
      '- `mode` (`c.yml`, line 1) — given `"loud"`; allowed: one of `advise`, `enforce`',
      "- `base` (`c.yml`, line 2) — given `2`; allowed: one of the keys `mode`, `intent`, `hacks`, `signoff`, `phases`, `dashboard`",
      "- `intent.minWords` (`c.yml`, line 4) — given `*b`; allowed: a value written out: anchors and aliases (`&name`, `*name`, `<<`) are not supported",
      '- `signoff.minTeams` (`c.yml`, line 6) — given `"none"`; allowed: a value of type number',
    ]);
  });

  it("shows the file's text as written on a terminal: &, <, > and backslashes are escaped for GitHub only", () => {
    const text = String.raw`intent:
  exempt:
    titlePatterns: ["<b>&\\d("]
`;
    const { io, err } = fakeIO({ "c.yml": text });
    expect(validateConfigCommand("c.yml", io)).toBe(1);
    const because = "allowed: a regular expression in RE2 syntax (no lookaround or backreferences); this one fails: error parsing regexp: missing closing ):";
    const pattern = String.raw`<b>&\d(`;
    expect(err).toEqual([`- \`intent.exempt.titlePatterns.0\` (\`c.yml\`, line 3) — given \`${JSON.stringify(pattern)}\`; ${because} \`${pattern}\``]);
    const result = validateConfigText(text, "c.yml");
    expect(result.ok ? [] : renderProblemLines(result.problems, "github")[0]).toContain(String.raw`missing closing ): ` + "`&lt;b&gt;&amp;" + String.raw`\\d(` + "`");
  });

  it("shows control characters from the file as escapes on a terminal", () => {
    expect(renderProblemLines([{ file: "c.yml", key: "mode", line: 1, given: "\u001b[2Jgone", allowed: "one of `advise`, `enforce`" }], "terminal")).toEqual([
      "- `mode` (`c.yml`, line 1) — given `\\u001b[2Jgone`; allowed: one of `advise`, `enforce`",
    ]);
  });

  it("exits 2, not 1, when the file cannot be read", () => {
    const { io, err } = fakeIO({});
    expect(validateConfigCommand("nope.yml", io)).toBe(2);
    expect(err).toEqual(["intentbot: cannot read nope.yml"]);
  });
});

describe("intentbot (the command line)", () => {
  it("prints the package version", async () => {
    const { io, out } = fakeIO({});
    expect(await main(["--version"], io)).toBe(0);
    expect(out).toEqual([expect.stringMatching(/^\d+\.\d+\.\d+/)]);
  });

  it("lists the exit codes in --help, for the program and each subcommand", async () => {
    for (const argv of [["--help"], ["owners", "--help"], ["validate-config", "--help"]]) {
      const { io, out } = fakeIO({});
      expect(await main(argv, io)).toBe(0);
      expect(out.join("\n")).toContain("Exit codes:\n  0  answered: all met, valid\n  1  answered: something is missing or invalid\n  2  usage error");
    }
  });

  it("exits 2 on usage errors: unknown command, unknown option, missing argument, no command", async () => {
    for (const argv of [["nope"], ["owners", "--nope", "a"], ["owners"], []]) {
      const { io, err } = fakeIO({});
      expect(await main(argv, io), argv.join(" ")).toBe(2);
      expect(err.join("\n")).not.toBe("");
    }
  });

  it("runs a subcommand and returns its exit code", async () => {
    const valid = fakeIO({ ".github/intent.yml": "mode: enforce\n" });
    expect(await main(["validate-config"], valid.io)).toBe(0);
    const invalid = fakeIO({ ".github/intent.yml": "mode: loud\n" });
    expect(await main(["validate-config"], invalid.io)).toBe(1);
  });
});
