import { describe, expect, it } from "vitest";
import { parseHackCommand } from "../../../src/core/hacks/command.js";
import { textDeclarations } from "../../../src/core/hacks/declaration.js";
import { fieldOfLine, fieldsFromBody, fieldsFromLines, parseIssueRef, withoutDebtLines } from "../../../src/core/hacks/fields.js";

const here = { owner: "octo-org", repo: "widgets" };
// Modest runs: the property suite and the benchmark cover 64 KB bodies.
const spaces = " ".repeat(1000);

// Shapes that made the former regular expressions backtrack, read the way a person would.
describe("field lines around long runs of white space", () => {
  it.each([
    ["a value after a long run of spaces", `Debt:${spaces}#45`, { field: "debt", value: "#45" }],
    ["a label whose words a long run separates", `Rebuild${spaces}estimate: 2w`, { field: "rebuildEstimate", value: "2w" }],
    ["spaces, NBSP and line separators before the colon", `- **Rebuild by** \u00a0\u2028${spaces}: 2026-12-01`, { field: "rebuildBy", value: "2026-12-01" }],
    ["a value holding a line separator", `Debt:${spaces}x\u2028y`, undefined],
    ["a label with no colon", `Debt${spaces}x`, undefined],
    ["a bullet with nothing after it", `-${spaces}`, undefined],
  ])("%s", (_, line, field) => {
    expect(fieldOfLine(line)).toEqual(field);
  });

  it("finds the hack section of the reported attack", () => {
    expect(textDeclarations({ title: "Prices", body: `## Hack\nDebt:${spaces}x\u2028y` }, ["[hack]"])).toEqual(["section"]);
    expect(fieldsFromBody(`## Hack\nDebt:${spaces}x\u2028y`, here)).toEqual({});
  });

  it("reads references and dates followed by long runs of punctuation", () => {
    expect(parseIssueRef(`#45${".,".repeat(5000)}`, here)).toEqual({ ...here, number: 45 });
    expect(parseIssueRef(`#45${".,".repeat(5000)}x`, here)).toBeUndefined();
    expect(parseIssueRef(`#45${spaces}\u2028(rewrite)`, here)).toEqual({ ...here, number: 45 });
    expect(fieldsFromLines([`Rebuild by: 2026-12-01${".".repeat(5000)}`], here)).toEqual({ rebuildBy: "2026-12-01" });
    expect(fieldsFromLines([`Rebuild by: 2026-12-01${".".repeat(5000)}x`], here)).toEqual({ rebuildWhen: `by 2026-12-01${".".repeat(5000)}x` });
  });

  it("drops debt lines among many blank ones", () => {
    expect(withoutDebtLines(`Closes #7${"\n".repeat(5000)}Debt:${spaces}#45`)).toBe(`Closes #7${"\n".repeat(4999)}`);
  });
});

describe("/hack reasons around long runs of white space", () => {
  const hack = (args: string, body: string[] = []) => parseHackCommand({ name: "hack", args, body }, here);

  it.each([
    ["spaces inside the reason are kept", `a${spaces}b`, `a${spaces}b`],
    ["separators around it are trimmed", `;${spaces}— the demo —${spaces};`, "the demo"],
    ["a leading colon goes, a trailing one stays", ": for the demo:", "for the demo:"],
    ["line separators count as space", `\u2028for the demo\u2029${spaces}`, "for the demo"],
  ])("%s", (_, args, reason) => {
    expect(hack(args)).toEqual({ ok: true, reason, fields: {} });
  });

  it("finds no reason in a long run of separators", () => {
    expect(hack(`${spaces}—;,${spaces}-`)).toEqual({ ok: false, problem: "no reason" });
  });
});
