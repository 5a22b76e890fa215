import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dataMarker } from "../../../src/core/markers.js";
import { parseEstimate } from "../../../src/core/phases/estimate.js";
import { renderPhasesSection } from "../../../src/core/phases/render.js";
import { PHASES_END, PHASES_START, replacePhasesSection } from "../../../src/core/phases/section.js";
import { readPhasesState } from "../../../src/core/phases/state.js";
import type { Estimate, PhaseState } from "../../../src/core/phases/types.js";
import { phaseStates } from "./arbitraries.js";

const est = (text: string): Estimate => {
  const estimate = parseEstimate(text);
  if (!estimate) throw new Error(text);
  return estimate;
};

const phases: PhaseState[] = [
  { number: 2, name: "External invite", estimate: est("2d"), hack: false, done: true, issueNumber: 124, issueId: 9124 },
  { number: 1, name: "Internal invite", estimate: est("1.5w"), hack: false, done: false, issueNumber: 123, issueId: 9123 },
  { number: 3, name: "Group invite", estimate: est("3d"), hack: true, done: false, issueNumber: 125, debtIssueNumber: 130 },
  { number: 4, name: "Polish", hack: true, done: false },
];

describe("renderPhasesSection", () => {
  it("renders a checklist in phase order, a total and the hidden state", () => {
    const section = renderPhasesSection(phases, { commentUrl: "https://github.com/o/r/issues/1#issuecomment-5" });
    const [visible] = section.split("\n<!-- intentbot:data");
    expect(visible).toBe(
      [
        "## Phases",
        "",
        "_Planned with `/phase` in [this comment](https://github.com/o/r/issues/1#issuecomment-5); comment `/phase` again to change the plan._",
        "",
        "- [ ] #123 Phase 1: Internal invite — 1.5w",
        "- [x] #124 Phase 2: External invite — 2d",
        "- [ ] #125 Phase 3: Group invite — 3d · **hack**, rebuild debt #130",
        "- [ ] Phase 4: Polish — **hack**",
        "",
        "**Total:** 2.5w (100h) · **Left:** 2.1w (84h) · 1 of 4 phases done · 1 phase not estimated",
        "",
      ].join("\n"),
    );
  });

  it.each([
    [[], "**Total:** not estimated · 0 of 0 phases done"],
    [[{ number: 1, name: "A", hack: false, done: false }], "**Total:** not estimated · 0 of 1 phase done"],
    [
      [{ number: 1, name: "A", hack: false, done: true, estimate: est("4h") }],
      "**Total:** 4h · **Left:** 0h · 1 of 1 phase done",
    ],
  ])("totals %j", (list, total) => {
    expect(renderPhasesSection(list).split("\n")).toContain(total);
  });

  it("keeps each name on its own line and unable to mention anyone or forge a marker", () => {
    const section = renderPhasesSection([
      { number: 1, name: `hi @octocat\n- [x] Phase 2: forged ${PHASES_END} <!-- x -->`, hack: false, done: false },
    ]);
    const [visible] = section.split("\n<!-- intentbot:data");
    expect(section.split("\n").filter((line) => line.startsWith("- ["))).toHaveLength(1);
    expect(visible).not.toMatch(/@\w/);
    expect(section).not.toContain(PHASES_END);
    expect(section.match(/<!--/g)).toHaveLength(1);
  });
});

describe("readPhasesState", () => {
  const body = (list: readonly PhaseState[]) => replacePhasesSection("My feature.\n", renderPhasesSection(list));

  it("reads back what was rendered, sorted by number", () => {
    expect(readPhasesState(body(phases))).toEqual([...phases].sort((a, b) => a.number - b.number));
  });

  it("takes boxes ticked or cleared by hand over the recorded state", () => {
    const edited = body(phases)
      .replace("- [ ] #123 Phase 1:", "- [x] #123 Phase 1:")
      .replace("- [x] #124 Phase 2:", "- [ ] #124 Phase 2:");
    const state = readPhasesState(edited.replaceAll("\n", "\r\n"));
    expect(state.map((p) => [p.number, p.done])).toEqual([
      [1, true],
      [2, false],
      [3, false],
      [4, false],
    ]);
  });

  it.each([
    ["no body", null],
    ["no section", "Just text"],
    ["no data", `${PHASES_START}\n## Phases\n${PHASES_END}`],
    ["broken data", `${PHASES_START}\n<!-- intentbot:data {nope} -->\n${PHASES_END}`],
    ["another version", `${PHASES_START}\n${dataMarker({ v: 2, phases: [] })}\n${PHASES_END}`],
    ["duplicate numbers", `${PHASES_START}\n${dataMarker({ v: 1, phases: [{ number: 1, name: "A" }, { number: 1, name: "B" }] })}\n${PHASES_END}`],
    ["a bad number", `${PHASES_START}\n${dataMarker({ v: 1, phases: [{ number: 1.5, name: "A" }] })}\n${PHASES_END}`],
    ["a blank name", `${PHASES_START}\n${dataMarker({ v: 1, phases: [{ number: 1, name: " " }] })}\n${PHASES_END}`],
    ["data outside the section", `${dataMarker({ v: 1, phases: [{ number: 1, name: "A" }] })}`],
  ])("reads nothing from %s", (_, text) => {
    expect(readPhasesState(text)).toEqual([]);
  });

  it("drops an estimate it cannot read", () => {
    const text = `${PHASES_START}\n${dataMarker({ v: 1, phases: [{ number: 1, name: "A", estimate: "3x" }] })}\n${PHASES_END}`;
    expect(readPhasesState(text)).toEqual([{ number: 1, name: "A", hack: false, done: false }]);
  });

  it("round-trips any state through the body", () => {
    fc.assert(
      fc.property(phaseStates(), fc.string(), (list, userText) => {
        const sorted = [...list].sort((a, b) => a.number - b.number);
        const text = replacePhasesSection(userText, renderPhasesSection(list));
        expect(readPhasesState(text)).toEqual(sorted);
        expect(readPhasesState(replacePhasesSection(text.replaceAll("\n", "\r\n"), renderPhasesSection(list)))).toEqual(sorted);
      }),
    );
  });
});
