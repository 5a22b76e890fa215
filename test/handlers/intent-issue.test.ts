import { describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/app.js";
import { BOT_LOGIN, CONFIG_REQUEST, github, mockBotIdentity, mockNoConfig, ORG_CONFIG_REQUEST, OWNER, recorder, REPO, sentRequests, TOKEN_REQUEST } from "../helpers/github.js";
import { delivery, payload } from "../fixtures/payloads.js";

const ISSUE = `/repos/${OWNER}/${REPO}/issues/1`;
const STATED = "## Why\nDrafts vanish when the page reloads.\n\n## Who\nSupport agents answering long tickets.";
const MARKER = "<!-- intentbot:intent -->";

function noTemplates(scope: ReturnType<typeof github>) {
  return scope.get(`/repos/${OWNER}/${REPO}/contents`).reply(404);
}

describe("intent check on issues", () => {
  it("labels an issue without why/who and explains once in a comment", async () => {
    const probot = createTestApp(["intent"]);
    const labelCreated = recorder();
    const labelsAdded = recorder();
    const comment = recorder<{ body: string }>();
    const scope = github();
    mockNoConfig(scope);
    noTemplates(scope);
    scope.post(`/repos/${OWNER}/${REPO}/labels`, labelCreated.match).reply(201, {});
    scope.post(`${ISSUE}/labels`, labelsAdded.match).reply(200, []);
    mockBotIdentity(scope);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, []);
    scope.post(`${ISSUE}/comments`, comment.match).reply(201, { id: 10 });

    await probot.receive(delivery("issues.opened", payload("issues.opened", { issue: { body: "Please fix the login page.", labels: [] } })));

    expect(labelCreated.bodies).toEqual([{ name: "needs-intent", color: "d93f0b", description: "States no why or who yet (intentbot)" }]);
    expect(labelsAdded.bodies).toEqual([{ labels: ["needs-intent"] }]);
    const body = comment.bodies[0]?.body ?? "";
    expect(body.startsWith(`${MARKER}\n### This issue does not yet say **why** or **who**`)).toBe(true);
    expect(body).toContain("```markdown\n## Why\n");
    expect(body).toContain("## Who\n");
  });

  it("leaves an issue that states why and who alone", async () => {
    const probot = createTestApp(["intent"]);
    const scope = github();
    const sent = sentRequests(scope);
    mockNoConfig(scope);
    noTemplates(scope);
    mockBotIdentity(scope);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, []);

    await probot.receive(delivery("issues.opened", payload("issues.opened", { issue: { body: STATED, labels: [] } })));
    // It looks for its own comment (none to resolve), and writes nothing: no label, no comment.
    expect(sent).toEqual([TOKEN_REQUEST, CONFIG_REQUEST, ORG_CONFIG_REQUEST, `GET /repos/${OWNER}/${REPO}/contents`, "GET /app", `GET ${ISSUE}/comments?per_page=100`]);
  });

  it("removes the label and resolves the comment once the issue is fixed", async () => {
    const probot = createTestApp(["intent"]);
    const update = recorder<{ body: string }>();
    const scope = github();
    mockNoConfig(scope);
    noTemplates(scope);
    scope.delete(`${ISSUE}/labels/needs-intent`).reply(200, []);
    mockBotIdentity(scope);
    scope
      .get(`${ISSUE}/comments`)
      .query({ per_page: 100 })
      .reply(200, [
        { id: 5, user: { login: "mallory" }, body: `${MARKER}\nforged by a person` },
        { id: 10, user: { login: BOT_LOGIN }, body: `${MARKER}\n### This issue does not yet say…` },
      ]);
    scope.patch(`/repos/${OWNER}/${REPO}/issues/comments/10`, update.match).reply(200, {});
    // The body changed, so open PRs that mention the issue are re-checked; there are none.
    scope.get(`${ISSUE}/timeline`).query({ per_page: 100 }).reply(200, []);

    await probot.receive(
      delivery("issues.edited", payload("issues.edited", { issue: { body: STATED, labels: [{ name: "needs-intent" }] }, changes: { body: { from: "fix it" } } })),
    );

    expect(update.bodies[0]?.body).toMatch(new RegExp(`^${MARKER}\\n✅ This issue now states why and who`));
    expect(update.bodies[0]?.body).toContain("Drafts vanish when the page reloads.");
  });

  it("the same delivery, redelivered after a restart, yields one comment, edited in place only if it would change", async () => {
    const probot = createTestApp(["intent"]);
    const created = recorder<{ body: string }>();
    const scope = github();
    mockNoConfig(scope);
    noTemplates(scope);
    scope.post(`/repos/${OWNER}/${REPO}/labels`).reply(201, {});
    scope.post(`${ISSUE}/labels`).reply(200, []);
    mockBotIdentity(scope);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, []);
    scope.post(`${ISSUE}/comments`, created.match).reply(201, { id: 10 });

    const event = delivery("issues.opened", payload("issues.opened", { issue: { body: "Please fix it", labels: [] } }), "same-delivery");
    await probot.receive(event);

    // Redelivered to an instance that never saw it (after a restart): the config is read
    // again, the label already shows on the payload of a real redelivery, and the comment
    // is found, identical, so nothing is written.
    mockBotIdentity(github());
    mockNoConfig(scope);
    noTemplates(scope);
    // A new instance makes sure the label exists: GitHub answers that it does.
    scope.post(`/repos/${OWNER}/${REPO}/labels`).reply(422, { errors: [{ code: "already_exists" }] });
    scope.post(`${ISSUE}/labels`).reply(200, []);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, [{ id: 10, user: { login: BOT_LOGIN }, body: created.bodies[0]?.body }]);
    // A redelivery arrives as a fresh copy of the payload.
    await createTestApp(["intent"]).receive(structuredClone(event));
    expect(created.bodies).toHaveLength(1);
  });

  it("concurrent events for one issue create one comment", async () => {
    const probot = createTestApp(["intent"]);
    const created = recorder<{ body: string }>();
    const scope = github();
    mockNoConfig(scope);
    mockNoConfig(scope);
    noTemplates(scope);
    scope.post(`/repos/${OWNER}/${REPO}/labels`).reply(201, {});
    scope.post(`${ISSUE}/labels`).times(2).reply(200, []);
    mockBotIdentity(scope);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, []);
    scope.post(`${ISSUE}/comments`, created.match).reply(201, { id: 10 });
    scope
      .get(`${ISSUE}/comments`)
      .query({ per_page: 100 })
      .reply(200, () => [{ id: 10, user: { login: BOT_LOGIN }, body: created.bodies[0]?.body }]);

    const opened = payload("issues.opened", { issue: { body: "Please fix it", labels: [] } });
    const reopened = payload("issues.reopened", { issue: { body: "Please fix it", labels: [] } });
    await Promise.all([probot.receive(delivery("issues.opened", opened)), probot.receive(delivery("issues.reopened", reopened))]);
    expect(created.bodies).toHaveLength(1);
  });

  it("does not count an issue template left unchanged", async () => {
    const template = "---\nname: Feature request\nabout: Ask for a feature\n---\n## Why\nExplain the problem this solves for the user.\n\n## Who\nName the users who need it.\n";
    const probot = createTestApp(["intent"]);
    const comment = recorder<{ body: string }>();
    const scope = github();
    mockNoConfig(scope);
    scope.get(`/repos/${OWNER}/${REPO}/contents`).reply(200, [{ type: "dir", path: ".github", name: ".github" }]);
    scope.get(`/repos/${OWNER}/${REPO}/contents/.github`).reply(200, [{ type: "dir", path: ".github/ISSUE_TEMPLATE", name: "ISSUE_TEMPLATE" }]);
    scope.get(`/repos/${OWNER}/${REPO}/contents/.github%2FISSUE_TEMPLATE`).reply(200, [
      { type: "file", path: ".github/ISSUE_TEMPLATE/feature.md", name: "feature.md" },
      { type: "file", path: ".github/ISSUE_TEMPLATE/config.yml", name: "config.yml" },
    ]);
    scope.get(`/repos/${OWNER}/${REPO}/contents/.github%2FISSUE_TEMPLATE%2Ffeature.md`).reply(200, template);
    scope.post(`/repos/${OWNER}/${REPO}/labels`).reply(201, {});
    scope.post(`${ISSUE}/labels`).reply(200, []);
    mockBotIdentity(scope);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, []);
    scope.post(`${ISSUE}/comments`, comment.match).reply(201, { id: 10 });

    await probot.receive(delivery("issues.opened", payload("issues.opened", { issue: { body: template.replace(/^---[\s\S]*?---\n/, ""), labels: [] } })));
    expect(comment.bodies[0]?.body).toContain("“Why” is left unanswered: what follows it is the template's own text.");
    expect(comment.bodies[0]?.body).toContain("“Who” is left unanswered: what follows it is the template's own text.");
  });

  it("inherits why/who from a linked issue", async () => {
    const probot = createTestApp(["intent"]);
    const scope = github();
    const sent = sentRequests(scope);
    mockNoConfig(scope);
    noTemplates(scope);
    scope.get(`/repos/${OWNER}/${REPO}/issues/7`).reply(200, { number: 7, body: STATED });
    mockBotIdentity(scope);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, []);

    await probot.receive(delivery("issues.opened", payload("issues.opened", { issue: { body: "Part of #7", labels: [] } })));
    // #7 is read and states both, so the issue passes: no label, no comment.
    expect(sent).toEqual([
      TOKEN_REQUEST,
      CONFIG_REQUEST,
      ORG_CONFIG_REQUEST,
      `GET /repos/${OWNER}/${REPO}/contents`,
      `GET /repos/${OWNER}/${REPO}/issues/7`,
      "GET /app",
      `GET ${ISSUE}/comments?per_page=100`,
    ]);
  });

  it("skips exempt issues (configured label)", async () => {
    const probot = createTestApp(["intent"]);
    const scope = github();
    const sent = sentRequests(scope);
    mockNoConfig(scope);
    await probot.receive(delivery("issues.opened", payload("issues.opened", { issue: { body: "bump", labels: [{ name: "dependencies" }] } })));
    // Exempt by the default config's labels: neither templates nor comments are read, nothing is written.
    expect(sent).toEqual([TOKEN_REQUEST, CONFIG_REQUEST, ORG_CONFIG_REQUEST]);
  });
});
