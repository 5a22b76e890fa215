import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCommands } from "../../../src/core/commands.js";
import { formatPhaseCommand } from "../../../src/core/phases/format.js";
import { MAX_NAME_LENGTH, MAX_PHASES, nameLength } from "../../../src/core/phases/limits.js";
import { parsePhaseCommand } from "../../../src/core/phases/parse.js";
import type { PhaseParseResult } from "../../../src/core/phases/types.js";
import { noisyText, plannedPhases } from "./arbitraries.js";

/** What every result must look like, whatever the input. */
function expectWellFormed(result: PhaseParseResult): void {
  if (!result.ok) {
    expect(result.error.trim()).not.toBe("");
    return;
  }
  if (result.command.kind !== "plan") return;
  const { phases } = result.command;
  expect(phases.length).toBeGreaterThan(0);
  expect(phases.length).toBeLessThanOrEqual(MAX_PHASES);
  expect(new Set(phases.map((p) => p.number)).size).toBe(phases.length);
  for (const phase of phases) {
    expect(Number.isSafeInteger(phase.number) && phase.number > 0).toBe(true);
    expect(phase.name).toBe(phase.name.trim());
    expect(phase.name).not.toBe("");
    expect(nameLength(phase.name)).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    if (phase.estimate) expect(phase.estimate.hours).toBeGreaterThan(0);
  }
}

describe("parsePhaseCommand properties", () => {
  it("never throws on any comment", () => {
    fc.assert(
      fc.property(fc.oneof(noisyText, fc.string({ unit: "binary" })), (comment) => {
        for (const command of parseCommands(comment, ["phase"])) expectWellFormed(parsePhaseCommand(command));
      }),
      { numRuns: 1000 },
    );
  });

  it("never throws on any Command", () => {
    const text = fc.oneof(noisyText, fc.string({ unit: "binary" }));
    fc.assert(
      fc.property(fc.record({ name: fc.string(), args: text, body: fc.array(text, { maxLength: 12 }) }), (command) => {
        expectWellFormed(parsePhaseCommand(command));
      }),
      { numRuns: 1000 },
    );
  });

  it("reads a formatted plan back as the same phases", () => {
    fc.assert(
      fc.property(plannedPhases(), (phases) => {
        const [command] = parseCommands(formatPhaseCommand(phases), ["phase"]);
        expect(command && parsePhaseCommand(command)).toEqual({ ok: true, command: { kind: "plan", phases } });
      }),
      { numRuns: 300 },
    );
  });

  it("reads back a plan of the full 100 phases", () => {
    fc.assert(
      fc.property(plannedPhases(MAX_PHASES, MAX_PHASES), (phases) => {
        const [command] = parseCommands(formatPhaseCommand(phases), ["phase"]);
        expect(command && parsePhaseCommand(command)).toEqual({ ok: true, command: { kind: "plan", phases } });
      }),
      { numRuns: 5 },
    );
  });
});
