import { afterEach, describe, expect, it, vi } from "vitest";
import { debtRecordMarker, readDebtRecord } from "../../src/core/debt/record.js";
import { delivery, payload } from "../fixtures/payloads.js";
import { closeTestApps, createTestApp } from "../helpers/app.js";
import { fakeClock } from "../helpers/clock.js";
import { ROI_NOW, threeHacks } from "../helpers/debt-roi.js";
import { FakeGitHub, type FakeIssue } from "../helpers/fake-github.js";
import { BOT_LOGIN, OWNER, REPO } from "../helpers/github.js";
import { opened, sealed } from "../helpers/records.js";

const CONFIG = "intent:\n  enabled: false\n";
const MARKER = "<!-- intentbot:dashboard -->";
const PATH = `/repos/${OWNER}/${REPO}`;
const DASHBOARD = 99;
const REMIND = "- [x] <!-- intentbot:action:remind-overdue --> Remind the owners of overdue items";

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await closeTestApps();
  fake?.stop();
});

/**
 * The repository of `threeHacks` (#52 overdue since 2026-11-01, owned by
 * ana), with one hack merged without a debt issue, in the stateful fake
 * GitHub, and the dashboard app on a clock the test moves.
 */
function repository() {
  const github = new FakeGitHub();
  fake = github;
  github.config = CONFIG;
  threeHacks(github);
  github.addPullRequest({ number: 33, title: "quick fix", state: "closed", merged: true, closed_at: "2026-11-01T10:00:00Z", pull_request: { merged_at: "2026-11-01T10:00:00Z" }, labels: [{ name: "hack" }] });
  github.start();
  const time = fakeClock(ROI_NOW);
  const probot = createTestApp(["dashboard"], { clock: time.clock });
  return { github, time, probot };
}

/** A dashboard the app wrote earlier, its body as GitHub holds it (records sealed). */
function dashboardIssue(github: FakeGitHub, body: string, state: "open" | "closed" = "open"): FakeIssue {
  return github.addIssue({ number: DASHBOARD, title: "Hack-to-rebuild debt dashboard", body: sealed(body), state, labels: [{ name: "intent-dashboard" }], user: { login: BOT_LOGIN, type: "Bot" } });
}

const labeled = () =>
  delivery("issues.labeled", payload("issues.labeled", { issue: { number: 50, labels: [{ name: "rebuild-debt" }], user: { login: BOT_LOGIN, type: "Bot" } }, label: { name: "rebuild-debt" } }));

/** A person's event on the dashboard issue, as it is in the fake. */
function onDashboard(github: FakeGitHub, event: "issues.edited" | "issues.closed") {
  const issue = github.issues.get(DASHBOARD);
  return delivery(event, payload(event, { issue: { ...issue, pull_request: undefined }, sender: { login: "ana", type: "User" } } as never));
}

function command(github: FakeGitHub, body: string, login = "ana") {
  const issue = github.issues.get(DASHBOARD);
  return delivery(
    "issue_comment.created",
    payload("issue_comment.created", { issue: { ...issue, pull_request: undefined }, comment: { id: 7, body, user: { login, type: "User" } }, sender: { login, type: "User" } } as never),
  );
}

const bodyOf = (github: FakeGitHub, number = DASHBOARD) => opened(github.issues.get(number)?.body ?? "");
const debtRow = (body: string, issue: number) => body.split("\n").find((line) => line.startsWith(`| #${issue} `));

describe("debt dashboard", () => {
  it("is created with the first debt, labelled and pinned", async () => {
    const { github, probot } = repository();
    await probot.receive(labeled());

    expect(github.writes()).toEqual([`POST ${PATH}/labels`, `POST ${PATH}/issues`]);
    const [created] = [...github.issues.values()].filter((issue) => issue.labels.some((l) => l.name === "intent-dashboard"));
    expect(created).toMatchObject({ title: "Hack-to-rebuild debt dashboard", user: { login: BOT_LOGIN } });
    expect(github.pinned).toEqual([created?.number]);
    const body = bodyOf(github, created?.number);
    expect(body.startsWith(MARKER)).toBe(true);
    expect(debtRow(body, 50)).toBe("| #50 Rebuild: prices | #12 | 2026-10-02 | 52 d | @\u200bana | `@acme/web` | 2w |  | 2 | 2 · 2 in 7.4w | 1.6h/w | 49.6w | 2 d vs 1 d |");
    expect(body).toContain("| Hacks merged without a debt issue | 1 |");
    expect(body).toContain("- #33 quick fix — merged 2026-11-01");
    expect(github.unknown).toEqual([]);
  });

  it("an item whose history cannot be read shows its interest as unknown; the rest is still written", async () => {
    const { github, probot } = repository();
    // An empty repository answers 409 to a commits query.
    github.failures.push({ matches: (method, path) => method === "GET" && path === `${PATH}/commits`, reply: [409, { message: "Git Repository is empty." }] });
    await probot.receive(labeled());

    const body = bodyOf(github, 101);
    expect(debtRow(body, 50)).toBe("| #50 Rebuild: prices | #12 | 2026-10-02 | 52 d | @\u200bana | `@acme/web` | 2w |  | ? | ? | ? | ? | ? |");
    expect(body).toContain("| Weekly cost of carrying the outstanding debt | 0h/w (3 item(s) unknown) |");
    expect(body).toContain("| Interest (PRs that changed hacked files since they shipped) | 0 (3 item(s) unknown: their history could not be read) |");
  });

  it("when the repository's merged PRs cannot be read, friction and bug fixes show as unknown and the cost counts the changes alone", async () => {
    const { github, probot } = repository();
    github.failures.push({ matches: (_, path, query) => path === "/search/issues" && (query.get("q") ?? "").includes("merged:>="), reply: [422, { message: "Validation Failed" }] });
    await probot.receive(labeled());

    // 2 changes × 2h ÷ 7.4 weeks = 0.5h/w; 80h ÷ 0.54h/w = 148.8w.
    expect(debtRow(bodyOf(github, 101), 50)).toContain("| 2w |  | 2 | 2 · ? in 7.4w | 0.5h/w | 148.8w | ? |");
  });

  it("updates the dashboard, and does not edit it when nothing changed", async () => {
    const { github, time, probot } = repository();
    dashboardIssue(github, `${MARKER}\nold`);
    await probot.receive(labeled());
    expect(github.writes()).toEqual([`PATCH ${PATH}/issues/${DASHBOARD}`]);
    expect(debtRow(bodyOf(github), 50)).toContain("| #50 Rebuild: prices |");

    // A minute later, the same facts: the body is read, found equal, and left alone.
    time.advance(60_000);
    github.calls.length = 0;
    await probot.receive(labeled());
    expect(github.calls).toContain(`GET ${PATH}/issues/${DASHBOARD}`);
    expect(github.writes()).toEqual([]);
  });

  it("coalesces a burst of events into one trailing refresh a minute after the first", async () => {
    const { github, time, probot } = repository();
    dashboardIssue(github, `${MARKER}\nold`);
    await probot.receive(labeled());
    expect(github.writes()).toEqual([`PATCH ${PATH}/issues/${DASHBOARD}`]);

    // Three more events within the minute, while a debt is repaid: no refresh yet.
    const debt = github.issues.get(51);
    if (debt) Object.assign(debt, { state: "closed", state_reason: "completed", closed_at: "2026-11-23T12:00:00Z" });
    for (let i = 0; i < 3; i++) {
      time.advance(5_000);
      await probot.receive(labeled());
    }
    expect(github.writes()).toHaveLength(1);
    expect(time.timers).toHaveLength(1);

    time.advance(45_000);
    // The trailing refresh runs on its own, after the timer.
    await vi.waitFor(() => expect(github.writes()).toHaveLength(2), { timeout: 5_000 });
    expect(bodyOf(github)).toContain("- #51 Rebuild: invites — repaid 2026-11-23");
  });

  it("a ticked box runs its action (a reminder on each overdue item) and is reset", async () => {
    const { github, probot } = repository();
    dashboardIssue(github, `${MARKER}\n${REMIND}\n`);
    await probot.receive(onDashboard(github, "issues.edited"));

    expect(github.writes()).toEqual([`POST ${PATH}/issues/52/comments`, `PATCH ${PATH}/issues/${DASHBOARD}`]);
    const [reminder] = github.comments;
    expect(reminder?.body).toBe(
      "@ana this rebuild debt was due by 2026-11-01 and is overdue. The hack shipped 175 days ago, and 1 pull request(s) have changed its files since. Please plan the rebuild or set a new `Rebuild by:` date. (Reminder from the debt dashboard, #99.)",
    );
    expect(bodyOf(github)).toContain("- [ ] <!-- intentbot:action:remind-overdue -->");
  });

  it("trusts only sealed records: one planted before the genuine record cannot redirect the reminder", async () => {
    const { github, probot } = repository();
    const debt = github.issues.get(52);
    const genuine = readDebtRecord(opened(debt?.body ?? ""));
    // Anyone who can edit the debt issue can add a record; only the app can seal one.
    if (debt && genuine) debt.body = `${debtRecordMarker({ ...genuine, owner: "acme/everyone" })}\n<!-- intentbot:data {"kind": -->\n${debt.body}`;
    dashboardIssue(github, `${MARKER}\n${REMIND}\n`);
    await probot.receive(onDashboard(github, "issues.edited"));

    expect(github.comments.map((c) => c.body.slice(0, 45))).toEqual(["@ana this rebuild debt was due by 2026-11-01 "]);
    // On the wire, the dashboard's own record carries its seal.
    expect(github.issues.get(DASHBOARD)?.body).toMatch(/<!-- intentbot:data \{"kind":"dashboard",.*\} hmac:[\w-]{43} -->$/);
  });

  it("stays closed after a person closes it, until /dashboard on", async () => {
    const { github, time, probot } = repository();
    dashboardIssue(github, `${MARKER}\nbody\n<!-- intentbot:data {"kind":"dashboard","history":[]} -->`, "closed");
    await probot.receive(onDashboard(github, "issues.closed"));
    expect(github.writes()).toEqual([`PATCH ${PATH}/issues/${DASHBOARD}`]);
    // Only its record changed: it notes the settings it was closed under.
    expect(bodyOf(github)).toBe(`${MARKER}\nbody\n<!-- intentbot:data {"kind":"dashboard","history":[],"pausedConfig":"{\\"enabled\\":true,\\"title\\":\\"Hack-to-rebuild debt dashboard\\",\\"label\\":\\"intent-dashboard\\"}"} -->`);

    // A debt event later: the dashboard is found closed and paused, and left alone.
    time.advance(120_000);
    github.calls.length = 0;
    await probot.receive(labeled());
    expect(github.writes()).toEqual([]);

    // /dashboard on by a maintainer reopens and refreshes it.
    github.permissions.set("ana", "write");
    await probot.receive(command(github, "/dashboard on"));
    expect(github.writes()).toEqual([`PATCH ${PATH}/issues/${DASHBOARD}`, `PATCH ${PATH}/issues/${DASHBOARD}`, `POST ${PATH}/issues/comments/7/reactions`]);
    expect(github.issues.get(DASHBOARD)?.state).toBe("open");
    expect(debtRow(bodyOf(github), 50)).toContain("| #50 Rebuild: prices |");
    expect(github.reactions.map((r) => r.content)).toEqual(["rocket"]);
  });

  it("refuses /dashboard from someone without the permission", async () => {
    const { github, probot } = repository();
    dashboardIssue(github, `${MARKER}\n`);
    github.permissions.set("eve", "read");
    await probot.receive(command(github, "/dashboard refresh", "eve"));

    expect(github.writes()).toEqual([`POST ${PATH}/issues/${DASHBOARD}/comments`, `POST ${PATH}/issues/comments/7/reactions`]);
    expect(github.comments[0]?.body).toContain("Sorry eve, `/dashboard` needs at least **triage** access to this repository (`dashboard.permission` in `.github/intent.yml`), so nothing was done.");
    expect(github.reactions.map((r) => r.content)).toEqual(["confused"]);
  });
});
