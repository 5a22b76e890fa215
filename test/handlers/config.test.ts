import { describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/app.js";
import { CONFIG_REQUEST, github, mockBotIdentity, mockConfig, ORG_CONFIG_REQUEST, OWNER, recorder, REPO, sentRequests, TOKEN_REQUEST } from "../helpers/github.js";
import { delivery, payload } from "../fixtures/payloads.js";

const RAW = { "content-type": "application/vnd.github.v3.raw; charset=utf-8" };
const ISSUE = `/repos/${OWNER}/${REPO}/issues/1`;

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
    const probot = createTestApp(["intent"]);
    const comment = recorder<{ body: string }>();
    const scope = github();
    mockConfig(scope, "_extends: shared\nmode: enforce\n");
    scope.get(`/repos/${OWNER}/shared/contents/.github%2Fintent.yml`).reply(200, "intent:\n  minWords: 0\n", RAW);
    mockBotIdentity(scope);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, []);
    scope.post(`${ISSUE}/comments`, comment.match).reply(201, { id: 1 });

    await probot.receive(delivery("issues.opened", payload("issues.opened", { issue: { body: "fix it", labels: [] } })));
    expect(comment.bodies[0]?.body).toContain("- `intent.minWords` (`octo-org/shared/.github/intent.yml`, line 2) — given `0`; allowed: a number ≥ 1");
  });
});

describe("_extends that cannot be followed", () => {
  async function reported(mock: (scope: ReturnType<typeof github>) => void): Promise<string | undefined> {
    const probot = createTestApp(["intent"]);
    const comment = recorder<{ body: string }>();
    const scope = github();
    mock(scope);
    mockBotIdentity(scope);
    scope.get(`${ISSUE}/comments`).query({ per_page: 100 }).reply(200, []);
    scope.post(`${ISSUE}/comments`, comment.match).reply(201, { id: 1 });
    await probot.receive(delivery("issues.opened", payload("issues.opened", { issue: { body: "fix it", labels: [] } })));
    return comment.bodies[0]?.body;
  }

  it("reports a malformed value with its line instead of failing the event", async () => {
    const body = await reported((scope) => mockConfig(scope, "mode: enforce\n_extends: ../../etc\n"));
    expect(body).toContain("- `_extends` (`octo-org/widgets/.github/intent.yml`, line 2) — given `\"../../etc\"`; allowed: `repo`, `owner/repo` or `owner/repo:path.yml`");
  });

  it("reports a file that extends one already read", async () => {
    const body = await reported((scope) => {
      mockConfig(scope, "_extends: shared\n");
      scope.get(`/repos/${OWNER}/shared/contents/.github%2Fintent.yml`).reply(200, `_extends: ${REPO}\n`, RAW);
    });
    expect(body).toContain("- `_extends` (`octo-org/shared/.github/intent.yml`, line 1) — given `\"widgets\"`; allowed: `repo`, `owner/repo` or `owner/repo:path.yml` naming a file not already extended");
  });
});

describe("an invalid config with every feature loaded", () => {
  it("is read once per delivery and reported on each feature's check run", async () => {
    const yaml = "mode: strict\n";
    const probot = createTestApp();
    const check = recorder<{ name: string; conclusion: string; output: { summary: string } }>();
    const scope = github();
    mockConfig(scope, yaml);
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).times(3).reply(201, {});

    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", {})));
    expect(check.bodies.map((b) => b.name).sort()).toEqual(["Cross-team sign-off", "Hack debt", "Product intent"]);
    for (const body of check.bodies) {
      expect(body.conclusion).toBe("failure");
      expect(body.output.summary).toContain('- `mode` (`octo-org/widgets/.github/intent.yml`, line 1) — given `"strict"`; allowed: one of `advise`, `enforce`');
    }
  });
});

describe("an invalid config, reported where each feature reports", () => {
  const yaml = "mode: strict\n";
  const problem = '- `mode` (`octo-org/widgets/.github/intent.yml`, line 1) — given `"strict"`; allowed: one of `advise`, `enforce`';
  const comment = (body: string, issue: Record<string, unknown>) =>
    delivery("issue_comment.created", payload("issue_comment.created", { issue, comment: { id: 77, body, user: { login: "lead", type: "User" } }, sender: { login: "lead", type: "User" } } as never));
  const onPullRequest = { number: 2, pull_request: { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/2` } };
  const onIssue = { number: 1, pull_request: undefined };

  const cases = [
    { feature: "hacks", where: "its reply to /hack", event: comment("/hack for the demo", onPullRequest), thread: 2, command: true },
    { feature: "signoff", where: "its reply to /signoff", event: comment("/signoff @octo-org/web", onPullRequest), thread: 2, command: true },
    { feature: "phases", where: "its reply to /phase", event: comment("/phase\n1. One", onIssue), thread: 1, command: true },
    { feature: "dashboard", where: "its reply to /dashboard", event: comment("/dashboard refresh", onIssue), thread: 1, command: true },
    { feature: "intent", where: "its comment on the issue", event: delivery("issues.opened", payload("issues.opened", { issue: { body: "fix it", labels: [] } })), thread: 1, command: false },
  ] as const;

  for (const { feature, where, event, thread, command } of cases) {
    it(`${feature}: ${where}`, async () => {
      const probot = createTestApp([feature]);
      const reply = recorder<{ body: string }>();
      const reactions = recorder<{ content: string }>();
      const scope = github();
      mockConfig(scope, yaml);
      mockBotIdentity(scope);
      scope.get(`/repos/${OWNER}/${REPO}/issues/${thread}/comments`).query({ per_page: 100 }).reply(200, []);
      scope.post(`/repos/${OWNER}/${REPO}/issues/${thread}/comments`, reply.match).reply(201, { id: 1 });
      if (command) scope.post(`/repos/${OWNER}/${REPO}/issues/comments/77/reactions`, reactions.match).reply(201, {});

      await probot.receive(structuredClone(event));
      expect(reply.bodies).toHaveLength(1);
      expect(reply.bodies[0]?.body).toContain(problem);
      // Every command answers the same way: the reply, and 😕.
      expect(reactions.bodies.map((b) => b.content)).toEqual(command ? ["confused"] : []);
    });
  }
});
