import { afterEach, describe, expect, it } from "vitest";
import { readDebtRecord } from "../../src/core/debt/record.js";
import { DEBT_REGION_END, DEBT_REGION_START } from "../../src/core/hacks/debt.js";
import { parseEstimate } from "../../src/core/phases/estimate.js";
import { renderPhasesSection } from "../../src/core/phases/render.js";
import { replacePhasesSection } from "../../src/core/phases/section.js";
import { readPhasesState } from "../../src/core/phases/state.js";
import type { Estimate, PhaseState } from "../../src/core/phases/types.js";
import { createTestApp } from "../helpers/app.js";
import { BOT_LOGIN } from "../helpers/github.js";
import { CARRIED, COMMENT_ID, COMMENT_URL, LEAD, PARENT, PARENT_BODY, PARENT_TITLE, path, phaseComment, PhaseRepository } from "../helpers/phases.js";

const est = (text: string): Estimate => {
  const estimate = parseEstimate(text);
  if (!estimate) throw new Error(text);
  return estimate;
};

const PLAN = "We agreed on three steps.\n\n/phase\n1. Internal invite — 1.5w\n2. External invite — 2d\n3. Group invite — 3d\n\nGroup invites can wait.";

const PLANNED: PhaseState[] = [
  { number: 1, name: "Internal invite", estimate: est("1.5w"), hack: false, done: false, issueNumber: 11 },
  { number: 2, name: "External invite", estimate: est("2d"), hack: false, done: false, issueNumber: 12 },
  { number: 3, name: "Group invite", estimate: est("3d"), hack: false, done: false, issueNumber: 13 },
];

const REPLY = `${path.comments(PARENT)}`;
const replyEdit = (id: number) => `/repos/octo-org/widgets/issues/comments/${id}`;

let repository: PhaseRepository | undefined;
afterEach(() => repository?.github.stop());

/** The parent issue in the fake GitHub, with the phases an earlier run made. */
function world(phases: PhaseState[] = [], body?: string): PhaseRepository {
  repository = new PhaseRepository(body);
  return phases.length > 0 ? repository.seed(phases) : repository;
}

/** The GitHub reads of a run, past the config and permission. */
const reads = (w: PhaseRepository, prefix: string) => w.github.calls.filter((call) => call === `GET ${prefix}`);

describe("/phase, first run", () => {
  it("creates one sub-issue per phase, records each in the parent at once, and answers", async () => {
    const probot = createTestApp(["phases"]);
    const w = world();

    await probot.receive(phaseComment(PLAN));

    // Each issue is recorded in the parent before anything else, then linked.
    expect(w.github.writes()).toEqual([
      `POST ${path.labels}`,
      ...[1, 2, 3].flatMap(() => [`POST ${path.issues}`, `PATCH ${path.issue(PARENT)}`, `POST ${path.subIssues}`]),
      `POST ${REPLY}`,
      `POST ${path.reactions}`,
    ]);
    // The parent is read again before each section write: once for the decision, once per issue, once at the end.
    expect(reads(w, path.issue(PARENT))).toHaveLength(1 + 3 + 1);
    expect(w.reactions).toEqual(["rocket"]);
    expect(w.created.map((issue) => [issue.title, issue.labels])).toEqual([
      [`${PARENT_TITLE} — Phase 1: Internal invite`, ["phase"]],
      [`${PARENT_TITLE} — Phase 2: External invite`, ["phase"]],
      [`${PARENT_TITLE} — Phase 3: Group invite`, ["phase"]],
    ]);
    expect(w.created[1]?.body).toBe(
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
    expect(w.linked).toEqual([9011, 9012, 9013]);
    // Each creation is recorded before the next one starts.
    expect(w.parentWrites.map((body) => readPhasesState(body).map((p) => p.issueNumber))).toEqual([
      [11, undefined, undefined],
      [11, 12, undefined],
      [11, 12, 13],
    ]);
    const final = PLANNED.map((phase) => ({ ...phase, issueId: 9000 + (phase.issueNumber ?? 0) }));
    expect(w.parentBody).toBe(replacePhasesSection(PARENT_BODY, renderPhasesSection(final, { commentUrl: COMMENT_URL })));
    expect(w.parentBody.startsWith(`${PARENT_BODY}\n\n<!-- intentbot:phases:start -->\n## Phases\n`)).toBe(true);
    expect(w.replies).toHaveLength(1);
    // The answer ends with which command it answers, for a redelivery to recognise.
    expect(w.replies[0]).toMatch(/\n\n<!-- intentbot:data \{"phaseCommand":"[0-9a-f]{16}"\} -->$/);
    expect(w.replies.map((reply) => reply.replace(/\n\n<!-- intentbot:data .*$/, ""))).toEqual([
      [
        `<!-- intentbot:reply:${COMMENT_ID}:phase -->`,
        "**Phases updated.** The checklist is in this issue's description.",
        "",
        "- Created Phase 1: Internal invite — 1.5w → #11",
        "- Created Phase 2: External invite — 2d → #12",
        "- Created Phase 3: Group invite — 3d → #13",
        "",
        "**Total:** 2.5w (100h) · **Left:** 2.5w (100h) · 0 of 3 phases done",
      ].join("\n"),
    ]);
    expect(w.github.unknown).toEqual([]);
  });

  it("carries a one-line plan", async () => {
    const probot = createTestApp(["phases"]);
    const w = world();

    await probot.receive(phaseComment("/phase Internal invite | External invite"));
    expect(w.created.map((issue) => issue.title)).toEqual([`${PARENT_TITLE} — Phase 1: Internal invite`, `${PARENT_TITLE} — Phase 2: External invite`]);
    expect(readPhasesState(w.parentBody).map((p) => [p.number, p.name, p.issueNumber])).toEqual([
      [1, "Internal invite", 11],
      [2, "External invite", 12],
    ]);
  });

  it("keeps what a person wrote into the description during the run", async () => {
    const probot = createTestApp(["phases"]);
    const w = world();
    // A person edits the description while the first issue is being created.
    w.github.failures.push({
      matches: (method, p) => {
        if (method !== "POST" || p !== path.issues || w.parentBody.includes("Edited meanwhile.")) return false;
        w.parentBody = `${w.parentBody}\n\nEdited meanwhile.`;
        return false;
      },
      reply: [500, {}],
    });

    await probot.receive(phaseComment("/phase Internal invite | External invite"));
    expect(w.parentBody.startsWith(`${PARENT_BODY}\n\nEdited meanwhile.\n\n<!-- intentbot:phases:start -->`)).toBe(true);
    expect(readPhasesState(w.parentBody).map((p) => p.issueNumber)).toEqual([11, 12]);
  });
});

describe("/phase, run again", () => {
  it("adds new numbers, renames existing ones, reports the ones left out and deletes nothing", async () => {
    const probot = createTestApp(["phases"]);
    const w = world(PLANNED);

    await probot.receive(phaseComment("/phase\n1. Internal invite — 1.5w\n2. Invite by link\n4. Domain invite — 1d"));

    expect(w.created.map((issue) => issue.title)).toEqual([`${PARENT_TITLE} — Phase 4: Domain invite`]);
    expect(w.linked).toEqual([9014]);
    expect(w.github.sent.filter((s) => s.call === `PATCH ${path.issue(12)}`).map((s) => s.body)).toEqual([{ title: `${PARENT_TITLE} — Phase 2: Invite by link` }]);
    expect(readPhasesState(w.parentBody).map((p) => [p.number, p.name, p.estimate?.text, p.issueNumber])).toEqual([
      [1, "Internal invite", "1.5w", 11],
      [2, "Invite by link", "2d", 12],
      [3, "Group invite", "3d", 13],
      [4, "Domain invite", "1d", 14],
    ]);
    const reply = w.replies[0] ?? "";
    expect(reply).toContain("- Created Phase 4: Domain invite — 1d → #14\n- Renamed phase 2 (#12): External invite → Invite by link");
    expect(reply).toContain("Not in this list, so kept as they are: phase 3 (#13). Phases are never deleted; to drop one, close its issue as not planned.");
    // Phase 3 is left as it is: #13 is neither closed nor unlinked. The rename is already in the section written right after the new phase's issue.
    expect(w.github.writes()).toEqual([`POST ${path.labels}`, `POST ${path.issues}`, `PATCH ${path.issue(PARENT)}`, `POST ${path.subIssues}`, `PATCH ${path.issue(12)}`, `POST ${REPLY}`, `POST ${path.reactions}`]);
  });

  it("an edited command applies the new list; an edit that leaves the command alone does nothing", async () => {
    const probot = createTestApp(["phases"]);
    const w = world(PLANNED);
    // The edit answers in the command's existing reply, and takes back the 😕 of nothing (none was given).
    w.addReply(`<!-- intentbot:reply:${COMMENT_ID}:phase -->\nold answer`);

    const before = "/phase\n1. Internal invite — 1.5w\n2. External invite — 2d\n3. Group invite — 3d";
    await probot.receive(phaseComment(`${before}\n4. Domain invite — 1d`, { action: "edited", from: before }));
    expect(w.created.map((issue) => issue.title)).toEqual([`${PARENT_TITLE} — Phase 4: Domain invite`]);
    expect(w.github.writes()).toContain(`PATCH ${replyEdit(700)}`);
    expect(w.github.comments.find((c) => c.id === 700)?.body).toContain("- Created Phase 4: Domain invite — 1d → #14");
    expect(w.reactions).toEqual(["rocket"]);

    // Only the prose around the command changed: no call at all.
    w.github.calls.length = 0;
    await probot.receive(phaseComment(`Typo fixed.\n\n${before}\n4. Domain invite — 1d`, { action: "edited", from: `Typo fixd.\n\n${before}\n4. Domain invite — 1d` }));
    expect(w.github.calls).toEqual([]);
  });

  it("an edit that only leaves a phase out writes nothing, and answers anew", async () => {
    const probot = createTestApp(["phases"]);
    const w = world(PLANNED);
    const before = "/phase\n1. Internal invite — 1.5w\n2. External invite — 2d\n3. Group invite — 3d";
    w.addReply(`<!-- intentbot:reply:${COMMENT_ID}:phase -->\n**Phases updated.**\n\n<!-- intentbot:data {"phaseCommand":"0123456789abcdef"} -->`);

    await probot.receive(phaseComment("/phase\n1. Internal invite — 1.5w\n2. External invite — 2d", { action: "edited", from: before }));
    expect(w.github.writes()).toEqual([`PATCH ${replyEdit(700)}`, `POST ${path.reactions}`]);
    expect(w.github.comments.find((c) => c.id === 700)?.body).toContain("**Nothing to change:** the phases are already as listed.\n\nNot in this list, so kept as they are: phase 3 (#13).");
  });

  it("takes back its 😕 when an edit fixes a refused command", async () => {
    const probot = createTestApp(["phases"]);
    const w = world(PLANNED);
    w.addReply(`<!-- intentbot:reply:${COMMENT_ID}:phase -->\nThat \`/phase\` could not be read`);
    w.github.reactions.push({ id: 51, comment: COMMENT_ID, content: "confused", user: { login: "someone", type: "User" } }, { id: 52, comment: COMMENT_ID, content: "confused", user: { login: BOT_LOGIN, type: "Bot" } });

    await probot.receive(phaseComment("/phase done 2", { action: "edited", from: "/phase done two" }));
    expect(w.github.writes()).toEqual([`PATCH ${path.issue(12)}`, `PATCH ${path.issue(PARENT)}`, `PATCH ${replyEdit(700)}`, `DELETE ${path.reactions}/52`, `POST ${path.reactions}`]);
    expect(w.github.issues.get(12)).toMatchObject({ state: "closed", state_reason: "completed" });
    expect(w.github.reactions.map((r) => [r.user.login, r.content])).toEqual([
      ["someone", "confused"],
      [BOT_LOGIN, "rocket"],
    ]);
  });
});

describe("/phase, redelivered", () => {
  it("a redelivered command creates nothing, writes nothing and keeps its first answer", async () => {
    const probot = createTestApp(["phases"]);
    const w = world();
    // A redelivery is parsed afresh: the same delivery id and body, a new payload object.
    await probot.receive(phaseComment(PLAN, { id: "same-delivery" }));
    expect(w.created).toHaveLength(3);

    // Again, on an instance that never saw it (after a restart): the parent and its
    // sub-issues are read, the section is unchanged, and the answer is found.
    const writes = w.github.writes().length;
    await createTestApp(["phases"]).receive(phaseComment(PLAN, { id: "same-delivery" }));

    expect(w.created).toHaveLength(3);
    expect(w.parentWrites).toHaveLength(3);
    expect(w.replies).toHaveLength(1);
    expect(w.github.writes().slice(writes)).toEqual([`POST ${path.reactions}`]);
  });

  it("two deliveries at once create each phase once", async () => {
    const probot = createTestApp(["phases"]);
    const w = world();

    await Promise.all([probot.receive(phaseComment(PLAN, { id: "a" })), probot.receive(phaseComment(PLAN, { id: "b" }))]);
    expect(w.created).toHaveLength(3);
    expect(w.linked).toEqual([9011, 9012, 9013]);
    expect(w.replies).toHaveLength(1);
  });

  it("a run cut short after a create is finished by the retry, which reuses the issue", async () => {
    const probot = createTestApp(["phases"]);
    const w = world();
    // GitHub fails the second issue's create: the delivery fails after the first is made and recorded.
    let creates = 0;
    const failure = { matches: (method: string, p: string) => method === "POST" && p === path.issues && ++creates === 2, reply: [502, { message: "Bad Gateway" }] as [number, unknown] };
    w.github.failures.push(failure);
    await expect(probot.receive(phaseComment(PLAN, { id: "cut" }))).rejects.toThrow();
    expect(readPhasesState(w.parentBody).map((p) => p.issueNumber)).toEqual([11, undefined, undefined]);

    await createTestApp(["phases"]).receive(phaseComment(PLAN, { id: "cut" }));
    // Phase 1's issue is reused; phase 2's create, refused the first time, is sent again.
    expect(w.created.map((issue) => issue.title.slice(PARENT_TITLE.length + 3))).toEqual(["Phase 1: Internal invite", "Phase 2: External invite", "Phase 2: External invite", "Phase 3: Group invite"]);
    expect([...w.github.issues.values()].filter((issue) => issue.labels.some((l) => l.name === "phase")).map((issue) => issue.number)).toEqual([11, 12, 13]);
    expect(readPhasesState(w.parentBody).map((p) => p.issueNumber)).toEqual([11, 12, 13]);
    expect(w.linked).toEqual([9011, 9012, 9013]);
  });
});

describe("/phase, who and what", () => {
  it("refuses a read-only user politely, and changes nothing", async () => {
    const probot = createTestApp(["phases"]);
    const w = world();
    w.github.permissions.set(LEAD, "read");

    await probot.receive(phaseComment(PLAN));
    expect(w.github.writes()).toEqual([`POST ${REPLY}`, `POST ${path.reactions}`]);
    expect(w.reactions).toEqual(["confused"]);
    expect(w.replies[0]).toContain("Sorry lead, `/phase` needs at least **triage** access to this repository (`phases.permission` in `.github/intent.yml`), so nothing was done.");
  });

  it("answers bad syntax with the problem and the usage, and creates nothing", async () => {
    const probot = createTestApp(["phases"]);
    const w = world();

    await probot.receive(phaseComment("/phase\n1. Internal invite — 3x\n2. External invite (hakc, 2d)"));
    expect(w.github.writes()).toEqual([`POST ${REPLY}`, `POST ${path.reactions}`]);
    expect(w.reactions).toEqual(["confused"]);
    const reply = w.replies[0] ?? "";
    expect(reply).toContain("That `/phase` could not be read, so nothing was changed: The phase list has 2 problems:");
    expect(reply).toContain("**How to use `/phase`**");
  });

  it("ignores commands in code blocks and quotes, and from bots: no call at all", async () => {
    const probot = createTestApp(["phases"]);
    const { calls } = world().github;
    await probot.receive(phaseComment("> /phase\n> 1. Internal invite\n\n```\n/phase A | B\n```"));
    expect(calls.splice(0)).toEqual([]);
    // The app's own comment is an echo: the router learns its login once, then drops it.
    await probot.receive(phaseComment("/phase done 1", { login: BOT_LOGIN, type: "Bot" }));
    expect(calls).toEqual(["GET /app"]);
  });

  it("on a pull request says where it works, and does nothing else", async () => {
    const probot = createTestApp(["phases"]);
    const w = world();
    const onPr = phaseComment("/phase A | B");
    (onPr.payload.issue as { pull_request?: unknown }).pull_request = { url: "https://api.github.com/repos/octo-org/widgets/pulls/1" };

    await probot.receive(onPr);
    expect(w.github.writes()).toEqual([`POST ${REPLY}`, `POST ${path.reactions}`]);
    expect(w.replies).toHaveLength(1);
    expect(w.replies[0]).toContain("`/phase` works in an issue's conversation, so nothing was done here. It splits a feature issue into phases; comment it on the issue.");
    expect(w.reactions).toEqual(["confused"]);
  });
});

describe("/phase, hack phases", () => {
  it("a phase planned as a hack gets its rebuild-debt issue, recorded in the parent", async () => {
    const probot = createTestApp(["phases"]);
    const w = world();

    await probot.receive(phaseComment("/phase\n1. Internal invite — 1.5w\n2. Group invite — hack, 3d"));

    expect(w.github.writes()).toEqual([
      `POST ${path.labels}`,
      ...[1, 2].flatMap(() => [`POST ${path.issues}`, `PATCH ${path.issue(PARENT)}`, `POST ${path.subIssues}`]),
      `POST ${path.labels}`,
      `POST ${path.issues}`,
      `PATCH ${path.issue(PARENT)}`,
      `POST ${REPLY}`,
      `POST ${path.reactions}`,
    ]);
    expect(w.github.sent.filter((s) => s.call === `POST ${path.labels}`).map((s) => s.body)).toEqual([
      { name: "phase", color: "1d76db", description: "A phase of a larger issue, planned with /phase (intentbot)" },
      { name: "rebuild-debt", color: "5319e7", description: "Rebuild owed by a hack (intentbot)" },
    ]);
    const debt = w.created[2];
    expect(debt?.title).toBe(`Rebuild: ${PARENT_TITLE} — Phase 2: Group invite`);
    expect(debt?.labels).toEqual(["rebuild-debt"]);
    // Whoever ran the command owns the debt, and is assigned when they can be.
    expect(debt?.assignees).toEqual(["lead"]);
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
    expect(readPhasesState(w.parentBody).map((p) => [p.number, p.hack, p.issueNumber, p.debtIssueNumber])).toEqual([
      [1, false, 11, undefined],
      [2, true, 12, 13],
    ]);
    expect(w.parentBody).toContain("- [ ] #12 Phase 2: Group invite — 3d · **hack**, rebuild debt #13");
    expect(w.replies[0]).toContain("- Created Phase 2: Group invite — 3d · hack → #12\n- Marked phase 2 a hack; its rebuild debt is tracked in #13");
  });

  it("/phase hack N marks an existing phase, with the reason neutralized, and forgets a debt link nobody can vouch for", async () => {
    const probot = createTestApp(["phases"]);
    // Phase 3's recorded debt issue #5 is a person's issue, not the bot's debt issue for it.
    const w = world(PLANNED.map((p) => (p.number === 3 ? { ...p, hack: true, debtIssueNumber: 5 } : p)));
    w.github.addIssue({ number: 5, title: "Notes", user: { login: "pm", type: "User" } });
    // Someone who cannot be assigned in the repository still owns the debt; it is only not assigned.
    w.github.unassignable.add(LEAD);

    // A record in the comment is dropped when the event is read (it is not sealed); a topic marker is escaped when quoted.
    await probot.receive(phaseComment("/phase hack 1 Ship for the @octo-org/sales demo <!-- intentbot:hack --> <!-- intentbot:data {} -->"));
    expect(w.github.writes()).toEqual([`POST ${path.labels}`, `POST ${path.issues}`, `PATCH ${path.issue(PARENT)}`, `POST ${REPLY}`, `POST ${path.reactions}`]);
    const [first] = w.created;
    expect(first?.title).toBe(`Rebuild: ${PARENT_TITLE} — Phase 1: Internal invite`);
    expect(first?.assignees).toEqual([]);
    expect(first?.body).toContain("### Why it is a hack\n> Ship for the @\u200bocto-org/sales demo &lt;!-- intentbot:hack --&gt;\n");
    // The record keeps the reason as written; it is escaped wherever it is shown.
    expect(readDebtRecord(first?.body)?.reason).toBe("Ship for the @octo-org/sales demo <!-- intentbot:hack -->");
    expect(readPhasesState(w.parentBody).map((p) => [p.number, p.hack, p.debtIssueNumber])).toEqual([
      [1, true, 14],
      [2, false, undefined],
      // Forgotten; the next `/phase` plan gives it a debt issue of its own.
      [3, true, undefined],
    ]);
    expect(w.replies[0]).toContain("**Phase 1 is now a hack**; its rebuild debt is tracked in #14.");
  });
});

describe("/phase done, list", () => {
  it("/phase done N closes the phase's sub-issue and ticks its box", async () => {
    const probot = createTestApp(["phases"]);
    const w = world(PLANNED);

    await probot.receive(phaseComment("/phase done 2"));
    expect(w.github.writes()).toEqual([`PATCH ${path.issue(12)}`, `PATCH ${path.issue(PARENT)}`, `POST ${REPLY}`, `POST ${path.reactions}`]);
    expect(w.github.sent.find((s) => s.call === `PATCH ${path.issue(12)}`)?.body).toEqual({ state: "closed", state_reason: "completed" });
    expect(w.parentBody).toContain("- [x] #12 Phase 2: External invite — 2d");
    expect(w.parentBody).toContain(`[this comment](${COMMENT_URL})`);
    expect(w.replies[0]).toContain("**Phase 2 is done**; #12 is closed.\n\n**Total:** 2.5w (100h) · **Left:** 2.1w (84h) · 1 of 3 phases done");
    expect(w.reactions).toEqual(["rocket"]);
  });

  it("never closes an issue the checklist was edited to point at", async () => {
    const probot = createTestApp(["phases"]);
    const w = world(PLANNED);
    w.parentBody = w.parentBody.replace('"issueNumber":12', '"issueNumber":7');
    w.github.parents.delete(9012);
    w.github.addIssue({ number: 7, title: "Unrelated", user: { login: "pm", type: "User" } });

    await probot.receive(phaseComment("/phase done 2"));
    // #7 is read and found not to be the phase's issue: it is never written.
    expect(w.github.calls).toContain(`GET ${path.issue(7)}`);
    expect(w.github.writes()).toEqual([`PATCH ${path.issue(PARENT)}`, `POST ${REPLY}`, `POST ${path.reactions}`]);
    expect(w.parentBody).toContain("- [x] Phase 2: External invite — 2d");
    expect(w.replies[0]).toContain("**Phase 2 is done**.");
  });

  it("/phase list answers with the plan and changes nothing", async () => {
    const probot = createTestApp(["phases"]);
    const w = world(PLANNED);

    await probot.receive(phaseComment("/phase list"));
    expect(w.github.writes()).toEqual([`POST ${REPLY}`, `POST ${path.reactions}`]);
    expect(w.replies[0]).toContain("- Phase 2: External invite — 2d · #12\n");
    expect(w.replies[0]).toContain("```\n/phase\n1. Internal invite — 1.5w\n2. External invite — 2d\n3. Group invite — 3d\n```");
    expect(w.reactions).toEqual(["rocket"]);
  });

  it("rebuilds a broken checklist from the phase sub-issues instead of duplicating them", async () => {
    const probot = createTestApp(["phases"]);
    const w = world(PLANNED);
    w.parentBody = w.parentBody.replace('{"v":1,', '{"v":"broken",');

    await probot.receive(phaseComment("/phase\n1. Internal invite — 1.5w\n2. External invite — 2d\n3. Group invite"));
    expect(w.created).toEqual([]);
    expect(w.github.writes()).toEqual([`PATCH ${path.issue(PARENT)}`, `POST ${REPLY}`, `POST ${path.reactions}`]);
    expect(readPhasesState(w.parentBody).map((p) => [p.number, p.name, p.estimate?.text, p.issueNumber])).toEqual([
      [1, "Internal invite", "1.5w", 11],
      [2, "External invite", "2d", 12],
      [3, "Group invite", undefined, 13],
    ]);
    expect(w.replies[0]).toContain("it was rebuilt from this issue's phase sub-issues (phase 1, phase 2 and phase 3)");
  });

  it("refuses a plan the parent's description could not hold, before creating anything", async () => {
    const probot = createTestApp(["phases"]);
    const w = world([], `${PARENT_BODY}\n\n${"x".repeat(65_000)}`);

    await probot.receive(phaseComment(PLAN));
    expect(w.github.writes()).toEqual([`POST ${REPLY}`, `POST ${path.reactions}`]);
    expect(w.replies[0]).toContain("longer than GitHub's limit of 65,536 characters, so nothing was changed");
    expect(w.reactions).toEqual(["confused"]);
  });
});

describe("/phase without sub-issues (older GitHub Enterprise Server)", () => {
  it("creates plain issues linked from the checklist", async () => {
    const probot = createTestApp(["phases"]);
    const w = world();
    w.github.subIssuesApi = false;

    await probot.receive(phaseComment("/phase Internal invite | External invite"));
    expect(w.github.writes()).toEqual([`POST ${path.labels}`, `POST ${path.issues}`, `PATCH ${path.issue(PARENT)}`, `POST ${path.issues}`, `PATCH ${path.issue(PARENT)}`, `POST ${REPLY}`, `POST ${path.reactions}`]);
    expect(w.created.map((issue) => issue.title)).toEqual([`${PARENT_TITLE} — Phase 1: Internal invite`, `${PARENT_TITLE} — Phase 2: External invite`]);
    expect(w.parentBody).toContain("- [ ] #11 Phase 1: Internal invite\n- [ ] #12 Phase 2: External invite");
    expect(w.replies[0]).toContain("This GitHub has no sub-issues, so the phases are plain issues, linked from the checklist.");
  });

  it("finds its phase issues through the checklist, confirmed by each issue", async () => {
    const probot = createTestApp(["phases"]);
    const w = new PhaseRepository().seed(PLANNED, { linked: false });
    repository = w;
    w.github.subIssuesApi = false;

    await probot.receive(phaseComment("/phase done 1"));
    expect(w.github.writes()).toEqual([`PATCH ${path.issue(11)}`, `PATCH ${path.issue(PARENT)}`, `POST ${REPLY}`, `POST ${path.reactions}`]);
    expect(w.parentBody).toContain("- [x] #11 Phase 1: Internal invite — 1.5w");
  });
});
