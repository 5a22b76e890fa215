import { describe, expect, it } from "vitest";
import { parseCommands } from "../../src/core/commands.js";

const known = ["phase", "hack"];
const names = (body: string) => parseCommands(body, known).map((c) => `${c.name} ${c.args}`.trim());

describe("parseCommands", () => {
  it.each([
    ["/phase list", ["phase list"]],
    ["  /PHASE   list  ", ["phase list"]],
    ["/phase\tdone 2", ["phase done 2"]],
    ["Thanks!\n/hack Quick fix\n/phase list", ["hack Quick fix", "phase list"]],
    ["/phase", ["phase"]],
    ["text with /phase list inside", []],
    ["    /phase list", []],
    ["/phases list", []],
    ["/phase\u00a0list", []],
    ["/unknown x", []],
  ])("%j → %j", (body, expected) => {
    expect(names(body)).toEqual(expected);
  });

  it("keeps the lines after a command as its body, code spans and all", () => {
    expect(parseCommands("/phase\n1. Build `api` <b>now</b> — 2d\n\n2. Ship\n\n", known)).toEqual([
      { name: "phase", args: "", body: ["1. Build `api` <b>now</b> — 2d", "", "2. Ship"] },
    ]);
  });

  it("reads the arguments as written, code spans and HTML included", () => {
    expect(names("/hack Ship `fast` <!-- note --> now")).toEqual(["hack Ship `fast` <!-- note --> now"]);
  });

  it("reads the arguments of a command line full of blanks and line separators", () => {
    expect(names(`/phase${" ".repeat(60_000)}\u2028x`)).toEqual(["phase x"]);
  });

  it.each([
    ["a fenced code block", "```\n/phase list\n```"],
    ["an indented code block", "Text\n\n    /phase list"],
    ["a block quote", "> /phase list"],
    ["an HTML block", "<details>\n/phase list\n</details>"],
    ["an HTML comment block", "<!--\n/phase list\n-->"],
    ["an HTML comment opened mid-paragraph", "Thanks <!-- a note\n/phase list\n-->"],
    ["a code span spanning lines", "Try `this\n/phase list\n` later"],
    ["a double-backtick code span spanning lines", "Try ``this\n/phase list`` later"],
    ["an inline tag spanning lines", 'See <span title="x\n/phase list\n">here</span>'],
    ["a single-quoted attribute spanning lines", "See <img alt='x\n/phase list\n' src=y>"],
    ["a processing instruction", "Hi <?x\n/phase list\n?>"],
    ["a link title spanning lines", '[docs](https://x.test "t\n/phase list\n")'],
    ["a link reference definition's title", "[a]: https://x.test 'x\n/phase list\n'"],
    ["text after a code span that ends mid-line", "1. ```\n2. ``` /phase list"],
  ])("ignores a command hidden in %s", (_, body) => {
    expect(names(body)).toEqual([]);
  });

  it("still reads a command after hidden text has closed", () => {
    expect(names("Thanks <!-- a note\n-->\n/phase list")).toEqual(["phase list"]);
    expect(names("Try `this` later\n/phase list")).toEqual(["phase list"]);
    expect(names("An unclosed <!-- is plain text\n/phase list")).toEqual(["phase list"]);
    // Not a tag (an attribute cannot start with `/`): GitHub shows the line, so it is a command.
    expect(names("See <span\n/phase list\n>here")).toEqual(["phase list"]);
  });
});
