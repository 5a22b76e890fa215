import { describe, expect, it } from "vitest";
import { MAX_ESTIMATE_HOURS, MAX_PHASE_NUMBER } from "../../../src/core/bounds.js";
import { parseEstimate, readEstimate } from "../../../src/core/phases/estimate.js";
import { parsePhaseCommand } from "../../../src/core/phases/parse.js";
import type { PhaseParseResult } from "../../../src/core/phases/types.js";

const phase = (args: string, body: string[] = []): PhaseParseResult => parsePhaseCommand({ name: "phase", args, body });

describe("estimates are bounded", () => {
  it.each([
    ["250w", { ok: true, estimate: { hours: MAX_ESTIMATE_HOURS, text: "250w" } }],
    ["1250d", { ok: true, estimate: { hours: MAX_ESTIMATE_HOURS, text: "1250d" } }],
    ["1w 2d 3h 4h", { ok: true, estimate: { hours: 63, text: "1w 2d 3h 4h" } }],
    ["251w", { ok: false, problem: "too large" }],
    ["9999w", { ok: false, problem: "too large" }],
    ["9999w 9999w 9999w 9999w", { ok: false, problem: "too large" }],
    ["0h", { ok: false, problem: "zero" }],
    ["0.00d", { ok: false, problem: "zero" }],
    ["~0w 0d", { ok: false, problem: "zero" }],
    ["0.0001h", { ok: false, problem: "unreadable" }],
    ["1h 1h 1h 1h 1h", { ok: false, problem: "unreadable" }],
    ["99999h", { ok: false, problem: "unreadable" }],
    ["1e400h", { ok: false, problem: "unreadable" }],
    ["-2d", { ok: false, problem: "unreadable" }],
    ["1,5d", { ok: false, problem: "unreadable" }],
    ["", { ok: false, problem: "unreadable" }],
    ["~", { ok: false, problem: "unreadable" }],
  ])("%j", (text, reading) => {
    expect(readEstimate(text)).toEqual(reading);
    expect(parseEstimate(text)).toEqual("estimate" in reading ? reading.estimate : undefined);
  });

  it.each([
    ["A — 251w", "Phase 1: the estimate \"251w\" is more than 10,000 hours; split the phase."],
    ["A (0d)", "Phase 1: the estimate \"0d\" is zero; leave it out when a phase has no estimate."],
    ["A — 1h 1h 1h 1h 1h", /^Phase 1: the estimate "1h 1h 1h 1h 1h" cannot be read/],
  ])("%j is reported", (item, message) => {
    const result = phase("", [`1. ${item}`]);
    expect(result.ok ? result.command : result.error).toMatch(message);
  });
});

describe("phase numbers are bounded", () => {
  it("reads numbers up to the bound", () => {
    expect(phase("", [`${MAX_PHASE_NUMBER}. Last`])).toEqual({ ok: true, command: { kind: "plan", phases: [{ number: MAX_PHASE_NUMBER, name: "Last", hack: false }] } });
    expect(phase(`done ${MAX_PHASE_NUMBER}`)).toEqual({ ok: true, command: { kind: "done", number: MAX_PHASE_NUMBER } });
    expect(phase(`hack ${MAX_PHASE_NUMBER} why`)).toEqual({ ok: true, command: { kind: "hack", number: MAX_PHASE_NUMBER, reason: "why" } });
  });

  it.each([
    ["a list number above the bound", "", ["1000. Too far"], "Phase 1000: phase numbers go up to 999."],
    ["the largest list number Markdown reads", "", ["999999999. Too far"], "Phase 999999999: phase numbers go up to 999."],
    ["done above the bound", "done 1000", [], "There is no phase 1000: phase numbers go up to 999."],
    ["hack above the bound", "hack 123456789 why", [], "There is no phase 123456789: phase numbers go up to 999."],
  ])("%s is an error", (_, args, body, error) => {
    expect(phase(args, body)).toEqual({ ok: false, error });
  });

  it("takes ten digits for no list item and no phase number", () => {
    expect(phase("", ["1234567890. A"])).toEqual({ ok: false, error: expect.stringMatching(/^No phases found/) });
    expect(phase("done 1234567890")).toEqual({ ok: false, error: expect.stringMatching(/^`\/phase done` takes one phase number/) });
  });
});

describe("hostile shapes read as a reader would", () => {
  it("reads a list item whose text follows a long run of spaces and a line separator as no item", () => {
    expect(phase("", [`- ${" ".repeat(5000)}\u2028x`])).toEqual({ ok: false, error: expect.stringMatching(/^No phases found/) });
  });

  it("reads a list item after a long run of spaces", () => {
    expect(phase("", [`1.${" ".repeat(5000)}Name — 2d`])).toEqual({ ok: true, command: { kind: "plan", phases: [{ number: 1, name: "Name", hack: false, estimate: { hours: 16, text: "2d" } }] } });
  });
});
