import type nock from "nock";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/app.js";
import { BOT_LOGIN, github, mockBotIdentity, mockConfig, OWNER, recorder, REPO, sentRequests } from "../helpers/github.js";
import { sealed } from "../helpers/records.js";
import { delivery, payload } from "../fixtures/payloads.js";

const SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const PR = `/repos/${OWNER}/${REPO}/pulls/2`;
const ISSUE = `/repos/${OWNER}/${REPO}/issues/2`;
// The sign-off feature alone is loaded in these tests (createTestApp(["signoff"])).
const SIGNOFF_CONFIG = "signoff:\n  minTeams: 2\n";
const CODEOWNERS = "* @ana\n/src/pay/ @octo-org/payments\n/src/web/ @octo-org/web\n";
const FILES = [{ filename: "src/pay/charge.ts" }, { filename: "src/web/page.tsx" }, { filename: "README.md" }];
const RAW = { "content-type": "application/vnd.github.v3.raw; charset=utf-8" };

interface CheckBody {
  name: string;
  conclusion: string;
  output: { title: string; summary: string };
}

/** The user's teams in an organisation as the app reads them (one GraphQL query), or a refusal for want of *Members: read*. */
function teamsOf(scope: nock.Scope, user: string, slugs: string[] | "forbidden", org = OWNER) {
  const asked = (body: { variables?: { login?: string; org?: string } }) => body.variables?.login === user && body.variables.org === org;
  const teams = { nodes: slugs === "forbidden" ? [] : slugs.map((slug) => ({ slug, ancestors: { nodes: [] } })), pageInfo: { hasNextPage: false, endCursor: null } };
  return slugs === "forbidden"
    ? scope.post("/graphql", asked).reply(200, { data: { organization: { teams: null } }, errors: [{ type: "FORBIDDEN", message: "Resource not accessible by integration" }] })
    : scope.post("/graphql", asked).reply(200, { data: { organization: { teams } } });
}

/** Reads common to every evaluation: config, files, CODEOWNERS from the base branch. */
function evaluation(scope: nock.Scope, files = FILES, codeowners = CODEOWNERS) {
  mockConfig(scope, SIGNOFF_CONFIG);
  scope.get(`${PR}/files`).query({ per_page: 100 }).reply(200, files);
  scope.get(`/repos/${OWNER}/${REPO}/contents/.github%2FCODEOWNERS`).query({ ref: "master" }).reply(200, codeowners, RAW);
}

describe("cross-team sign-off", () => {
  it("asks each touched team to sign off: check, one comment, review requests", async () => {
    const probot = createTestApp(["signoff"]);
    const check = recorder<CheckBody>();
    const comment = recorder<{ body: string }>();
    const review = recorder();
    const scope = github();
    evaluation(scope);
    mockBotIdentity(scope);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, []);
    scope.get(`${PR}/reviews`).query({ per_page: 100 }).reply(200, []);
    teamsOf(scope, "Codertocat", []);
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});
    scope.post(`${ISSUE}/comments`, comment.match).reply(201, { id: 1 });
    scope.post(`${PR}/requested_reviewers`, review.match).reply(201, {});

    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", {})));

    expect(check.bodies[0]).toMatchObject({ name: "Cross-team sign-off", conclusion: "neutral", output: { title: "Waiting for 2 of 2 teams" } });
    expect(review.bodies).toEqual([{ team_reviewers: ["payments", "web"] }]);
    const body = comment.bodies[0]?.body ?? "";
    expect(body).toContain("| `@octo-org/payments` | ⏳ waiting |  | `src/pay/charge.ts` |");
    expect(body).toContain("| `@octo-org/web` | ⏳ waiting |  | `src/web/page.tsx` |");
    expect(body).toContain("Files no team owns: `README.md`");
    expect(body).toContain('<!-- intentbot:data {"kind":"signoff","signoffs":[]} -->');
  });

  it("counts an approving review by a team member and the author's own team", async () => {
    const probot = createTestApp(["signoff"]);
    const check = recorder<CheckBody>();
    const scope = github();
    evaluation(scope);
    mockBotIdentity(scope);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, []);
    scope.get(`${PR}/reviews`).query({ per_page: 100 }).reply(200, [
      { user: { login: "bo" }, state: "APPROVED", submitted_at: "2026-11-20T10:00:00Z", commit_id: SHA },
      { user: { login: "cy" }, state: "APPROVED", submitted_at: "2026-11-20T10:00:00Z", commit_id: SHA },
      { user: { login: "cy" }, state: "DISMISSED", submitted_at: "2026-11-20T11:00:00Z", commit_id: SHA },
    ]);
    teamsOf(scope, "bo", ["payments"]);
    teamsOf(scope, "Codertocat", ["web"]);
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});
    scope.post(`${ISSUE}/comments`).reply(201, { id: 1 });

    await probot.receive(delivery("pull_request_review.submitted", payload("pull_request_review.submitted", { review: { state: "approved" } })));

    expect(check.bodies[0]).toMatchObject({ conclusion: "success", output: { title: "All 2 teams signed off" } });
    expect(check.bodies[0]?.output.summary).toContain("| `@octo-org/payments` | ✅ signed off | @\u200bbo (approving review, 2026-11-20) |");
    expect(check.bodies[0]?.output.summary).toContain("| `@octo-org/web` | ✅ author's team |");
  });

  it("a non-member's approval does not count", async () => {
    const probot = createTestApp(["signoff"]);
    const check = recorder<CheckBody>();
    const scope = github();
    evaluation(scope);
    mockBotIdentity(scope);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, []);
    scope.get(`${PR}/reviews`).query({ per_page: 100 }).reply(200, [{ user: { login: "eve" }, state: "APPROVED", submitted_at: "2026-11-20T10:00:00Z", commit_id: SHA }]);
    teamsOf(scope, "eve", []);
    teamsOf(scope, "Codertocat", []);
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});
    scope.post(`${ISSUE}/comments`).reply(201, { id: 1 });
    scope.post(`${PR}/requested_reviewers`).reply(201, {});

    await probot.receive(delivery("pull_request.reopened", payload("pull_request.reopened", {})));
    expect(check.bodies[0]).toMatchObject({ conclusion: "neutral", output: { title: "Waiting for 2 of 2 teams" } });
  });

  it("teams whose membership cannot be read are shown as such; the rest is still decided and written", async () => {
    const probot = createTestApp(["signoff"]);
    const check = recorder<CheckBody>();
    const scope = github();
    evaluation(scope, FILES, "* @ana\n/src/pay/ @octo-org/payments\n/src/web/ @partner-org/web\n");
    mockBotIdentity(scope);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, []);
    scope.get(`${PR}/reviews`).query({ per_page: 100 }).reply(200, [{ user: { login: "bo" }, state: "APPROVED", submitted_at: "2026-11-20T10:00:00Z", commit_id: SHA }]);
    teamsOf(scope, "bo", ["payments"]);
    teamsOf(scope, "Codertocat", []);
    // An organisation where the app was not granted Members: read.
    teamsOf(scope, "bo", "forbidden", "partner-org");
    teamsOf(scope, "Codertocat", "forbidden", "partner-org");
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});
    scope.post(`${ISSUE}/comments`).reply(201, { id: 1 });
    // The open team is another organisation's: it cannot be asked for a review here.

    await probot.receive(delivery("pull_request_review.submitted", payload("pull_request_review.submitted", { review: { state: "approved" } })));

    expect(check.bodies[0]).toMatchObject({ conclusion: "neutral", output: { title: "Waiting for 1 of 2 teams" } });
    const summary = check.bodies[0]?.output.summary ?? "";
    expect(summary).toContain("| `@octo-org/payments` | ✅ signed off | @\u200bbo (approving review, 2026-11-20) |");
    expect(summary).toContain("| `@partner-org/web` | ❔ membership could not be read | approved by @\u200bbo; the app cannot see this team's members");
  });

  it("a push to a team's files after its sign-off makes it stale", async () => {
    const probot = createTestApp(["signoff"]);
    const check = recorder<CheckBody>();
    const scope = github();
    evaluation(scope);
    mockBotIdentity(scope);
    const state = '<!-- intentbot:data {"kind":"signoff","signoffs":[{"team":"@octo-org/web","user":"wu","at":"2026-11-19T10:00:00Z","sha":"old","via":"command"}]} -->';
    scope
      .get(`${ISSUE}/comments`)
      .query({ per_page: 100 })
      .reply(200, [{ id: 9, user: { login: BOT_LOGIN }, body: sealed(`<!-- intentbot:signoff -->\nold table\n\n${state}`) }]);
    scope.get(`${PR}/reviews`).query({ per_page: 100 }).reply(200, [{ user: { login: "bo" }, state: "APPROVED", submitted_at: "2026-11-20T10:00:00Z", commit_id: "old" }]);
    teamsOf(scope, "bo", ["payments"]);
    teamsOf(scope, "Codertocat", []);
    scope.get(`/repos/${OWNER}/${REPO}/compare/old...${SHA}`).reply(200, { files: [{ filename: "src/web/page.tsx" }] });
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});
    scope.patch(`/repos/${OWNER}/${REPO}/issues/comments/9`).reply(200, {});
    scope.post(`${PR}/requested_reviewers`, (body: { team_reviewers: string[] }) => body.team_reviewers.join() === "web").reply(201, {});

    await probot.receive(delivery("pull_request.synchronize", payload("pull_request.synchronize", { pull_request: { labels: [] } })));
    expect(check.bodies[0]?.output.summary).toContain("| `@octo-org/payments` | ✅ signed off |");
    expect(check.bodies[0]?.output.summary).toContain("| `@octo-org/web` | ♻️ stale: files changed since | @\u200bwu (`/signoff`, 2026-11-19) |");
  });

  it("a review that only comments changes no verdict, so it reads nothing", async () => {
    const probot = createTestApp(["signoff"]);
    const sent = sentRequests();
    await probot.receive(delivery("pull_request_review.submitted", payload("pull_request_review.submitted", { review: { state: "commented" } })));
    expect(sent).toEqual([]);
  });

  it("needs no sign-off below minTeams: one line in the check, no comment", async () => {
    const probot = createTestApp(["signoff"]);
    const check = recorder<CheckBody>();
    const scope = github();
    evaluation(scope, [{ filename: "src/pay/charge.ts" }]);
    mockBotIdentity(scope);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, []);
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});

    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", {})));
    expect(check.bodies[0]).toMatchObject({ conclusion: "success", output: { title: "No cross-team sign-off needed" } });
  });
});

describe("/signoff", () => {
  function command(body: string, user = "wu") {
    return payload("issue_comment.created", {
      issue: { number: 2, pull_request: { url: `https://api.github.com${PR}` } },
      comment: { id: 77, body, user: { login: user, type: "User" }, created_at: "2026-11-22T09:00:00Z" },
      sender: { login: user, type: "User" },
    });
  }

  it("records a member's sign-off in the comment's data and reacts", async () => {
    const probot = createTestApp(["signoff"]);
    const comment = recorder<{ body: string }>();
    const reaction = recorder();
    const scope = github();
    mockConfig(scope, SIGNOFF_CONFIG);
    teamsOf(scope, "wu", ["web"]);
    scope.get(PR).reply(200, { number: 2, user: { login: "Codertocat" }, head: { sha: SHA }, base: { ref: "master" }, requested_teams: [{ slug: "payments" }, { slug: "web" }] });
    scope.get(`${PR}/files`).query({ per_page: 100 }).reply(200, FILES);
    scope.get(`/repos/${OWNER}/${REPO}/contents/.github%2FCODEOWNERS`).query({ ref: "master" }).reply(200, CODEOWNERS, RAW);
    mockBotIdentity(scope);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, []);
    scope.get(`${PR}/reviews`).query({ per_page: 100 }).reply(200, []);
    teamsOf(scope, "Codertocat", []);
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`).reply(201, {});
    scope.post(`${ISSUE}/comments`, comment.match).reply(201, { id: 1 });
    scope.post(`/repos/${OWNER}/${REPO}/issues/comments/77/reactions`, reaction.match).reply(201, {});

    await probot.receive(delivery("issue_comment.created", command("/signoff @octo-org/web checked @everyone's pages")));

    const body = comment.bodies[0]?.body ?? "";
    expect(body).toContain("| `@octo-org/web` | ✅ signed off | @\u200bwu (`/signoff`, 2026-11-22): “checked @\u200beveryone's pages” |");
    expect(body).toContain(
      `<!-- intentbot:data {"kind":"signoff","signoffs":[{"team":"@octo-org/web","user":"wu","at":"2026-11-22T09:00:00Z","sha":"${SHA}","via":"command","note":"checked @everyone's pages"}]} -->`,
    );
    expect(reaction.bodies).toEqual([{ content: "rocket" }]);
  });

  it("tells a non-member why the sign-off does not count", async () => {
    const probot = createTestApp(["signoff"]);
    const reply = recorder<{ body: string }>();
    const scope = github();
    mockConfig(scope, SIGNOFF_CONFIG);
    teamsOf(scope, "eve", []);
    mockBotIdentity(scope);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, []);
    scope.post(`${ISSUE}/comments`, reply.match).reply(201, { id: 2 });
    scope.post(`/repos/${OWNER}/${REPO}/issues/comments/77/reactions`).reply(201, {});

    await probot.receive(delivery("issue_comment.created", command("/signoff octo-org/web", "eve")));
    expect(reply.bodies[0]?.body).toMatch(/^<!-- intentbot:reply:77:signoff -->\nThis sign-off does not count: the commenter is not an active member of `@octo-org\/web`/);
  });

  it("a team of an organisation that does not exist has no members", async () => {
    const probot = createTestApp(["signoff"]);
    const reply = recorder<{ body: string }>();
    const scope = github();
    mockConfig(scope, SIGNOFF_CONFIG);
    scope
      .post("/graphql", (body: { variables?: { org?: string } }) => body.variables?.org === "no-such-org")
      .reply(200, { data: { organization: null }, errors: [{ type: "NOT_FOUND", path: ["organization"], message: "Could not resolve to an Organization with the login of 'no-such-org'." }] });
    mockBotIdentity(scope);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, []);
    scope.post(`${ISSUE}/comments`, reply.match).reply(201, { id: 2 });
    scope.post(`/repos/${OWNER}/${REPO}/issues/comments/77/reactions`).reply(201, {});

    await probot.receive(delivery("issue_comment.created", command("/signoff @no-such-org/web")));
    expect(reply.bodies[0]?.body).toContain("This sign-off does not count: the commenter is not an active member of `@no-such-org/web`");
  });

  it("says why when the team's membership cannot be read (403), instead of failing", async () => {
    const probot = createTestApp(["signoff"]);
    const reply = recorder<{ body: string }>();
    const reaction = recorder();
    const scope = github();
    mockConfig(scope, SIGNOFF_CONFIG);
    teamsOf(scope, "wu", "forbidden");
    mockBotIdentity(scope);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, []);
    scope.post(`${ISSUE}/comments`, reply.match).reply(201, { id: 2 });
    scope.post(`/repos/${OWNER}/${REPO}/issues/comments/77/reactions`, reaction.match).reply(201, {});

    await probot.receive(delivery("issue_comment.created", command("/signoff @octo-org/web")));
    expect(reply.bodies[0]?.body).toContain("This sign-off was not counted: intentbot cannot read who is a member of `@octo-org/web`");
    expect(reaction.bodies).toEqual([{ content: "confused" }]);
  });

  it("answers a malformed command with usage", async () => {
    const probot = createTestApp(["signoff"]);
    const reply = recorder<{ body: string }>();
    const scope = github();
    mockConfig(scope, SIGNOFF_CONFIG);
    mockBotIdentity(scope);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, []);
    scope.post(`${ISSUE}/comments`, reply.match).reply(201, { id: 2 });
    scope.post(`/repos/${OWNER}/${REPO}/issues/comments/77/reactions`).reply(201, {});

    await probot.receive(delivery("issue_comment.created", command("/signoff please")));
    expect(reply.bodies[0]?.body).toContain("Usage: `/signoff @org/team [note]`");
  });

  it("ignores /signoff in quotes and code", async () => {
    const probot = createTestApp(["signoff"]);
    const sent = sentRequests();
    await probot.receive(delivery("issue_comment.created", command("> /signoff @octo-org/web\n\n```\n/signoff @octo-org/web\n```")));
    // No command: no call at all (no reaction, no reply, no check run).
    expect(sent).toEqual([]);
  });
});
