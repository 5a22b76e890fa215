import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { ProbotOctokit } from "probot";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { runAction } from "../../src/action/run.js";
import { payload } from "../fixtures/payloads.js";
import { FakeGitHub, type FakeIssue } from "../helpers/fake-github.js";
import { OWNER, REPO } from "../helpers/github.js";
import { AUTHOR, CONFIG, FILES, PR, SHA } from "../helpers/hacks.js";

const TOKEN = "ghs_workflowtoken";
const BOT = "github-actions[bot]";
const MARKER = "<!-- intentbot:intent -->";
const STATED = "## Why\nDrafts vanish when the page reloads.\n\n## Who\nSupport agents answering long tickets.";
const ISSUE = 1;
const dir = mkdtempSync(join(tmpdir(), "intentbot-action-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fake: FakeGitHub | undefined;
afterEach(() => {
  fake?.stop();
  fake = undefined;
});

/** GitHub as the workflow's token sees it, with the app writing as github-actions[bot]. */
function github(): FakeGitHub {
  fake = new FakeGitHub({ botLogin: BOT });
  fake.start();
  return fake;
}

let runs = 0;
/** An event as a workflow's runner gives it: the payload in a file (no installation), the inputs as INPUT_<NAME>. */
function actionsEnv(event: string, body: object, inputs: Record<string, string> = {}) {
  const path = join(dir, `${event}-${++runs}.json`);
  writeFileSync(path, JSON.stringify({ ...body, installation: undefined }));
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: path,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_RUN_ID: String(9000 + runs),
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_API_URL: "https://api.github.com",
    "INPUT_GITHUB-TOKEN": TOKEN,
    "INPUT_RECORD-SECRET": "a repository secret",
    ...inputs,
  };
}

// Retries and throttling off, as in the handler tests.
const Octokit = ProbotOctokit.defaults((options: object) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } }));

async function run(env: Record<string, string | undefined>) {
  const out: string[] = [];
  const code = await runAction(env, { Octokit, logLevel: "fatal", stdout: (line) => out.push(line) });
  return { code, out };
}

function addIssue(gh: FakeGitHub, body: string, labels: string[] = []) {
  const event = payload("issues.opened", { issue: { number: ISSUE, body, labels: [] } });
  gh.issues.set(ISSUE, { ...(event.issue as object), number: ISSUE, body, state: "open", labels: labels.map((name) => ({ name })) } as FakeIssue);
  return event.issue;
}

const issuePath = `/repos/${OWNER}/${REPO}/issues/${ISSUE}`;

// Each run starts its own app and parse workers, as on a runner.
describe("the GitHub Action", { timeout: 30_000 }, () => {
  it("runs the app on the workflow's issues event with the workflow's token", async () => {
    const gh = github();
    const issue = addIssue(gh, "Please fix the login page.");

    const result = await run(actionsEnv("issues", payload("issues.opened", { issue: { ...issue, labels: [] } }), { INPUT_FEATURES: "intent" }));

    expect(result).toEqual({ code: 0, out: [] });
    expect(gh.unknown).toEqual([]);
    expect(gh.writes()).toEqual([`POST /repos/${OWNER}/${REPO}/labels`, `POST ${issuePath}/labels`, `POST ${issuePath}/comments`]);
    expect(gh.comments[0]?.body.startsWith(`${MARKER}\n### This issue does not yet say **why** or **who**`)).toBe(true);
    // Every call carries the workflow's token; nothing asks for an installation token or `GET /app`.
    expect([...gh.authorizations]).toEqual([`token ${TOKEN}`]);
    expect(gh.calls.filter((call) => call.startsWith("GET /app") || call.includes("access_tokens"))).toEqual([]);
  });

  it("trusts the comments github-actions[bot] wrote as its own, and no one else's", async () => {
    const gh = github();
    addIssue(gh, STATED, ["needs-intent"]);
    gh.comments.push({ id: 5, issue: ISSUE, user: { login: "mallory", type: "User" }, body: `${MARKER}\nforged by a person` });
    gh.comments.push({ id: 10, issue: ISSUE, user: { login: BOT, type: "Bot" }, body: `${MARKER}\n### This issue does not yet say…` });

    const event = payload("issues.edited", { issue: { number: ISSUE, body: STATED, labels: [{ name: "needs-intent" }] }, changes: { body: { from: "fix it" } } });
    const result = await run(actionsEnv("issues", event, { INPUT_FEATURES: "intent" }));

    expect(result.code).toBe(0);
    expect(gh.writes()).toEqual([`DELETE ${issuePath}/labels/needs-intent`, `PATCH /repos/${OWNER}/${REPO}/issues/comments/10`]);
    expect(gh.comments.find((c) => c.id === 10)?.body).toMatch(new RegExp(`^${MARKER}\\n✅ This issue now states why and who`));
    expect(gh.comments.find((c) => c.id === 5)?.body).toBe(`${MARKER}\nforged by a person`);
  });

  it("handles pull_request_target (the event for PRs from forks) as pull_request", async () => {
    const gh = github();
    const event = payload("pull_request.opened", { pull_request: { body: STATED, draft: false } });
    gh.addPullRequest({ number: event.number, title: event.pull_request.title, body: STATED });

    const result = await run(actionsEnv("pull_request_target", event, { INPUT_FEATURES: "intent" }));

    expect(result).toEqual({ code: 0, out: [] });
    expect(gh.checkRuns).toMatchObject([{ name: "Product intent", conclusion: "success" }]);
  });

  it("fails the step with an error annotation when a handler fails", async () => {
    nock("https://api.github.com").get(`/repos/${OWNER}/${REPO}/contents/.github%2Fintent.yml`).reply(500, { message: "boom" }).get(issuePath).reply(500, { message: "boom" });

    const result = await run(actionsEnv("issues", payload("issues.opened", { issue: { number: ISSUE, body: STATED, labels: [] } }), { INPUT_FEATURES: "intent" }));

    expect(result.code).toBe(1);
    expect(result.out).toHaveLength(2);
    for (const line of result.out) expect(line).toMatch(/^::error title=intentbot::/);
  });

  it("does not catch up on an issue that was deleted", async () => {
    const gh = github();
    const event = payload("issues.deleted", { issue: { number: ISSUE, labels: [] } });

    expect(await run(actionsEnv("issues", event, { INPUT_FEATURES: "intent" }))).toEqual({ code: 0, out: [] });
    expect(gh.calls).toEqual([]);
  });

  it("does nothing, successfully, on an event the app does not handle", async () => {
    expect(await run(actionsEnv("push", { ref: "refs/heads/main" }))).toEqual({
      code: 0,
      out: ["intentbot: nothing to do on a push event; it handles issues, issue_comment, pull_request, pull_request_target, pull_request_review"],
    });
  });

  it("exits 2 without a token, without a record secret, with an unknown feature, or without the event file", async () => {
    const event = payload("issues.opened", { issue: { body: STATED, labels: [] } });
    expect(await run({ ...actionsEnv("issues", event), "INPUT_GITHUB-TOKEN": "" })).toEqual({
      code: 2,
      out: ["::error title=intentbot::no token: pass `github-token` (default: the workflow's GITHUB_TOKEN)"],
    });
    const noSecret = await run({ ...actionsEnv("issues", event), "INPUT_RECORD-SECRET": " " });
    expect(noSecret.code).toBe(2);
    expect(noSecret.out[0]).toMatch(/^::error title=intentbot::no record secret: pass `record-secret`/);
    expect(await run(actionsEnv("issues", event, { INPUT_FEATURES: "intent, nope" }))).toEqual({
      code: 2,
      out: ["::error title=intentbot::unknown feature nope (known: intent, signoff, hacks, dashboard, phases)"],
    });
    const missing = await run({ ...actionsEnv("issues", event), GITHUB_EVENT_PATH: join(dir, "none.json") });
    expect(missing.code).toBe(2);
    expect(missing.out[0]).toMatch(/^::error title=intentbot::cannot read the event payload at GITHUB_EVENT_PATH \(.*none\.json\): ENOENT/);
  });
});

describe("a burst of events, where GitHub cancels a pending run", { timeout: 30_000 }, () => {
  /** A person's comment on the thread, and the issue_comment event its run would get. */
  function commented(gh: FakeGitHub, number: number, body: string, login: string) {
    const comment = gh.addComment(number, body, login);
    const issue = gh.issues.get(number);
    return payload("issue_comment.created", {
      issue: { number, title: issue?.title, body: issue?.body, labels: issue?.labels, pull_request: issue?.pull_request ? { url: "" } : null } as never,
      comment: { id: comment.id, body, user: { login, type: "User" } },
      sender: { login, type: "User" },
    });
  }

  it("the next run on the pull request answers the /hack whose run never started, and no later run does it again", async () => {
    const gh = github();
    gh.config = CONFIG;
    gh.addPullRequest({ number: PR, title: "Hard-code prices", body: STATED, user: { login: AUTHOR, type: "User" }, head: { sha: SHA, ref: "changes" } });
    gh.files.set(PR, FILES);

    const first = commented(gh, PR, "Looks good to me.", "octocat");
    expect((await run(actionsEnv("issue_comment", first, { INPUT_FEATURES: "hacks" }))).code).toBe(0);
    // Its run was pending when the third comment's run queued, so GitHub cancelled it.
    const missed = commented(gh, PR, "/hack Prices are hard-coded for the launch demo. Rebuild by: 2026-12-01", AUTHOR);
    const third = commented(gh, PR, "Thanks!", "octocat");
    expect(gh.reactions).toEqual([]);

    const result = await run(actionsEnv("issue_comment", third, { INPUT_FEATURES: "hacks" }));

    expect(result).toEqual({ code: 0, out: [] });
    expect(gh.unknown).toEqual([]);
    expect(gh.reactions).toMatchObject([{ comment: missed.comment.id, content: "rocket", user: { login: BOT } }]);
    const debt = [...gh.issues.values()].filter((issue) => issue.labels.some((l) => l.name === "rebuild-debt"));
    expect(debt).toHaveLength(1);
    expect(gh.issues.get(PR)?.labels).toEqual([{ name: "hack" }]);

    // A later run finds the command answered: nothing is done twice. (Its reconcile
    // publishes the Hack debt check again, unchanged: each run is a new app.)
    const writes = gh.writes().length;
    const checks = gh.checkRuns.length;
    expect((await run(actionsEnv("issue_comment", commented(gh, PR, "One more thing.", "octocat"), { INPUT_FEATURES: "hacks" }))).code).toBe(0);
    expect(gh.writes().slice(writes)).toEqual([`POST /repos/${OWNER}/${REPO}/check-runs`]);
    expect(gh.checkRuns[checks]).toEqual(gh.checkRuns[checks - 1]);
  });

  it("the next run on the issue applies the edit whose run never started", async () => {
    const gh = github();
    addIssue(gh, "Please fix the login page.");
    expect((await run(actionsEnv("issues", payload("issues.opened", { issue: { number: ISSUE, body: "Please fix the login page.", labels: [] } }), { INPUT_FEATURES: "intent" }))).code).toBe(0);
    expect(gh.issues.get(ISSUE)?.labels).toEqual([{ name: "needs-intent" }]);

    // The author states why and who; that run is cancelled; a comment's run comes next.
    const issue = gh.issues.get(ISSUE);
    if (issue) issue.body = STATED;
    const result = await run(actionsEnv("issue_comment", commented(gh, ISSUE, "Updated the description.", "octocat"), { INPUT_FEATURES: "intent" }));

    expect(result).toEqual({ code: 0, out: [] });
    expect(gh.issues.get(ISSUE)?.labels).toEqual([]);
    expect(gh.comments.find((c) => c.user.login === BOT)?.body).toMatch(new RegExp(`^${MARKER}\\n✅ This issue now states why and who`));
  });
});
