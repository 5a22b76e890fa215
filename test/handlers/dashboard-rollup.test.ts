import { afterEach, describe, expect, it } from "vitest";
import { debtRecordMarker, type DebtRecord } from "../../src/core/debt/record.js";
import { closeTestApps, createTestApp } from "../helpers/app.js";
import { fakeClock } from "../helpers/clock.js";
import { FakeGitHub, type FakeIssue } from "../helpers/fake-github.js";
import { BOT_LOGIN, OWNER, REPO } from "../helpers/github.js";
import { delivery, payload } from "../fixtures/payloads.js";
import { opened, sealed } from "../helpers/records.js";

const NOW = Date.parse("2026-11-23T12:00:00Z");
const CONFIG = "intent:\n  enabled: false\n";
const ORG_CONFIG = "dashboard:\n  org:\n    enabled: true\n";
const MARKER = "<!-- intentbot:dashboard -->";
const ORG_REPO = `${OWNER}/.github`;
const PATH = `/repos/${OWNER}/${REPO}`;
const ORG_PATH = `/repos/${ORG_REPO}`;
const BOT = { login: BOT_LOGIN, type: "Bot" as const };

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

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await closeTestApps();
  fake?.stop();
});

/**
 * The organisation on the fake GitHub: `widgets` holds one outstanding,
 * overdue debt issue (#50, of hack #12 merged 2026-10-02) whose file two PRs
 * changed since (its interest), and its dashboard (#99); the organisation's
 * `.github` holds the org config and the roll-up (#4) with `rollupBody`.
 */
function organisation(rollupBody: string): { github: FakeGitHub; org: FakeGitHub } {
  const github = new FakeGitHub();
  fake = github;
  github.config = CONFIG;
  // Search results carry their repository, which the app checks an item belongs to.
  github.addIssue({ number: 50, title: "Rebuild: prices", repository_url: `https://api.github.com${PATH}`, user: BOT, labels: [{ name: "rebuild-debt" }], body: sealed(`Rebuild\n${debtRecordMarker(record)}`) });
  github.addIssue({ number: 99, title: "Hack-to-rebuild debt dashboard", user: BOT, labels: [{ name: "intent-dashboard" }], body: sealed(`${MARKER}\nold`) });
  const merged = (number: number, title: string, mergedAt: string, patch: Partial<FakeIssue> = {}) =>
    github.addPullRequest({ number, title, state: "closed", merged: true, closed_at: mergedAt, pull_request: { merged_at: mergedAt }, ...patch });
  // The hacks merged (#12 with its debt issue, #33 without)…
  merged(12, "[hack] prices", "2026-10-02T10:00:00Z", { labels: [{ name: "hack" }], user: { login: "ana", type: "User" } });
  merged(33, "quick fix", "2026-11-01T10:00:00Z", { labels: [{ name: "hack" }], user: { login: "bo", type: "User" } });
  // …and the PRs that changed the hack's file since: one fixes bug #7.
  merged(20, "Tweak prices", "2026-11-10T10:00:00Z", { created_at: "2026-11-07T10:00:00Z", labels: [{ name: "Bug" }] });
  merged(21, "Price rounding", "2026-11-20T12:00:00Z", { created_at: "2026-11-19T12:00:00Z", body: "Fixes #7" });
  merged(30, "Docs", "2026-11-02T12:00:00Z", { created_at: "2026-11-02T00:00:00Z" });
  github.addIssue({ number: 7, title: "Wrong price", state: "closed", closed_at: "2026-11-20T12:00:00Z", labels: [{ name: "bug" }] });
  github.commits.push(
    { paths: ["src/prices.ts"], message: "Tweak prices (#20)", date: "2026-11-10T10:00:00Z" },
    { paths: ["src/prices.ts"], message: "Merge pull request #21 from x/y", date: "2026-11-20T12:00:00Z" },
    { paths: ["src/prices.ts"], message: "Hack (#12)", date: "2026-10-02T10:00:00Z" },
  );
  // The record names no teams: they come from CODEOWNERS on the default branch.
  github.contents.set("CODEOWNERS", "* @ana\n/src/ @octo-org/web\n");

  const org = github.repository(".github");
  org.config = ORG_CONFIG;
  org.addIssue({ number: 4, title: "Hack-to-rebuild debt across the organisation", user: BOT, labels: [{ name: "intent-dashboard" }], body: sealed(rollupBody, ORG_REPO) });
  github.start();
  return { github, org };
}

/** The roll-up's body as the app last wrote it (records opened). */
const rollupOf = (org: FakeGitHub) => opened(org.issues.get(4)?.body ?? "", ORG_REPO);

const labeled = () => payload("issues.labeled", { issue: { number: 50, labels: [{ name: "rebuild-debt" }], user: BOT }, label: { name: "rebuild-debt" } });

describe("debt dashboard: the organisation roll-up", () => {
  it("keeps this repository's row in the organisation roll-up when the org enables it", async () => {
    const probot = createTestApp(["dashboard"], { clock: fakeClock(NOW).clock });
    const { github, org } = organisation(`<!-- intentbot:dashboard-org -->\n<!-- intentbot:data {"kind":"dashboard-org","repos":{"octo-org/api":{"outstanding":5,"overdue":0,"interest":2,"history":[]}}} -->`);

    await probot.receive(delivery("issues.labeled", labeled()));

    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([`PATCH ${PATH}/issues/99`, `PATCH ${ORG_PATH}/issues/4`]);
    expect(rollupOf(org)).toContain("| octo-org/api | 5 | 0 | 2 |  |\n| octo-org/widgets | 1 | 1 | 2 | █ |\n| **All 2 repositories** | **6** | **1** | **4** | |");
  });

  it("/dashboard refresh on the roll-up refreshes every repository of the installation and rewrites all rows", async () => {
    const probot = createTestApp(["dashboard"], { clock: fakeClock(NOW).clock });
    const { github, org } = organisation(`<!-- intentbot:dashboard-org -->\n<!-- intentbot:data {"kind":"dashboard-org","repos":{"octo-org/gone":{"outstanding":9,"overdue":9,"interest":9,"history":[]}}} -->`);
    // The installation is on selected repositories: `widgets` and an archived one, which is skipped.
    org.listed = false;
    github.repository("attic").archived = true;
    const rollup = org.issues.get(4);

    const event = payload("issue_comment.created", {
      repository: { name: ".github", full_name: ORG_REPO },
      issue: { ...rollup, pull_request: undefined },
      comment: { id: 8, body: "/dashboard refresh", user: { login: "ana", type: "User" } },
      sender: { login: "ana", type: "User" },
    } as never);
    await probot.receive(delivery("issue_comment.created", event));

    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([`PATCH ${PATH}/issues/99`, `PATCH ${ORG_PATH}/issues/4`, `POST ${ORG_PATH}/issues/comments/8/reactions`]);
    expect(github.sent.at(-1)?.body).toEqual({ content: "rocket" });
    expect(rollupOf(org)).toContain("| octo-org/widgets | 1 | 1 | 2 | █ |\n| **All 1 repositories** | **1** | **1** | **2** | |");
    expect(rollupOf(org)).not.toContain("octo-org/gone");
  });
});
