import { afterEach, describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/app.js";
import type { FakeGitHub } from "../helpers/fake-github.js";
import { BOT_LOGIN, github as nockGitHub, mockBotIdentity, mockConfig, sentRequests, writes } from "../helpers/github.js";
import { appDebtIssue, CONFIG, hackComment, hackRepository, linkedState, path, payloadPr, PR, prData } from "../helpers/hacks.js";
import { delivery, payload } from "../fixtures/payloads.js";
import { opened as openedBody, sealed } from "../helpers/records.js";

let fake: FakeGitHub | undefined;
afterEach(() => fake?.stop());

/** PR #2 on the fake GitHub, a hack by its title, not yet labelled. */
function repository(): FakeGitHub {
  fake = hackRepository();
  return fake;
}

const CHECK = "POST /repos/octo-org/widgets/check-runs";
/** The issues the app created (the fake numbers them from 101). */
const created = (github: FakeGitHub) => [...github.issues.values()].filter((issue) => issue.number > 100);

describe("exactly one debt issue per hack PR", () => {
  it("a redelivered event finds the debt issue in the PR's comment and creates nothing new", async () => {
    const github = repository();
    const event = delivery("pull_request.opened", payload("pull_request.opened", { pull_request: payloadPr(github) }), "redelivered");
    await createTestApp(["hacks"]).receive(event);
    const first = github.writes().length;

    // Redelivered to an instance that never saw it (a restart, or another instance).
    await createTestApp(["hacks"]).receive(structuredClone(event));

    expect(github.unknown).toEqual([]);
    expect(created(github)).toHaveLength(1);
    expect(github.comments).toHaveLength(1);
    // No second debt issue or comment: the redelivery's payload predates the label the first run added, which
    // the record shows, so the PR is read again rather than labelled again; only the check is re-published.
    expect(github.calls).toContain("GET /repos/octo-org/widgets/pulls/2");
    expect(github.writes().slice(first)).toEqual([CHECK]);
    expect(github.issues.get(PR)?.labels).toEqual([{ name: "hack" }]);
  });

  it("so does an event after a restart (a new app instance, nothing in memory)", async () => {
    const github = repository();
    await createTestApp(["hacks"]).receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: payloadPr(github) })));
    const first = github.writes().length;

    await createTestApp(["hacks"]).receive(delivery("pull_request.synchronize", payload("pull_request.synchronize", { pull_request: payloadPr(github) })));

    expect(github.unknown).toEqual([]);
    expect(created(github)).toHaveLength(1);
    // The files were read at this head by the first run (#101's record says so): only the check is published.
    expect(github.writes().slice(first)).toEqual([CHECK]);
  });

  it("after a crash between creating the issue and commenting, the app's newest debt issues hold it and only the comment is written", async () => {
    const github = repository();
    const other = appDebtIssue(51);
    github.addIssue({ ...other, state: "open", body: sealed(openedBody(other.body).replace('"number":2,', '"number":3,')), user: { login: BOT_LOGIN, type: "Bot" } });
    github.addIssue({ ...appDebtIssue(50), state: "open", user: { login: BOT_LOGIN, type: "Bot" } });

    await createTestApp(["hacks"]).receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: payloadPr(github) })));

    expect(github.unknown).toEqual([]);
    expect(created(github)).toEqual([]);
    // #50's record holds the files the crashed run read at this head: they are not read again.
    expect(github.calls).not.toContain("GET /repos/octo-org/widgets/pulls/2/files");
    expect(github.writes()).toEqual(["POST /repos/octo-org/widgets/issues/2/comments", "POST /repos/octo-org/widgets/labels", "POST /repos/octo-org/widgets/issues/2/labels", CHECK]);
    expect(openedBody(github.comments[0]?.body ?? "")).toContain("Its rebuild debt is tracked in #50 (created by intentbot).");
  });

  it("a failed read of the linked debt issue creates nothing and fails the delivery, so it is redelivered", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = nockGitHub();
    mockConfig(scope, CONFIG);
    mockBotIdentity(scope);
    scope
      .get(path.comments(PR))
      .query({ per_page: 100 })
      .reply(200, [hackComment(900, linkedState(50))]);
    // The payload lacks the label the record says the PR carries: it may be stale, so the PR is read.
    scope.get(path.pr).reply(200, prData({ title: "[hack] Hard-code prices", labels: [{ name: "hack" }] }));
    scope.get(path.issue(50)).reply(403, { message: "You have exceeded a secondary rate limit" });
    const sent = sentRequests(scope);

    await expect(
      probot.receive(delivery("pull_request.synchronize", payload("pull_request.synchronize", { pull_request: { title: "[hack] Hard-code prices" } }))),
    ).rejects.toThrow(/hacks:pull_request failed/);
    expect(writes(sent)).toEqual([]);
  });

  it("concurrent labeled and edited events create one debt issue", async () => {
    const probot = createTestApp(["hacks"]);
    const github = repository();
    github.issues.get(PR)?.labels.push({ name: "hack" });
    const pr = payloadPr(github);

    await Promise.all([
      probot.receive(delivery("pull_request.labeled", payload("pull_request.labeled", { label: { name: "hack" }, pull_request: pr }))),
      probot.receive(delivery("pull_request.edited", payload("pull_request.edited", { pull_request: pr, changes: { body: { from: "" } } }))),
    ]);

    expect(github.unknown).toEqual([]);
    expect(created(github)).toHaveLength(1);
    expect(github.comments).toHaveLength(1);
    // The second run's "Hack debt" check is the first one's again: it is not re-published.
    expect(github.checkRuns).toHaveLength(1);
  });
});
