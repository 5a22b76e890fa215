import { afterEach, describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/app.js";
import type { FakeGitHub} from "../helpers/fake-github.js";
import { type FakeIssue } from "../helpers/fake-github.js";
import { BOT_LOGIN, CONFIG_REQUEST, github as nockGitHub, mockBotIdentity, mockConfig, OWNER, REPO, sentRequests, TOKEN_REQUEST } from "../helpers/github.js";
import { AUTHOR, CONFIG, HACK_BODY, hackRepository, payloadPr, PR, SHA, type PullRequestData } from "../helpers/hacks.js";
import { opened } from "../helpers/records.js";
import { delivery, payload } from "../fixtures/payloads.js";

let fake: FakeGitHub | undefined;
afterEach(() => fake?.stop());

/** PR #2 on the fake GitHub (stopped after the test). */
function repository(pr: Partial<PullRequestData> = {}, config = CONFIG): FakeGitHub {
  fake = hackRepository(pr, config);
  return fake;
}

/** The writes of a first run that creates debt issue #101 (the fake's first) and labels the PR. */
const CREATION = [
  "POST /repos/octo-org/widgets/labels",
  "POST /repos/octo-org/widgets/issues",
  "POST /repos/octo-org/widgets/issues/2/comments",
  "POST /repos/octo-org/widgets/labels",
  "POST /repos/octo-org/widgets/issues/2/labels",
  "POST /repos/octo-org/widgets/check-runs",
];

describe("declaring a hack", () => {
  it("creates the debt issue, labels the PR, links them in one comment and passes the check", async () => {
    const probot = createTestApp(["hacks"]);
    const body = `${HACK_BODY}\nHack estimate: 2d\nRebuild when: the demo wins a customer\n\nWhy: ask @octo-org/sales, customers at the fair need prices\nWho: visitors of the fair stand`;
    const github = repository({ body });

    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: payloadPr(github) })));

    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual(CREATION);
    expect([...github.labels]).toEqual(["rebuild-debt", "hack"]);
    const issue = github.issues.get(101);
    expect(issue).toMatchObject({ title: "Rebuild: Hard-code prices", labels: [{ name: "rebuild-debt" }], assignees: [{ login: AUTHOR }] });
    const text = opened(issue?.body ?? "");
    expect(text).toContain("This is the **rebuild debt** of the hack in #2");
    expect(text).toContain("**Not shipped yet:** #2 is still open. Once the hack merges, this debt is outstanding.");
    expect(text).toContain("### Why it is a hack\n> Prices are hard-coded for the launch demo.");
    expect(text).toContain("- **Rebuild when:** the demo wins a customer\n- **Rebuild by:** 2026-12-01");
    expect(text).toContain("| hack | 2d |\n| proper build | 2w (80 h) |");
    expect(text).toContain("### Owner\n[Codertocat](https://github.com/Codertocat) (author of the hack, assigned)");
    expect(text).toContain("### Why and who\n- **Why:** ask @\u200bocto-org/sales, customers at the fair need prices\n- **Who:** visitors of the fair stand");
    expect(text).toContain("### Files touched\n- `src/prices.ts`\n- `docs/prices.md`");
    expect(text).toContain(
      `### \`HACK:\` markers the hack added\n- [\`src/prices.ts:2\`](https://github.com/${OWNER}/${REPO}/blob/${SHA}/src/prices.ts#L2) \`export const price = 42; // HACK: hard-coded until the price service exists\``,
    );
    expect(text).toMatch(/<!-- intentbot:data \{"kind":"debt","version":1,"createdByApp":true,"hackPrs":\[\{"number":2,"state":"open"/);

    expect(github.comments).toHaveLength(1);
    const comment = opened(github.comments[0]?.body ?? "");
    expect(comment).toMatch(/^<!-- intentbot:hack -->\n### 🚧 This pull request is a hack\n\nDeclared by its title prefix and the “Hack” section of its description; it carries the `hack` label\.\n\nIts rebuild debt is tracked in #101 \(created by intentbot\)\./);
    expect(comment).toContain('<!-- intentbot:data {"kind":"hack-pr","version":1,"declared":true,"ways":["label","title","section"],"debt":{"owner":"octo-org","repo":"widgets","number":101,"createdByApp":true,"state":"open"},"pr":{"state":"open"}} -->');
    expect(github.issues.get(PR)?.labels).toEqual([{ name: "hack" }]);
    expect(github.checkRuns).toEqual([
      {
        name: "Hack debt",
        head_sha: SHA,
        status: "completed",
        conclusion: "success",
        output: {
          title: "Rebuild debt tracked in #101",
          summary:
            "Declared by its title prefix and the “Hack” section of its description; it carries the `hack` label.\n\nIts rebuild debt is tracked in #101 (created by intentbot).\n\nWhen this merges, #101 becomes **outstanding** debt: close it once the proper build has replaced the hack.",
        },
      },
    ]);
  });

  it.each<[string, "pull_request.opened" | "pull_request.edited" | "pull_request.labeled", Partial<PullRequestData>, string]>([
    ["the hack label", "pull_request.labeled", { title: "Hard-code prices", body: "", labels: [{ name: "hack" }] }, "Declared by the `hack` label."],
    ["a title prefix", "pull_request.opened", { title: "hack: Hard-code prices", body: "" }, "Declared by its title prefix; it carries the `hack` label."],
    ["a Hack section", "pull_request.edited", { title: "Hard-code prices", body: "### Hack\nNo validation yet." }, "Declared by the “Hack” section of its description;"],
    ["the ticked box", "pull_request.opened", { title: "Hard-code prices", body: "- [x] This is a hack" }, "Declared by the ticked “This is a hack” box;"],
  ])("is declared by %s", async (_way, event, pr, declared) => {
    const probot = createTestApp(["hacks"]);
    const github = repository(pr);
    const labelled = (pr.labels ?? []).length > 0;

    const patch = { pull_request: payloadPr(github), label: { name: "hack" }, changes: { body: { from: "" } } };
    await probot.receive(delivery(event, payload(event, patch as never)));

    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual(labelled ? CREATION.filter((w, i) => i < 3 || w.endsWith("check-runs")) : CREATION);
    expect(opened(github.comments[0]?.body ?? "")).toContain(declared);
    expect(github.issues.get(PR)?.labels).toEqual([{ name: "hack" }]);
    expect(github.checkRuns[0]?.conclusion).toBe("success");
  });

  it("does nothing for a pull request that is not a hack", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = nockGitHub();
    const sent = sentRequests(scope);
    mockConfig(scope, CONFIG);
    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: { title: "Update the README", body: "## Hackathon\nprize" } })));
    // No check run, comment, label or debt issue: the config is the only read.
    expect(sent).toEqual([TOKEN_REQUEST, CONFIG_REQUEST]);
  });

  it("ignores other labels and its own labelling", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = nockGitHub();
    const sent = sentRequests(scope);
    mockConfig(scope, CONFIG);
    // The app's own labelling is an echo: the router drops it before any call but learning its login.
    mockBotIdentity(scope);
    await probot.receive(delivery("pull_request.labeled", payload("pull_request.labeled", { label: { name: "bug" }, pull_request: { labels: [{ name: "bug" }] } })));
    expect(sent.splice(0)).toEqual([TOKEN_REQUEST, CONFIG_REQUEST]);
    await probot.receive(
      delivery("pull_request.labeled", payload("pull_request.labeled", { label: { name: "hack" }, pull_request: { labels: [{ name: "hack" }] }, sender: { login: BOT_LOGIN, type: "Bot" } })),
    );
    expect(sent).toEqual(["GET /app"]);
  });
});

describe("a named debt issue", () => {
  /** Issue #45, which a person opened. */
  const personIssue = (github: FakeGitHub, patch: Partial<FakeIssue> = {}) => github.addIssue({ number: 45, title: "Price service", body: "We need a price service.", user: { login: "pm", type: "User" }, ...patch });

  it("is checked, labelled and linked back to the PR", async () => {
    const probot = createTestApp(["hacks"]);
    const body = `${HACK_BODY}\n\nDebt: #45`;
    const github = repository({ body });
    personIssue(github);
    github.addComment(45, "<!-- intentbot:debt --> forged", "pm");

    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: payloadPr(github) })));

    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([
      "POST /repos/octo-org/widgets/issues/2/comments",
      "POST /repos/octo-org/widgets/labels",
      "POST /repos/octo-org/widgets/issues/2/labels",
      "POST /repos/octo-org/widgets/labels",
      "POST /repos/octo-org/widgets/issues/45/labels",
      "POST /repos/octo-org/widgets/issues/45/comments",
      "POST /repos/octo-org/widgets/check-runs",
    ]);
    const [forged, prComment, debtComment] = github.comments;
    expect(opened(prComment?.body ?? "")).toContain("Its rebuild debt is tracked in #45 (named by this hack).");
    expect(forged?.body).toBe("<!-- intentbot:debt --> forged");
    expect([...github.labels]).toEqual(["hack", "rebuild-debt"]);
    expect(github.issues.get(PR)?.labels).toEqual([{ name: "hack" }]);
    expect(github.issues.get(45)?.labels).toEqual([{ name: "rebuild-debt" }]);
    const linked = opened(debtComment?.body ?? "");
    expect(linked).toMatch(/^<!-- intentbot:debt -->\nintentbot linked this issue as the \*\*rebuild debt\*\* of the hack in #2\./);
    expect(linked).toContain('"createdByApp":false,"hackPrs":[{"number":2,"state":"open","author":"Codertocat","declared":true');
    expect(github.checkRuns[0]).toMatchObject({ conclusion: "success", output: { title: "Rebuild debt tracked in #45" } });
  });

  it.each([
    ["closed", true, "Debt issue #45 is closed", "but #45 is closed. Reopen it, or name an open issue"],
    ["missing", false, "Debt issue #45 not found", "but intentbot cannot find it (it does not exist, or the app cannot see it)"],
  ])("that is %s is reported, and nothing is created in its place", async (_name, exists, title, message) => {
    const probot = createTestApp(["hacks"]);
    const github = repository({ body: "Debt: #45", labels: [{ name: "hack" }] });
    if (exists) personIssue(github, { state: "closed", body: "" });

    await probot.receive(delivery("pull_request.edited", payload("pull_request.edited", { pull_request: payloadPr(github), changes: { body: { from: "" } } })));

    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual(["POST /repos/octo-org/widgets/issues/2/comments", "POST /repos/octo-org/widgets/check-runs"]);
    expect(github.checkRuns).toEqual([expect.objectContaining({ name: "Hack debt", conclusion: "neutral", output: expect.objectContaining({ title }) })]);
    expect(opened(github.comments[0]?.body ?? "")).toContain(`⚠️ This hack names #45 as its debt issue, ${message}`);
  });

  it("fails the check in enforce mode", async () => {
    const probot = createTestApp(["hacks"]);
    const github = repository({ labels: [{ name: "hack" }] }, `${CONFIG}mode: enforce\nhacks:\n  createDebtIssue: false\n`);

    await probot.receive(delivery("pull_request.synchronize", payload("pull_request.synchronize", { pull_request: payloadPr(github) })));

    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual(["POST /repos/octo-org/widgets/issues/2/comments", "POST /repos/octo-org/widgets/check-runs"]);
    expect(github.checkRuns[0]).toMatchObject({ conclusion: "failure", output: { title: "No debt issue named" } });
    expect(opened(github.comments[0]?.body ?? "")).toContain("```markdown\nDebt: #123\n```");
  });

  it("that is closed is replaced by a new one when configured, saying so", async () => {
    const probot = createTestApp(["hacks"]);
    const github = repository({ body: `${HACK_BODY}\nDebt: #45` }, `${CONFIG}hacks:\n  replaceUnusableDebtIssue: true\n`);
    personIssue(github, { state: "closed", body: "" });

    await probot.receive(delivery("pull_request.reopened", payload("pull_request.reopened", { pull_request: payloadPr(github) })));

    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual(CREATION);
    expect(github.issues.get(45)).toMatchObject({ state: "closed", labels: [] });
    expect(opened(github.comments[0]?.body ?? "")).toContain("Note: this hack names #45 as its debt issue, but #45 is closed, so it stays linked to #101.");
  });
});
