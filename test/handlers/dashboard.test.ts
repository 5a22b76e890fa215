import type nock from "nock";
import { describe, expect, it, vi } from "vitest";
import { debtRecordMarker, type DebtRecord } from "../../src/core/debt/record.js";
import { createTestApp } from "../helpers/app.js";
import { fakeClock } from "../helpers/clock.js";
import { BOT_LOGIN, github, mockBotIdentity, mockConfig, OWNER, recorder, REPO, sentRequests, writes } from "../helpers/github.js";
import { delivery, payload } from "../fixtures/payloads.js";
import { sealed } from "../helpers/records.js";

const NOW = Date.parse("2026-11-23T12:00:00Z");
const CONFIG = "intent:\n  enabled: false\n";
const MARKER = "<!-- intentbot:dashboard -->";


const record: DebtRecord = {
  kind: "debt",
  version: 1,
  createdByApp: true,
  hackPrs: [{ number: 12, state: "merged", mergedAt: "2026-10-02T10:00:00Z", declared: true }],
  owner: "ana",
  estimate: { rebuild: "2w", rebuildHours: 80 },
  rebuildBy: "2026-11-01",
  files: ["src/prices.ts"],
  teams: [],
};
const REPOSITORY_URL = `https://api.github.com/repos/${OWNER}/${REPO}`;
const debtIssue = { number: 50, title: "Rebuild: prices", state: "open", user: { login: BOT_LOGIN }, repository_url: REPOSITORY_URL, body: sealed(`Rebuild\n${debtRecordMarker(record)}`) };

const MERGED = {
  total_count: 3,
  items: [
    { number: 20, created_at: "2026-11-07T10:00:00Z", labels: [{ name: "Bug" }], body: "", pull_request: { merged_at: "2026-11-10T10:00:00Z" } },
    { number: 21, created_at: "2026-11-19T12:00:00Z", labels: [], body: "Fixes #7", pull_request: { merged_at: "2026-11-20T12:00:00Z" } },
    { number: 30, created_at: "2026-11-02T00:00:00Z", labels: [], body: "", pull_request: { merged_at: "2026-11-02T12:00:00Z" } },
  ],
};

const q = (query: string) => ({ q: `repo:${OWNER}/${REPO} ${query}`, per_page: 100 });

/** The reads of one refresh: the dashboard lookup, three searches, the interest query, and the org's config (no roll-up). */
function gatherMocks(scope: nock.Scope, dashboards: unknown[], orgConfig?: string | false, debt: object = debtIssue, history?: [number, object], mergedSearch: [number, object] = [200, MERGED]) {
  if (orgConfig !== false) {
    const org = scope.get(`/repos/${OWNER}/.github/contents/.github%2Fintent.yml`);
    if (orgConfig) org.reply(200, orgConfig, { "content-type": "application/vnd.github.v3.raw; charset=utf-8" });
    else org.reply(404);
  }
  scope.get(`/repos/${OWNER}/${REPO}/issues`).query({ labels: "intent-dashboard", creator: BOT_LOGIN, state: "all", per_page: 100 }).reply(200, dashboards);
  scope.get("/search/issues").query(q('is:issue is:open label:"rebuild-debt"')).reply(200, { total_count: 1, items: [debt] });
  scope.get("/search/issues").query(q('is:issue is:closed label:"rebuild-debt" closed:>=2026-08-25')).reply(200, { total_count: 0, items: [] });
  scope
    .get(`/repos/${OWNER}/${REPO}/commits`)
    .query({ path: "src/prices.ts", since: "2026-10-02T10:00:00Z", per_page: 100 })
    .reply(
      ...(history ?? [
        200,
        [
          { commit: { message: "Tweak prices (#20)", committer: { date: "2026-11-10T10:00:00Z" } } },
          { commit: { message: "Merge pull request #21 from x/y", committer: { date: "2026-11-20T12:00:00Z" } } },
          { commit: { message: "Hack (#12)", committer: { date: "2026-10-02T10:00:00Z" } } },
        ],
      ]),
    );
  if (!history) {
    // Those PRs changed the hack's files in the window: one search for the repository's merged PRs (labels, times to merge, issues closed)…
    scope.get("/search/issues").query({ ...q("is:pr is:merged merged:>=2026-08-31"), sort: "updated", order: "desc" }).reply(...mergedSearch);
    // …and, since one closes an issue, one for the bug issues closed in the window.
    if (mergedSearch[0] === 200) {
      scope
        .get("/search/issues")
        .query({ ...q('is:issue is:closed label:"bug" closed:>=2026-08-31'), sort: "updated", order: "desc" })
        .reply(200, { total_count: 1, items: [{ number: 7 }] });
    }
  }
  // The record names no teams: they come from CODEOWNERS on the default branch.
  scope.get(`/repos/${OWNER}/${REPO}/contents/.github%2FCODEOWNERS`).reply(404);
  scope.get(`/repos/${OWNER}/${REPO}/contents/CODEOWNERS`).reply(200, "* @ana\n/src/ @octo-org/web\n", { "content-type": "application/vnd.github.v3.raw; charset=utf-8" });
  scope.get("/search/issues").query(q('is:pr is:merged label:"hack"')).reply(200, {
    total_count: 2,
    items: [
      { number: 12, title: "[hack] prices", state: "closed", user: { login: "ana" }, pull_request: { merged_at: "2026-10-02T10:00:00Z" } },
      { number: 33, title: "quick fix", state: "closed", user: { login: "bo" }, pull_request: { merged_at: "2026-11-01T10:00:00Z" } },
    ],
  });
}

const labeled = () => payload("issues.labeled", { issue: { number: 50, labels: [{ name: "rebuild-debt" }], user: { login: BOT_LOGIN, type: "Bot" } }, label: { name: "rebuild-debt" } });

describe("debt dashboard", () => {
  it("is created with the first debt, labelled and pinned", async () => {
    const time = fakeClock(NOW);
    const probot = createTestApp(["dashboard"], { clock: time.clock });
    const created = recorder<{ title: string; body: string; labels: string[] }>();
    const pin = recorder<{ variables: { id: string } }>();
    const scope = github();
    mockConfig(scope, CONFIG);
    mockBotIdentity(scope);
    gatherMocks(scope, []);
    scope.post(`/repos/${OWNER}/${REPO}/labels`).reply(201, {});
    scope.post(`/repos/${OWNER}/${REPO}/issues`, created.match).reply(201, { number: 99, node_id: "I_99" });
    scope.post("/graphql", pin.match).reply(200, { data: { pinIssue: { issue: { number: 99 } } } });

    await probot.receive(delivery("issues.labeled", labeled()));

    const issue = created.bodies[0];
    expect(issue).toMatchObject({ title: "Hack-to-rebuild debt dashboard", labels: ["intent-dashboard"] });
    expect(issue?.body.startsWith(MARKER)).toBe(true);
    // Weekly cost = (2 changes × 2h + 2 bug fixes × 4h) ÷ 7.4 weeks since it shipped; payback = 80h ÷ 1.6h/w.
    expect(issue?.body).toContain("| #50 Rebuild: prices | #12 | 2026-10-02 | 52 d | @\u200bana | `@octo-org/web` | 2w | by 2026-11-01 ⚠️ **overdue** | 2 | 2 · 2 in 7.4w | 1.6h/w | 49.6w | 2 d vs 0.5 d |");
    expect(issue?.body).toContain("| Weekly cost of carrying the outstanding debt | 1.6h/w |\n| Best return | #50 pays back in 49.6w |");
    expect(issue?.body).toContain("| Hacks merged without a debt issue | 1 |");
    expect(issue?.body).toContain("- #33 quick fix — merged 2026-11-01");
    expect(pin.bodies[0]?.variables).toEqual({ id: "I_99" });
  });

  it("an item whose history cannot be read shows its interest as unknown; the rest is still written", async () => {
    const time = fakeClock(NOW);
    const probot = createTestApp(["dashboard"], { clock: time.clock });
    const created = recorder<{ body: string }>();
    const scope = github();
    mockConfig(scope, CONFIG);
    mockBotIdentity(scope);
    // An empty repository answers 409 to a commits query.
    gatherMocks(scope, [], undefined, debtIssue, [409, { message: "Git Repository is empty." }]);
    scope.post(`/repos/${OWNER}/${REPO}/labels`).reply(201, {});
    scope.post(`/repos/${OWNER}/${REPO}/issues`, created.match).reply(201, { number: 99, node_id: "I_99" });
    scope.post("/graphql").reply(200, { data: {} });

    await probot.receive(delivery("issues.labeled", labeled()));

    expect(created.bodies[0]?.body).toContain("| #50 Rebuild: prices | #12 | 2026-10-02 | 52 d | @\u200bana | `@octo-org/web` | 2w | by 2026-11-01 ⚠️ **overdue** | ? | ? | ? | ? | ? |");
    expect(created.bodies[0]?.body).toContain("| Weekly cost of carrying the outstanding debt | 0h/w (1 item(s) unknown) |");
    expect(created.bodies[0]?.body).toContain("| Interest (PRs that changed hacked files since they shipped) | 0 (1 item(s) unknown: their history could not be read) |");
  });

  it("when the repository's merged PRs cannot be read, friction and bug fixes show as unknown and the cost counts the changes alone", async () => {
    const time = fakeClock(NOW);
    const probot = createTestApp(["dashboard"], { clock: time.clock });
    const created = recorder<{ body: string }>();
    const scope = github();
    mockConfig(scope, CONFIG);
    mockBotIdentity(scope);
    gatherMocks(scope, [], undefined, debtIssue, undefined, [422, { message: "Validation Failed" }]);
    scope.post(`/repos/${OWNER}/${REPO}/labels`).reply(201, {});
    scope.post(`/repos/${OWNER}/${REPO}/issues`, created.match).reply(201, { number: 99, node_id: "I_99" });
    scope.post("/graphql").reply(200, { data: {} });

    await probot.receive(delivery("issues.labeled", labeled()));

    // 2 changes × 2h ÷ 7.4 weeks = 0.5h/w; 80h ÷ 0.54h/w = 148.8w.
    expect(created.bodies[0]?.body).toContain("| 2w | by 2026-11-01 ⚠️ **overdue** | 2 | 2 · ? in 7.4w | 0.5h/w | 148.8w | ? |");
  });

  it("updates the dashboard, and does not edit it when nothing changed", async () => {
    const time = fakeClock(NOW);
    const probot = createTestApp(["dashboard"], { clock: time.clock });
    const update = recorder<{ body: string }>();
    const scope = github();
    mockConfig(scope, CONFIG);
    mockBotIdentity(scope);
    const dashboard = { number: 99, node_id: "I_99", state: "open" as const, user: { login: BOT_LOGIN }, labels: [{ name: "intent-dashboard" }], body: `${MARKER}\nold` };
    gatherMocks(scope, [dashboard]);
    scope.get(`/repos/${OWNER}/${REPO}/issues/99`).reply(200, { ...dashboard });
    scope.patch(`/repos/${OWNER}/${REPO}/issues/99`, update.match).reply(200, {});
    await probot.receive(delivery("issues.labeled", labeled()));
    expect(update.bodies[0]?.body).toContain("| #50 Rebuild: prices |");

    // A minute later, the same facts: the body is read, found equal, and left alone.
    time.advance(60_000);
    mockConfig(scope, CONFIG);
    const written = sealed(update.bodies[0]?.body ?? "");
    gatherMocks(scope, [{ ...dashboard, body: written }]);
    scope.get(`/repos/${OWNER}/${REPO}/issues/99`).reply(200, { ...dashboard, body: written });
    const sent = sentRequests(scope);
    await probot.receive(delivery("issues.labeled", labeled()));
    expect(update.bodies).toHaveLength(1);
    expect(writes(sent)).toEqual([]);
  });

  it("coalesces a burst of events into one trailing refresh a minute after the first", async () => {
    const time = fakeClock(NOW);
    const probot = createTestApp(["dashboard"], { clock: time.clock });
    const created = recorder();
    const scope = github();
    mockConfig(scope, CONFIG);
    mockBotIdentity(scope);
    gatherMocks(scope, []);
    scope.post(`/repos/${OWNER}/${REPO}/labels`).reply(201, {});
    scope.post(`/repos/${OWNER}/${REPO}/issues`, created.match).reply(201, { number: 99, node_id: "I_99" });
    scope.post("/graphql").reply(200, { data: {} });
    await probot.receive(delivery("issues.labeled", labeled()));

    // Three more events within the minute: config reads only, no refresh yet.
    for (let i = 0; i < 3; i++) {
      time.advance(5_000);
      mockConfig(scope, CONFIG);
      await probot.receive(delivery("issues.labeled", labeled()));
    }
    expect(time.timers).toHaveLength(1);

    const update = recorder<{ body: string }>();
    const dashboard = { number: 99, node_id: "I_99", state: "open", user: { login: BOT_LOGIN }, body: `${MARKER}\nold` };
    gatherMocks(scope, [dashboard]);
    scope.get(`/repos/${OWNER}/${REPO}/issues/99`).reply(200, dashboard);
    scope.patch(`/repos/${OWNER}/${REPO}/issues/99`, update.match).reply(200, {});
    time.advance(45_000);
    // The trailing refresh runs on its own, after the timer: wait until it has made every call.
    await vi.waitFor(() => expect(scope.pendingMocks()).toEqual([]), { timeout: 5_000 });
    expect(update.bodies).toHaveLength(1);
    expect(created.bodies).toHaveLength(1);
  });

  it("a ticked box runs its action (a reminder on each overdue item) and is reset", async () => {
    const time = fakeClock(NOW);
    const probot = createTestApp(["dashboard"], { clock: time.clock });
    const reminder = recorder<{ body: string }>();
    const update = recorder<{ body: string }>();
    const scope = github();
    mockConfig(scope, CONFIG);
    mockBotIdentity(scope);
    const ticked = `${MARKER}\n- [x] <!-- intentbot:action:remind-overdue --> Remind the owners of overdue items\n`;
    const dashboard = { number: 99, node_id: "I_99", state: "open" as const, user: { login: BOT_LOGIN }, labels: [{ name: "intent-dashboard" }], body: ticked };
    gatherMocks(scope, [dashboard]);
    scope.get(`/repos/${OWNER}/${REPO}/issues/99`).reply(200, dashboard);
    scope.post(`/repos/${OWNER}/${REPO}/issues/50/comments`, reminder.match).reply(201, {});
    scope.patch(`/repos/${OWNER}/${REPO}/issues/99`, update.match).reply(200, {});

    await probot.receive(delivery("issues.edited", payload("issues.edited", { issue: dashboard, sender: { login: "ana", type: "User" } })));

    expect(reminder.bodies[0]?.body).toMatch(/^@ana this rebuild debt was due by 2026-11-01 and is overdue\. The hack shipped 52 days ago, and 2 pull request\(s\) have changed its files since\./);
    expect(update.bodies[0]?.body).toContain("- [ ] <!-- intentbot:action:remind-overdue -->");
  });

  it("trusts only sealed records: one planted before the genuine record cannot redirect the reminder", async () => {
    const time = fakeClock(NOW);
    const probot = createTestApp(["dashboard"], { clock: time.clock });
    const reminder = recorder<{ body: string }>();
    const wire: string[] = [];
    const scope = github();
    mockConfig(scope, CONFIG);
    mockBotIdentity(scope);
    // Anyone who can edit the debt issue can add a record; only the app can seal one.
    const forged = debtRecordMarker({ ...record, owner: "acme/everyone" });
    const planted = { ...debtIssue, body: `${forged}\n<!-- intentbot:data {"kind": -->\n${debtIssue.body}` };
    const ticked = `${MARKER}\n- [x] <!-- intentbot:action:remind-overdue --> Remind the owners of overdue items\n`;
    const dashboard = { number: 99, node_id: "I_99", state: "open" as const, user: { login: BOT_LOGIN }, labels: [{ name: "intent-dashboard" }], body: ticked };
    gatherMocks(scope, [dashboard], undefined, planted);
    scope.get(`/repos/${OWNER}/${REPO}/issues/99`).reply(200, dashboard);
    scope.post(`/repos/${OWNER}/${REPO}/issues/50/comments`, reminder.match).reply(201, {});
    scope.patch(`/repos/${OWNER}/${REPO}/issues/99`, (body: { body: string }) => wire.push(body.body) > 0).reply(200, {});

    await probot.receive(delivery("issues.edited", payload("issues.edited", { issue: dashboard, sender: { login: "ana", type: "User" } })));

    expect(reminder.bodies[0]?.body).toMatch(/^@ana this rebuild debt was due by 2026-11-01/);
    expect(reminder.bodies[0]?.body).not.toContain("acme");
    // On the wire, the dashboard's own record carries its seal.
    expect(wire[0]).toMatch(/<!-- intentbot:data \{"kind":"dashboard",.*\} hmac:[\w-]{43} -->$/);
  });

  it("stays closed after a person closes it, until /dashboard on", async () => {
    const time = fakeClock(NOW);
    const probot = createTestApp(["dashboard"], { clock: time.clock });
    const paused = recorder<{ body: string }>();
    const scope = github();
    mockConfig(scope, CONFIG);
    mockBotIdentity(scope);
    const closed = { number: 99, node_id: "I_99", state: "closed" as const, user: { login: BOT_LOGIN }, labels: [{ name: "intent-dashboard" }], body: sealed(`${MARKER}\nbody\n<!-- intentbot:data {"kind":"dashboard","history":[]} -->`) };
    scope.get(`/repos/${OWNER}/${REPO}/issues`).query({ labels: "intent-dashboard", creator: BOT_LOGIN, state: "all", per_page: 100 }).reply(200, [closed]);
    scope.patch(`/repos/${OWNER}/${REPO}/issues/99`, paused.match).reply(200, {});
    await probot.receive(delivery("issues.closed", payload("issues.closed", { issue: closed, sender: { login: "ana", type: "User" } } as never)));
    expect(paused.bodies[0]?.body).toContain('<!-- intentbot:data {"kind":"dashboard","history":[],"pausedConfig":');
    const pausedBody = sealed(paused.bodies[0]?.body ?? "");

    // A debt event later: the dashboard is found closed and paused, and left alone.
    time.advance(120_000);
    mockConfig(scope, CONFIG);
    scope.get(`/repos/${OWNER}/${REPO}/issues`).query({ labels: "intent-dashboard", creator: BOT_LOGIN, state: "all", per_page: 100 }).reply(200, [{ ...closed, body: pausedBody }]);
    await probot.receive(delivery("issues.labeled", labeled()));

    // /dashboard on by a maintainer reopens and refreshes it.
    const reopened = recorder<{ state?: string; body?: string }>();
    mockConfig(scope, CONFIG);
    scope.get(`/repos/${OWNER}/${REPO}/collaborators/ana/permission`).reply(200, { permission: "write", role_name: "write" });
    gatherMocks(scope, [{ ...closed, body: pausedBody }]);
    scope.patch(`/repos/${OWNER}/${REPO}/issues/99`, reopened.match).twice().reply(200, {});
    scope.get(`/repos/${OWNER}/${REPO}/issues/99`).reply(200, { ...closed, state: "open", body: pausedBody });
    scope.post(`/repos/${OWNER}/${REPO}/issues/comments/7/reactions`, (b: { content: string }) => b.content === "rocket").reply(201, {});
    await probot.receive(
      delivery("issue_comment.created", payload("issue_comment.created", { issue: { ...closed, pull_request: undefined }, comment: { id: 7, body: "/dashboard on", user: { login: "ana", type: "User" } }, sender: { login: "ana", type: "User" } })),
    );
    expect(reopened.bodies[0]).toEqual({ state: "open" });
    expect(reopened.bodies[1]?.body).toContain("| #50 Rebuild: prices |");
  });

  it("keeps this repository's row in the organisation roll-up when the org enables it", async () => {
    const time = fakeClock(NOW);
    const probot = createTestApp(["dashboard"], { clock: time.clock });
    const rollup = recorder<{ body: string }>();
    const scope = github();
    mockConfig(scope, CONFIG);
    mockBotIdentity(scope);
    const dashboard = { number: 99, node_id: "I_99", state: "open" as const, user: { login: BOT_LOGIN }, labels: [{ name: "intent-dashboard" }], body: `${MARKER}\nold` };
    gatherMocks(scope, [dashboard], "dashboard:\n  org:\n    enabled: true\n");
    scope.get(`/repos/${OWNER}/${REPO}/issues/99`).reply(200, dashboard);
    scope.patch(`/repos/${OWNER}/${REPO}/issues/99`).reply(200, {});
    const existing = sealed(`<!-- intentbot:dashboard-org -->\n<!-- intentbot:data {"kind":"dashboard-org","repos":{"octo-org/api":{"outstanding":5,"overdue":0,"interest":2,"history":[]}}} -->`, `${OWNER}/.github`);
    scope
      .get(`/repos/${OWNER}/.github/issues`)
      .query({ labels: "intent-dashboard", creator: BOT_LOGIN, state: "all", per_page: 100 })
      .reply(200, [{ number: 4, node_id: "I_4", state: "open", user: { login: BOT_LOGIN }, body: existing }]);
    scope.patch(`/repos/${OWNER}/.github/issues/4`, rollup.match).reply(200, {});

    await probot.receive(delivery("issues.labeled", labeled()));
    expect(rollup.bodies[0]?.body).toContain("| octo-org/api | 5 | 0 | 2 |  |\n| octo-org/widgets | 1 | 1 | 2 | █ |\n| **All 2 repositories** | **6** | **1** | **4** | |");
  });

  it("/dashboard refresh on the roll-up refreshes every repository of the installation and rewrites all rows", async () => {
    const probot = createTestApp(["dashboard"], { clock: fakeClock(NOW).clock });
    const rollup = recorder<{ body: string }>();
    const scope = github();
    const ORG_CONFIG = "dashboard:\n  org:\n    enabled: true\n";
    scope.get(`/repos/${OWNER}/.github/contents/.github%2Fintent.yml`).twice().reply(200, ORG_CONFIG, { "content-type": "application/vnd.github.v3.raw; charset=utf-8" });
    mockBotIdentity(scope);
    scope.get(`/repos/${OWNER}/.github/collaborators/ana/permission`).reply(200, { permission: "admin", role_name: "admin" });
    scope.get("/installation/repositories").query({ per_page: 100 }).reply(200, {
      total_count: 2,
      repositories: [
        { name: REPO, owner: { login: OWNER }, archived: false },
        { name: "attic", owner: { login: OWNER }, archived: true },
      ],
    });
    mockConfig(scope, CONFIG);
    const dashboard = { number: 99, node_id: "I_99", state: "open" as const, user: { login: BOT_LOGIN }, labels: [{ name: "intent-dashboard" }], body: `${MARKER}\nold` };
    gatherMocks(scope, [dashboard], false);
    scope.get(`/repos/${OWNER}/${REPO}/issues/99`).reply(200, dashboard);
    scope.patch(`/repos/${OWNER}/${REPO}/issues/99`).reply(200, {});
    const stale = sealed(`<!-- intentbot:dashboard-org -->\n<!-- intentbot:data {"kind":"dashboard-org","repos":{"octo-org/gone":{"outstanding":9,"overdue":9,"interest":9,"history":[]}}} -->`, `${OWNER}/.github`);
    const rollupIssue = { number: 4, node_id: "I_4", state: "open" as const, user: { login: BOT_LOGIN }, labels: [{ name: "intent-dashboard" }], body: stale };
    scope.get(`/repos/${OWNER}/.github/issues`).query({ labels: "intent-dashboard", creator: BOT_LOGIN, state: "all", per_page: 100 }).reply(200, [rollupIssue]);
    scope.patch(`/repos/${OWNER}/.github/issues/4`, rollup.match).reply(200, {});
    scope.post(`/repos/${OWNER}/.github/issues/comments/8/reactions`, { content: "rocket" }).reply(201, {});

    const event = payload("issue_comment.created", {
      repository: { name: ".github", full_name: `${OWNER}/.github` },
      issue: { ...rollupIssue, pull_request: undefined },
      comment: { id: 8, body: "/dashboard refresh", user: { login: "ana", type: "User" } },
      sender: { login: "ana", type: "User" },
    });
    await probot.receive(delivery("issue_comment.created", event));
    expect(rollup.bodies[0]?.body).toContain("| octo-org/widgets | 1 | 1 | 2 | █ |\n| **All 1 repositories** | **1** | **1** | **2** | |");
    expect(rollup.bodies[0]?.body).not.toContain("octo-org/gone");
  });

  it("refuses /dashboard from someone without the permission", async () => {
    const probot = createTestApp(["dashboard"], { clock: fakeClock(NOW).clock });
    const reply = recorder<{ body: string }>();
    const scope = github();
    mockConfig(scope, CONFIG);
    mockBotIdentity(scope);
    scope.get(`/repos/${OWNER}/${REPO}/collaborators/eve/permission`).reply(200, { permission: "read", role_name: "read" });
    scope.get(`/repos/${OWNER}/${REPO}/issues/99/comments`).query({ per_page: 100 }).reply(200, []);
    scope.post(`/repos/${OWNER}/${REPO}/issues/99/comments`, reply.match).reply(201, {});
    scope.post(`/repos/${OWNER}/${REPO}/issues/comments/7/reactions`, { content: "confused" }).reply(201, {});
    const dashboard = { number: 99, state: "open" as const, user: { login: BOT_LOGIN }, labels: [{ name: "intent-dashboard" }], body: `${MARKER}\n` };
    await probot.receive(delivery("issue_comment.created", payload("issue_comment.created", { issue: dashboard, comment: { id: 7, body: "/dashboard refresh", user: { login: "eve", type: "User" } }, sender: { login: "eve", type: "User" } })));
    expect(reply.bodies[0]?.body).toContain("Sorry eve, `/dashboard` needs at least **triage** access to this repository (`dashboard.permission` in `.github/intent.yml`), so nothing was done.");
  });
});
