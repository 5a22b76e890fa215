import { describe, expect, it } from "vitest";
import { parseCommands } from "../../../src/core/commands.js";
import { parseHackCommand } from "../../../src/core/hacks/command.js";

const here = { owner: "octo-org", repo: "widgets" };

function parse(body: string) {
  const [command] = parseCommands(body, ["hack"]);
  if (!command) throw new Error("no command");
  return parseHackCommand(command, here);
}

describe("/hack", () => {
  it.each([
    ["/hack Prices are hard-coded for the demo", { ok: true, reason: "Prices are hard-coded for the demo", fields: {} }],
    ["/hack Prices are hard-coded. Debt: #45", { ok: true, reason: "Prices are hard-coded.", fields: { debt: { ...here, number: 45 } } }],
    ["/hack Prices are hard-coded; rebuild: #45", { ok: true, reason: "Prices are hard-coded", fields: { debt: { ...here, number: 45 } } }],
    [
      "/hack Skip the queue (Debt: https://github.com/octo-org/api/issues/3)",
      { ok: true, reason: "Skip the queue", fields: { debt: { owner: "octo-org", repo: "api", number: 3 } } },
    ],
    [
      "/hack Skip the queue\nIt only has to survive the demo.\nRebuild by: 2026-12-01\nRebuild estimate: 2w",
      { ok: true, reason: "Skip the queue\nIt only has to survive the demo.", fields: { rebuildBy: "2026-12-01", rebuildEstimate: "2w" } },
    ],
    ["/hack\nThe reason on the next line.", { ok: true, reason: "The reason on the next line.", fields: {} }],
    ["/hack", { ok: false, problem: "no reason" }],
    ["/hack Debt: #45", { ok: false, problem: "no reason" }],
    ["/hack  —  ", { ok: false, problem: "no reason" }],
    ["/hack Quick fix. Debt: soon", { ok: false, problem: "unreadable debt", given: "soon" }],
  ])("%j", (body, expected) => {
    expect(parse(body)).toEqual(expected);
  });

  it("is not read inside quotes or code", () => {
    expect(parseCommands("> /hack quoted\n```\n/hack code\n```", ["hack"])).toEqual([]);
  });
});
