import fc from "fast-check";
import { renderedMentions } from "../helpers/rendered.js";
import { describe, expect, it } from "vitest";
import { renderConfigProblems, type ConfigProblem } from "../../src/config/problems.js";
import { validateConfigText } from "../../src/config/validate.js";
import { MAX_CONFIG_CHARACTERS } from "../../src/config/yaml.js";

function problems(text: string): ConfigProblem[] {
  const result = validateConfigText(text, "intent.yml");
  return result.ok ? [] : result.problems;
}

const located = (p: ConfigProblem) => ({ key: p.key, line: p.line });

describe("hostile config files are reported with key, line and why, never thrown", () => {
  it.each([
    ["a lookahead RE2 cannot run", "intent:\n  exempt:\n    titlePatterns:\n      - ok\n      - (?=x)\n", "intent.exempt.titlePatterns.1", 5, "invalid or unsupported Perl syntax: `(?=`"],
    ["a backreference", "intent:\n  tickets:\n    external:\n      patterns: ['(a)\\1']\n", "intent.tickets.external.patterns.0", 4, "invalid escape sequence"],
    ["a character class in a team glob", "signoff:\n  teams:\n    '@acme/web': ['src/[ab]/**']\n", "signoff.teams.@acme/web.0", 3, "`[ ]` character classes are not supported"],
    ["a glob over the length bound", `signoff:\n  teams:\n    acme/web: ['${"a".repeat(1001)}']\n`, "signoff.teams.acme/web.0", 3, "at most 1000 character(s)"],
    ["a circular anchor", "a: &a [*a]\n", "a.0", 1, "aliases"],
    ["a merge key", "base: &b {minWords: 2}\nintent:\n  <<: *b\n", "intent.<<", 3, "aliases"],
    ["a custom tag", "mode: advise\nintent: !!binary AAAA\n", "intent", 2, "without a tag"],
    ["a local tag", "mode: !shout advise\n", "mode", 1, "without a tag"],
    ["a key that is a list", "? [a, b]\n: 1\n", "", 1, "plain text"],
    ["a key given twice", "mode: advise\nmode: enforce\n", "mode", 2, "each key once"],
    ["infinity", "intent:\n  minWords: .inf\n", "intent.minWords", 2, "a value of type number"],
    ["a huge number", "signoff:\n  minTeams: 1e300\n", "signoff.minTeams", 2, "a number ≤ 100"],
    ["a huge list", `intent:\n  why: [${Array.from({ length: 101 }, () => "w").join(", ")}]\n`, "intent.why", 2, "at most 100 item(s)"],
    ["too many teams", `signoff:\n  teams:\n${Array.from({ length: 101 }, (_, i) => `    acme/t${i}: []`).join("\n")}\n`, "signoff.teams", 2, "at most 100 teams"],
  ])("%s", (_, text, key, line, why) => {
    const found = problems(text);
    expect(found.map(located)).toContainEqual({ key, line });
    expect(found.find((p) => p.key === key)?.allowed).toContain(why);
  });

  it("an alias hides none of the file's other problems", () => {
    expect(problems("mode: loud\nintent:\n  minWords: *n\n  why: [&w a, *w]\nsignoff:\n  minTeams: 0\n").map(located)).toEqual([
      { key: "mode", line: 1 },
      { key: "intent.minWords", line: 3 },
      { key: "intent.why.1", line: 4 },
      { key: "signoff.minTeams", line: 6 },
    ]);
  });

  it("a number out of range is one problem, never Infinity", () => {
    expect(problems("signoff:\n  minTeams: 1e300\n")).toEqual([{ file: "intent.yml", key: "signoff.minTeams", line: 2, given: "1e+300", allowed: "a number ≤ 100" }]);
    expect(problems("intent:\n  minWords: -.inf\n")).toEqual([{ file: "intent.yml", key: "intent.minWords", line: 2, given: "-Infinity", allowed: "a value of type number" }]);
  });

  it("thousands of aliases are one problem, refused before they are built", () => {
    expect(problems(`a: &a x\nb: [${"*a, ".repeat(5_000)}]\n`)).toEqual([expect.objectContaining({ key: "", given: "more than 20 anchors, aliases or tags" })]);
  });

  it("a custom tag is one problem, not one per schema key", () => {
    expect(problems("intent: !!binary AAAA\n")).toHaveLength(1);
  });

  it("a file over 64 KB is one problem", () => {
    expect(problems(`mode: advise\n#${"x".repeat(MAX_CONFIG_CHARACTERS)}\n`)).toEqual([
      { file: "intent.yml", key: "", line: undefined, given: `${MAX_CONFIG_CHARACTERS + 15} characters`, allowed: `a file of at most ${MAX_CONFIG_CHARACTERS} characters` },
    ]);
  });

  it.each([
    ["flow collections", `a: ${"[".repeat(5_000)}`],
    ["compact sequences", `a:\n  ${"- ".repeat(5_000)}x\n`],
    ["explicit keys", "? ".repeat(5_000)],
  ])("nesting deep enough to overflow the parser (%s) is one problem", (_, text) => {
    expect(problems(text)).toEqual([expect.objectContaining({ key: "", allowed: "the sections and keys listed in the documentation" })]);
  });

  it("regular expressions that backtrack in JavaScript are accepted: RE2 runs them in linear time", () => {
    expect(problems("intent:\n  exempt:\n    titlePatterns: ['(a+)+$']\n  tickets:\n    external:\n      patterns: ['(a|a)+$']\n")).toEqual([]);
  });

  it("keeps a key named __proto__ as an unknown key", () => {
    expect(problems("__proto__:\n  mode: enforce\n").map(located)).toEqual([{ key: "__proto__", line: 1 }]);
  });

  it("2,000 unknown keys each get their line; the report lists 50 and counts the rest", () => {
    const text = Array.from({ length: 2_000 }, (_, i) => `key${i}: ${i}`).join("\n");
    const found = problems(text);
    expect(found).toHaveLength(2_000);
    expect(found[1_999]).toMatchObject({ key: "key1999", line: 2_000, given: "1999" });
    const report = renderConfigProblems(found);
    expect(report.split("\n").filter((l) => l.startsWith("- `key"))).toHaveLength(50);
    expect(report).toContain("- and 1950 more problems");
  });

  it("quotes keys and values so they cannot mention anyone, forge a marker or leave their code span", () => {
    const text = [
      "'<!-- intentbot:hack -->': 1",
      "'`x` @acme/security `y`': '@acme/everyone <!-- intentbot:data -->'",
      "intent:",
      "  exempt:",
      "    titlePatterns: ['(?=@acme/security)']",
    ].join("\n");
    const found = problems(text);
    expect(found).toHaveLength(3);
    const report = renderConfigProblems(found);
    // Mentions stay as written only inside code spans, where GitHub notifies no one.
    expect(renderedMentions(report)).toEqual([]);
    expect(report).not.toContain("<!--");
    // Every line keeps its code spans balanced: user text has no backtick left.
    for (const line of report.split("\n")) expect((line.match(/`/g) ?? []).length % 2).toBe(0);
  });
});

describe("config validation on arbitrary text (property)", () => {
  const yamlish = fc.constantFrom("a", ":", " ", "- ", "\n", "  ", "[", "]", "{", "}", ",", "&a ", "*a", "!!", "? ", "'", '"', "#", "<<", "intent", "mode", "|", ">", "\t", "\\", "---\n", "%YAML 1.2\n");
  it("never throws on small YAML-like text", () => {
    fc.assert(
      fc.property(fc.array(yamlish, { maxLength: 200 }), (parts) => {
        const result = validateConfigText(parts.join(""), "f");
        if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 1_000 },
    );
  });

  it("never throws on text up to 64 KB, including repeated pathological units", () => {
    fc.assert(
      fc.property(fc.array(yamlish, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 16_000 }), fc.string({ maxLength: 200 }), (unit, times, tail) => {
        const text = unit.join("").repeat(times).slice(0, MAX_CONFIG_CHARACTERS - tail.length) + tail;
        expect(() => validateConfigText(text, "f")).not.toThrow();
      }),
      { numRuns: 40 },
    );
  });
});
