import { afterEach, describe, expect, it } from "vitest";
import { phaseIssueMarker } from "../../src/core/phases/child.js";
import { parseEstimate } from "../../src/core/phases/estimate.js";
import type { Estimate, PhaseState } from "../../src/core/phases/types.js";
import { sealed } from "../helpers/records.js";
import { delivery, payload } from "../fixtures/payloads.js";
import { createTestApp } from "../helpers/app.js";
import { BOT_LOGIN } from "../helpers/github.js";
import { COMMENT_URL, PARENT, path, PhaseRepository } from "../helpers/phases.js";

const est = (text: string): Estimate => {
  const estimate = parseEstimate(text);
  if (!estimate) throw new Error(text);
  return estimate;
};

const PLANNED: PhaseState[] = [
  { number: 1, name: "Internal invite", estimate: est("1.5w"), hack: false, done: false, issueNumber: 11 },
  { number: 2, name: "External invite", estimate: est("2d"), hack: false, done: false, issueNumber: 12 },
];

function closed(number: number, phase: number, patch: { sender?: string; author?: string; type?: "Bot" | "User" } = {}) {
  const author = patch.author ?? BOT_LOGIN;
  return delivery(
    "issues.closed",
    payload("issues.closed", {
      issue: { number, state: "closed", user: { login: author, type: patch.type ?? "Bot" }, body: sealed(`Phase ${phase} of #${PARENT}\n\n${phaseIssueMarker(PARENT, phase)}`) },
      sender: { login: patch.sender ?? "dev", type: "User" },
    } as never),
  );
}

let repository: PhaseRepository | undefined;
afterEach(() => repository?.github.stop());

describe("a phase issue closed or reopened", () => {
  it("ticks its box in the parent's checklist", async () => {
    const probot = createTestApp(["phases"]);
    repository = new PhaseRepository().seed(PLANNED);
    const twelve = repository.github.issues.get(12);
    if (twelve) twelve.state = "closed";

    await probot.receive(closed(12, 2));
    expect(repository.github.writes()).toEqual([`PATCH ${path.issue(PARENT)}`]);
    expect(repository.parentBody).toContain("- [ ] #11 Phase 1: Internal invite — 1.5w\n- [x] #12 Phase 2: External invite — 2d");
    expect(repository.parentBody).toContain(`[this comment](${COMMENT_URL})`);
    expect(repository.parentBody).toContain("**Left:** 1.5w (60h) · 1 of 2 phases done");
    expect(repository.github.unknown).toEqual([]);
  });

  it("leaves a checklist that already says so alone", async () => {
    const probot = createTestApp(["phases"]);
    repository = new PhaseRepository().seed(PLANNED.map((p) => (p.number === 2 ? { ...p, done: true } : p)));

    await probot.receive(closed(12, 2));
    expect(repository.github.writes()).toEqual([]);
  });

  it("leaves alone issues that are not the bot's phase issues, and its own closing", async () => {
    const probot = createTestApp(["phases"]);
    repository = new PhaseRepository();
    const { calls } = repository.github;
    await probot.receive(closed(12, 2, { author: "mallory", type: "User" }));
    expect(calls.splice(0)).toEqual([]);
    await probot.receive(closed(12, 2, { sender: BOT_LOGIN }));
    // Its own closing is an echo: only its login is learned, and the parent is neither read nor written.
    expect(calls.splice(0)).toEqual(["GET /app"]);
    await probot.receive(closed(12, 2, { author: "other-app[bot]" }));
    expect(calls).toEqual([]);
  });
});
