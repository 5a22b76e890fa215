import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_ESTIMATE_HOURS, MAX_PHASE_NUMBER, MAX_PHASES } from "../../../src/core/bounds.js";
import { readEstimate } from "../../../src/core/phases/estimate.js";
import { parsePhaseItem } from "../../../src/core/phases/item.js";
import { MAX_NAME_LENGTH, nameLength } from "../../../src/core/phases/limits.js";
import { readList } from "../../../src/core/phases/list.js";
import { parsePhaseCommand } from "../../../src/core/phases/parse.js";
import { phasesSectionOf } from "../../../src/core/phases/section.js";
import { MAX_TITLE_LENGTH, phaseTitle } from "../../../src/core/phases/title.js";
import type { Estimate, PhaseParseResult } from "../../../src/core/phases/types.js";
import { HOSTILE_RUNS, hostileText } from "../hostile-shapes.js";

function expectEstimate(estimate: Estimate | undefined): void {
  if (!estimate) return;
  expect(Number.isFinite(estimate.hours)).toBe(true);
  expect(estimate.hours).toBeGreaterThan(0);
  expect(estimate.hours).toBeLessThanOrEqual(MAX_ESTIMATE_HOURS);
}

function expectWellFormed(result: PhaseParseResult): void {
  if (!result.ok) {
    expect(result.error.trim()).not.toBe("");
    return;
  }
  const { command } = result;
  if (command.kind === "done" || command.kind === "hack") {
    expect(Number.isSafeInteger(command.number) && command.number >= 1 && command.number <= MAX_PHASE_NUMBER).toBe(true);
  }
  if (command.kind !== "plan") return;
  expect(command.phases.length).toBeLessThanOrEqual(MAX_PHASES);
  for (const phase of command.phases) {
    expect(Number.isSafeInteger(phase.number) && phase.number >= 1 && phase.number <= MAX_PHASE_NUMBER).toBe(true);
    expect(nameLength(phase.name)).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expectEstimate(phase.estimate);
  }
}

describe("phase parsers on hostile text", () => {
  it("read a /phase command, on its line or in the lines below", () => {
    fc.assert(
      fc.property(hostileText(), hostileText(), (args, body) => {
        expectWellFormed(parsePhaseCommand({ name: "phase", args, body: body.split("\n") }));
        expectWellFormed(parsePhaseCommand({ name: "phase", args: "", body: [body] }));
        for (const sub of ["done", "hack", "list"]) expectWellFormed(parsePhaseCommand({ name: "phase", args: `${sub} ${args}`, body: [] }));
      }),
      HOSTILE_RUNS,
    );
  });

  it("read one item, a list, an estimate, a title and the section", () => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        const item = parsePhaseItem(text);
        if (item.ok) expectEstimate(item.estimate);
        const items = readList(text.split("\n"));
        for (const listed of items) if (listed.number !== undefined) expect(Number.isSafeInteger(listed.number)).toBe(true);
        const reading = readEstimate(text);
        if (reading.ok) expectEstimate(reading.estimate);
        expect(phaseTitle(text, MAX_PHASE_NUMBER, text).length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
        const section = phasesSectionOf(text);
        if (section !== undefined) expect(section.length).toBeLessThan(text.length);
      }),
      HOSTILE_RUNS,
    );
  });

  it("count estimates within bounds", () => {
    const amount = fc.string({ unit: fc.constantFrom("0", "1", "9", ".", ",", "e", "-", "~", " ", "h", "d", "w"), maxLength: 400 });
    fc.assert(
      fc.property(amount, (text) => {
        const reading = readEstimate(text);
        if (reading.ok) expectEstimate(reading.estimate);
      }),
      { numRuns: 2000 },
    );
  });
});
