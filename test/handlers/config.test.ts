import { describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/app.js";
import { CONFIG_REQUEST, github, mockBotIdentity, mockConfig, ORG_CONFIG_REQUEST, OWNER, recorder, REPO, sentRequests, TOKEN_REQUEST, writes } from "../helpers/github.js";
import { SHA } from "../helpers/hacks.js";
import { delivery, payload } from "../fixtures/payloads.js";

type Scope = ReturnType<typeof github>;

const RAW = { "content-type": "application/vnd.github.v3.raw; charset=utf-8" };
const ISSUE = `/repos/${OWNER}/${REPO}/issues/1`;
const CHECKS = `/repos/${OWNER}/${REPO}/check-runs`;

/**
 * One file with a problem of each kind a feature passes on: a value that is
 * not allowed (its line counted past a comment), a value of the wrong type,
 * and an unknown key in two sections.
 */
const INVALID = ["# intentbot", "mode: strict", "intent:", "  minWords: three", "  colour: red", "hacks:", "  createDebtIsue: false", ""].join("\n");
/** Its problems as every feature reports them, in order: key, file and line, the value given, what is allowed. */
const PROBLEMS = [
  '- `mode` (`octo-org/widgets/.github/intent.yml`, line 2) — given `"strict"`; allowed: one of `advise`, `enforce`',
  '- `intent.minWords` (`octo-org/widgets/.github/intent.yml`, line 4) — given `"three"`; allowed: a value of type number',
  // An unknown key's allowed values are its section's keys (the list grows with the schema).
  expect.stringContaining('- `intent.colour` (`octo-org/widgets/.github/intent.yml`, line 5) — given `"red"`; allowed: one of the keys `enabled`, `issues`, `pullRequests`, '),
  expect.stringContaining("- `hacks.createDebtIsue` (`octo-org/widgets/.github/intent.yml`, line 7) — given `false`; allowed: one of the keys `enabled`, `label`, `debtLabel`, "),
];

/** The lines of a report that each name one problem. */
const problemLines = (report: string | undefined) => (report ?? "").split("\n").filter((line) => line.startsWith("- "));

/** What intent's comment on a new issue says when GitHub serves the config files `mock` sets up. */
async function issueCommentWith(mock: (scope: Scope) => void): Promise<string | undefined> {
  const probot = createTestApp(["intent"]);
  const comment = recorder<{ body: string }>();
  const scope = github();
  mock(scope);
  mockBotIdentity(scope);
  scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, []);
  scope.post(`${ISSUE}/comments`, comment.match).reply(201, { id: 1 });
  await probot.receive(delivery("issues.opened", payload("issues.opened", { issue: { body: "fix it", labels: [] } })));
  expect(comment.bodies).toHaveLength(1);
  return comment.bodies[0]?.body;
}

describe("loading .github/intent.yml", () => {
  it("falls back to the organisation's .github repository", async () => {
    const probot = createTestApp(["intent"]);
    const scope = github();
    const sent = sentRequests(scope);
    scope.get(`/repos/${OWNER}/${REPO}/contents/.github%2Fintent.yml`).reply(404);
    scope.get(`/repos/${OWNER}/.github/contents/.github%2Fintent.yml`).reply(200, "intent:\n  exempt:\n    labels: [bug]\n", RAW);

    // The example issue carries the label `bug`, exempt by the org's config: nothing else happens.
    await probot.receive(delivery("issues.opened", payload("issues.opened", { issue: { body: "fix it" } })));
    expect(sent).toEqual([TOKEN_REQUEST, CONFIG_REQUEST, ORG_CONFIG_REQUEST]);
  });

  it("follows _extends and reports a problem in the extended file with its own path and line", async () => {
    const body = await issueCommentWith((scope) => {
      mockConfig(scope, "_extends: shared\nmode: enforce\n");
      scope.get(`/repos/${OWNER}/shared/contents/.github%2Fintent.yml`).reply(200, "intent:\n  minWords: 0\n", RAW);
    });
    expect(body).toContain("- `intent.minWords` (`octo-org/shared/.github/intent.yml`, line 2) — given `0`; allowed: a number ≥ 1");
  });

  it("reports a YAML syntax error with its line", async () => {
    const body = await issueCommentWith((scope) => mockConfig(scope, "mode: advise\nintent: [unclosed\n"));
    expect(body).toMatch(/- the file \(`octo-org\/widgets\/\.github\/intent\.yml`, line \d\) — given `[^`]+`; allowed: valid YAML/);
  });
});

describe("_extends that cannot be followed", () => {
  it("reports a malformed value with its line instead of failing the event", async () => {
    const body = await issueCommentWith((scope) => mockConfig(scope, "mode: enforce\n_extends: ../../etc\n"));
    expect(body).toContain("- `_extends` (`octo-org/widgets/.github/intent.yml`, line 2) — given `\"../../etc\"`; allowed: `repo`, `owner/repo` or `owner/repo:path.yml`");
  });

  it("reports a file that extends one already read", async () => {
    const body = await issueCommentWith((scope) => {
      mockConfig(scope, "_extends: shared\n");
      scope.get(`/repos/${OWNER}/shared/contents/.github%2Fintent.yml`).reply(200, `_extends: ${REPO}\n`, RAW);
    });
    expect(body).toContain("- `_extends` (`octo-org/shared/.github/intent.yml`, line 1) — given `\"widgets\"`; allowed: `repo`, `owner/repo` or `owner/repo:path.yml` naming a file not already extended");
  });
});

describe("an invalid config with every feature loaded", () => {
  it("is read once per delivery and reported on each feature's check run", async () => {
    const probot = createTestApp();
    const check = recorder<{ name: string; conclusion: string; output: { summary: string } }>();
    const scope = github();
    mockConfig(scope, INVALID);
    scope.post(CHECKS, check.match).times(3).reply(201, {});

    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", {})));
    expect(check.bodies.map((b) => b.name).sort()).toEqual(["Cross-team sign-off", "Hack debt", "Product intent"]);
    for (const body of check.bodies) {
      expect(body.conclusion).toBe("failure");
      expect(problemLines(body.output.summary)).toEqual(PROBLEMS);
    }
  });
});

describe("an invalid config, reported where each feature reports", () => {
  const checks = [
    { feature: "intent", name: "Product intent" },
    { feature: "hacks", name: "Hack debt" },
    { feature: "signoff", name: "Cross-team sign-off" },
  ] as const;

  for (const { feature, name } of checks) {
    it(`${feature}: its check run “${name}”, and nothing else`, async () => {
      const probot = createTestApp([feature]);
      const check = recorder<{ name: string; head_sha: string; status: string; conclusion: string; output: { title: string; summary: string } }>();
      const scope = github();
      const sent = sentRequests(scope);
      mockConfig(scope, INVALID);
      scope.post(CHECKS, check.match).reply(201, {});

      await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", {})));
      expect(check.bodies).toEqual([{ name, head_sha: SHA, status: "completed", conclusion: "failure", output: { title: "Invalid .github/intent.yml", summary: expect.any(String) } }]);
      expect(problemLines(check.bodies[0]?.output.summary)).toEqual(PROBLEMS);
      expect(writes(sent)).toEqual([`POST ${CHECKS}`]);
    });
  }

  const comment = (body: string, issue: Record<string, unknown>) =>
    delivery("issue_comment.created", payload("issue_comment.created", { issue, comment: { id: 77, body, user: { login: "lead", type: "User" } }, sender: { login: "lead", type: "User" } } as never));
  const onPullRequest = { number: 2, pull_request: { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/2` } };
  const onIssue = { number: 1, pull_request: undefined };

  const comments = [
    { feature: "hacks", where: "its reply to /hack", event: comment("/hack for the demo", onPullRequest), thread: 2, command: true },
    { feature: "signoff", where: "its reply to /signoff", event: comment("/signoff @octo-org/web", onPullRequest), thread: 2, command: true },
    { feature: "phases", where: "its reply to /phase", event: comment("/phase\n1. One", onIssue), thread: 1, command: true },
    { feature: "dashboard", where: "its reply to /dashboard", event: comment("/dashboard refresh", onIssue), thread: 1, command: true },
    { feature: "intent", where: "its comment on the issue", event: delivery("issues.opened", payload("issues.opened", { issue: { body: "fix it", labels: [] } })), thread: 1, command: false },
  ] as const;

  for (const { feature, where, event, thread, command } of comments) {
    it(`${feature}: ${where}`, async () => {
      const probot = createTestApp([feature]);
      const reply = recorder<{ body: string }>();
      const reactions = recorder<{ content: string }>();
      const scope = github();
      mockConfig(scope, INVALID);
      mockBotIdentity(scope);
      scope.get(`/repos/${OWNER}/${REPO}/issues/${thread}/comments`).query({ per_page: 100 }).reply(200, []);
      scope.post(`/repos/${OWNER}/${REPO}/issues/${thread}/comments`, reply.match).reply(201, { id: 1 });
      if (command) scope.post(`/repos/${OWNER}/${REPO}/issues/comments/77/reactions`, reactions.match).reply(201, {});

      await probot.receive(structuredClone(event));
      expect(reply.bodies).toHaveLength(1);
      expect(problemLines(reply.bodies[0]?.body)).toEqual(PROBLEMS);
      // Every command answers the same way: the reply, and 😕.
      expect(reactions.bodies.map((b) => b.content)).toEqual(command ? ["confused"] : []);
    });
  }
});
