import { describe, expect, it } from "vitest";
import { debtRecordMarker, readDebtRecord } from "../../src/core/debt/record.js";
import { spliceDebtBody, updateRecord } from "../../src/core/hacks/debt.js";
import { renderDebtRegion } from "../../src/core/hacks/render.js";
import { createTestApp } from "../helpers/app.js";
import { BOT_LOGIN, CONFIG_REQUEST, github, mockBotIdentity, mockConfig, OWNER, recorder, REPO, sentRequests, TOKEN_REQUEST, writes } from "../helpers/github.js";
import { appDebtIssue, botComment, CONFIG, hackComment, linkedState, path, PR, prData } from "../helpers/hacks.js";
import { opened, sealed } from "../helpers/records.js";
import { delivery, payload } from "../fixtures/payloads.js";

type Scope = ReturnType<typeof github>;
const repo = { owner: OWNER, repo: REPO };

/** A later run on PR #2, linked to #50 by its comment. */
function mockLinkedRun(scope: Scope, pr: ReturnType<typeof prData>, debt: ReturnType<typeof appDebtIssue>, debtPatches: number, state = linkedState(50)) {
  const prComment = recorder<{ body: string }>();
  const debtUpdates = recorder<Record<string, unknown>>();
  scope.get(path.pr).reply(200, pr);
  mockBotIdentity(scope);
  scope.get(path.comments(PR)).query({ per_page: 100 }).reply(200, [hackComment(900, state)]);
  scope.get(path.issue(50)).reply(200, debt);
  scope.patch(path.comment(900), prComment.match).reply(200, {});
  scope.patch(path.issue(50), debtUpdates.match).times(debtPatches).reply(200, {});
  return { prComment, debtUpdates };
}

const MERGED_AT = "2026-10-02T10:00:00Z";
/** A head commit after a push (the debt issues of `appDebtIssue` hold the files read at `SHA`). */
const PUSHED = "5c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d";
const hackPr = { title: "[hack] Hard-code prices", labels: [{ name: "hack" }] };

describe("hack lifecycle", () => {
  it("merged: the debt issue records that it shipped and is outstanding", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    mockConfig(scope, CONFIG);
    const run = mockLinkedRun(scope, prData({ labels: hackPr.labels, state: "closed", merged: true, merged_at: MERGED_AT }), appDebtIssue(50), 1);

    await probot.receive(delivery("pull_request.closed", payload("pull_request.closed", { pull_request: { ...hackPr, merged: true, merged_at: MERGED_AT } })));

    expect(run.debtUpdates.bodies).toHaveLength(1);
    const body = String(run.debtUpdates.bodies[0]?.body);
    expect(body).toContain("**Outstanding:** shipped in #2 on 2026-10-02.");
    expect(body).toContain("- #2 [hack] Hard-code prices — merged on 2026-10-02");
    expect(readDebtRecord(body)?.hackPrs).toEqual([expect.objectContaining({ number: 2, state: "merged", mergedAt: MERGED_AT, declared: true })]);
    expect(run.prComment.bodies[0]?.body).toContain("Shipped on 2026-10-02: #50 is **outstanding** rebuild debt until it is closed.");
  });

  it("closed unmerged: the debt issue the app created is closed as not planned", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    mockConfig(scope, CONFIG);
    const run = mockLinkedRun(scope, prData({ labels: hackPr.labels, state: "closed" }), appDebtIssue(50), 2);

    await probot.receive(delivery("pull_request.closed", payload("pull_request.closed", { pull_request: hackPr })));

    expect(run.debtUpdates.bodies).toHaveLength(2);
    expect(String(run.debtUpdates.bodies[0]?.body)).toContain("**Not planned:** #2 closed without merging.");
    expect(run.debtUpdates.bodies[1]).toEqual({ state: "closed", state_reason: "not_planned" });
    expect(run.prComment.bodies[0]?.body).toContain("This pull request was closed without merging, so #50 was closed as not planned.");
  });

  it("closed unmerged: a debt issue another hack links stays open", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    mockConfig(scope, CONFIG);
    const shared = appDebtIssue(50);
    const record = updateRecord(readDebtRecord(opened(shared.body)), { createdByApp: true, pr: { number: 3, state: "merged", mergedAt: "2026-09-01T00:00:00Z", declared: true } });
    shared.body = sealed(spliceDebtBody(opened(shared.body), renderDebtRegion(record, repo, { createdByApp: true, codeMarker: "HACK:" }), record));
    const run = mockLinkedRun(scope, prData({ labels: hackPr.labels, state: "closed" }), shared, 1);

    await probot.receive(delivery("pull_request.closed", payload("pull_request.closed", { pull_request: hackPr })));

    expect(run.debtUpdates.bodies).toHaveLength(1);
    expect(run.prComment.bodies[0]?.body).toContain("#50 stays open because another hack still needs it.");
  });

  it("label removed: the comment asks whether to close the debt issue, and nothing is closed", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    mockConfig(scope, CONFIG);
    const check = recorder<{ conclusion: string; output: { title: string } }>();
    const run = mockLinkedRun(scope, prData({ title: "Hard-code prices", body: "", labels: [] }), appDebtIssue(50), 1);
    scope.post(path.checks, check.match).reply(201, {});
    const sent = sentRequests(scope);

    await probot.receive(delivery("pull_request.unlabeled", payload("pull_request.unlabeled", { label: { name: "hack" }, pull_request: { title: "Hard-code prices", body: "", labels: [] } })));

    const comment = run.prComment.bodies[0]?.body ?? "";
    expect(comment).toContain("### This pull request is no longer treated as a hack\n\nThe `hack` label was removed.");
    expect(comment).toContain("**Should #50 be closed?** It is still open as this hack's rebuild debt. If the rebuild is no longer needed, close #50 as not planned; intentbot never closes it on its own.");
    expect(readDebtRecord(String(run.debtUpdates.bodies[0]?.body))?.hackPrs[0]?.declared).toBe(false);
    expect(check.bodies[0]).toMatchObject({ conclusion: "success", output: { title: "Not a hack" } });
    // #50 is written once, its body only: never its state.
    expect(run.debtUpdates.bodies.map((b) => Object.keys(b))).toEqual([["body"]]);
    expect(writes(sent).sort()).toEqual([`PATCH ${path.comment(900)}`, `PATCH ${path.issue(50)}`, `POST ${path.checks}`].sort());
  });

  it("new commits: the debt issue's files and HACK: lines follow, and nothing else is written", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    mockConfig(scope, CONFIG);
    const debtUpdates = recorder<{ body: string }>();
    const check = recorder<{ conclusion: string }>();
    // #50's record holds the files read at SHA; the push moved the head.
    scope.get(path.pr).reply(200, prData({ labels: hackPr.labels, head: { sha: PUSHED } }));
    mockBotIdentity(scope);
    scope.get(path.comments(PR)).query({ per_page: 100 }).reply(200, [hackComment(900, linkedState(50))]);
    scope.get(path.issue(50)).reply(200, appDebtIssue(50));
    scope.get(path.files).query({ per_page: 100 }).reply(200, [{ filename: "src/cart.ts", patch: "@@ -10,0 +11,1 @@\n+  skipTax(); // HACK: no tax rules yet" }]);
    scope.patch(path.issue(50), debtUpdates.match).reply(200, {});
    scope.post(path.checks, check.match).reply(201, {});
    const sent = sentRequests(scope);

    await probot.receive(delivery("pull_request.synchronize", payload("pull_request.synchronize", { pull_request: hackPr })));

    const body = debtUpdates.bodies[0]?.body ?? "";
    expect(body).toContain("### Files touched\n- `src/cart.ts`\n");
    expect(body).toContain(`- [\`src/cart.ts:11\`](https://github.com/${OWNER}/${REPO}/blob/${PUSHED}/src/cart.ts#L11) \`skipTax(); // HACK: no tax rules yet\``);
    expect(body).not.toContain("src/prices.ts");
    expect(readDebtRecord(body)?.hackPrs[0]?.headSha).toBe(PUSHED);
    expect(check.bodies[0]?.conclusion).toBe("success");
    // The hack comment is unchanged, so it is not rewritten; no label, no new debt issue.
    expect(writes(sent)).toEqual([`PATCH ${path.issue(50)}`, `POST ${path.checks}`]);
  });

  it("reopened: the debt issue the app closed is reopened", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    mockConfig(scope, CONFIG);
    const closed = appDebtIssue(50, { state: "closed", state_reason: "not_planned", closed_by: { login: BOT_LOGIN } });
    const state = linkedState(50, { debt: { ...repo, number: 50, createdByApp: true, state: "closed", stateReason: "not_planned" }, pr: { state: "closed" } });
    // Reopened at the head its files were read at: they are not read again, and its record stays as it is.
    const run = mockLinkedRun(scope, prData({ labels: hackPr.labels }), closed, 1, state);
    scope.post(path.checks).reply(201, {});

    await probot.receive(delivery("pull_request.reopened", payload("pull_request.reopened", { pull_request: hackPr })));

    expect(run.debtUpdates.bodies).toEqual([{ state: "open" }]);
    expect(run.prComment.bodies[0]?.body).toContain("When this merges, #50 becomes **outstanding** debt");
  });
});

describe("debt issue closed or reopened", () => {
  const merged = linkedState(50, { pr: { state: "merged", mergedAt: MERGED_AT } });
  // Typed loosely: the one helper serves both actions.
  const debtPayload = (action: "closed" | "reopened", patch: Record<string, unknown> = {}): never =>
    payload(`issues.${action}`, {
      issue: { ...appDebtIssue(50), state: action === "closed" ? "closed" : "open", state_reason: action === "closed" ? "completed" : "reopened", user: { login: BOT_LOGIN, type: "Bot" }, ...patch },
      sender: { login: "lead", type: "User" },
    } as never) as never;

  it("closed: the hack PR's comment shows the debt repaid; reopened: outstanding again", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    const update = recorder<{ body: string }>();
    mockConfig(scope, CONFIG);
    mockBotIdentity(scope);
    scope.get(path.comments(PR)).query({ per_page: 100 }).reply(200, [hackComment(900, merged)]);
    scope.patch(path.comment(900), update.match).reply(200, {});

    await probot.receive(delivery("issues.closed", debtPayload("closed")));
    expect(update.bodies[0]?.body).toContain("✅ **Repaid:** #50 is closed.");

    const repaid = { ...merged, debt: { ...repo, number: 50, createdByApp: true, state: "closed" as const, stateReason: "completed" } };
    mockConfig(scope, CONFIG);
    scope.get(path.comments(PR)).query({ per_page: 100 }).reply(200, [hackComment(900, repaid)]);
    scope.patch(path.comment(900), update.match).reply(200, {});
    await probot.receive(delivery("issues.reopened", debtPayload("reopened")));
    expect(update.bodies[1]?.body).toContain("Shipped on 2026-10-02: #50 is **outstanding** rebuild debt until it is closed.");
    expect(update.bodies[1]?.body).toContain('"debt":{"owner":"octo-org","repo":"widgets","number":50,"createdByApp":true,"state":"open"}');
  });

  it("works for a debt issue a person created, through the app's debt comment on it", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    const update = recorder<{ body: string }>();
    const record = updateRecord(undefined, { createdByApp: false, pr: { number: PR, state: "merged", mergedAt: MERGED_AT, declared: true } });
    mockConfig(scope, CONFIG);
    mockBotIdentity(scope);
    scope.get(path.comments(45)).query({ per_page: 100 }).reply(200, [botComment(5, "debt", `linked\n\n${debtRecordMarker(record)}`)]);
    const state = { ...merged, debt: { ...repo, number: 45, createdByApp: false, state: "open" as const } };
    scope.get(path.comments(PR)).query({ per_page: 100 }).reply(200, [hackComment(900, state)]);
    scope.patch(path.comment(900), update.match).reply(200, {});

    await probot.receive(delivery("issues.closed", debtPayload("closed", { number: 45, body: "Rebuild prices", user: { login: "pm", type: "User" }, labels: [{ name: "rebuild-debt" }] })));
    expect(update.bodies[0]?.body).toContain("✅ **Repaid:** #45 is closed.");
  });

  it("ignores issues that are not debt issues, records people forged, and the app's own closing", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    const sent = sentRequests(scope);
    mockConfig(scope, CONFIG);
    await probot.receive(delivery("issues.closed", debtPayload("closed", { number: 7, user: { login: "pm", type: "User" }, labels: [] })));
    // Not a debt issue: the config is read, nothing more.
    expect(sent.splice(0)).toEqual([TOKEN_REQUEST, CONFIG_REQUEST]);

    mockConfig(scope, CONFIG);
    mockBotIdentity(scope);
    scope.get(path.comments(45)).query({ per_page: 100 }).reply(200, [{ id: 5, user: { login: "mallory" }, body: `<!-- intentbot:debt -->\n${debtRecordMarker(readDebtRecord(opened(appDebtIssue(50).body)) ?? ({} as never))}` }]);
    await probot.receive(delivery("issues.closed", debtPayload("closed", { number: 45, user: { login: "mallory", type: "User" }, labels: [{ name: "rebuild-debt" }] })));
    // A record in someone else's comment is not the app's: it is read, and no hack comment is looked up or written.
    expect(sent.splice(0)).toEqual([CONFIG_REQUEST, "GET /app", `GET ${path.comments(45)}?per_page=100`]);

    // The app's own closing is an echo: no call at all.
    await probot.receive(delivery("issues.closed", { ...(debtPayload("closed") as object), sender: { login: BOT_LOGIN, type: "Bot" } } as never));
    expect(sent).toEqual([]);
  });
});
