import { describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/app.js";
import { github, mockConfig, mockNoConfig, OWNER, recorder, REPO, sentRequests, writes } from "../helpers/github.js";
import { delivery, payload } from "../fixtures/payloads.js";

const SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const STATED = "## Why\nDrafts vanish when the page reloads.\n\n## Who\nSupport agents answering long tickets.";

interface CheckBody {
  name: string;
  head_sha: string;
  status: string;
  conclusion: string;
  output: { title: string; summary: string };
}

/** A repository with no templates, or with one at `.github/PULL_REQUEST_TEMPLATE.md` (the upper-case spelling). */
function prScope(options: { template?: string } = {}) {
  const scope = github();
  if (!options.template) {
    scope.get(`/repos/${OWNER}/${REPO}/contents`).reply(404);
    return scope;
  }
  scope.get(`/repos/${OWNER}/${REPO}/contents`).reply(200, [{ type: "dir", name: ".github", path: ".github" }]);
  scope.get(`/repos/${OWNER}/${REPO}/contents/.github`).reply(200, [{ type: "file", name: "PULL_REQUEST_TEMPLATE.md", path: ".github/PULL_REQUEST_TEMPLATE.md" }]);
  scope.get(`/repos/${OWNER}/${REPO}/contents/.github%2FPULL_REQUEST_TEMPLATE.md`).reply(200, options.template);
  return scope;
}

function noIssueTemplates(scope: ReturnType<typeof github>) {
  return scope.get(`/repos/${OWNER}/${REPO}/contents`).reply(404);
}

describe("intent check on pull requests", () => {
  it("succeeds when the pull request states why and who", async () => {
    const probot = createTestApp(["intent"]);
    const check = recorder<CheckBody>();
    const scope = github();
    mockNoConfig(scope);
    scope.get(`/repos/${OWNER}/${REPO}/contents`).reply(404);
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});

    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: { body: STATED } })));

    expect(check.bodies).toEqual([
      {
        name: "Product intent",
        head_sha: SHA,
        status: "completed",
        conclusion: "success",
        output: {
          title: "Why and who are stated",
          summary:
            "- **Why** (under the heading “Why”, in this pull request): Drafts vanish when the page reloads.\n- **Who** (under the heading “Who”, in this pull request): Support agents answering long tickets.",
        },
      },
    ]);
  });

  it("inherits why and who from the issue it closes", async () => {
    const probot = createTestApp(["intent"]);
    const check = recorder<CheckBody>();
    const scope = prScope();
    mockNoConfig(scope);
    // The repository's listing is cached: the issue templates are looked for in the same one.
    scope.get(`/repos/${OWNER}/${REPO}/issues/12`).reply(200, { number: 12, body: STATED });
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});

    await probot.receive(delivery("pull_request.edited", payload("pull_request.edited", { pull_request: { body: "Closes #12" } })));

    expect(check.bodies[0]?.conclusion).toBe("success");
    expect(check.bodies[0]?.output.summary).toContain("- **Why** (under the heading “Why”, in the linked issue #12): Drafts vanish");
    expect(check.bodies[0]?.output.summary).toContain("- **Who** (under the heading “Who”, in the linked issue #12): Support agents");
  });

  it("reads issues in other repositories of the installation, and says when one cannot be read", async () => {
    const probot = createTestApp(["intent"]);
    const check = recorder<CheckBody>();
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
    const check = recorder<CheckBody>();
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

  it("is neutral in advise mode and says exactly what is missing, with a snippet", async () => {
    const probot = createTestApp(["intent"]);
    const check = recorder<CheckBody>();
    const scope = prScope();
    mockNoConfig(scope);
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});

    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: { body: "Who: support agents answering tickets" } })));

    expect(check.bodies[0]).toMatchObject({ conclusion: "neutral", output: { title: "Missing: why" } });
    expect(check.bodies[0]?.output.summary).toContain(
      "Add **Why** to the description, for example:\n\n```markdown\n## Why\nWhat problem this solves, and what changes for the user when it ships.\n```",
    );
    expect(check.bodies[0]?.output.summary).toContain("`Closes #123`");
  });

  it("fails in enforce mode", async () => {
    const probot = createTestApp(["intent"]);
    const check = recorder<CheckBody>();
    const scope = prScope();
    mockConfig(scope, "mode: enforce\n");
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});

    await probot.receive(delivery("pull_request.synchronize", payload("pull_request.synchronize", { pull_request: { body: "quick fix", labels: [] } })));
    expect(check.bodies[0]).toMatchObject({ conclusion: "failure", output: { title: "Missing: why and who" } });
  });

  it("counts a Jira key when external tickets are enabled, and names it", async () => {
    const probot = createTestApp(["intent"]);
    const check = recorder<CheckBody>();
    const scope = prScope();
    mockConfig(scope, "intent:\n  tickets:\n    external:\n      enabled: true\n");
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});

    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: { title: "PAY-123: retry card payments", body: "" } })));
    expect(check.bodies[0]).toMatchObject({ conclusion: "success", output: { title: "Intent from ticket PAY-123" } });
    expect(check.bodies[0]?.output.summary).toContain("- **Ticket**: PAY-123 (external ticket, counted as the intent)");
  });

  it("does not count the pull request template left unchanged", async () => {
    const template = "## Why\n<!-- why? -->\nDescribe the problem.\n\n## Who\nDescribe the users.\n";
    const probot = createTestApp(["intent"]);
    const check = recorder<CheckBody>();
    const scope = prScope({ template });
    mockNoConfig(scope);
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});

    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: { body: template } })));
    expect(check.bodies[0]?.output.summary).toContain("“Why” is left unanswered: what follows it is the template's own text.");
  });

  it("skips drafts until they are ready for review", async () => {
    const probot = createTestApp(["intent"]);
    const sent = sentRequests();
    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: { draft: true, body: STATED } })));
    // A draft costs no call at all, not even the config.
    expect(sent).toEqual([]);

    const check = recorder<CheckBody>();
    const scope = prScope();
    mockNoConfig(scope);
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});
    await probot.receive(delivery("pull_request.ready_for_review", payload("pull_request.ready_for_review", { pull_request: { draft: false, body: STATED } })));
    expect(check.bodies.map((b) => [b.head_sha, b.conclusion, b.output.title])).toEqual([[SHA, "success", "Why and who are stated"]]);
  });

  it("passes exempt pull requests (bot authors) with a reason", async () => {
    const probot = createTestApp(["intent"]);
    const check = recorder<CheckBody>();
    const scope = github();
    mockNoConfig(scope);
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});

    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: { user: { login: "dependabot[bot]", type: "Bot" } } })));
    expect(check.bodies[0]).toMatchObject({ conclusion: "success", output: { title: "Exempt from the intent check", summary: "No intent needed: it was opened by a bot." } });
  });

  it("passes a pull request whose title matches an exempt pattern", async () => {
    const probot = createTestApp(["intent"]);
    const check = recorder<CheckBody>();
    const scope = github();
    mockConfig(scope, 'intent:\n  exempt:\n    titlePatterns: ["^chore:"]\n');
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});

    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: { title: "Chore: bump lockfile" } })));
    expect(check.bodies[0]?.output.summary).toBe("No intent needed: its title matches `^chore:`.");
  });

  it("handles a 65,536-character description and keeps the summary short", async () => {
    const filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(600);
    const body = `## Why\n${filler}\n\n## Who\nSupport agents answering tickets.\n\n${filler}`.slice(0, 65_536);
    const probot = createTestApp(["intent"]);
    const check = recorder<CheckBody>();
    const scope = prScope();
    mockNoConfig(scope);
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});

    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: { body } })));
    expect(body).toHaveLength(65_536);
    expect(check.bodies[0]?.conclusion).toBe("success");
    expect(check.bodies[0]?.output.summary.length).toBeLessThan(1_000);
  });

  it("neutralises mentions and markers quoted from the description", async () => {
    const probot = createTestApp(["intent"]);
    const check = recorder<CheckBody>();
    const scope = prScope();
    mockNoConfig(scope);
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});

    await probot.receive(
      delivery("pull_request.opened", payload("pull_request.opened", { pull_request: { body: "Why: ask @octo-org/security about it, <!-- intentbot:data {} --> then\n" } })),
    );
    const summary = check.bodies[0]?.output.summary ?? "";
    expect(summary).toContain("ask @\u200bocto-org/security about it");
    expect(summary).not.toMatch(/@[\w]/);
  });
});

describe("re-checking pull requests when their issue is edited", () => {
  it("re-checks the open pull requests that reference the issue", async () => {
    const probot = createTestApp(["intent"]);
    const check = recorder<CheckBody>();
    const scope = github();
    const issue = `/repos/${OWNER}/${REPO}/issues/1`;
    mockNoConfig(scope);
    noIssueTemplates(scope);
    scope.get(`${issue}/comments`).query({ per_page: 100 }).reply(200, []);
    scope.get("/app").reply(200, { slug: "intentbot" });
    scope.get(`${issue}/timeline`).query({ per_page: 100 }).reply(200, [
      { event: "labeled" },
      { event: "cross-referenced", source: { issue: { number: 2, state: "open", pull_request: {}, repository: { name: REPO, owner: { login: OWNER } } } } },
      { event: "cross-referenced", source: { issue: { number: 3, state: "closed", pull_request: {} } } },
      { event: "cross-referenced", source: { issue: { number: 4, state: "open" } } },
    ]);
    mockNoConfig(scope);
    scope.get(`/repos/${OWNER}/${REPO}/pulls/2`).reply(200, { number: 2, state: "open", title: "Keep drafts", body: "Closes #1", draft: false, labels: [], user: { type: "User" }, head: { sha: SHA } });
    scope.get(issue).reply(200, { number: 1, body: STATED });
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});

    await probot.receive(delivery("issues.edited", payload("issues.edited", { issue: { body: STATED, labels: [] }, changes: { body: { from: "" } } })));
    expect(check.bodies).toHaveLength(1);
    expect(check.bodies[0]).toMatchObject({ head_sha: SHA, conclusion: "success" });
  });
});
