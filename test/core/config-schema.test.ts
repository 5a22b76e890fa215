import { describe, expect, it } from "vitest";
import { mergeConfigs } from "../../src/config/merge.js";
import { problemsFromIssues } from "../../src/config/problems.js";
import { configSchema, defaultConfig } from "../../src/config/schema.js";
import { readConfigYaml } from "../../src/config/yaml.js";

describe("config schema", () => {
  it("parse({}) yields a complete config with every default", () => {
    expect(defaultConfig.mode).toBe("advise");
    expect(defaultConfig.intent.exempt.labels).toEqual(["dependencies"]);
    expect(defaultConfig.intent.tickets.external.enabled).toBe(false);
    expect(defaultConfig.hacks.label).toBe("hack");
    expect(defaultConfig.signoff.minTeams).toBe(2);
    expect(defaultConfig.phases.permission).toBe("triage");
    expect(defaultConfig.dashboard.label).toBe("intent-dashboard");
  });

  it("fills nested defaults when a section is partly given", () => {
    const config = configSchema.parse({ intent: { exempt: { bots: false } } });
    expect(config.intent.exempt).toEqual({ bots: false, labels: ["dependencies"], titlePatterns: [] });
    expect(config.intent.minWords).toBe(3);
  });

  it("describes each problem with the key, what was given and what is allowed", () => {
    const input = { mode: "loud", intent: { minWords: 0, exempt: { titlePatterns: ["(unclosed"] }, colour: 1 } };
    const result = configSchema.safeParse(input);
    expect(result.success).toBe(false);
    const problems = problemsFromIssues(result.error?.issues ?? [], input);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: ["mode"], key: "mode", given: '"loud"', allowed: "one of `advise`, `enforce`" },
        { path: ["intent", "minWords"], key: "intent.minWords", given: "0", allowed: "a number ≥ 1" },
        {
          path: ["intent", "exempt", "titlePatterns", 0],
          key: "intent.exempt.titlePatterns.0",
          given: '"(unclosed"',
          allowed: "a regular expression in RE2 syntax (no lookaround or backreferences); this one fails: error parsing regexp: missing closing ): `(unclosed`",
        },
        expect.objectContaining({ key: "intent.colour", given: "1" }),
      ]),
    );
  });

  it("finds the line of a key, a list item, and falls back to the nearest parent", () => {
    const read = readConfigYaml("# comment\nmode: loud\nintent:\n  exempt:\n    titlePatterns:\n      - ok\n      - (bad\n");
    if (!read.ok) throw new Error("valid YAML");
    expect(read.lines.lineOf(["mode"])).toBe(2);
    expect(read.lines.lineOf(["intent", "exempt", "titlePatterns", 1])).toBe(7);
    expect(read.lines.lineOf(["intent", "missing"])).toBe(3);
  });

  it("merges config files with later files winning and lists replaced", () => {
    expect(mergeConfigs([{ intent: { why: ["a"], minWords: 2 } }, { intent: { why: ["b"] } }])).toEqual({ intent: { why: ["b"], minWords: 2 } });
  });
});
