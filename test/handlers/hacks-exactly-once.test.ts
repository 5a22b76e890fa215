import { describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/app.js";
import { BOT_LOGIN, github, mockBotIdentity, mockConfig, OWNER, recorder, REPO, sentRequests, writes } from "../helpers/github.js";
import { appDebtIssue, AUTHOR, CONFIG, FILES, hackComment, linkedState, mockFiles, mockNewestDebt, path, PR, prData } from "../helpers/hacks.js";
import { delivery, payload } from "../fixtures/payloads.js";
import { opened as openedBody, sealed } from "../helpers/records.js";

type Scope = ReturnType<typeof github>;
const REPOSITORY_URL = `https://api.github.com/repos/${OWNER}/${REPO}`;

/** The calls of the run that creates debt issue #50; returns what it wrote. */
function mockFirstRun(scope: Scope) {
  const issue = recorder<{ title: string; body: string }>();
  const comment = recorder<{ body: string }>();
  scope.get(path.pr).reply(200, prData());
  scope.get(path.comments(PR)).query({ per_page: 100 }).reply(200, []);
  mockNewestDebt(scope).reply(200, []);
  mockFiles(scope).reply(200, FILES);
  scope.get(path.prTemplate).reply(404);
  scope.post(path.labels).times(2).reply(201, {});
  scope.get(path.assignee(AUTHOR)).reply(204);
  scope.post(path.issues, issue.match).reply(201, { number: 50 });
  scope.post(path.comments(PR), comment.match).reply(201, { id: 900 });
  scope.post(path.issueLabels(PR)).reply(200, []);
  scope.post(path.checks).reply(201, {});
  return { issue, comment };
}

/**
 * The calls of any later run at the same head commit, which finds #50 through the PR's comment and
 * only re-publishes the check (#50's record holds the files the first run read at that commit).
 */
function mockLaterRun(scope: Scope, first: ReturnType<typeof mockFirstRun>) {
  scope.get(path.pr).reply(200, prData({ labels: [{ name: "hack" }] }));
  scope
    .get(path.comments(PR))
    .query({ per_page: 100 })
    .reply(200, () => [{ id: 900, user: { login: BOT_LOGIN }, body: sealed(first.comment.bodies[0]?.body ?? "") }]);
  scope.get(path.issue(50)).reply(200, () => appDebtIssue(50, { body: sealed(first.issue.bodies[0]?.body ?? "") }));
  scope.post(path.checks).reply(201, {});
}

const opened = () => payload("pull_request.opened", { pull_request: { title: "[hack] Hard-code prices" } });

describe("exactly one debt issue per hack PR", () => {
  it("a redelivered event finds the debt issue in the PR's comment and writes nothing new", async () => {
    const scope = github();
    mockConfig(scope, CONFIG);
    mockBotIdentity(scope);
    const first = mockFirstRun(scope);
    const event = delivery("pull_request.opened", opened(), "redelivered");
    await createTestApp(["hacks"]).receive(event);

    // Redelivered to an instance that never saw it (a restart, or another instance).
    mockConfig(scope, CONFIG);
    mockBotIdentity(github());
    mockLaterRun(scope, first);
    const sent = sentRequests(scope);
    await createTestApp(["hacks"]).receive(structuredClone(event));

    expect(first.issue.bodies).toHaveLength(1);
    expect(first.comment.bodies).toHaveLength(1);
    // The redelivery only re-publishes the check: no second debt issue, comment or label.
    expect(writes(sent)).toEqual([`POST ${path.checks}`]);
  });

  it("so does an event after a restart (a new app instance, nothing in memory)", async () => {
    const scope = github();
    mockConfig(scope, CONFIG);
    mockBotIdentity(scope);
    const first = mockFirstRun(scope);
    await createTestApp(["hacks"]).receive(delivery("pull_request.opened", opened()));

    const restarted = github();
    mockConfig(restarted, CONFIG);
    mockBotIdentity(restarted);
    mockLaterRun(restarted, first);
    const sent = sentRequests(restarted);
    await createTestApp(["hacks"]).receive(delivery("pull_request.synchronize", payload("pull_request.synchronize", { pull_request: { title: "[hack] Hard-code prices" } })));

    expect(first.issue.bodies).toHaveLength(1);
    expect(writes(sent)).toEqual([`POST ${path.checks}`]);
  });

  it("after a crash between creating the issue and commenting, the app's newest debt issues hold it and only the comment is written", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    const comment = recorder<{ body: string }>();
    const created = appDebtIssue(50);
    mockConfig(scope, CONFIG);
    scope.get(path.pr).reply(200, prData());
    mockBotIdentity(scope);
    scope.get(path.comments(PR)).query({ per_page: 100 }).reply(200, []);
    mockNewestDebt(scope).reply(200, [
      { number: 51, user: { login: BOT_LOGIN }, repository_url: REPOSITORY_URL, body: sealed(openedBody(appDebtIssue(51, {}, {}).body).replace('"number":2,', '"number":3,')) },
      { number: 50, user: { login: BOT_LOGIN }, repository_url: REPOSITORY_URL, body: created.body },
    ]);
    // #50's record holds the files the crashed run read at this head: they are not read again.
    scope.get(path.issue(50)).reply(200, created);
    scope.post(path.comments(PR), comment.match).reply(201, { id: 900 });
    scope.post(path.labels).reply(201, {});
    scope.post(path.issueLabels(PR)).reply(200, []);
    scope.post(path.checks).reply(201, {});

    await probot.receive(delivery("pull_request.opened", opened()));
    expect(comment.bodies[0]?.body).toContain("Its rebuild debt is tracked in #50 (created by intentbot).");
  });

  it("a failed read of the linked debt issue creates nothing and fails the delivery, so it is redelivered", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    mockConfig(scope, CONFIG);
    scope.get(path.pr).reply(200, prData({ labels: [{ name: "hack" }] }));
    mockBotIdentity(scope);
    scope
      .get(path.comments(PR))
      .query({ per_page: 100 })
      .reply(200, [hackComment(900, linkedState(50))]);
    scope.get(path.issue(50)).reply(403, { message: "You have exceeded a secondary rate limit" });
    const sent = sentRequests(scope);

    await expect(
      probot.receive(delivery("pull_request.synchronize", payload("pull_request.synchronize", { pull_request: { title: "[hack] Hard-code prices" } }))),
    ).rejects.toThrow(/hacks:pull_request failed/);
    expect(writes(sent)).toEqual([]);
  });

  it("concurrent labeled and edited events create one debt issue", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    const issue = recorder<{ title: string; body: string }>();
    const comment = recorder<{ body: string }>();
    mockConfig(scope, CONFIG);
    mockConfig(scope, CONFIG);
    mockBotIdentity(scope);
    const labelled = prData({ labels: [{ name: "hack" }] });
    scope.get(path.pr).times(2).reply(200, labelled);
    // Whichever run holds the PR's lock second sees the first run's comment (each run lists once, under the lock).
    scope
      .get(path.comments(PR))
      .query({ per_page: 100 })
      .times(2)
      .reply(200, () => comment.bodies.map((c, i) => ({ id: 900 + i, user: { login: BOT_LOGIN }, body: sealed(c.body) })));
    mockNewestDebt(scope).reply(200, []);
    // Read once, by the run that creates #50: the other finds them in its record, read at the same head.
    mockFiles(scope).reply(200, FILES);
    scope.get(path.prTemplate).reply(404);
    scope.post(path.labels).reply(201, {});
    scope.get(path.assignee(AUTHOR)).reply(204);
    scope.post(path.issues, issue.match).reply(201, { number: 50 });
    scope.get(path.issue(50)).reply(200, () => appDebtIssue(50, { body: sealed(issue.bodies[0]?.body ?? "") }));
    scope.post(path.comments(PR), comment.match).reply(201, { id: 900 });
    // The second run's "Hack debt" check is the first one's again: it is not re-published.
    const checks = recorder();
    scope.post(path.checks, checks.match).reply(201, {});

    const hack = { title: "[hack] Hard-code prices", labels: [{ name: "hack" }] };
    await Promise.all([
      probot.receive(delivery("pull_request.labeled", payload("pull_request.labeled", { label: { name: "hack" }, pull_request: hack }))),
      probot.receive(delivery("pull_request.edited", payload("pull_request.edited", { pull_request: hack, changes: { body: { from: "" } } }))),
    ]);

    expect(issue.bodies).toHaveLength(1);
    expect(comment.bodies).toHaveLength(1);
    expect(checks.bodies).toHaveLength(1);
  });
});
