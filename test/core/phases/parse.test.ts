import { describe, expect, it } from "vitest";
import { parseCommands } from "../../../src/core/commands.js";
import { parsePhaseCommand } from "../../../src/core/phases/parse.js";
import { PHASE_USAGE } from "../../../src/core/phases/usage.js";
import type { PhaseParseResult } from "../../../src/core/phases/types.js";

function parse(comment: string): PhaseParseResult {
  const [command] = parseCommands(comment, ["phase"]);
  if (!command) throw new Error(`no /phase command in ${JSON.stringify(comment)}`);
  return parsePhaseCommand(command);
}

function phasesOf(comment: string) {
  const result = parse(comment);
  if (!result.ok) throw new Error(result.error);
  if (result.command.kind !== "plan") throw new Error(`not a plan: ${result.command.kind}`);
  return result.command.phases;
}

function errorOf(comment: string): string {
  const result = parse(comment);
  if (result.ok) throw new Error(`parsed: ${JSON.stringify(result.command)}`);
  return result.error;
}

describe("parsePhaseCommand: the list form", () => {
  it("reads the issue's example", () => {
    const comment = "/phase\n1. Internal invite — 1.5w\n2. External invite (2d)\n3. Group invite — hack, 3d";
    expect(phasesOf(comment)).toEqual([
      { number: 1, name: "Internal invite", hack: false, estimate: { hours: 60, text: "1.5w" } },
      { number: 2, name: "External invite", hack: false, estimate: { hours: 16, text: "2d" } },
      { number: 3, name: "Group invite", hack: true, estimate: { hours: 24, text: "3d" } },
    ]);
  });

  it("keeps the numbers the user wrote, in the order written", () => {
    expect(phasesOf("/phase\n3. C\n7) G").map((p) => p.number)).toEqual([3]);
    expect(phasesOf("/phase\n3. C\n7. G\n5. E").map((p) => p.number)).toEqual([3, 7, 5]);
  });

  it("numbers bullets 1..n", () => {
    expect(phasesOf("/phase\n- A\n- B\n- C").map((p) => [p.number, p.name])).toEqual([
      [1, "A"],
      [2, "B"],
      [3, "C"],
    ]);
  });

  it("reads task-list items without their boxes", () => {
    expect(phasesOf("/phase\n- [ ] A\n- [x] B").map((p) => p.name)).toEqual(["A", "B"]);
  });

  it("ends the list at prose, so the comment can go on", () => {
    const comment = "/phase\n1. A\n2. B\nThanks all!\n3. Not a phase";
    expect(phasesOf(comment).map((p) => p.name)).toEqual(["A", "B"]);
    expect(phasesOf("/phase\n1. A\n\nSome notes\n\n2. Not a phase").map((p) => p.name)).toEqual(["A"]);
  });

  it("reads a loose list (blank lines between items) as one list, as Markdown shows it", () => {
    expect(phasesOf("/phase\n1. A\n\n2. B").map((p) => p.name)).toEqual(["A", "B"]);
  });

  it("skips details indented under an item", () => {
    const comment = "/phase\n1. A — 2d\n   - email the team\n   - see #12\n2. B\n    more about B";
    expect(phasesOf(comment).map((p) => p.name)).toEqual(["A", "B"]);
  });

  it("ends the list where another kind of list starts", () => {
    expect(phasesOf("/phase\n1. A\n2. B\n- a remark").map((p) => p.name)).toEqual(["A", "B"]);
  });

  it("ignores lists inside code blocks and quotes", () => {
    expect(errorOf("/phase\n```\n1. A\n```")).toMatch(/No phases found/);
    expect(errorOf("/phase\n> 1. A")).toMatch(/No phases found/);
  });

  it("accepts CRLF line endings", () => {
    expect(phasesOf("/phase\r\n1. A — 2d\r\n2. B\r\n").map((p) => p.name)).toEqual(["A", "B"]);
  });

  it("collapses runs of spaces in names", () => {
    expect(phasesOf("/phase\n1.   Big \t thing   ")[0]?.name).toBe("Big thing");
  });
});

describe("parsePhaseCommand: the one-line form", () => {
  it("splits on |", () => {
    expect(phasesOf("/phase Internal invite | External invite — 2d | Group (hack)")).toEqual([
      { number: 1, name: "Internal invite", hack: false },
      { number: 2, name: "External invite", hack: false, estimate: { hours: 16, text: "2d" } },
      { number: 3, name: "Group", hack: true },
    ]);
  });

  it("reads a single phase", () => {
    expect(phasesOf("/phase Migrate the database — 1w")).toEqual([
      { number: 1, name: "Migrate the database", hack: false, estimate: { hours: 40, text: "1w" } },
    ]);
  });

  it("ignores prose below it", () => {
    expect(phasesOf("/phase A | B\nThis is what we agreed.").map((p) => p.name)).toEqual(["A", "B"]);
  });

  it("refuses a one-line plan followed by a list", () => {
    expect(errorOf("/phase A\n1. B")).toMatch(/either on the `\/phase` line or in a list/);
  });
});

describe("parsePhaseCommand: estimates and the hack marker", () => {
  it.each([
    ["A — 2d", "A", "2d", false],
    ["A – 2d", "A", "2d", false],
    ["A - 2d", "A", "2d", false],
    ["A -- 2d", "A", "2d", false],
    ["A (2d)", "A", "2d", false],
    ["A (2 days)", "A", "2 days", false],
    ["A — 1 week", "A", "1 week", false],
    ["A — 1w 2d", "A", "1w 2d", false],
    ["A — ~3d", "A", "~3d", false],
    ["A — hack, 3d", "A", "3d", true],
    ["A — 3d, hack", "A", "3d", true],
    ["A — hack 3d", "A", "3d", true],
    ["A — 3d hack", "A", "3d", true],
    ["A (hack, 3d)", "A", "3d", true],
    ["A — HACK", "A", undefined, true],
    ["A (hack)", "A", undefined, true],
    ["A (2d) — hack", "A", "2d", true],
    ["A — 2d (hack)", "A", "2d", true],
    ["Sign-up flow — 2d", "Sign-up flow", "2d", false],
    ["Backend - API — 1d 4h", "Backend - API", "1d 4h", false],
  ])("%s", (item, name, estimate, hack) => {
    const [phase] = phasesOf(`/phase\n1. ${item}`);
    expect(phase?.name).toBe(name);
    expect(phase?.estimate?.text).toBe(estimate);
    expect(phase?.hack).toBe(hack);
  });

  it.each([
    ["Backend - API", "a dash followed by words"],
    ["Sign-up flow", "a hyphen inside a word"],
    ["Invite (beta)", "parentheses without an estimate"],
    ["Upgrade to v2", "digits inside the name"],
    ["Login — hack day", "hack followed by a word"],
    ["Hackathon prep — later", "no estimate-like part"],
    ["Internal invite 1.5w", "an estimate with no dash or parentheses"],
    ["A —2d", "a dash without a space after it"],
  ])("keeps %j whole: %s", (item) => {
    const [phase] = phasesOf(`/phase\n1. ${item}`);
    expect(phase).toEqual({ number: 1, name: item, hack: false });
  });

  it("converts working days and weeks to hours", () => {
    const phases = phasesOf("/phase\n1. A — 4h\n2. B — 2d\n3. C — 1.5w");
    expect(phases.map((p) => p.estimate?.hours)).toEqual([4, 16, 60]);
  });
});

describe("parsePhaseCommand: subcommands", () => {
  it.each([
    ["/phase list", { kind: "list" }],
    ["/phase LIST", { kind: "list" }],
    ["/phase done 2", { kind: "done", number: 2 }],
    ["/phase done  12 ", { kind: "done", number: 12 }],
    ["/phase hack 3", { kind: "hack", number: 3 }],
    ["/phase hack 3 ship  before the launch", { kind: "hack", number: 3, reason: "ship before the launch" }],
  ])("%s", (comment, command) => {
    expect(parse(comment)).toEqual({ ok: true, command });
  });

  it("ignores what follows a subcommand's line", () => {
    expect(parse("/phase done 2\n1. A")).toEqual({ ok: true, command: { kind: "done", number: 2 } });
  });

  it.each([
    ["/phase list all", /`\/phase list` takes nothing/],
    ["/phase done", /`\/phase done` takes one phase number/],
    ["/phase done two", /`\/phase done` takes one phase number/],
    ["/phase done 0", /`\/phase done` takes one phase number/],
    ["/phase done #2", /`\/phase done` takes one phase number/],
    ["/phase done 2 3", /`\/phase done` takes one phase number/],
    ["/phase hack", /`\/phase hack` takes a phase number/],
    ["/phase hack the login | polish", /use the list form/],
  ])("%s is an error", (comment, message) => {
    expect(errorOf(comment)).toMatch(message);
  });

  it("reads a phase named like a subcommand in the list form", () => {
    expect(phasesOf("/phase\n1. Hack the login\n2. List view").map((p) => p.name)).toEqual([
      "Hack the login",
      "List view",
    ]);
  });
});

describe("parsePhaseCommand: errors", () => {
  it.each([
    ["/phase", /No phases found/],
    ["/phase\nHere is the plan:\n1. A", /No phases found/],
    ["/phase\n1. A\n1. B", /^Phase 1 is listed twice\.$/],
    ["/phase\n0. A", /numbered from 1/],
    ["/phase\n1. A\n2.", /^Phase 2: it has no name\.$/],
    ["/phase A | | B", /^Phase 2: it has no name\.$/],
    ["/phase\n1. — 2d", /^Phase 1: it has no name\.$/],
    ["/phase\n1. (hack)", /^Phase 1: it has no name\.$/],
    ["/phase\n- [ ]", /^Phase 1: it has no name\.$/],
    ["/phase\n1. A — 3x", /^Phase 1: the estimate "3x" cannot be read; write a number and a unit/],
    ["/phase\n1. Upgrade (2024)", /the estimate "2024" cannot be read/],
    ["/phase\n1. A — 2-3d", /the estimate "2-3d" cannot be read/],
    ["/phase\n1. A — hakc, 2d", /"hakc" is neither an estimate nor `hack`/],
    ["/phase\n1. A — 2d, 1w", /two estimates \(2d and 1w\); give one/],
    ["/phase\n1. A (2d) — 1w", /two estimates/],
  ])("%j", (comment, message) => {
    expect(errorOf(comment)).toMatch(message);
  });

  it("refuses names over 200 characters", () => {
    expect(phasesOf(`/phase\n1. ${"é".repeat(200)}`)[0]?.name).toHaveLength(200);
    expect(errorOf(`/phase\n1. ${"x".repeat(201)}`)).toBe("Phase 1: its name is 201 characters long; keep it to 200.");
  });

  it("refuses more than 100 phases", () => {
    const list = (n: number) => ["/phase", ...Array.from({ length: n }, (_, i) => `${i + 1}. P${i + 1}`)].join("\n");
    expect(phasesOf(list(100))).toHaveLength(100);
    expect(errorOf(list(101))).toBe("That is 101 phases; GitHub allows at most 100 sub-issues per issue.");
  });

  it("lists every problem at once", () => {
    expect(errorOf("/phase\n1. A — 3x\n1. B\n3.")).toBe(
      [
        "The phase list has 3 problems:",
        '- Phase 1: the estimate "3x" cannot be read; write a number and a unit, such as `4h`, `2d` or `1.5w`.',
        "- Phase 1 is listed twice.",
        "- Phase 3: it has no name.",
      ].join("\n"),
    );
  });

  it("lists at most ten problems", () => {
    const comment = ["/phase", ...Array.from({ length: 12 }, (_, i) => `${i + 1}.`)].join("\n");
    const lines = errorOf(comment).split("\n");
    expect(lines[0]).toBe("The phase list has 12 problems:");
    expect(lines).toHaveLength(12);
    expect(lines.at(-1)).toBe("- …and 2 more.");
  });

  it("never lets quoted user text mention anyone or open a comment", () => {
    const error = errorOf("/phase\n1. A — 2d @octocat <!--");
    expect(error).not.toMatch(/@\w/);
    expect(error).not.toContain("<!--");
  });
});

describe("PHASE_USAGE", () => {
  it("shows examples that parse", () => {
    const block = /```\n([\s\S]*?)\n```/.exec(PHASE_USAGE)?.[1] ?? "";
    const oneLine = /`(\/phase [^`]*\|[^`]*)`/.exec(PHASE_USAGE)?.[1] ?? "";
    expect(phasesOf(block)).toHaveLength(3);
    expect(phasesOf(oneLine)).toHaveLength(2);
    for (const example of ["/phase list", "/phase done 2", "/phase hack 2 <reason>"]) {
      expect(PHASE_USAGE).toContain(`\`${example}\``);
      expect(parse(example).ok).toBe(true);
    }
  });
});
