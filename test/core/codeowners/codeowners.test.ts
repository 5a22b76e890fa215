import { describe, expect, it } from "vitest";
import { compileCodeowners, parseCodeowners } from "../../../src/core/codeowners/index.js";

// GitHub's documented example CODEOWNERS file ("About code owners"), rule for rule.
const GITHUB_EXAMPLE = `# This is a comment.
# Each line is a file pattern followed by one or more owners.
* @global-owner1 @global-owner2
*.js @js-owner #This is an inline comment.
*.go docs@example.com
*.txt @octo-org/octocats
/build/logs/ @doctocat
docs/* docs@example.com
apps/ @octocat
/docs/ @doctocat
/scripts/ @doctocat @octocat
**/logs @octocat
/apps/ @octocat
/apps/github
`;

const SUBDIR_EXAMPLE = "/apps/ @octocat\n/apps/github @doctocat\n";

function owners(text: string, path: string) {
  return compileCodeowners(text).ownersOf(path);
}

describe("GitHub's documented examples", () => {
  const file = compileCodeowners(GITHUB_EXAMPLE);
  it.each([
    ["README.md", ["@global-owner1", "@global-owner2"]],
    ["src/index.js", ["@js-owner"]],
    ["main.go", ["docs@example.com"]],
    ["notes/todo.txt", ["@octo-org/octocats"]],
    ["build/logs/today.log", ["@octocat"]], // **/logs (later) wins over /build/logs/
    ["build/logs/deep/er/today.log", ["@octocat"]],
    ["docs/getting-started.md", ["@doctocat"]], // /docs/ comes after docs/*
    ["scripts/deploy.sh", ["@doctocat", "@octocat"]],
    ["deeply/nested/logs/x.md", ["@octocat"]],
    ["scripts/logs/x.md", ["@octocat"]],
    ["apps/web/index.html", ["@octocat"]],
    ["src/apps/web/index.html", ["@octocat"]],
    ["apps/github/readme.md", []],
  ])("%s → %j", (path, expected) => {
    expect(file.ownersOf(path)).toEqual(expected);
  });

  it("the inline comment is not an owner", () => {
    expect(file.rules.find((r) => r.pattern === "*.js")?.owners).toEqual(["@js-owner"]);
    expect(file.errors).toEqual([]);
  });

  it("docs/* matches files directly in docs/ but not nested ones", () => {
    const only = "docs/* docs@example.com\n";
    expect(owners(only, "docs/getting-started.md")).toEqual(["docs@example.com"]);
    expect(owners(only, "docs/build-app/troubleshooting.md")).toBeUndefined();
    expect(owners(only, "src/docs/a.md")).toBeUndefined();
  });

  it("apps/ matches an apps directory anywhere", () => {
    expect(owners("apps/ @octocat\n", "a/b/apps/c/d.ts")).toEqual(["@octocat"]);
    expect(owners("apps/ @octocat\n", "apps")).toBeUndefined();
  });

  it("/build/logs/ matches that directory at the root and below", () => {
    const only = "/build/logs/ @doctocat\n";
    expect(owners(only, "build/logs/a.log")).toEqual(["@doctocat"]);
    expect(owners(only, "build/logs/x/y/a.log")).toEqual(["@doctocat"]);
    expect(owners(only, "src/build/logs/a.log")).toBeUndefined();
  });

  it("a subdirectory with its own owner", () => {
    expect(owners(SUBDIR_EXAMPLE, "apps/github/x.ts")).toEqual(["@doctocat"]);
    expect(owners(SUBDIR_EXAMPLE, "apps/other/x.ts")).toEqual(["@octocat"]);
  });
});

describe("pattern edge cases", () => {
  it.each([
    ["**/foo", "foo", true],
    ["**/foo", "a/b/foo", true],
    ["**/foo", "a/b/foo/c.txt", true],
    ["**/foo/bar", "x/foo/bar", true],
    ["a/**/b", "a/b", true],
    ["a/**/b", "a/x/y/b", true],
    ["a/**/b", "c/a/x/b", false],
    ["abc/**", "abc/x/y", true],
    ["abc/**", "abc", false],
    ["/src", "src/a.ts", true],
    ["/src", "lib/src/a.ts", false],
    ["src", "lib/src/a.ts", true],
    ["src/", "lib/src/a.ts", true],
    ["src/", "lib/src", false],
    ["lib/src", "lib/src/a.ts", true],
    ["lib/src", "x/lib/src/a.ts", false],
    ["*.ts", "a/b/c.ts", true],
    ["*.ts", "a/b/c.tsx", false],
    ["src/*.ts", "src/a.ts", true],
    ["src/*.ts", "src/x/a.ts", false],
    ["a?c.md", "abc.md", true],
    ["a?c.md", "a/c.md", false],
    ["*", "any/depth/file", true],
    ["\\*literal.md", "*literal.md", true],
    ["\\*literal.md", "xliteral.md", false],
    ["file.name", "dir/fileXname", false],
    ["README.md", "readme.md", false],
  ])("%s on %s → %s", (pattern, path, matches) => {
    expect(owners(`${pattern} @o\n`, path) !== undefined).toBe(matches);
  });

  it("the last matching line wins, and a line without owners un-owns", () => {
    const text = "*.ts @a\n/src/ @b\n/src/gen/\n/src/gen/keep.ts @c\n";
    expect(owners(text, "lib/x.ts")).toEqual(["@a"]);
    expect(owners(text, "src/x.ts")).toEqual(["@b"]);
    expect(owners(text, "src/gen/x.ts")).toEqual([]);
    expect(owners(text, "src/gen/keep.ts")).toEqual(["@c"]);
  });

  it("reports unsupported syntax and invalid owners with their line, and skips those lines", () => {
    const parsed = parseCodeowners("* @ok\r\n!secret.txt @a\n[abc].md @a\n\\#hash @a\n*.md @a bad owner\n\n# done\n");
    expect(parsed.rules.map((r) => r.line)).toEqual([1]);
    expect(parsed.errors.map((e) => [e.line, e.reason])).toEqual([
      [2, "`!` negation is not supported in CODEOWNERS"],
      [3, "`[ ]` character ranges are not supported in CODEOWNERS"],
      [4, "escaping `#` with `\\` is not supported in CODEOWNERS"],
      [5, "`bad` is not a user, team or e-mail address"],
    ]);
  });

  it("indexes many rules without changing the answer (last match still wins)", () => {
    const lines = ["* @all", ...Array.from({ length: 200 }, (_, i) => `/pkg${i}/ @org/team${i}`), "*.md @docs", "**/generated/"];
    const file = compileCodeowners(lines.join("\n"));
    expect(file.ownersOf("pkg7/src/a.ts")).toEqual(["@org/team7"]);
    expect(file.ownersOf("pkg7/README.md")).toEqual(["@docs"]);
    expect(file.ownersOf("pkg7/generated/x.ts")).toEqual([]);
    expect(file.ownersOf("other/x.ts")).toEqual(["@all"]);
  });
});

describe("patterns fixed with the linear matcher", () => {
  it.each([
    ["a/**/**/b", "a/x/b", true],
    ["a/**/**/b", "a/b", true],
    ["a/**/**/b", "a/x/y/z/b", true],
    ["**/**/x", "x", true],
    ["**/**/x", "p/q/x", true],
    ["/*", "foo", true],
    ["/*", "foo/bar", false],
    ["docs/*", "docs/a.md", true],
    ["docs/*", "docs/a/b.md", false],
    ["*", "foo/bar", true],
  ])("%s on %s → %s", (pattern, path, matches) => {
    expect(owners(`${pattern} @o\n`, path) !== undefined).toBe(matches);
  });
});

describe("hostile CODEOWNERS files", () => {
  it("matches `*a` ×8 + `*b` against a long name without backtracking", () => {
    // 9.7 s with the former regex translation; a state-set match is a few thousand steps.
    expect(owners(`${"*a".repeat(8)}*b @o\n`, "a".repeat(40))).toBeUndefined();
    expect(owners(`${"*a".repeat(8)}*b @o\n`, `${"a".repeat(40)}b`)).toEqual(["@o"]);
  });

  it("skips and reports a line longer than the pattern bound, and later lookups still work", () => {
    const text = `* @all\n${"*a".repeat(8_000)} @o\n*.md @docs\n`;
    const file = compileCodeowners(text);
    expect(file.errors).toEqual([{ line: 2, text: `${"*a".repeat(8_000)} @o`, reason: "the pattern is longer than 1000 characters" }]);
    expect(file.ownersOf("README.md")).toEqual(["@docs"]);
    expect(file.ownersOf("src/a.ts")).toEqual(["@all"]);
    expect(file.ownersOf("src/b.ts")).toEqual(["@all"]);
  });

  it("answers from the newest of many `*` rules", () => {
    const file = compileCodeowners([...Array.from({ length: 20_000 }, () => "* @o/t"), "* @o/last"].join("\n"));
    expect(file.ownersOf("src/a.ts")).toEqual(["@o/last"]);
    expect(file.ruleFor("src/a.ts")?.line).toBe(20_001);
  });

  it("checks e-mail owners without a backtracking regex", () => {
    const parsed = parseCodeowners(`* a@b.c\n* a@${".".repeat(5_000)}@\n* a@bc\n`);
    expect(parsed.rules.map((r) => r.line)).toEqual([1]);
    expect(parsed.errors.map((e) => e.line)).toEqual([2, 3]);
  });
});
