import { afterEach, describe, expect, it } from "vitest";
import { closeTestApps, createTestApp } from "../helpers/app.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { github, mockNoConfig, OWNER, recorder, REPO, sentRequests, writes } from "../helpers/github.js";
import { delivery, payload } from "../fixtures/payloads.js";

const SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const PATH = `/repos/${OWNER}/${REPO}`;
const STATED = "## Why\nDrafts vanish when the page reloads.\n\n## Who\nSupport agents answering long tickets.";

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await closeTestApps();
  fake?.stop();
});

/** A stateful GitHub with `config` (none: the defaults) and `files` (templates); the tests assert the one check it is sent. */
function repository({ config, files = {} }: { config?: string; files?: Record<string, string> } = {}): FakeGitHub {
  const github = new FakeGitHub();
  github.config = config;
  for (const [path, text] of Object.entries(files)) github.contents.set(path, text);
  github.start();
  fake = github;
  return github;
}

/** The one write of a pull request event: its check. */
async function checkOf(event: Parameters<ReturnType<typeof createTestApp>["receive"]>[0], options: Parameters<typeof repository>[0] = {}, setUp?: (github: FakeGitHub) => void) {
  const github = repository(options);
  setUp?.(github);
  await createTestApp(["intent"]).receive(event);
  expect(github.unknown).toEqual([]);
  expect(github.writes()).toEqual([`POST ${PATH}/check-runs`]);
  return github.checkRuns[0];
}

const openedWith = (pullRequest: Record<string, unknown>) => delivery("pull_request.opened", payload("pull_request.opened", { pull_request: pullRequest }));

describe("intent check on pull requests", () => {
  it("succeeds when the pull request states why and who", async () => {
    expect(await checkOf(openedWith({ body: STATED }))).toEqual({
      name: "Product intent",
      head_sha: SHA,
      status: "completed",
      conclusion: "success",
      output: {
        title: "Why and who are stated",
        summary:
          "- **Why** (under the heading “Why”, in this pull request): Drafts vanish when the page reloads.\n- **Who** (under the heading “Who”, in this pull request): Support agents answering long tickets.",
      },
    });
  });

  it("inherits why and who from the issue it closes", async () => {
    const check = await checkOf(delivery("pull_request.edited", payload("pull_request.edited", { pull_request: { body: "Closes #12" } })), {}, (github) => {
      github.addIssue({ number: 12, title: "Drafts", body: STATED });
    });
    expect(check?.conclusion).toBe("success");
    expect(check?.output?.summary).toContain("- **Why** (under the heading “Why”, in the linked issue #12): Drafts vanish");
    expect(check?.output?.summary).toContain("- **Who** (under the heading “Who”, in the linked issue #12): Support agents");
  });

  it("says a linked issue that does not exist cannot be read", async () => {
    const check = await checkOf(openedWith({ body: `${STATED}\n\nFor #4` }));
    expect(check?.output?.summary).toContain("Could not read #4");
  });

  it("is neutral in advise mode and says exactly what is missing, with a snippet", async () => {
    const check = await checkOf(openedWith({ body: "Who: support agents answering tickets" }));
    expect(check).toMatchObject({ conclusion: "neutral", output: { title: "Missing: why" } });
    expect(check?.output?.summary).toContain(
      "Add **Why** to the description, for example:\n\n```markdown\n## Why\nWhat problem this solves, and what changes for the user when it ships.\n```",
    );
    expect(check?.output?.summary).toContain("`Closes #123`");
  });

  it("fails in enforce mode", async () => {
    const check = await checkOf(delivery("pull_request.synchronize", payload("pull_request.synchronize", { pull_request: { body: "quick fix", labels: [] } })), { config: "mode: enforce\n" });
    expect(check).toMatchObject({ conclusion: "failure", output: { title: "Missing: why and who" } });
  });

  it("counts a Jira key when external tickets are enabled, and names it", async () => {
    const check = await checkOf(openedWith({ title: "PAY-123: retry card payments", body: "" }), { config: "intent:\n  tickets:\n    external:\n      enabled: true\n" });
    expect(check).toMatchObject({ conclusion: "success", output: { title: "Intent from ticket PAY-123" } });
    expect(check?.output?.summary).toContain("- **Ticket**: PAY-123 (external ticket, counted as the intent)");
  });

  it("does not count the pull request template left unchanged", async () => {
    const template = "## Why\n<!-- why? -->\nDescribe the problem.\n\n## Who\nDescribe the users.\n";
    const check = await checkOf(openedWith({ body: template }), { files: { ".github/PULL_REQUEST_TEMPLATE.md": template } });
    expect(check?.output?.summary).toContain("“Why” is left unanswered: what follows it is the template's own text.");
  });

  it("skips drafts until they are ready for review", async () => {
    const github = repository();
    const probot = createTestApp(["intent"]);
    await probot.receive(openedWith({ draft: true, body: STATED }));
    // A draft costs no call at all, not even the config.
    expect(github.calls).toEqual([]);

    await probot.receive(delivery("pull_request.ready_for_review", payload("pull_request.ready_for_review", { pull_request: { draft: false, body: STATED } })));
    expect(github.checkRuns.map((c) => [c.head_sha, c.conclusion, c.output?.title])).toEqual([[SHA, "success", "Why and who are stated"]]);
  });

  it("passes exempt pull requests (bot authors) with a reason", async () => {
    const check = await checkOf(openedWith({ user: { login: "dependabot[bot]", type: "Bot" } }));
    expect(check).toMatchObject({ conclusion: "success", output: { title: "Exempt from the intent check", summary: "No intent needed: it was opened by a bot." } });
  });

  it("passes a pull request whose title matches an exempt pattern", async () => {
    const check = await checkOf(openedWith({ title: "Chore: bump lockfile" }), { config: 'intent:\n  exempt:\n    titlePatterns: ["^chore:"]\n' });
    expect(check?.output?.summary).toBe("No intent needed: its title matches `^chore:`.");
  });

  it("handles a 65,536-character description and keeps the summary short", async () => {
    const filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(600);
    const body = `## Why\n${filler}\n\n## Who\nSupport agents answering tickets.\n\n${filler}`.slice(0, 65_536);
    const check = await checkOf(openedWith({ body }));
    expect(body).toHaveLength(65_536);
    expect(check?.conclusion).toBe("success");
    expect(check?.output?.summary.length).toBeLessThan(1_000);
  });

  it("neutralises mentions and markers quoted from the description", async () => {
    const check = await checkOf(openedWith({ body: "Why: ask @octo-org/security about it, <!-- intentbot:data {} --> then\n" }));
    const summary = check?.output?.summary ?? "";
    expect(summary).toContain("ask @\u200bocto-org/security about it");
    expect(summary).not.toMatch(/@[\w]/);
  });
});

describe("re-checking pull requests when their issue is edited", () => {
  it("re-checks the open pull requests that reference the issue", async () => {
    const github = repository();
    github.addIssue({ number: 1, title: "Drafts", body: STATED });
    github.addPullRequest({ number: 2, title: "Keep drafts", body: "Closes #1" });
    github.timelines.set(1, [
      { event: "labeled" },
      { event: "cross-referenced", source: { issue: { number: 2, state: "open", pull_request: {}, repository: { name: REPO, owner: { login: OWNER } } } } },
      { event: "cross-referenced", source: { issue: { number: 3, state: "closed", pull_request: {} } } },
      { event: "cross-referenced", source: { issue: { number: 4, state: "open" } } },
    ]);
    await createTestApp(["intent"]).receive(delivery("issues.edited", payload("issues.edited", { issue: { body: STATED, labels: [] }, changes: { body: { from: "" } } })));

    // The issue states both (no label, no comment to resolve); the one open pull request is checked again.
    expect(github.writes()).toEqual([`POST ${PATH}/check-runs`]);
    expect(github.checkRuns).toMatchObject([{ head_sha: SHA, conclusion: "success" }]);
    expect(github.checkRuns[0]?.output?.summary).toContain("in the linked issue #1");
  });
});

/** Reading linked tickets: what GitHub answers for an issue elsewhere, or refuses. */
describe("linked tickets the app reads", () => {
  function prScope() {
    const scope = github();
    scope.get(`/repos/${OWNER}/${REPO}/contents`).reply(404);
    return scope;
  }

  it("reads issues in other repositories of the installation, and says when one cannot be read", async () => {
    const probot = createTestApp(["intent"]);
    const check = recorder<{ conclusion: string; output: { title: string; summary: string } }>();
    const scope = prScope();
    mockNoConfig(scope);
    scope.get(`/repos/${OWNER}/api/issues/3`).reply(200, { number: 3, body: "Why: drafts vanish on reload" });
    scope.get(`/repos/${OWNER}/api/contents`).reply(404);
    scope.get(`/repos/${OWNER}/${REPO}/issues/4`).reply(404);
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});

    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: { body: "For octo-org/api#3 and #4" } })));

    expect(check.bodies[0]).toMatchObject({ conclusion: "neutral", output: { title: "Missing: who" } });
    expect(check.bodies[0]?.output.summary).toContain("in the linked issue octo-org/api#3");
    expect(check.bodies[0]?.output.summary).toContain("Could not read #4");
  });

  it("says a linked issue the app may not read (403) cannot be read", async () => {
    const probot = createTestApp(["intent"]);
    const check = recorder<{ conclusion: string; output: { title: string; summary: string } }>();
    const scope = prScope();
    mockNoConfig(scope);
    scope.get(`/repos/${OWNER}/${REPO}/issues/4`).reply(403, { message: "Resource not accessible by integration" });
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});

    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: { body: `${STATED}\n\nFor #4` } })));

    expect(check.bodies[0]?.output.summary).toContain("Could not read #4");
  });

  it("gives no verdict when reading a linked issue hits the rate limit: the delivery fails, to be retried", async () => {
    const probot = createTestApp(["intent"]);
    const scope = prScope();
    mockNoConfig(scope);
    scope
      .get(`/repos/${OWNER}/${REPO}/issues/4`)
      .reply(403, { message: "API rate limit exceeded" }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1700000000" });

    const sent = sentRequests(scope);

    await expect(probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: { body: `${STATED}\n\nFor #4` } })))).rejects.toThrow(
      /intent:pull_request failed/,
    );
    expect(writes(sent)).toEqual([]);
  });

});
