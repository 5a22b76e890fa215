import { describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/app.js";
import { BOT_LOGIN, CONFIG_REQUEST, github, mockBotIdentity, mockConfig, OWNER, recorder, REPO, sentRequests, TOKEN_REQUEST } from "../helpers/github.js";
import { AUTHOR, CONFIG, FILES, HACK_BODY, mockFiles, mockNewestDebt, path, PR, prData, SHA, type PullRequestData } from "../helpers/hacks.js";
import { delivery, payload } from "../fixtures/payloads.js";

interface CheckBody {
  name: string;
  head_sha: string;
  status: string;
  conclusion: string;
  output: { title: string; summary: string };
}

interface IssueBody {
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
}

const HACK_LABEL = { name: "hack", color: "fbca04", description: "A deliberate shortcut that must be rebuilt if it works (intentbot)" };
const DEBT_LABEL = { name: "rebuild-debt", color: "5319e7", description: "Rebuild owed by a hack (intentbot)" };

/** Every call of a first run that creates debt issue #50 for PR #2. */
function mockCreation(scope: ReturnType<typeof github>, pr: PullRequestData, options: { labelled?: boolean } = {}) {
  const rec = { issue: recorder<IssueBody>(), comment: recorder<{ body: string }>(), labels: recorder(), created: recorder(), check: recorder<CheckBody>() };
  scope.get(path.pr).reply(200, pr);
  mockBotIdentity(scope);
  scope.get(path.comments(PR)).query({ per_page: 100 }).reply(200, []);
  mockNewestDebt(scope).reply(200, []);
  mockFiles(scope).reply(200, FILES);
  scope.get(path.prTemplate).reply(404);
  scope.post(path.labels, rec.created.match).reply(201, {});
  scope.get(path.assignee(AUTHOR)).reply(204);
  scope.post(path.issues, rec.issue.match).reply(201, { number: 50 });
  scope.post(path.comments(PR), rec.comment.match).reply(201, { id: 900 });
  if (!options.labelled) {
    scope.post(path.labels, rec.created.match).reply(201, {});
    scope.post(path.issueLabels(PR), rec.labels.match).reply(200, []);
  }
  scope.post(path.checks, rec.check.match).reply(201, {});
  return rec;
}

describe("declaring a hack", () => {
  it("creates the debt issue, labels the PR, links them in one comment and passes the check", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    mockConfig(scope, CONFIG);
    const body = `${HACK_BODY}\nHack estimate: 2d\nRebuild when: the demo wins a customer\n\nWhy: ask @octo-org/sales, customers at the fair need prices\nWho: visitors of the fair stand`;
    const rec = mockCreation(scope, prData({ body }));

    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: { title: "[hack] Hard-code prices", body } })));

    expect(rec.created.bodies).toEqual([DEBT_LABEL, HACK_LABEL]);
    expect(rec.issue.bodies).toHaveLength(1);
    const issue = rec.issue.bodies[0];
    expect(issue).toMatchObject({ title: "Rebuild: Hard-code prices", labels: ["rebuild-debt"], assignees: [AUTHOR] });
    const text = issue?.body ?? "";
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

    expect(rec.comment.bodies).toHaveLength(1);
    const comment = rec.comment.bodies[0]?.body ?? "";
    expect(comment).toMatch(/^<!-- intentbot:hack -->\n### 🚧 This pull request is a hack\n\nDeclared by its title prefix and the “Hack” section of its description; it carries the `hack` label\.\n\nIts rebuild debt is tracked in #50 \(created by intentbot\)\./);
    expect(comment).toContain('<!-- intentbot:data {"kind":"hack-pr","version":1,"declared":true,"ways":["label","title","section"],"debt":{"owner":"octo-org","repo":"widgets","number":50,"createdByApp":true,"state":"open"},"pr":{"state":"open"}} -->');
    expect(rec.labels.bodies).toEqual([{ labels: ["hack"] }]);
    expect(rec.check.bodies).toEqual([
      {
        name: "Hack debt",
        head_sha: SHA,
        status: "completed",
        conclusion: "success",
        output: {
          title: "Rebuild debt tracked in #50",
          summary:
            "Declared by its title prefix and the “Hack” section of its description; it carries the `hack` label.\n\nIts rebuild debt is tracked in #50 (created by intentbot).\n\nWhen this merges, #50 becomes **outstanding** debt: close it once the proper build has replaced the hack.",
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
    const scope = github();
    mockConfig(scope, CONFIG);
    const labelled = (pr.labels ?? []).length > 0;
    const rec = mockCreation(scope, prData(pr), { labelled });

    const patch = { pull_request: { title: pr.title, body: pr.body, labels: pr.labels ?? [] }, label: { name: "hack" }, changes: { body: { from: "" } } };
    await probot.receive(delivery(event, payload(event, patch as never)));

    expect(rec.issue.bodies).toHaveLength(1);
    expect(rec.comment.bodies[0]?.body).toContain(declared);
    expect(rec.labels.bodies).toEqual(labelled ? [] : [{ labels: ["hack"] }]);
    expect(rec.check.bodies[0]?.conclusion).toBe("success");
  });

  it("does nothing for a pull request that is not a hack", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    const sent = sentRequests(scope);
    mockConfig(scope, CONFIG);
    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: { title: "Update the README", body: "## Hackathon\nprize" } })));
    // No check run, comment, label or debt issue: the config is the only read.
    expect(sent).toEqual([TOKEN_REQUEST, CONFIG_REQUEST]);
  });

  it("ignores other labels and its own labelling", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
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
  it("is checked, labelled and linked back to the PR", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    mockConfig(scope, CONFIG);
    const body = `${HACK_BODY}\n\nDebt: #45`;
    const prComment = recorder<{ body: string }>();
    const debtComment = recorder<{ body: string }>();
    const labelCreated = recorder();
    const prLabels = recorder();
    const debtLabels = recorder();
    const check = recorder<CheckBody>();
    scope.get(path.pr).reply(200, prData({ body }));
    mockBotIdentity(scope);
    scope.get(path.comments(PR)).query({ per_page: 100 }).reply(200, []);
    scope.get(path.issue(45)).reply(200, { number: 45, title: "Price service", state: "open", user: { login: "pm" }, labels: [], body: "We need a price service." });
    scope.get(path.comments(45)).query({ per_page: 100 }).times(2).reply(200, [{ id: 7, user: { login: "pm" }, body: "<!-- intentbot:debt --> forged" }]);
    mockFiles(scope).reply(200, FILES);
    scope.post(path.comments(PR), prComment.match).reply(201, { id: 900 });
    scope.post(path.labels, labelCreated.match).times(2).reply(201, {});
    scope.post(path.issueLabels(PR), prLabels.match).reply(200, []);
    scope.post(path.issueLabels(45), debtLabels.match).reply(200, []);
    scope.post(path.comments(45), debtComment.match).reply(201, { id: 901 });
    scope.post(path.checks, check.match).reply(201, {});

    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: { title: "[hack] Hard-code prices", body } })));

    expect(prComment.bodies[0]?.body).toContain("Its rebuild debt is tracked in #45 (named by this hack).");
    expect(labelCreated.bodies).toEqual([HACK_LABEL, DEBT_LABEL]);
    expect(prLabels.bodies).toEqual([{ labels: ["hack"] }]);
    expect(debtLabels.bodies).toEqual([{ labels: ["rebuild-debt"] }]);
    const linked = debtComment.bodies[0]?.body ?? "";
    expect(linked).toMatch(/^<!-- intentbot:debt -->\nintentbot linked this issue as the \*\*rebuild debt\*\* of the hack in #2\./);
    expect(linked).toContain('"createdByApp":false,"hackPrs":[{"number":2,"state":"open","author":"Codertocat","declared":true');
    expect(check.bodies[0]).toMatchObject({ conclusion: "success", output: { title: "Rebuild debt tracked in #45" } });
  });

  it.each([
    ["closed", 200, { number: 45, state: "closed", user: { login: "pm" }, labels: [], body: "" }, "Debt issue #45 is closed", "but #45 is closed. Reopen it, or name an open issue"],
    ["missing", 404, { message: "Not Found" }, "Debt issue #45 not found", "but intentbot cannot find it (it does not exist, or the app cannot see it)"],
  ])("that is %s is reported, and nothing is created in its place", async (_name, status, issue, title, message) => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    mockConfig(scope, CONFIG);
    const prComment = recorder<{ body: string }>();
    const check = recorder<CheckBody>();
    scope.get(path.pr).reply(200, prData({ body: "Debt: #45", labels: [{ name: "hack" }] }));
    mockBotIdentity(scope);
    scope.get(path.comments(PR)).query({ per_page: 100 }).reply(200, []);
    scope.get(path.issue(45)).reply(status, issue);
    if (status === 200) scope.get(path.comments(45)).query({ per_page: 100 }).reply(200, []);
    scope.post(path.comments(PR), prComment.match).reply(201, { id: 900 });
    scope.post(path.checks, check.match).reply(201, {});

    await probot.receive(delivery("pull_request.edited", payload("pull_request.edited", { pull_request: { body: "Debt: #45", labels: [{ name: "hack" }] }, changes: { body: { from: "" } } })));

    expect(check.bodies).toEqual([expect.objectContaining({ name: "Hack debt", conclusion: "neutral", output: expect.objectContaining({ title }) })]);
    expect(prComment.bodies[0]?.body).toContain(`⚠️ This hack names #45 as its debt issue, ${message}`);
  });

  it("fails the check in enforce mode", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    mockConfig(scope, `${CONFIG}mode: enforce\nhacks:\n  createDebtIssue: false\n`);
    const check = recorder<CheckBody>();
    const prComment = recorder<{ body: string }>();
    scope.get(path.pr).reply(200, prData({ labels: [{ name: "hack" }] }));
    mockBotIdentity(scope);
    scope.get(path.comments(PR)).query({ per_page: 100 }).reply(200, []);
    scope.post(path.comments(PR), prComment.match).reply(201, { id: 900 });
    scope.post(path.checks, check.match).reply(201, {});

    await probot.receive(delivery("pull_request.synchronize", payload("pull_request.synchronize", { pull_request: { title: "[hack] Hard-code prices", labels: [{ name: "hack" }] } })));

    expect(check.bodies[0]).toMatchObject({ conclusion: "failure", output: { title: "No debt issue named" } });
    expect(prComment.bodies[0]?.body).toContain("```markdown\nDebt: #123\n```");
  });

  it("that is closed is replaced by a new one when configured, saying so", async () => {
    const probot = createTestApp(["hacks"]);
    const scope = github();
    mockConfig(scope, `${CONFIG}hacks:\n  replaceUnusableDebtIssue: true\n`);
    const rec = mockCreation(scope, prData({ body: `${HACK_BODY}\nDebt: #45` }));
    scope.get(path.issue(45)).reply(200, { number: 45, state: "closed", user: { login: "pm" }, labels: [], body: "" });
    scope.get(path.comments(45)).query({ per_page: 100 }).reply(200, []);

    await probot.receive(delivery("pull_request.reopened", payload("pull_request.reopened", { pull_request: { body: `${HACK_BODY}\nDebt: #45` } })));

    expect(rec.issue.bodies).toHaveLength(1);
    expect(rec.comment.bodies[0]?.body).toContain("Note: this hack names #45 as its debt issue, but #45 is closed, so it stays linked to #50.");
  });
});
