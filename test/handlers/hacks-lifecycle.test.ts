import { afterEach, describe, expect, it } from "vitest";
import { debtRecordMarker, readDebtRecord } from "../../src/core/debt/record.js";
import { spliceDebtBody, updateRecord } from "../../src/core/hacks/debt.js";
import { renderDebtRegion } from "../../src/core/hacks/render.js";
import type { HackPrState } from "../../src/core/hacks/state.js";
import { createTestApp } from "../helpers/app.js";
import { BOT_LOGIN, OWNER, REPO, TOKEN_REQUEST } from "../helpers/github.js";
import type { FakeGitHub } from "../helpers/fake-github.js";
import { appDebtIssue, botComment, hackComment, hackRepository, linkedState, path, payloadPr, PR, type PullRequestData } from "../helpers/hacks.js";
import { opened, sealed } from "../helpers/records.js";
import { delivery, payload } from "../fixtures/payloads.js";

const repo = { owner: OWNER, repo: REPO };

let fake: FakeGitHub | undefined;
afterEach(() => fake?.stop());

/** PR #2 on the fake GitHub, linked to debt issue #50 by the app's comment (#900) on it. */
function linkedRepository(pr: Partial<PullRequestData>, debt: ReturnType<typeof appDebtIssue> = appDebtIssue(50), state = linkedState(50)): FakeGitHub {
  fake = hackRepository(pr);
  fake.comments.push({ ...hackComment(900, state), issue: PR, user: { login: BOT_LOGIN, type: "Bot" } });
  fake.addIssue({ ...debt, state: debt.state === "closed" ? "closed" : "open", user: { login: BOT_LOGIN, type: "Bot" } });
  return fake;
}

const COMMENT = "PATCH /repos/octo-org/widgets/issues/comments/900";
const DEBT = "PATCH /repos/octo-org/widgets/issues/50";
const CHECK = "POST /repos/octo-org/widgets/check-runs";

const MERGED_AT = "2026-10-02T10:00:00Z";
/** A head commit after a push (the debt issues of `appDebtIssue` hold the files read at `SHA`). */
const PUSHED = "5c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d";
const labels = [{ name: "hack" }];

describe("hack lifecycle", () => {
  it("merged: the debt issue records that it shipped and is outstanding", async () => {
    const github = linkedRepository({ labels, state: "closed", merged: true, merged_at: MERGED_AT });

    await createTestApp(["hacks"]).receive(delivery("pull_request.closed", payload("pull_request.closed", { pull_request: payloadPr(github) })));

    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([COMMENT, DEBT]);
    const body = opened(github.issues.get(50)?.body ?? "");
    expect(body).toContain("**Outstanding:** shipped in #2 on 2026-10-02.");
    expect(body).toContain("- #2 [hack] Hard-code prices — merged on 2026-10-02");
    expect(readDebtRecord(body)?.hackPrs).toEqual([expect.objectContaining({ number: 2, state: "merged", mergedAt: MERGED_AT, declared: true })]);
    expect(github.issues.get(50)?.state).toBe("open");
    expect(opened(github.comments[0]?.body ?? "")).toContain("Shipped on 2026-10-02: #50 is **outstanding** rebuild debt until it is closed.");
  });

  it("closed unmerged: the debt issue the app created is closed as not planned", async () => {
    const github = linkedRepository({ labels, state: "closed" });

    await createTestApp(["hacks"]).receive(delivery("pull_request.closed", payload("pull_request.closed", { pull_request: payloadPr(github) })));

    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([COMMENT, DEBT, DEBT]);
    expect(opened(github.issues.get(50)?.body ?? "")).toContain("**Not planned:** #2 closed without merging.");
    expect(github.issues.get(50)).toMatchObject({ state: "closed", state_reason: "not_planned" });
    expect(opened(github.comments[0]?.body ?? "")).toContain("This pull request was closed without merging, so #50 was closed as not planned.");
  });

  it("closed unmerged: a debt issue another hack links stays open", async () => {
    const shared = appDebtIssue(50);
    const record = updateRecord(readDebtRecord(opened(shared.body)), { createdByApp: true, pr: { number: 3, state: "merged", mergedAt: "2026-09-01T00:00:00Z", declared: true } });
    shared.body = sealed(spliceDebtBody(opened(shared.body), renderDebtRegion(record, repo, { createdByApp: true, codeMarker: "HACK:" }), record));
    const github = linkedRepository({ labels, state: "closed" }, shared);

    await createTestApp(["hacks"]).receive(delivery("pull_request.closed", payload("pull_request.closed", { pull_request: payloadPr(github) })));

    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([COMMENT, DEBT]);
    expect(github.issues.get(50)?.state).toBe("open");
    expect(opened(github.comments[0]?.body ?? "")).toContain("#50 stays open because another hack still needs it.");
  });

  it("label removed: the comment asks whether to close the debt issue, and nothing is closed", async () => {
    const github = linkedRepository({ title: "Hard-code prices", body: "", labels: [] });

    await createTestApp(["hacks"]).receive(delivery("pull_request.unlabeled", payload("pull_request.unlabeled", { label: { name: "hack" }, pull_request: payloadPr(github) })));

    expect(github.unknown).toEqual([]);
    // #50 is written once, its body only: never its state.
    expect(github.writes()).toEqual([COMMENT, DEBT, CHECK]);
    const comment = opened(github.comments[0]?.body ?? "");
    expect(comment).toContain("### This pull request is no longer treated as a hack\n\nThe `hack` label was removed.");
    expect(comment).toContain("**Should #50 be closed?** It is still open as this hack's rebuild debt. If the rebuild is no longer needed, close #50 as not planned; intentbot never closes it on its own.");
    expect(readDebtRecord(opened(github.issues.get(50)?.body ?? ""))?.hackPrs[0]?.declared).toBe(false);
    expect(github.issues.get(50)?.state).toBe("open");
    expect(github.checkRuns[0]).toMatchObject({ conclusion: "success", output: { title: "Not a hack" } });
  });

  it("new commits: the debt issue's files and HACK: lines follow, and nothing else is written", async () => {
    // #50's record holds the files read at SHA; the push moved the head.
    const github = linkedRepository({ labels, head: { sha: PUSHED } });
    github.files.set(PR, [{ filename: "src/cart.ts", status: "modified", patch: "@@ -10,0 +11,1 @@\n+  skipTax(); // HACK: no tax rules yet" }]);
    const before = github.comments[0]?.body;

    await createTestApp(["hacks"]).receive(delivery("pull_request.synchronize", payload("pull_request.synchronize", { pull_request: payloadPr(github) })));

    expect(github.unknown).toEqual([]);
    // The hack comment is unchanged, so it is not rewritten; no label, no new debt issue.
    expect(github.writes()).toEqual([DEBT, CHECK]);
    expect(github.comments[0]?.body).toBe(before);
    const body = opened(github.issues.get(50)?.body ?? "");
    expect(body).toContain("### Files touched\n- `src/cart.ts`\n");
    expect(body).toContain(`- [\`src/cart.ts:11\`](https://github.com/${OWNER}/${REPO}/blob/${PUSHED}/src/cart.ts#L11) \`skipTax(); // HACK: no tax rules yet\``);
    expect(body).not.toContain("src/prices.ts");
    expect(readDebtRecord(body)?.hackPrs[0]?.headSha).toBe(PUSHED);
    expect(github.checkRuns[0]?.conclusion).toBe("success");
  });

  it("reopened: the debt issue the app closed is reopened", async () => {
    const closed = appDebtIssue(50, { state: "closed", state_reason: "not_planned", closed_by: { login: BOT_LOGIN } });
    const state = linkedState(50, { debt: { ...repo, number: 50, createdByApp: true, state: "closed", stateReason: "not_planned" }, pr: { state: "closed" } });
    // Reopened at the head its files were read at: they are not read again, and its record stays as it is.
    const github = linkedRepository({ labels }, closed, state);
    const body = github.issues.get(50)?.body;

    await createTestApp(["hacks"]).receive(delivery("pull_request.reopened", payload("pull_request.reopened", { pull_request: payloadPr(github) })));

    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([COMMENT, DEBT, CHECK]);
    expect(github.issues.get(50)).toMatchObject({ state: "open", body });
    expect(opened(github.comments[0]?.body ?? "")).toContain("When this merges, #50 becomes **outstanding** debt");
  });

  it("a payload older than the app's record is read again: a merged PR's late event does not reopen its record", async () => {
    const github = linkedRepository({ labels, state: "closed", merged: true, merged_at: MERGED_AT }, appDebtIssue(50), linkedState(50, { pr: { state: "merged", mergedAt: MERGED_AT } }));
    const stale = { ...payloadPr(github), state: "open" as const, merged: false, merged_at: null };

    await createTestApp(["hacks"]).receive(delivery("pull_request.synchronize", payload("pull_request.synchronize", { pull_request: stale })));

    expect(github.unknown).toEqual([]);
    expect(github.calls).toContain("GET /repos/octo-org/widgets/pulls/2");
    expect(readDebtRecord(opened(github.issues.get(50)?.body ?? ""))?.hackPrs).toEqual([expect.objectContaining({ number: 2, state: "merged", mergedAt: MERGED_AT })]);
    expect(opened(github.comments[0]?.body ?? "")).toContain("Shipped on 2026-10-02");
    expect(github.checkRuns).toEqual([]);
  });

  it("a payload that still carries the label a person took off is read again, and the label stays off", async () => {
    // The PR as GitHub has it now: the label removed, which the app recorded as withdrawn.
    const withdrawn = linkedState(50, { declared: false, ways: [], withdrawn: { ways: ["title", "section"] } });
    const github = linkedRepository({ labels: [] }, appDebtIssue(50), withdrawn);
    const stale = { ...payloadPr(github), labels };

    await createTestApp(["hacks"]).receive(delivery("pull_request.edited", payload("pull_request.edited", { pull_request: stale, changes: { body: { from: "" } } })));

    expect(github.unknown).toEqual([]);
    expect(github.calls).toContain("GET /repos/octo-org/widgets/pulls/2");
    expect(github.writes()).not.toContain("POST /repos/octo-org/widgets/issues/2/labels");
    expect(github.issues.get(PR)?.labels).toEqual([]);
  });

  it("a label event always reads the PR: the label put back after a removal handled late counts", async () => {
    const github = linkedRepository({ labels });
    const removed = { ...payloadPr(github), labels: [] };

    await createTestApp(["hacks"]).receive(delivery("pull_request.unlabeled", payload("pull_request.unlabeled", { label: { name: "hack" }, pull_request: removed, sender: { login: "lead", type: "User" } } as never)));

    expect(github.unknown).toEqual([]);
    expect(github.calls).toContain("GET /repos/octo-org/widgets/pulls/2");
    // GitHub shows the label again, so the hack is still declared: nothing is withdrawn.
    expect(opened(github.comments[0]?.body ?? "")).not.toContain("withdrawn");
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

  /** PR #2 merged, its hack comment (#900) in `state`: the app's comment a debt issue's event updates. */
  function mergedRepository(state: HackPrState = merged): FakeGitHub {
    fake = hackRepository({ labels, state: "closed", merged: true, merged_at: MERGED_AT });
    fake.comments.push({ ...hackComment(900, state), issue: PR, user: { login: BOT_LOGIN, type: "Bot" } });
    return fake;
  }

  it("closed: the hack PR's comment shows the debt repaid; reopened: outstanding again", async () => {
    const probot = createTestApp(["hacks"]);
    const github = mergedRepository();
    const debt = github.addIssue({ ...appDebtIssue(50), state: "closed", state_reason: "completed", user: { login: BOT_LOGIN, type: "Bot" } });

    await probot.receive(delivery("issues.closed", debtPayload("closed")));
    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([COMMENT]);
    expect(opened(github.comments[0]?.body ?? "")).toContain("✅ **Repaid:** #50 is closed.");

    // The comment now records the debt repaid, as the app wrote it.
    Object.assign(debt, { state: "open", state_reason: "reopened" });
    github.calls.splice(0);
    await probot.receive(delivery("issues.reopened", debtPayload("reopened")));
    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([COMMENT]);
    const comment = opened(github.comments[0]?.body ?? "");
    expect(comment).toContain("Shipped on 2026-10-02: #50 is **outstanding** rebuild debt until it is closed.");
    expect(comment).toContain('"debt":{"owner":"octo-org","repo":"widgets","number":50,"createdByApp":true,"state":"open"}');
  });

  it("works for a debt issue a person created, through the app's debt comment on it", async () => {
    const probot = createTestApp(["hacks"]);
    const record = updateRecord(undefined, { createdByApp: false, pr: { number: PR, state: "merged", mergedAt: MERGED_AT, declared: true } });
    const github = mergedRepository({ ...merged, debt: { ...repo, number: 45, createdByApp: false, state: "open" } });
    github.addIssue({ number: 45, title: "Rebuild prices", body: "Rebuild prices", state: "closed", user: { login: "pm", type: "User" }, labels: [{ name: "rebuild-debt" }] });
    github.comments.push({ ...botComment(5, "debt", `linked\n\n${debtRecordMarker(record)}`), issue: 45, user: { login: BOT_LOGIN, type: "Bot" } });

    await probot.receive(delivery("issues.closed", debtPayload("closed", { number: 45, body: "Rebuild prices", user: { login: "pm", type: "User" }, labels: [{ name: "rebuild-debt" }] })));
    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([COMMENT]);
    expect(opened(github.comments.find((c) => c.id === 900)?.body ?? "")).toContain("✅ **Repaid:** #45 is closed.");
  });

  it("ignores issues that are not debt issues, records people forged, and the app's own closing", async () => {
    // What each event costs is the point here: the calls are asserted exactly, reads included.
    const probot = createTestApp(["hacks"]);
    const github = mergedRepository();
    github.comments.push({ id: 5, issue: 45, user: { login: "mallory", type: "User" }, body: `<!-- intentbot:debt -->\n${debtRecordMarker(readDebtRecord(opened(appDebtIssue(50).body)) ?? ({} as never))}` });
    const config = `GET /repos/${OWNER}/${REPO}/contents/.github/intent.yml`;

    await probot.receive(delivery("issues.closed", debtPayload("closed", { number: 7, user: { login: "pm", type: "User" }, labels: [] })));
    // Not a debt issue: the config is read, nothing more.
    expect(github.calls.splice(0)).toEqual([TOKEN_REQUEST, config]);

    await probot.receive(delivery("issues.closed", debtPayload("closed", { number: 45, user: { login: "mallory", type: "User" }, labels: [{ name: "rebuild-debt" }] })));
    // A record in someone else's comment is not the app's: it is read, and no hack comment is looked up or written.
    expect(github.calls.splice(0)).toEqual([config, "GET /app", `GET ${path.comments(45)}`]);

    // The app's own closing is an echo: no call at all.
    await probot.receive(delivery("issues.closed", { ...(debtPayload("closed") as object), sender: { login: BOT_LOGIN, type: "Bot" } } as never));
    expect(github.calls).toEqual([]);
    expect(github.unknown).toEqual([]);
  });
});
