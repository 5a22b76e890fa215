import { describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/app.js";
import { BOT_LOGIN, github, mockBotIdentity, mockConfig, OWNER, recorder, REPO } from "../helpers/github.js";
import { delivery, payload } from "../fixtures/payloads.js";

const ISSUE = `/repos/${OWNER}/${REPO}/issues/2`;
const CODEOWNERS = "* @ana\n/src/pay/ @octo-org/payments\n/src/web/ @octo-org/web\n";
const REACTIONS = `/repos/${OWNER}/${REPO}/issues/comments/77/reactions`;

function comment(body: string) {
  return delivery(
    "issue_comment.created",
    payload("issue_comment.created", {
      issue: { number: 2, pull_request: { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/2` } },
      comment: { id: 77, body, user: { login: "wu", type: "User" }, created_at: "2026-11-22T09:00:00Z" },
      sender: { login: "wu", type: "User" },
    } as never),
  );
}

describe("the command dispatcher", () => {
  it("answers each command of a comment in its own reply", async () => {
    const probot = createTestApp(["hacks", "signoff"]);
    const replies = recorder<{ body: string }>();
    const reactions = recorder<{ content: string }>();
    const scope = github();
    mockConfig(scope, "hacks:\n  enabled: false\nsignoff:\n  enabled: false\n");
    mockBotIdentity(scope);
    // Each reply is written under the thread's comment lock, after listing the bot's comments afresh.
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).times(2).reply(200, []);
    scope.post(`${ISSUE}/comments`, replies.match).times(2).reply(201, {});
    scope.post(REACTIONS, reactions.match).times(2).reply(201, {});

    await probot.receive(comment("/signoff @octo-org/web\n\n/hack for the fair"));
    expect(replies.bodies.map((b) => b.body.split("\n")[0]).sort()).toEqual(["<!-- intentbot:reply:77:hack -->", "<!-- intentbot:reply:77:signoff -->"]);
    expect(replies.bodies.map((b) => b.body.split("\n")[1]).sort()).toEqual([
      "`/hack` is turned off in this repository (`hacks.enabled: false` in `.github/intent.yml`), so nothing was done.",
      "`/signoff` is turned off in this repository (`signoff.enabled: false` in `.github/intent.yml`), so nothing was done.",
    ]);
    expect(reactions.bodies).toEqual([{ content: "confused" }, { content: "confused" }]);
  });

  it("says when a command failed, and the run that later succeeds takes the failure back", async () => {
    const probot = createTestApp(["signoff"]);
    const replies = recorder<{ body: string }>();
    const reactions = recorder<{ content: string }>();
    const scope = github();
    mockConfig(scope, "signoff:\n  minTeams: 2\n");
    scope.post("/graphql", (body: { variables?: { login?: string } }) => body.variables?.login === "wu").reply(200, { data: { organization: { teams: { nodes: [{ slug: "web", ancestors: { nodes: [] } }], pageInfo: { hasNextPage: false } } } } });
    scope.get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(404, { message: "Not Found" });
    mockBotIdentity(scope);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, []);
    scope.post(`${ISSUE}/comments`, replies.match).reply(201, {});
    scope.post(REACTIONS, reactions.match).reply(201, {});

    // The delivery fails, so that it is retried.
    await expect(probot.receive(comment("/signoff @octo-org/web"))).rejects.toThrow();
    const failed = "<!-- intentbot:reply:77:signoff -->\nSomething went wrong while carrying out this `/signoff`, and intentbot will try again. If nothing changes, edit this comment or comment the command again: nothing is done twice.";
    expect(replies.bodies).toEqual([{ body: failed }]);
    expect(reactions.bodies).toEqual([{ content: "confused" }]);

    // The retry signs off: its answer replaces the failure's, and the 😕 is taken back.
    const edits = recorder<{ body: string }>();
    mockConfig(scope, "signoff:\n  minTeams: 2\n");
    scope.get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, { number: 2, user: { login: "Codertocat" }, head: { sha: "abc" }, base: { ref: "main" }, requested_teams: [] });
    scope.get(`/repos/${OWNER}/${REPO}/pulls/2/files`).query({ per_page: 100 }).reply(200, [{ filename: "src/pay/charge.ts" }, { filename: "src/web/page.tsx" }]);
    scope.get(`/repos/${OWNER}/${REPO}/contents/.github%2FCODEOWNERS`).query({ ref: "main" }).reply(200, CODEOWNERS, { "content-type": "application/vnd.github.v3.raw; charset=utf-8" });
    scope.get(`/repos/${OWNER}/${REPO}/pulls/2/reviews`).query({ per_page: 100 }).reply(200, []);
    scope.post("/graphql", (body: { variables?: { login?: string } }) => body.variables?.login === "Codertocat").reply(200, { data: { organization: { teams: { nodes: [], pageInfo: { hasNextPage: false } } } } });
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`).reply(201, {});
    const failedReply = { id: 500, user: { login: BOT_LOGIN }, body: failed };
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).times(2).reply(200, [failedReply]);
    scope.post(`${ISSUE}/comments`, replies.match).reply(201, { id: 501 });
    scope.post(`/repos/${OWNER}/${REPO}/pulls/2/requested_reviewers`).reply(201, {});
    scope.patch(`/repos/${OWNER}/${REPO}/issues/comments/500`, edits.match).reply(200, {});
    scope.get(REACTIONS).query({ content: "confused", per_page: 100 }).reply(200, [{ id: 9, content: "confused", user: { login: BOT_LOGIN } }]);
    scope.delete(`${REACTIONS}/9`).reply(204);
    scope.post(REACTIONS, reactions.match).reply(201, {});

    await probot.receive(comment("/signoff @octo-org/web"));
    expect(edits.bodies).toEqual([{ body: "<!-- intentbot:reply:77:signoff -->\nThis `/signoff` was carried out on a later try; the earlier failure is resolved." }]);
    expect(reactions.bodies).toEqual([{ content: "confused" }, { content: "rocket" }]);
  });
});
