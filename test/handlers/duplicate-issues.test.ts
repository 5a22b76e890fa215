import nock from "nock";
import { describe, expect, it } from "vitest";
import { phaseIssueMarker } from "../../src/core/phases/child.js";
import { phaseDebtIssue } from "../../src/core/phases/debt.js";
import type { PhaseState } from "../../src/core/phases/types.js";
import { delivery, payload } from "../fixtures/payloads.js";
import { createTestApp } from "../helpers/app.js";
import { BOT_LOGIN, github, mockBotIdentity, recorder, sentRequests, writes } from "../helpers/github.js";
import { appDebtIssue, hackComment, linkedState, path as hackPath, PR } from "../helpers/hacks.js";
import { opened } from "../helpers/records.js";
import { PARENT, PARENT_TITLE, World, path } from "../helpers/phases.js";
import { sealed } from "../helpers/records.js";

// Phase 1 is a hack phase: its issue is #11 and its debt issue #12, as the parent records them.
const PLANNED: PhaseState[] = [{ number: 1, name: "Internal invite", hack: true, done: false, issueNumber: 11, debtIssueNumber: 12 }];
const TITLE = `${PARENT_TITLE} — Phase 1: Internal invite`;
const debtBody = () => phaseDebtIssue({ parent: { number: PARENT }, phase: { ...PLANNED[0], issueNumber: 11 } as PhaseState, phaseTitle: TITLE, owner: "lead" }).body;
const phaseBody = () => `Phase 1 of #${PARENT}\n\n${phaseIssueMarker(PARENT, 1)}`;

/** GitHub's webhook for an issue the app just opened (its echo). */
function openedByApp(number: number, body: string, label: string) {
  return delivery(
    "issues.opened",
    payload("issues.opened", {
      issue: { number, title: TITLE, body: sealed(body), labels: [{ name: label }], user: { login: BOT_LOGIN, type: "Bot" } },
      sender: { login: BOT_LOGIN, type: "Bot" },
    } as never),
  );
}

/** A world whose phase 1 debt issue (#12) exists, the app's and marked for this phase. */
function seeded(): World {
  const world = new World().seed(PLANNED);
  world.issues.set(12, { number: 12, id: 9012, title: `Rebuild: ${TITLE}`, body: debtBody(), state: "open", user: { login: BOT_LOGIN }, labels: ["rebuild-debt"] });
  return world;
}

describe("an issue the app created twice (a write that landed after a retry)", () => {
  it("a phase debt issue that is not the one the parent records is closed as a duplicate, its labels and record removed", async () => {
    const probot = createTestApp(["phases"]);
    const world = seeded();
    const scope = github();
    mockBotIdentity(scope);
    world.readParent(scope, 1);
    scope.get(path.issue(12)).reply(200, () => world.issueData(12));
    const update = recorder<{ body: string; state: string; state_reason: string; labels: string[] }>();
    scope.patch(path.issue(13), update.match).reply(200, {});

    await probot.receive(openedByApp(13, debtBody(), "rebuild-debt"));
    expect(update.bodies).toEqual([
      {
        state: "closed",
        state_reason: "not_planned",
        labels: [],
        body: "<!-- intentbot:duplicate -->\nDuplicate of #12, the rebuild debt of phase 1 of #1. It was created a second time when a write sent before a restart reached GitHub after the work had been done again; intentbot closed this copy.",
      },
    ]);
  });

  it("a phase issue that is not the one the parent records is closed as a duplicate", async () => {
    const probot = createTestApp(["phases"]);
    const world = seeded();
    const scope = github();
    mockBotIdentity(scope);
    world.readParent(scope, 1);
    scope.get(path.issue(11)).reply(200, () => world.issueData(11));
    const update = recorder<{ body: string }>();
    scope.patch(path.issue(14), update.match).reply(200, {});

    await probot.receive(openedByApp(14, phaseBody(), "phase"));
    expect(update.bodies.map((b) => b.body)).toEqual([expect.stringContaining("Duplicate of #11, phase 1 of #1.")]);
  });

  it("the issue the parent records, or one it does not record yet, is left alone", async () => {
    const probot = createTestApp(["phases"]);
    const world = seeded();
    const scope = github();
    mockBotIdentity(scope);
    world.readParent(scope, 1);
    const sent = sentRequests(scope);
    await probot.receive(openedByApp(12, debtBody(), "rebuild-debt"));
    expect(writes(sent)).toEqual([]);

    const unrecorded = new World().seed([{ ...PLANNED[0], debtIssueNumber: undefined } as PhaseState]);
    unrecorded.readParent(scope, 1);
    await probot.receive(openedByApp(13, debtBody(), "rebuild-debt"));
    expect(writes(sent)).toEqual([]);
  });

  it("a number someone typed into the parent retires nothing: the recorded issue must be the app's, for this phase", async () => {
    const probot = createTestApp(["phases"]);
    const world = seeded();
    const twelve = world.issues.get(12);
    if (twelve) twelve.user = { login: "mallory" };
    const scope = github();
    mockBotIdentity(scope);
    world.readParent(scope, 1);
    scope.get(path.issue(12)).reply(200, () => world.issueData(12));
    const sent = sentRequests(scope);

    await probot.receive(openedByApp(13, debtBody(), "rebuild-debt"));
    expect(writes(sent)).toEqual([]);
  });

  it("a hack's debt issue that is not the one its PR's hack comment links is closed as a duplicate", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    mockBotIdentity(scope);
    scope.get(hackPath.comments(PR)).query({ per_page: 100 }).reply(200, [hackComment(500, linkedState(101))]);
    const update = recorder<{ body: string; state: string; labels: string[] }>();
    scope.patch(hackPath.issue(102), update.match).reply(200, {});

    const duplicate = appDebtIssue(102);
    await probot.receive(openedByApp(102, opened(duplicate.body), "rebuild-debt"));
    expect(update.bodies).toEqual([expect.objectContaining({ state: "closed", labels: [], body: expect.stringContaining(`Duplicate of #101, the rebuild debt of #${PR}.`) })]);
  });

  it("a hack's debt issue that its PR links, or that no comment links yet, is left alone", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    mockBotIdentity(scope);
    scope.get(hackPath.comments(PR)).query({ per_page: 100 }).reply(200, [hackComment(500, linkedState(101))]);
    scope.get(hackPath.comments(PR)).query({ per_page: 100 }).reply(200, []);
    const sent = sentRequests(scope);

    await probot.receive(openedByApp(101, opened(appDebtIssue(101).body), "rebuild-debt"));
    await probot.receive(openedByApp(102, opened(appDebtIssue(102).body), "rebuild-debt"));
    expect(writes(sent)).toEqual([]);
  });

  it("a person's new issue costs no call", async () => {
    const probot = createTestApp(["phases", "hacks"]);
    const sent = sentRequests(nock("https://api.github.com"));
    const event = payload("issues.opened", { issue: { number: 20, body: debtBody(), user: { login: "Codertocat", type: "User" } } } as never);
    await probot.receive(delivery("issues.opened", event));
    expect(sent).toEqual([]);
  });
});
