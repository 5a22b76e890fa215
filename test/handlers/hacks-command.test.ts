import nock from "nock";
import { describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/app.js";
import { github, mockBotIdentity, mockConfig, OWNER, recorder, REPO, sentRequests, writes } from "../helpers/github.js";
import { AUTHOR, botComment, CONFIG, FILES, mockFiles, mockNewestDebt, path, PR, prData } from "../helpers/hacks.js";
import { delivery, payload } from "../fixtures/payloads.js";

type Scope = ReturnType<typeof github>;

const PLAIN = { title: "Hard-code prices", body: "Prices for the demo." };
const COMMENT = 77;
const reactions = `/repos/${OWNER}/${REPO}/issues/comments/${COMMENT}/reactions`;

/** The answer's reaction on the command comment, recorded. */
function mockReaction(scope: Scope) {
  const reaction = recorder<{ content: string }>();
  scope.post(reactions, reaction.match).reply(201, {});
  return reaction;
}

function comment(body: string, options: { login?: string; onIssue?: boolean; action?: "created" | "edited"; from?: string } = {}) {
  const login = options.login ?? "lead";
  const action = options.action ?? "created";
  const pullRequest = options.onIssue ? null : { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${PR}` };
  return delivery(
    `issue_comment.${action}`,
    payload(`issue_comment.${action}`, {
      issue: { number: PR, pull_request: pullRequest },
      comment: { id: COMMENT, body, user: { login, type: "User" } },
      sender: { login, type: "User" },
      ...(options.from === undefined ? {} : { changes: { body: { from: options.from } } }),
    } as never),
  );
}

function mockPermission(scope: Scope, login: string, level: string) {
  return scope.get(path.permission(login)).reply(200, { permission: level === "triage" ? "read" : level, role_name: level, user: { login } });
}

describe("/hack", () => {
  it("from someone with write permission declares the hack, with the comment's reason in the debt issue", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    const issue = recorder<{ title: string; body: string; assignees: string[] }>();
    const prComment = recorder<{ body: string }>();
    const prLabels = recorder();
    mockConfig(scope, CONFIG);
    mockPermission(scope, "lead", "write");
    scope.get(path.pr).reply(200, prData(PLAIN));
    mockBotIdentity(scope);
    // The hack comment is found once, under the hack lock, and written from what was found.
    scope.get(path.comments(PR)).query({ per_page: 100 }).reply(200, []);
    mockNewestDebt(scope).reply(200, []);
    mockFiles(scope).reply(200, FILES);
    scope.get(path.prTemplate).reply(404);
    scope.post(path.labels).times(2).reply(201, {});
    scope.get(path.assignee(AUTHOR)).reply(404);
    scope.post(path.issues, issue.match).reply(201, { number: 50 });
    scope.post(path.comments(PR), prComment.match).reply(201, { id: 900 });
    scope.post(path.issueLabels(PR), prLabels.match).reply(200, []);
    scope.post(path.checks).reply(201, {});
    const reaction = mockReaction(scope);

    await probot.receive(comment("Agreed in planning.\n\n/hack Prices are hard-coded for the fair; ask @octo-org/sales\nRebuild by: 2026-12-01"));

    expect(prLabels.bodies).toEqual([{ labels: ["hack"] }]);
    expect(issue.bodies[0]).toMatchObject({ title: "Rebuild: Hard-code prices", assignees: [] });
    expect(issue.bodies[0]?.body).toContain("### Why it is a hack\n> Prices are hard-coded for the fair; ask @\u200bocto-org/sales");
    expect(issue.bodies[0]?.body).toContain("- **Rebuild by:** 2026-12-01");
    expect(prComment.bodies[0]?.body).toContain("Declared by `/hack` from lead; it carries the `hack` label.");
    expect(prComment.bodies[0]?.body).toContain('"command":{"by":"lead","reason":"Prices are hard-coded for the fair; ask @octo-org/sales","fields":{"rebuildBy":"2026-12-01"}}');
    // Done: 🚀, and no reply of its own (the hack comment says it all).
    expect(reaction.bodies).toEqual([{ content: "rocket" }]);
  });

  it("can name the debt issue", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    const prComment = recorder<{ body: string }>();
    mockConfig(scope, CONFIG);
    mockPermission(scope, "lead", "admin");
    scope.get(path.pr).reply(200, prData({ ...PLAIN, labels: [{ name: "hack" }] }));
    mockBotIdentity(scope);
    scope.get(path.comments(PR)).query({ per_page: 100 }).reply(200, []);
    scope.get(path.issue(45)).reply(200, { number: 45, state: "open", user: { login: "pm" }, labels: [{ name: "rebuild-debt" }], body: "" });
    scope.get(path.comments(45)).query({ per_page: 100 }).times(2).reply(200, []);
    mockFiles(scope).reply(200, FILES);
    scope.post(path.comments(PR), prComment.match).reply(201, { id: 900 });
    scope.post(path.comments(45)).reply(201, { id: 901 });
    scope.post(path.checks).reply(201, {});
    const reaction = mockReaction(scope);

    await probot.receive(comment("/hack Hard-coded prices. Debt: #45"));
    expect(prComment.bodies[0]?.body).toContain("Its rebuild debt is tracked in #45 (named by this hack).");
    expect(reaction.bodies).toEqual([{ content: "rocket" }]);
  });

  it("from someone without write permission gets a polite refusal, and nothing else happens", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    const reply = recorder<{ body: string }>();
    mockConfig(scope, CONFIG);
    mockPermission(scope, "visitor", "triage");
    mockBotIdentity(scope);
    scope.get(path.comments(PR)).query({ per_page: 100 }).reply(200, []);
    scope.post(path.comments(PR), reply.match).reply(201, { id: 901 });
    const reaction = mockReaction(scope);
    const sent = sentRequests(scope);

    await probot.receive(comment("/hack skip the queue", { login: "visitor" }));
    // Nothing is written but the answer: no label, no debt issue, no check.
    expect(writes(sent)).toEqual([`POST ${path.comments(PR)}`, `POST ${reactions}`]);

    expect(reply.bodies[0]?.body).toBe(
      [
        `<!-- intentbot:reply:${COMMENT}:hack -->`,
        "Sorry visitor, `/hack` needs at least **write** access to this repository (`hacks.permission` in `.github/intent.yml`), so nothing was done.",
        "",
        "Someone with that access can comment it, or the author can declare the hack in the pull request itself: a `hack` label, a title starting with a hack prefix, or a “Hack” section in the description.",
      ].join("\n"),
    );
    expect(reaction.bodies).toEqual([{ content: "confused" }]);
  });

  it("without a reason gets the usage", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    const reply = recorder<{ body: string }>();
    mockConfig(scope, CONFIG);
    mockPermission(scope, "lead", "maintain");
    mockBotIdentity(scope);
    scope.get(path.comments(PR)).query({ per_page: 100 }).reply(200, []);
    scope.post(path.comments(PR), reply.match).reply(201, { id: 901 });

    const reaction = mockReaction(scope);

    await probot.receive(comment("/hack Debt: #45"));
    expect(reaction.bodies).toEqual([{ content: "confused" }]);
    expect(reply.bodies[0]?.body).toContain("`/hack` needs a reason: say why this shortcut is acceptable for now");
    expect(reply.bodies[0]?.body).toContain("```\n/hack <reason> [Debt: #123]\n```");
  });

  it("with an unreadable debt issue gets the usage, edited into the earlier reply", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    const edit = recorder<{ body: string }>();
    mockConfig(scope, CONFIG);
    mockPermission(scope, "lead", "write");
    mockBotIdentity(scope);
    scope.get(path.comments(PR)).query({ per_page: 100 }).reply(200, [botComment(901, `reply:${COMMENT}:hack`, "`/hack` needs a reason")]);
    scope.patch(path.comment(901), edit.match).reply(200, {});
    // An edited command's answer replaces the earlier one: a 🚀 it had would be taken back.
    scope.get(reactions).query({ content: "rocket", per_page: 100 }).reply(200, []);
    const reaction = mockReaction(scope);

    await probot.receive(comment("/hack Quick fix, Debt: soon", { action: "edited", from: "/hack" }));
    expect(edit.bodies[0]?.body).toContain("`/hack` could not read the debt issue `soon`");
    expect(reaction.bodies).toEqual([{ content: "confused" }]);
  });

  it("on an issue says it is for pull requests", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    const reply = recorder<{ body: string }>();
    mockBotIdentity(scope);
    scope.get(path.comments(PR)).query({ per_page: 100 }).reply(200, []);
    scope.post(path.comments(PR), reply.match).reply(201, { id: 901 });
    const reaction = mockReaction(scope);

    await probot.receive(comment("/hack now", { onIssue: true }));
    expect(reply.bodies[0]?.body).toContain(
      "`/hack` works in a pull request's conversation, so nothing was done here. It declares a pull request a hack; for a hack phase of a feature issue, use `/phase hack N`.",
    );
    expect(reaction.bodies).toEqual([{ content: "confused" }]);
  });

  it("is ignored when quoted, in code, unchanged by an edit, or written by a bot", async () => {
    const probot = createTestApp(["hacks"]);
    // A bot's event costs one lookup of the app's own login (once per instance, with the app's own token), to tell echoes apart.
    const identity = mockBotIdentity(nock("https://api.github.com"));
    const sent = sentRequests(identity);
    await probot.receive(comment("> /hack quoted\n\n```\n/hack in code\n```"));
    await probot.receive(comment("/hack same reason\nfixed a typo below", { action: "edited", from: "/hack same reason\nfixed a typo below" }));
    expect(sent.splice(0)).toEqual([]);
    await probot.receive(
      delivery("issue_comment.created", payload("issue_comment.created", { comment: { body: "/hack from a bot" }, sender: { login: "other[bot]", type: "Bot" } } as never)),
    );
    expect(sent).toEqual(["GET /app"]);
  });

  it("an edit that fixes a refused /hack takes back the 😕 and reacts 🚀", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    const hack = botComment(900, "hack", "### 🚧 This pull request is a hack");
    mockConfig(scope, CONFIG);
    mockPermission(scope, "lead", "write");
    scope.get(path.pr).reply(200, prData({ ...PLAIN, labels: [{ name: "hack" }], body: "Debt: #45" }));
    mockBotIdentity(scope);
    scope.get(path.comments(PR)).query({ per_page: 100 }).reply(200, [hack]);
    scope.get(path.issue(45)).reply(200, { number: 45, state: "closed", user: { login: "pm" }, labels: [], body: "" });
    scope.get(path.comments(45)).query({ per_page: 100 }).reply(200, []);
    scope.patch(path.comment(900)).reply(200, {});
    scope.post(path.checks).reply(201, {});
    scope.get(reactions).query({ content: "confused", per_page: 100 }).reply(200, [
      { id: 5, content: "confused", user: { login: "someone" } },
      { id: 6, content: "confused", user: { login: "intentbot[bot]" } },
    ]);
    scope.delete(`${reactions}/6`).reply(204);
    const reaction = mockReaction(scope);

    await probot.receive(comment("/hack agreed with product", { action: "edited", from: "/hack" }));
    expect(reaction.bodies).toEqual([{ content: "rocket" }]);
  });

  it("says when hack tracking is turned off", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    const reply = recorder<{ body: string }>();
    mockConfig(scope, "hacks:\n  enabled: false\n");
    mockBotIdentity(scope);
    scope.get(path.comments(PR)).query({ per_page: 100 }).reply(200, []);
    scope.post(path.comments(PR), reply.match).reply(201, { id: 901 });

    const reaction = mockReaction(scope);

    await probot.receive(comment("/hack now"));
    expect(reply.bodies[0]?.body).toContain("`/hack` is turned off in this repository (`hacks.enabled: false` in `.github/intent.yml`), so nothing was done.");
    expect(reaction.bodies).toEqual([{ content: "confused" }]);
  });
});
