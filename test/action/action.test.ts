import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { ProbotOctokit } from "probot";
import { afterAll, describe, expect, it } from "vitest";
import { runAction } from "../../src/action/run.js";
import { payload } from "../fixtures/payloads.js";
import { OWNER, recorder, REPO } from "../helpers/github.js";

const TOKEN = "ghs_workflowtoken";
const ISSUE = `/repos/${OWNER}/${REPO}/issues/1`;
const MARKER = "<!-- intentbot:intent -->";
const STATED = "## Why\nDrafts vanish when the page reloads.\n\n## Who\nSupport agents answering long tickets.";
const dir = mkdtempSync(join(tmpdir(), "intentbot-action-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An issues event as a workflow's runner gives it: the payload in a file (no installation), names in the environment. */
function actionsEnv(event: string, body: Record<string, unknown>, extra: Record<string, string> = {}) {
  const path = join(dir, `${event}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify({ ...body, installation: undefined }));
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: path,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_RUN_ID: "9001",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_API_URL: "https://api.github.com",
    GITHUB_TOKEN: TOKEN,
    INTENTBOT_RECORD_SECRET: "a repository secret",
    ...extra,
  };
}

// Retries and throttling off, as in the handler tests; the Action adds its identity plugin itself.
const Octokit = ProbotOctokit.defaults((options: object) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } }));

async function run(env: Record<string, string | undefined>) {
  const out: string[] = [];
  const code = await runAction(env, { Octokit, logLevel: "fatal", stdout: (line) => out.push(line) });
  return { code, out };
}

/** Every call carries the workflow's token; nothing asks for an installation token or `GET /app`. */
function github() {
  return nock("https://api.github.com", { reqheaders: { authorization: `token ${TOKEN}` } });
}

function noConfigNoTemplates(scope: nock.Scope) {
  return scope
    .get(`/repos/${OWNER}/${REPO}/contents/.github%2Fintent.yml`)
    .reply(404)
    .get(`/repos/${OWNER}/.github/contents/.github%2Fintent.yml`)
    .reply(404)
    .get(`/repos/${OWNER}/${REPO}/contents`)
    .reply(404);
}

describe("the GitHub Action", () => {
  it("runs the app on the workflow's issues event with the workflow's token", async () => {
    const labelCreated = recorder();
    const labelsAdded = recorder();
    const comment = recorder<{ body: string }>();
    const scope = noConfigNoTemplates(github());
    scope.post(`/repos/${OWNER}/${REPO}/labels`, labelCreated.match).reply(201, {});
    scope.post(`${ISSUE}/labels`, labelsAdded.match).reply(200, []);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, []);
    scope.post(`${ISSUE}/comments`, comment.match).reply(201, { id: 10 });

    const result = await run(actionsEnv("issues", payload("issues.opened", { issue: { body: "Please fix the login page.", labels: [] } }), { INTENTBOT_FEATURES: "intent" }));

    expect(result).toEqual({ code: 0, out: [] });
    expect(labelCreated.bodies).toEqual([{ name: "needs-intent", color: "d93f0b", description: "States no why or who yet (intentbot)" }]);
    expect(labelsAdded.bodies).toEqual([{ labels: ["needs-intent"] }]);
    expect(comment.bodies[0]?.body.startsWith(`${MARKER}\n### This issue does not yet say **why** or **who**`)).toBe(true);
  });

  it("trusts the comments github-actions[bot] wrote as its own, and no one else's", async () => {
    const update = recorder<{ body: string }>();
    const scope = noConfigNoTemplates(github());
    scope.delete(`${ISSUE}/labels/needs-intent`).reply(200, []);
    scope
      .get(`${ISSUE}/comments`)
      .query({ per_page: 100 })
      .reply(200, [
        { id: 5, user: { login: "mallory" }, body: `${MARKER}\nforged by a person` },
        { id: 10, user: { login: "github-actions[bot]" }, body: `${MARKER}\n### This issue does not yet say…` },
      ]);
    scope.patch(`/repos/${OWNER}/${REPO}/issues/comments/10`, update.match).reply(200, {});
    scope.get(`${ISSUE}/timeline`).query({ per_page: 100 }).reply(200, []);

    const event = payload("issues.edited", { issue: { body: STATED, labels: [{ name: "needs-intent" }] }, changes: { body: { from: "fix it" } } });
    const result = await run(actionsEnv("issues", event, { INTENTBOT_FEATURES: "intent" }));

    expect(result.code).toBe(0);
    expect(update.bodies[0]?.body).toMatch(new RegExp(`^${MARKER}\\n✅ This issue now states why and who`));
  });

  it("handles pull_request_target (the event for PRs from forks) as pull_request", async () => {
    const check = recorder<{ name: string; conclusion: string }>();
    const scope = noConfigNoTemplates(github());
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});

    const event = payload("pull_request.opened", { pull_request: { body: STATED, draft: false } });
    const result = await run(actionsEnv("pull_request_target", event, { INTENTBOT_FEATURES: "intent" }));

    expect(result).toEqual({ code: 0, out: [] });
    expect(check.bodies).toMatchObject([{ name: "Product intent", conclusion: "success" }]);
  });

  it("fails the step with an error annotation when a handler fails", async () => {
    github().get(`/repos/${OWNER}/${REPO}/contents/.github%2Fintent.yml`).reply(500, { message: "boom" });

    const result = await run(actionsEnv("issues", payload("issues.opened", { issue: { body: STATED, labels: [] } }), { INTENTBOT_FEATURES: "intent" }));

    expect(result.code).toBe(1);
    expect(result.out).toHaveLength(1);
    expect(result.out[0]).toMatch(/^::error title=intentbot::/);
  });

  it("does nothing, successfully, on an event the app does not handle", async () => {
    expect(await run(actionsEnv("push", { ref: "refs/heads/main" }))).toEqual({
      code: 0,
      out: ["intentbot: nothing to do on a push event; it handles issues, issue_comment, pull_request, pull_request_target, pull_request_review"],
    });
  });

  it("exits 2 without a token, without a record secret, with an unknown feature, or without the event file", async () => {
    const event = payload("issues.opened", { issue: { body: STATED, labels: [] } });
    expect(await run({ ...actionsEnv("issues", event), GITHUB_TOKEN: "" })).toEqual({
      code: 2,
      out: ["::error title=intentbot::no token: pass `github-token` (default: the workflow's GITHUB_TOKEN)"],
    });
    const noSecret = await run({ ...actionsEnv("issues", event), INTENTBOT_RECORD_SECRET: "" });
    expect(noSecret.code).toBe(2);
    expect(noSecret.out[0]).toMatch(/^::error title=intentbot::no record secret: pass `record-secret`/);
    expect(await run(actionsEnv("issues", event, { INTENTBOT_FEATURES: "intent, nope" }))).toEqual({
      code: 2,
      out: ["::error title=intentbot::unknown feature nope (known: intent, signoff, hacks, dashboard, phases)"],
    });
    const missing = await run({ ...actionsEnv("issues", event), GITHUB_EVENT_PATH: join(dir, "none.json") });
    expect(missing.code).toBe(2);
    expect(missing.out[0]).toMatch(/^::error title=intentbot::cannot read the event payload at GITHUB_EVENT_PATH \(.*none\.json\): ENOENT/);
  });
});
