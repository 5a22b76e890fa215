import { afterEach, describe, expect, it } from "vitest";
import { phaseIssueMarker } from "../../src/core/phases/child.js";
import { phaseDebtIssue } from "../../src/core/phases/debt.js";
import type { PhaseState } from "../../src/core/phases/types.js";
import { delivery, payload } from "../fixtures/payloads.js";
import { createTestApp } from "../helpers/app.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { BOT_LOGIN } from "../helpers/github.js";
import { appDebtIssue, hackComment, hackRepository, linkedState, path as hackPath, PR } from "../helpers/hacks.js";
import { opened } from "../helpers/records.js";
import { PARENT, PARENT_TITLE, PhaseRepository, path } from "../helpers/phases.js";
import { sealed } from "../helpers/records.js";

// Phase 1 is a hack phase: its issue is #11 and its debt issue #12, as the parent records them.
const PLANNED: PhaseState[] = [{ number: 1, name: "Internal invite", hack: true, done: false, issueNumber: 11, debtIssueNumber: 12 }];
const TITLE = `${PARENT_TITLE} — Phase 1: Internal invite`;
const debtBody = () => phaseDebtIssue({ parent: { number: PARENT }, phase: { ...PLANNED[0], issueNumber: 11 } as PhaseState, phaseTitle: TITLE, owner: "lead" }).body;
const phaseBody = () => `Phase 1 of #${PARENT}\n\n${phaseIssueMarker(PARENT, 1)}`;
const BOT = { login: BOT_LOGIN, type: "Bot" };

let fake: FakeGitHub | undefined;
afterEach(() => fake?.stop());

/** GitHub's webhook for an issue the app just opened (its echo). */
function openedByApp(number: number, body: string, label: string) {
  return delivery(
    "issues.opened",
    payload("issues.opened", {
      issue: { number, title: TITLE, body: sealed(body), labels: [{ name: label }], user: BOT },
      sender: BOT,
    } as never),
  );
}

/** The app's issue #`number` with `body` and `label`, on the fake GitHub as on the payload. */
function addAppIssue(github: FakeGitHub, number: number, body: string, label: string) {
  return github.addIssue({ number, title: label === "rebuild-debt" ? `Rebuild: ${TITLE}` : TITLE, body: sealed(body), user: BOT, labels: [{ name: label }] });
}

/** The parent with phase 1 planned, whose debt issue (#12) exists, the app's and marked for this phase. */
function seeded(): PhaseRepository {
  const repository = new PhaseRepository().seed(PLANNED);
  fake = repository.github;
  addAppIssue(fake, 12, debtBody(), "rebuild-debt");
  return repository;
}

/** What the app sent to close issue #`number`. */
const updates = (github: FakeGitHub, number: number) => github.sent.filter((s) => s.call === `PATCH ${path.issue(number)}`).map((s) => s.body);

describe("an issue the app created twice (a write that landed after a retry)", () => {
  it("a phase debt issue that is not the one the parent records is closed as a duplicate, its labels and record removed", async () => {
    const probot = createTestApp(["phases"]);
    const { github } = seeded();
    addAppIssue(github, 13, debtBody(), "rebuild-debt");

    await probot.receive(openedByApp(13, debtBody(), "rebuild-debt"));
    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([`PATCH ${path.issue(13)}`]);
    expect(updates(github, 13)).toEqual([
      {
        state: "closed",
        state_reason: "not_planned",
        labels: [],
        body: "<!-- intentbot:duplicate -->\nDuplicate of #12, the rebuild debt of phase 1 of #1. It was created a second time when a write sent before a restart reached GitHub after the work had been done again; intentbot closed this copy.",
      },
    ]);
    expect(github.issues.get(13)).toMatchObject({ state: "closed", state_reason: "not_planned", labels: [] });
    expect(github.issues.get(12)).toMatchObject({ state: "open", labels: [{ name: "rebuild-debt" }] });
  });

  it("a phase issue that is not the one the parent records is closed as a duplicate", async () => {
    const probot = createTestApp(["phases"]);
    const { github } = seeded();
    addAppIssue(github, 14, phaseBody(), "phase");

    await probot.receive(openedByApp(14, phaseBody(), "phase"));
    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([`PATCH ${path.issue(14)}`]);
    expect(updates(github, 14).map((b) => b.body)).toEqual([expect.stringContaining("Duplicate of #11, phase 1 of #1.")]);
    expect(github.issues.get(14)?.state).toBe("closed");
  });

  it("the issue the parent records, or one it does not record yet, is left alone", async () => {
    const probot = createTestApp(["phases"]);
    const repository = seeded();
    const { github } = repository;
    await probot.receive(openedByApp(12, debtBody(), "rebuild-debt"));
    expect(github.writes()).toEqual([]);

    // The parent as an earlier run left it before recording the debt issue.
    repository.seed([{ ...PLANNED[0], debtIssueNumber: undefined } as PhaseState]);
    addAppIssue(github, 13, debtBody(), "rebuild-debt");
    await probot.receive(openedByApp(13, debtBody(), "rebuild-debt"));
    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([]);
  });

  it("a number someone typed into the parent retires nothing: the recorded issue must be the app's, for this phase", async () => {
    const probot = createTestApp(["phases"]);
    const { github } = seeded();
    const twelve = github.issues.get(12);
    if (twelve) twelve.user = { login: "mallory", type: "User" };
    addAppIssue(github, 13, debtBody(), "rebuild-debt");

    await probot.receive(openedByApp(13, debtBody(), "rebuild-debt"));
    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([]);
  });

  it("a hack's debt issue that is not the one its PR's hack comment links is closed as a duplicate", async () => {
    const probot = createTestApp(["hacks"]);
    const github = (fake = hackRepository());
    github.comments.push({ ...hackComment(500, linkedState(101)), issue: PR, user: BOT });
    github.addIssue({ ...appDebtIssue(101), state: "open", user: BOT });
    const duplicate = appDebtIssue(102);
    github.addIssue({ ...duplicate, state: "open", user: BOT });

    await probot.receive(openedByApp(102, opened(duplicate.body), "rebuild-debt"));
    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([`PATCH ${hackPath.issue(102)}`]);
    expect(updates(github, 102)).toEqual([expect.objectContaining({ state: "closed", labels: [], body: expect.stringContaining(`Duplicate of #101, the rebuild debt of #${PR}.`) })]);
    expect(github.issues.get(101)?.state).toBe("open");
  });

  it("a hack's debt issue that its PR links, or that no comment links yet, is left alone", async () => {
    const probot = createTestApp(["hacks"]);
    const github = (fake = hackRepository());
    github.comments.push({ ...hackComment(500, linkedState(101)), issue: PR, user: BOT });
    for (const number of [101, 102]) github.addIssue({ ...appDebtIssue(number), state: "open", user: BOT });

    await probot.receive(openedByApp(101, opened(appDebtIssue(101).body), "rebuild-debt"));
    // Before the PR's hack comment is written: no comment links a debt issue yet.
    github.comments.splice(0);
    await probot.receive(openedByApp(102, opened(appDebtIssue(102).body), "rebuild-debt"));
    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([]);
  });

  it("a person's new issue costs no call", async () => {
    const probot = createTestApp(["phases", "hacks"]);
    const github = (fake = new FakeGitHub());
    github.start();
    const event = payload("issues.opened", { issue: { number: 20, body: debtBody(), user: { login: "Codertocat", type: "User" } } } as never);
    await probot.receive(delivery("issues.opened", event));
    expect(github.calls).toEqual([]);
  });
});
