import { describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/app.js";
import { github, mockBotIdentity, mockConfig, OWNER, recorder, REPO } from "../helpers/github.js";
import { delivery, payload } from "../fixtures/payloads.js";

const ISSUE = `/repos/${OWNER}/${REPO}/issues/2`;
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

  it("says when a command failed, reacts 😕, and fails the delivery so that it is retried", async () => {
    const probot = createTestApp(["signoff"]);
    const reply = recorder<{ body: string }>();
    const reactions = recorder<{ content: string }>();
    const scope = github();
    mockConfig(scope, "signoff:\n  minTeams: 2\n");
    scope.get("/orgs/octo-org/teams/web/memberships/wu").reply(200, { state: "active", role: "member" });
    scope.get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(404, { message: "Not Found" });
    mockBotIdentity(scope);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, []);
    scope.post(`${ISSUE}/comments`, reply.match).reply(201, {});
    scope.post(REACTIONS, reactions.match).reply(201, {});

    await expect(probot.receive(comment("/signoff @octo-org/web"))).rejects.toThrow();
    expect(reply.bodies[0]?.body).toBe(
      "<!-- intentbot:reply:77:signoff -->\nSomething went wrong while carrying out this `/signoff`, and intentbot will try again. If nothing changes, edit this comment or comment the command again: nothing is done twice.",
    );
    expect(reactions.bodies).toEqual([{ content: "confused" }]);
  });
});
