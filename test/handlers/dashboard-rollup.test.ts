import type nock from "nock";
import { describe, expect, it } from "vitest";
import { debtRecordMarker, type DebtRecord } from "../../src/core/debt/record.js";
import { createTestApp } from "../helpers/app.js";
import { fakeClock } from "../helpers/clock.js";
import { BOT_LOGIN, github, mockBotIdentity, mockConfig, OWNER, recorder, REPO } from "../helpers/github.js";
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
function gatherMocks(scope: nock.Scope, dashboards: unknown[], orgConfig?: string | false) {
  if (orgConfig !== false) {
    const org = scope.get(`/repos/${OWNER}/.github/contents/.github%2Fintent.yml`);
    if (orgConfig) org.reply(200, orgConfig, { "content-type": "application/vnd.github.v3.raw; charset=utf-8" });
    else org.reply(404);
  }
  scope.get(`/repos/${OWNER}/${REPO}/issues`).query({ labels: "intent-dashboard", creator: BOT_LOGIN, state: "all", per_page: 100 }).reply(200, dashboards);
  scope.get("/search/issues").query(q('is:issue is:open label:"rebuild-debt"')).reply(200, { total_count: 1, items: [debtIssue] });
  scope.get("/search/issues").query(q('is:issue is:closed label:"rebuild-debt" closed:>=2026-08-25')).reply(200, { total_count: 0, items: [] });
  scope
    .get(`/repos/${OWNER}/${REPO}/commits`)
    .query({ path: "src/prices.ts", since: "2026-10-02T10:00:00Z", per_page: 100 })
    .reply(200, [
      { commit: { message: "Tweak prices (#20)", committer: { date: "2026-11-10T10:00:00Z" } } },
      { commit: { message: "Merge pull request #21 from x/y", committer: { date: "2026-11-20T12:00:00Z" } } },
      { commit: { message: "Hack (#12)", committer: { date: "2026-10-02T10:00:00Z" } } },
    ]);
  // Those PRs changed the hack's files in the window: one search for the repository's merged PRs (labels, times to merge, issues closed)…
  scope.get("/search/issues").query({ ...q("is:pr is:merged merged:>=2026-08-31"), sort: "updated", order: "desc" }).reply(200, MERGED);
  // …and, since one closes an issue, one for the bug issues closed in the window.
  scope
    .get("/search/issues")
    .query({ ...q('is:issue is:closed label:"bug" closed:>=2026-08-31'), sort: "updated", order: "desc" })
    .reply(200, { total_count: 1, items: [{ number: 7 }] });
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

/**
 * The organisation roll-up lives in another repository (the organisation's
 * `.github`), which the one-repository fake GitHub does not hold: these tests
 * pin each call with nock.
 */
describe("debt dashboard: the organisation roll-up", () => {
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
});
