import { describe, expect, it } from "vitest";
import { parseCommands } from "../../../src/core/commands.js";
import { parseEstimate } from "../../../src/core/phases/estimate.js";
import { parsePhaseCommand } from "../../../src/core/phases/parse.js";
import { listReply, reportReply } from "../../../src/core/phases/reply.js";
import type { PhaseReport } from "../../../src/core/phases/decide.js";
import type { Estimate, PhaseState } from "../../../src/core/phases/types.js";

const est = (text: string): Estimate => {
  const estimate = parseEstimate(text);
  if (!estimate) throw new Error(text);
  return estimate;
};

const phases: PhaseState[] = [
  { number: 1, name: "Internal invite", estimate: est("1.5w"), hack: false, done: true, issueNumber: 11 },
  { number: 2, name: "Code ```fence``` and @alice", estimate: est("2d"), hack: true, done: false, issueNumber: 12, debtIssueNumber: 20 },
  { number: 4, name: "Later", hack: false, done: false },
];

describe("listReply", () => {
  it("lists the phases and offers the plan as a command in a fence no name can close", () => {
    const reply = listReply(phases, true);
    expect(reply).toContain("- Phase 1: Internal invite — 1.5w · #11 · done");
    expect(reply).toContain("- Phase 2: Code ```fence``` and @\u200balice — 2d · hack · #12 · rebuild debt #20");
    expect(reply).toContain("- Phase 4: Later · no issue yet");
    expect(reply).toContain("**Total:** 1.9w (76h) · **Left:** 2d (16h) · 1 of 3 phases done · 1 phase not estimated");
    const fenced = /\n(`{4,})\n([\s\S]*)\n\1$/.exec(reply);
    expect(fenced?.[1]).toBe("````");
    // Copied back, it reads as the same phases.
    const [command] = parseCommands(fenced?.[2] ?? "", ["phase"]);
    const parsed = command && parsePhaseCommand(command);
    expect(parsed?.ok && parsed.command.kind === "plan" && parsed.command.phases.map((p) => [p.number, p.name, p.hack, p.estimate?.text])).toEqual([
      [1, "Internal invite", false, "1.5w"],
      [2, "Code ```fence``` and @alice", true, "2d"],
      [4, "Later", false, undefined],
    ]);
  });

  it("answers an issue without phases with the usage", () => {
    expect(listReply([], true)).toContain("This issue has no phases yet.\n\n**How to use `/phase`**");
  });
});

describe("replies", () => {
  it("report a hack phase without a debt issue, and phases rebuilt from sub-issues", () => {
    const report: PhaseReport = {
      command: "hack",
      created: [],
      renamed: [],
      reestimated: [],
      hacked: [2],
      missing: [],
      already: false,
      target: 2,
      recovered: [1],
      subIssues: true,
      debt: { create: false, why: "reasons" },
    };
    const reply = reportReply(report, phases, { unlinked: [] });
    expect(reply).toContain("**Phase 2 is now a hack**; its rebuild debt is tracked in #20.");
    expect(reply).toContain("No rebuild-debt issue was created: reasons.");
    expect(reply).toContain("rebuilt from this issue's phase sub-issues (phase 1)");
  });
});
