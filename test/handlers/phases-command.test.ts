import nock from "nock";
import { describe, expect, it } from "vitest";
import { readDebtRecord } from "../../src/core/debt/record.js";
import { DEBT_REGION_END, DEBT_REGION_START } from "../../src/core/hacks/debt.js";
import { parseEstimate } from "../../src/core/phases/estimate.js";
import { renderPhasesSection } from "../../src/core/phases/render.js";
import { replacePhasesSection } from "../../src/core/phases/section.js";
import { readPhasesState } from "../../src/core/phases/state.js";
import type { Estimate, PhaseState } from "../../src/core/phases/types.js";
import { createTestApp } from "../helpers/app.js";
import { github, mockBotIdentity, mockNoConfig, sentRequests, writes } from "../helpers/github.js";
import { sealed } from "../helpers/records.js";
import { CARRIED, COMMENT_URL, LEAD, PARENT, PARENT_BODY, PARENT_TITLE, path, phaseComment, World } from "../helpers/phases.js";

type Scope = ReturnType<typeof github>;

const est = (text: string): Estimate => {
  const estimate = parseEstimate(text);
  if (!estimate) throw new Error(text);
  return estimate;
};

const PLAN = "We agreed on three steps.\n\n/phase\n1. Internal invite — 1.5w\n2. External invite — 2d\n3. Group invite — 3d\n\nGroup invites can wait.";

function allowed(scope: Scope, level = "write", login = LEAD) {
  scope.get(path.permission(login)).reply(200, { permission: level === "triage" ? "read" : level, role_name: level, user: { login } });
}

/** The run's common start: token, 👀, no config file, the commenter's permission. */
function start(world: World, level = "write"): Scope {
  const scope = github();
  world.react(scope, 1);
  mockNoConfig(scope);
  allowed(scope, level);
  return scope;
}

const PLANNED: PhaseState[] = [
  { number: 1, name: "Internal invite", estimate: est("1.5w"), hack: false, done: false, issueNumber: 11 },
  { number: 2, name: "External invite", estimate: est("2d"), hack: false, done: false, issueNumber: 12 },
  { number: 3, name: "Group invite", estimate: est("3d"), hack: false, done: false, issueNumber: 13 },
];

describe("/phase, first run", () => {
  it("creates one sub-issue per phase, records each in the parent at once, and answers", async () => {
    const probot = createTestApp(["phases"]);
    const world = new World();
    const scope = start(world);
    world.readParent(scope, 1 + 3 + 1);
    mockBotIdentity(scope);
    world.listSubIssues(scope);
    scope.post(path.labels, { name: "phase", color: "1d76db", description: "A phase of a larger issue, planned with /phase (intentbot)" }).reply(201, {});
    world.createIssues(scope, 3).writeParent(scope, 3).link(scope, 3).reply(scope);

    await probot.receive(phaseComment(PLAN));

    expect(world.reactions).toEqual(["rocket"]);
    expect(world.created.map((issue) => [issue.title, issue.labels])).toEqual([
      [`${PARENT_TITLE} — Phase 1: Internal invite`, ["phase"]],
      [`${PARENT_TITLE} — Phase 2: External invite`, ["phase"]],
      [`${PARENT_TITLE} — Phase 3: Group invite`, ["phase"]],
    ]);
    expect(world.created[1]?.body).toBe(
      [
        "Phase 2 of #1: **External invite**",
        "",
        CARRIED,
        "",
        "---",
        "_The why and who above are #1's._",
        "_Planned with `/phase` on #1, whose checklist tracks this phase. When it is done, close this issue or comment `/phase done 2` on #1._",
        "",
        '<!-- intentbot:data {"kind":"phase","v":1,"parent":1,"number":2} -->',
      ].join("\n"),
    );
    // The sub-issues API takes the issue's id, not its number.
    expect(world.linked).toEqual([9011, 9012, 9013]);
    // Each creation is recorded before the next one starts.
    expect(world.parentWrites.map((body) => readPhasesState(body).map((p) => p.issueNumber))).toEqual([
      [11, undefined, undefined],
      [11, 12, undefined],
      [11, 12, 13],
    ]);
    const final = PLANNED.map((phase) => ({ ...phase, issueId: 9000 + (phase.issueNumber ?? 0) }));
    expect(world.parent.body).toBe(replacePhasesSection(PARENT_BODY, renderPhasesSection(final, { commentUrl: COMMENT_URL })));
    expect(world.parent.body.startsWith(`${PARENT_BODY}\n\n<!-- intentbot:phases:start -->\n## Phases\n`)).toBe(true);
    expect(world.replies).toHaveLength(1);
    // The answer ends with which command it answers, for a redelivery to recognise.
    expect(world.replies[0]).toMatch(/\n\n<!-- intentbot:data \{"phaseCommand":"[0-9a-f]{16}"\} -->$/);
    expect(world.replies.map((reply) => reply.replace(/\n\n<!-- intentbot:data .*$/, ""))).toEqual([
      [
        `<!-- intentbot:reply:${492700400}:phase -->`,
        "**Phases updated.** The checklist is in this issue's description.",
        "",
        "- Created Phase 1: Internal invite — 1.5w → #11",
        "- Created Phase 2: External invite — 2d → #12",
        "- Created Phase 3: Group invite — 3d → #13",
        "",
        "**Total:** 2.5w (100h) · **Left:** 2.5w (100h) · 0 of 3 phases done",
      ].join("\n"),
    ]);
  });

  it("carries a one-line plan", async () => {
    const probot = createTestApp(["phases"]);
    const world = new World();
    const scope = start(world);
    world.readParent(scope, 1 + 2 + 1);
    mockBotIdentity(scope);
    world.listSubIssues(scope);
    scope.post(path.labels).reply(201, {});
    world.createIssues(scope, 2).writeParent(scope, 2).link(scope, 2).reply(scope);

    await probot.receive(phaseComment("/phase Internal invite | External invite"));
    expect(world.created.map((issue) => issue.title)).toEqual([`${PARENT_TITLE} — Phase 1: Internal invite`, `${PARENT_TITLE} — Phase 2: External invite`]);
    expect(readPhasesState(world.parent.body).map((p) => [p.number, p.name, p.issueNumber])).toEqual([
      [1, "Internal invite", 11],
      [2, "External invite", 12],
    ]);
  });
});

describe("/phase, run again", () => {
  it("adds new numbers, renames existing ones, reports the ones left out and deletes nothing", async () => {
    const probot = createTestApp(["phases"]);
    const world = new World().seed(PLANNED);
    const scope = start(world);
    world.readParent(scope, 1 + 1 + 1);
    mockBotIdentity(scope);
    world.listSubIssues(scope);
    scope.post(path.labels).reply(201, {});
    // The rename is already in the section written right after the new phase's issue.
    world.createIssues(scope, 1).writeParent(scope, 1).link(scope, 1).reply(scope);
    const retitled: unknown[] = [];
    scope.patch(path.issue(12), (body) => retitled.push(body) > 0).reply(200, {});
    const sent = sentRequests(scope);

    await probot.receive(phaseComment("/phase\n1. Internal invite — 1.5w\n2. Invite by link\n4. Domain invite — 1d"));

    expect(world.created.map((issue) => issue.title)).toEqual([`${PARENT_TITLE} — Phase 4: Domain invite`]);
    expect(world.linked).toEqual([9014]);
    expect(retitled).toEqual([{ title: `${PARENT_TITLE} — Phase 2: Invite by link` }]);
    expect(readPhasesState(world.parent.body).map((p) => [p.number, p.name, p.estimate?.text, p.issueNumber])).toEqual([
      [1, "Internal invite", "1.5w", 11],
      [2, "Invite by link", "2d", 12],
      [3, "Group invite", "3d", 13],
      [4, "Domain invite", "1d", 14],
    ]);
    const reply = world.replies[0] ?? "";
    expect(reply).toContain("- Created Phase 4: Domain invite — 1d → #14\n- Renamed phase 2 (#12): External invite → Invite by link");
    expect(reply).toContain("Not in this list, so kept as they are: phase 3 (#13). Phases are never deleted; to drop one, close its issue as not planned.");
    // Phase 3 is left as it is: #13 is neither closed nor unlinked.
    expect(writes(sent)).toEqual([`POST ${path.labels}`, `POST ${path.issues}`, `PATCH ${path.issue(PARENT)}`, `POST ${path.subIssues}`, `PATCH ${path.issue(12)}`, `POST ${path.comments(PARENT)}`, `POST ${path.reactions}`]);
  });

  it("an edited command applies the new list; an edit that leaves the command alone does nothing", async () => {
    const probot = createTestApp(["phases"]);
    const world = new World().seed(PLANNED);
    const scope = start(world);
    world.readParent(scope, 1 + 1 + 1);
    mockBotIdentity(scope);
    world.listSubIssues(scope);
    scope.post(path.labels).reply(201, {});
    world.createIssues(scope, 1).writeParent(scope, 1).link(scope, 1);
    // The edit answers in the command's existing reply, and takes back the 😕 of nothing (none was given).
    scope.get(path.comments(PARENT)).query({ per_page: 100 }).reply(200, [{ id: 700, user: { login: "intentbot[bot]" }, body: "<!-- intentbot:reply:492700400:phase -->\nold answer" }]);
    const updated: { body: string }[] = [];
    scope.patch("/repos/octo-org/widgets/issues/comments/700", (body: { body: string }) => updated.push(body) > 0).reply(200, {});
    scope.get(path.reactions).query({ content: "confused", per_page: 100 }).reply(200, []);

    const before = "/phase\n1. Internal invite — 1.5w\n2. External invite — 2d\n3. Group invite — 3d";
    await probot.receive(phaseComment(`${before}\n4. Domain invite — 1d`, { action: "edited", from: before }));
    expect(world.created.map((issue) => issue.title)).toEqual([`${PARENT_TITLE} — Phase 4: Domain invite`]);
    expect(updated[0]?.body).toContain("- Created Phase 4: Domain invite — 1d → #14");
    expect(world.reactions).toEqual(["rocket"]);

    // Only the prose around the command changed: no call at all.
    const sent = sentRequests(scope);
    await probot.receive(phaseComment(`Typo fixed.\n\n${before}\n4. Domain invite — 1d`, { action: "edited", from: `Typo fixd.\n\n${before}\n4. Domain invite — 1d` }));
    expect(sent).toEqual([]);
  });

  it("an edit that only leaves a phase out writes nothing, and answers anew", async () => {
    const probot = createTestApp(["phases"]);
    const world = new World().seed(PLANNED);
    const scope = start(world);
    world.readParent(scope, 2);
    mockBotIdentity(scope);
    world.listSubIssues(scope);
    const before = "/phase\n1. Internal invite — 1.5w\n2. External invite — 2d\n3. Group invite — 3d";
    const earlier = { id: 700, user: { login: "intentbot[bot]" }, body: sealed('<!-- intentbot:reply:492700400:phase -->\n**Phases updated.**\n\n<!-- intentbot:data {"phaseCommand":"0123456789abcdef"} -->') };
    // Once to see whether the answer is for this version of the command (it is not), once to update it.
    scope.get(path.comments(PARENT)).query({ per_page: 100 }).times(2).reply(200, [earlier]);
    const updated: { body: string }[] = [];
    scope.patch("/repos/octo-org/widgets/issues/comments/700", (body: { body: string }) => updated.push(body) > 0).reply(200, {});
    scope.get(path.reactions).query({ content: "confused", per_page: 100 }).reply(200, []);
    const sent = sentRequests(scope);

    await probot.receive(phaseComment("/phase\n1. Internal invite — 1.5w\n2. External invite — 2d", { action: "edited", from: before }));
    expect(writes(sent)).toEqual(["PATCH /repos/octo-org/widgets/issues/comments/700", `POST ${path.reactions}`]);
    expect(updated[0]?.body).toContain("**Nothing to change:** the phases are already as listed.\n\nNot in this list, so kept as they are: phase 3 (#13).");
  });

  it("takes back its 😕 when an edit fixes a refused command", async () => {
    const probot = createTestApp(["phases"]);
    const world = new World().seed(PLANNED);
    const scope = start(world);
    world.readParent(scope, 2);
    mockBotIdentity(scope);
    world.listSubIssues(scope);
    world.writeParent(scope, 1);
    const closed: unknown[] = [];
    scope.patch(path.issue(12), (body) => closed.push(body) > 0).reply(200, {});
    scope.get(path.comments(PARENT)).query({ per_page: 100 }).reply(200, [{ id: 700, user: { login: "intentbot[bot]" }, body: "<!-- intentbot:reply:492700400:phase -->\nThat `/phase` could not be read" }]);
    scope.patch("/repos/octo-org/widgets/issues/comments/700").reply(200, {});
    scope.get(path.reactions).query({ content: "confused", per_page: 100 }).reply(200, [
      { id: 51, content: "confused", user: { login: "someone" } },
      { id: 52, content: "confused", user: { login: "intentbot[bot]" } },
    ]);
    scope.delete(`${path.reactions}/52`).reply(204);

    await probot.receive(phaseComment("/phase done 2", { action: "edited", from: "/phase done two" }));
    expect(closed).toEqual([{ state: "closed", state_reason: "completed" }]);
    expect(world.reactions).toEqual(["rocket"]);
  });
});

describe("/phase, redelivered", () => {
  it("a redelivered command creates nothing, writes nothing and keeps its first answer", async () => {
    const probot = createTestApp(["phases"]);
    const world = new World();
    const scope = start(world);
    world.readParent(scope, 5);
    mockBotIdentity(scope);
    world.listSubIssues(scope);
    scope.post(path.labels).reply(201, {});
    world.createIssues(scope, 3).writeParent(scope, 3).link(scope, 3).reply(scope);
    // A redelivery is parsed afresh: the same delivery id and body, a new payload object.
    await probot.receive(phaseComment(PLAN, { id: "same-delivery" }));
    expect(world.created).toHaveLength(3);

    // Again, on an instance that never saw it (after a restart): the parent and its
    // sub-issues are read, the section is unchanged, and the answer is found.
    mockBotIdentity(github());
    world.react(scope, 1);
    mockNoConfig(scope);
    allowed(scope);
    world.readParent(scope, 2);
    world.listSubIssues(scope);
    scope
      .get(path.comments(PARENT))
      .query({ per_page: 100 })
      .reply(200, () => [{ id: 700, user: { login: "intentbot[bot]" }, body: sealed(world.replies[0] ?? "") }]);
    const sent = sentRequests(scope);
    await createTestApp(["phases"]).receive(phaseComment(PLAN, { id: "same-delivery" }));

    expect(world.created).toHaveLength(3);
    expect(world.parentWrites).toHaveLength(3);
    expect(world.replies).toHaveLength(1);
    expect(world.reactions).toEqual(["rocket", "rocket"]);
    expect(writes(sent)).toEqual([`POST ${path.reactions}`]);
  });

  it("two deliveries at once create each phase once", async () => {
    const probot = createTestApp(["phases"]);
    const world = new World();
    const scope = github();
    world.react(scope, 2);
    mockNoConfig(scope);
    mockNoConfig(scope);
    // The commenter's permission is read once: the answer is kept a minute per repository.
    allowed(scope);
    world.readParent(scope, 5 + 2);
    mockBotIdentity(scope);
    world.listSubIssues(scope);
    world.listSubIssues(scope);
    scope.post(path.labels).reply(201, {});
    world.createIssues(scope, 3).writeParent(scope, 3).link(scope, 3).reply(scope);
    scope
      .get(path.comments(PARENT))
      .query({ per_page: 100 })
      .reply(200, () => [{ id: 700, user: { login: "intentbot[bot]" }, body: sealed(world.replies[0] ?? "") }]);

    await Promise.all([probot.receive(phaseComment(PLAN, { id: "a" })), probot.receive(phaseComment(PLAN, { id: "b" }))]);
    expect(world.created).toHaveLength(3);
    expect(world.linked).toEqual([9011, 9012, 9013]);
  });
});

describe("/phase, who and what", () => {
  it("refuses a read-only user politely, and changes nothing", async () => {
    const probot = createTestApp(["phases"]);
    const world = new World();
    const scope = start(world, "read");
    mockBotIdentity(scope);
    world.reply(scope);
    const sent = sentRequests(scope);

    await probot.receive(phaseComment(PLAN));
    expect(writes(sent)).toEqual([`POST ${path.comments(PARENT)}`, `POST ${path.reactions}`]);
    expect(world.reactions).toEqual(["confused"]);
    expect(world.replies[0]).toContain("Sorry lead, `/phase` needs at least **triage** access to this repository (`phases.permission` in `.github/intent.yml`), so nothing was done.");
  });

  it("answers bad syntax with the problem and the usage, and creates nothing", async () => {
    const probot = createTestApp(["phases"]);
    const world = new World();
    const scope = start(world);
    mockBotIdentity(scope);
    world.reply(scope);
    const sent = sentRequests(scope);

    await probot.receive(phaseComment("/phase\n1. Internal invite — 3x\n2. External invite (hakc, 2d)"));
    expect(writes(sent)).toEqual([`POST ${path.comments(PARENT)}`, `POST ${path.reactions}`]);
    expect(world.reactions).toEqual(["confused"]);
    const reply = world.replies[0] ?? "";
    expect(reply).toContain("That `/phase` could not be read, so nothing was changed: The phase list has 2 problems:");
    expect(reply).toContain("**How to use `/phase`**");
  });

  it("ignores commands in code blocks and quotes, and from bots: no call at all", async () => {
    const probot = createTestApp(["phases"]);
    // The app's own comment is an echo: the router learns its login once, then drops it.
    const identity = mockBotIdentity(nock("https://api.github.com"));
    const sent = sentRequests(identity);
    await probot.receive(phaseComment("> /phase\n> 1. Internal invite\n\n```\n/phase A | B\n```"));
    expect(sent.splice(0)).toEqual([]);
    await probot.receive(phaseComment("/phase done 1", { login: "intentbot[bot]", type: "Bot" }));
    expect(sent).toEqual(["GET /app"]);
  });

  it("on a pull request says where it works, and does nothing else", async () => {
    const probot = createTestApp(["phases"]);
    const world = new World();
    const scope = github();
    world.react(scope, 1);
    mockBotIdentity(scope);
    world.reply(scope);
    const onPr = phaseComment("/phase A | B");
    (onPr.payload.issue as { pull_request?: unknown }).pull_request = { url: "https://api.github.com/repos/octo-org/widgets/pulls/1" };

    const sent = sentRequests(scope);
    await probot.receive(onPr);
    expect(writes(sent)).toEqual([`POST ${path.comments(PARENT)}`, `POST ${path.reactions}`]);
    expect(world.replies).toHaveLength(1);
    expect(world.replies[0]).toContain("`/phase` works in an issue's conversation, so nothing was done here. It splits a feature issue into phases; comment it on the issue.");
    expect(world.reactions).toEqual(["confused"]);
  });
});

describe("/phase, hack phases", () => {
  it("a phase planned as a hack gets its rebuild-debt issue, recorded in the parent", async () => {
    const probot = createTestApp(["phases"]);
    const world = new World();
    const scope = start(world);
    world.readParent(scope, 1 + 3 + 1);
    mockBotIdentity(scope);
    world.listSubIssues(scope);
    scope.post(path.labels, { name: "phase", color: "1d76db", description: "A phase of a larger issue, planned with /phase (intentbot)" }).reply(201, {});
    scope.post(path.labels, { name: "rebuild-debt", color: "5319e7", description: "Rebuild owed by a hack (intentbot)" }).reply(201, {});
    world.createIssues(scope, 3).writeParent(scope, 3).link(scope, 2).reply(scope);
    // Whoever ran the command owns the debt, and is assigned when they can be.
    scope.get("/repos/octo-org/widgets/assignees/lead").reply(204);

    await probot.receive(phaseComment("/phase\n1. Internal invite — 1.5w\n2. Group invite — hack, 3d"));

    const debt = world.created[2];
    expect(debt?.title).toBe(`Rebuild: ${PARENT_TITLE} — Phase 2: Group invite`);
    expect(debt?.labels).toEqual(["rebuild-debt"]);
    expect((debt as { assignees?: string[] } | undefined)?.assignees).toEqual(["lead"]);
    expect(debt?.body).toContain("This is the **rebuild debt** of phase 2 of #1 (#12), **Group invite**, planned as a hack");
    expect(debt?.body).toContain("| hack | 3d |");
    // Laid out as the hack feature lays out its debt issues, so it can take this one over.
    expect(debt?.body.startsWith(`${DEBT_REGION_START}\nThis is the **rebuild debt** of phase 2`)).toBe(true);
    expect(debt?.body).toContain(`\n${DEBT_REGION_END}\n\n<!-- intentbot:data {"kind":"debt"`);
    expect(readDebtRecord(debt?.body)).toEqual({
      kind: "debt",
      version: 1,
      createdByApp: true,
      hackPrs: [],
      owner: LEAD,
      estimate: { hack: "3d" },
      files: [],
      teams: [],
      phase: { parent: PARENT, number: 2 },
    });
    expect(readPhasesState(world.parent.body).map((p) => [p.number, p.hack, p.issueNumber, p.debtIssueNumber])).toEqual([
      [1, false, 11, undefined],
      [2, true, 12, 13],
    ]);
    expect(world.parent.body).toContain("- [ ] #12 Phase 2: Group invite — 3d · **hack**, rebuild debt #13");
    expect(world.replies[0]).toContain("- Created Phase 2: Group invite — 3d · hack → #12\n- Marked phase 2 a hack; its rebuild debt is tracked in #13");
  });

  it("/phase hack N marks an existing phase, with the reason neutralized, and forgets a debt link nobody can vouch for", async () => {
    const probot = createTestApp(["phases"]);
    // Phase 3's recorded debt issue #5 is a person's issue, not the bot's debt issue for it.
    const world = new World().seed(PLANNED.map((p) => (p.number === 3 ? { ...p, hack: true, debtIssueNumber: 5 } : p)));
    const scope = start(world);
    world.readParent(scope, 1 + 1 + 1);
    mockBotIdentity(scope);
    world.listSubIssues(scope);
    scope.get(path.issue(5)).reply(200, { id: 5, number: 5, title: "Notes", state: "open", user: { login: "pm" }, body: "" });
    scope.post(path.labels).reply(201, {});
    world.createIssues(scope, 1).writeParent(scope, 1).reply(scope);
    // Someone who cannot be assigned in the repository still owns the debt; it is only not assigned.
    scope.get("/repos/octo-org/widgets/assignees/lead").reply(404);

    // A record in the comment is dropped when the event is read (it is not sealed); a topic marker is escaped when quoted.
    await probot.receive(phaseComment("/phase hack 1 Ship for the @octo-org/sales demo <!-- intentbot:hack --> <!-- intentbot:data {} -->"));
    const [first] = world.created;
    expect(first?.title).toBe(`Rebuild: ${PARENT_TITLE} — Phase 1: Internal invite`);
    expect((first as { assignees?: string[] } | undefined)?.assignees).toEqual([]);
    expect(first?.body).toContain("### Why it is a hack\n> Ship for the @\u200bocto-org/sales demo &lt;!-- intentbot:hack --&gt;\n");
    // The record keeps the reason as written; it is escaped wherever it is shown.
    expect(readDebtRecord(first?.body)?.reason).toBe("Ship for the @octo-org/sales demo <!-- intentbot:hack -->");
    expect(readPhasesState(world.parent.body).map((p) => [p.number, p.hack, p.debtIssueNumber])).toEqual([
      [1, true, 14],
      [2, false, undefined],
      // Forgotten; the next `/phase` plan gives it a debt issue of its own.
      [3, true, undefined],
    ]);
    expect(world.replies[0]).toContain("**Phase 1 is now a hack**; its rebuild debt is tracked in #14.");
  });
});

describe("/phase done, list", () => {
  it("/phase done N closes the phase's sub-issue and ticks its box", async () => {
    const probot = createTestApp(["phases"]);
    const world = new World().seed(PLANNED);
    const scope = start(world);
    world.readParent(scope, 2);
    mockBotIdentity(scope);
    world.listSubIssues(scope);
    world.writeParent(scope, 1).reply(scope);
    const closed: unknown[] = [];
    scope.patch(path.issue(12), (body) => closed.push(body) > 0).reply(200, {});

    await probot.receive(phaseComment("/phase done 2"));
    expect(closed).toEqual([{ state: "closed", state_reason: "completed" }]);
    expect(world.parent.body).toContain("- [x] #12 Phase 2: External invite — 2d");
    expect(world.parent.body).toContain(`[this comment](${COMMENT_URL})`);
    expect(world.replies[0]).toContain("**Phase 2 is done**; #12 is closed.\n\n**Total:** 2.5w (100h) · **Left:** 2.1w (84h) · 1 of 3 phases done");
    expect(world.reactions).toEqual(["rocket"]);
  });

  it("never closes an issue the checklist was edited to point at", async () => {
    const probot = createTestApp(["phases"]);
    const world = new World().seed(PLANNED);
    world.parent.body = world.parent.body.replace('"issueNumber":12', '"issueNumber":7');
    world.subIssues = [11, 13];
    const scope = start(world);
    world.readParent(scope, 2);
    mockBotIdentity(scope);
    world.listSubIssues(scope);
    scope.get(path.issue(7)).reply(200, { id: 7, number: 7, title: "Unrelated", state: "open", user: { login: "pm" }, body: "" });
    world.writeParent(scope, 1).reply(scope);
    const sent = sentRequests(scope);

    await probot.receive(phaseComment("/phase done 2"));
    // #7 is read and found not to be the phase's issue: it is never written.
    expect(writes(sent)).toEqual([`PATCH ${path.issue(PARENT)}`, `POST ${path.comments(PARENT)}`, `POST ${path.reactions}`]);
    expect(world.parent.body).toContain("- [x] Phase 2: External invite — 2d");
    expect(world.replies[0]).toContain("**Phase 2 is done**.");
  });

  it("/phase list answers with the plan and changes nothing", async () => {
    const probot = createTestApp(["phases"]);
    const world = new World().seed(PLANNED);
    const scope = start(world);
    world.readParent(scope, 1);
    mockBotIdentity(scope);
    world.listSubIssues(scope);
    world.reply(scope);
    const sent = sentRequests(scope);

    await probot.receive(phaseComment("/phase list"));
    expect(writes(sent)).toEqual([`POST ${path.comments(PARENT)}`, `POST ${path.reactions}`]);
    expect(world.replies[0]).toContain("- Phase 2: External invite — 2d · #12\n");
    expect(world.replies[0]).toContain("```\n/phase\n1. Internal invite — 1.5w\n2. External invite — 2d\n3. Group invite — 3d\n```");
    expect(world.reactions).toEqual(["rocket"]);
  });

  it("rebuilds a broken checklist from the phase sub-issues instead of duplicating them", async () => {
    const probot = createTestApp(["phases"]);
    const world = new World().seed(PLANNED);
    world.parent.body = world.parent.body.replace('{"v":1,', '{"v":"broken",');
    const scope = start(world);
    world.readParent(scope, 2);
    mockBotIdentity(scope);
    world.listSubIssues(scope);
    world.writeParent(scope, 1).reply(scope);

    await probot.receive(phaseComment("/phase\n1. Internal invite — 1.5w\n2. External invite — 2d\n3. Group invite"));
    expect(world.created).toEqual([]);
    expect(readPhasesState(world.parent.body).map((p) => [p.number, p.name, p.estimate?.text, p.issueNumber])).toEqual([
      [1, "Internal invite", "1.5w", 11],
      [2, "External invite", "2d", 12],
      [3, "Group invite", undefined, 13],
    ]);
    expect(world.replies[0]).toContain("it was rebuilt from this issue's phase sub-issues (phase 1, phase 2 and phase 3)");
  });

  it("refuses a plan the parent's description could not hold, before creating anything", async () => {
    const probot = createTestApp(["phases"]);
    const world = new World(`${PARENT_BODY}\n\n${"x".repeat(65_000)}`);
    const scope = start(world);
    world.readParent(scope, 1);
    mockBotIdentity(scope);
    world.listSubIssues(scope);
    world.reply(scope);

    await probot.receive(phaseComment(PLAN));
    expect(world.replies[0]).toContain("longer than GitHub's limit of 65,536 characters, so nothing was changed");
    expect(world.reactions).toEqual(["confused"]);
  });
});

describe("/phase without sub-issues (older GitHub Enterprise Server)", () => {
  it("creates plain issues linked from the checklist", async () => {
    const probot = createTestApp(["phases"]);
    const world = new World();
    const scope = start(world);
    world.readParent(scope, 1 + 2 + 1);
    mockBotIdentity(scope);
    scope.get(path.subIssues).query({ per_page: 100 }).reply(404, { message: "Not Found" });
    scope.post(path.labels).reply(201, {});
    world.createIssues(scope, 2).writeParent(scope, 2).reply(scope);

    await probot.receive(phaseComment("/phase Internal invite | External invite"));
    expect(world.created.map((issue) => issue.title)).toEqual([`${PARENT_TITLE} — Phase 1: Internal invite`, `${PARENT_TITLE} — Phase 2: External invite`]);
    expect(world.linked).toEqual([]);
    expect(world.parent.body).toContain("- [ ] #11 Phase 1: Internal invite\n- [ ] #12 Phase 2: External invite");
    expect(world.replies[0]).toContain("This GitHub has no sub-issues, so the phases are plain issues, linked from the checklist.");
  });

  it("finds its phase issues through the checklist, confirmed by each issue", async () => {
    const probot = createTestApp(["phases"]);
    const world = new World().seed(PLANNED, { linked: false });
    const scope = start(world);
    world.readParent(scope, 2);
    mockBotIdentity(scope);
    scope.get(path.subIssues).query({ per_page: 100 }).reply(404, { message: "Not Found" });
    for (const n of [11, 12, 13]) scope.get(path.issue(n)).reply(200, () => world.issueData(n));
    scope.patch(path.issue(11), { state: "closed", state_reason: "completed" }).reply(200, {});
    world.writeParent(scope, 1).reply(scope);

    await probot.receive(phaseComment("/phase done 1"));
    expect(world.parent.body).toContain("- [x] #11 Phase 1: Internal invite — 1.5w");
  });
});
