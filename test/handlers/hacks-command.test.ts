import { afterEach, describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/app.js";
import type { FakeGitHub } from "../helpers/fake-github.js";
import { BOT_LOGIN, OWNER, REPO } from "../helpers/github.js";
import { AUTHOR, botComment, hackRepository, path, PR, type PullRequestData } from "../helpers/hacks.js";
import { opened } from "../helpers/records.js";
import { delivery, payload } from "../fixtures/payloads.js";

const PLAIN = { title: "Hard-code prices", body: "Prices for the demo." };
const COMMENT = 77;
const reactions = `/repos/${OWNER}/${REPO}/issues/comments/${COMMENT}/reactions`;
const BOT = { login: BOT_LOGIN, type: "Bot" };

let fake: FakeGitHub | undefined;
afterEach(() => fake?.stop());

/** PR #2 on the fake GitHub (stopped after the test), `lead` with `permission` on the repository. */
function repository(pr: Partial<PullRequestData> = {}, { permission = "write", config }: { permission?: "triage" | "write" | "maintain" | "admin"; config?: string } = {}): FakeGitHub {
  fake = hackRepository(pr, config);
  fake.permissions.set("lead", permission);
  return fake;
}

/** What the app sent with each `call`, in order. */
const sentTo = (github: FakeGitHub, call: string) => github.sent.filter((s) => s.call === call).map((s) => s.body);
/** The reactions the app left on the command comment, in order. */
const reacted = (github: FakeGitHub) => sentTo(github, `POST ${reactions}`);

function comment(body: string, options: { login?: string; onIssue?: boolean; action?: "created" | "edited"; from?: string } = {}) {
  const login = options.login ?? "lead";
  const action = options.action ?? "created";
  const pullRequest = options.onIssue ? null : { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/${PR}` };
  return delivery(
    `issue_comment.${action}`,
    payload(`issue_comment.${action}`, {
      issue: { number: PR, pull_request: pullRequest },
      comment: { id: COMMENT, body, user: { login, type: "User" } },
      sender: { login, type: "User" },
      ...(options.from === undefined ? {} : { changes: { body: { from: options.from } } }),
    } as never),
  );
}

describe("/hack", () => {
  it("from someone with write permission declares the hack, with the comment's reason in the debt issue", async () => {
    const probot = createTestApp(["hacks"]);
    const github = repository(PLAIN);
    // The author cannot be assigned: the debt issue is created unassigned.
    github.unassignable.add(AUTHOR);

    await probot.receive(comment("Agreed in planning.\n\n/hack Prices are hard-coded for the fair; ask @octo-org/sales\nRebuild by: 2026-12-01"));

    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([
      `POST ${path.labels}`,
      `POST ${path.issues}`,
      `POST ${path.comments(PR)}`,
      `POST ${path.labels}`,
      `POST ${path.issueLabels(PR)}`,
      `POST ${path.checks}`,
      `POST ${reactions}`,
    ]);
    expect(sentTo(github, `POST ${path.issueLabels(PR)}`)).toEqual([{ labels: ["hack"] }]);
    expect(github.issues.get(PR)?.labels).toEqual([{ name: "hack" }]);
    const [created] = sentTo(github, `POST ${path.issues}`);
    expect(created).toMatchObject({ title: "Rebuild: Hard-code prices", assignees: [] });
    const debt = opened(github.issues.get(101)?.body ?? "");
    expect(debt).toContain("### Why it is a hack\n> Prices are hard-coded for the fair; ask @\u200bocto-org/sales");
    expect(debt).toContain("- **Rebuild by:** 2026-12-01");
    expect(github.comments).toHaveLength(1);
    const hack = opened(github.comments[0]?.body ?? "");
    expect(hack).toContain("Declared by `/hack` from lead; it carries the `hack` label.");
    expect(hack).toContain('"command":{"by":"lead","reason":"Prices are hard-coded for the fair; ask @octo-org/sales","fields":{"rebuildBy":"2026-12-01"}}');
    // Done: 🚀, and no reply of its own (the hack comment says it all).
    expect(reacted(github)).toEqual([{ content: "rocket" }]);
  });

  it("can name the debt issue", async () => {
    const probot = createTestApp(["hacks"]);
    const github = repository({ ...PLAIN, labels: [{ name: "hack" }] }, { permission: "admin" });
    github.addIssue({ number: 45, title: "Price service", user: { login: "pm", type: "User" }, labels: [{ name: "rebuild-debt" }] });

    await probot.receive(comment("/hack Hard-coded prices. Debt: #45"));

    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([`POST ${path.comments(PR)}`, `POST ${path.comments(45)}`, `POST ${path.checks}`, `POST ${reactions}`]);
    const prComment = github.comments.find((c) => c.issue === PR);
    expect(opened(prComment?.body ?? "")).toContain("Its rebuild debt is tracked in #45 (named by this hack).");
    expect(reacted(github)).toEqual([{ content: "rocket" }]);
  });

  it("from someone without write permission gets a polite refusal, and nothing else happens", async () => {
    const probot = createTestApp(["hacks"]);
    const github = repository();
    github.permissions.set("visitor", "triage");

    await probot.receive(comment("/hack skip the queue", { login: "visitor" }));

    expect(github.unknown).toEqual([]);
    // Nothing is written but the answer: no label, no debt issue, no check.
    expect(github.writes()).toEqual([`POST ${path.comments(PR)}`, `POST ${reactions}`]);
    expect(sentTo(github, `POST ${path.comments(PR)}`).map((b) => opened(String(b.body)))).toEqual([
      [
        `<!-- intentbot:reply:${COMMENT}:hack -->`,
        "Sorry visitor, `/hack` needs at least **write** access to this repository (`hacks.permission` in `.github/intent.yml`), so nothing was done.",
        "",
        "Someone with that access can comment it, or the author can declare the hack in the pull request itself: a `hack` label, a title starting with a hack prefix, or a “Hack” section in the description.",
      ].join("\n"),
    ]);
    expect(reacted(github)).toEqual([{ content: "confused" }]);
  });

  it("without a reason gets the usage", async () => {
    const probot = createTestApp(["hacks"]);
    const github = repository({}, { permission: "maintain" });

    await probot.receive(comment("/hack Debt: #45"));

    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([`POST ${path.comments(PR)}`, `POST ${reactions}`]);
    expect(reacted(github)).toEqual([{ content: "confused" }]);
    const reply = opened(github.comments[0]?.body ?? "");
    expect(reply).toContain("`/hack` needs a reason: say why this shortcut is acceptable for now");
    expect(reply).toContain("```\n/hack <reason> [Debt: #123]\n```");
  });

  it("with an unreadable debt issue gets the usage, edited into the earlier reply", async () => {
    const probot = createTestApp(["hacks"]);
    const github = repository();
    github.comments.push({ ...botComment(901, `reply:${COMMENT}:hack`, "`/hack` needs a reason"), issue: PR, user: BOT });

    await probot.receive(comment("/hack Quick fix, Debt: soon", { action: "edited", from: "/hack" }));

    expect(github.unknown).toEqual([]);
    // An edited command's answer replaces the earlier one (a 🚀 it had would be taken back: it had none).
    expect(github.writes()).toEqual([`PATCH ${path.comment(901)}`, `POST ${reactions}`]);
    expect(github.comments).toHaveLength(1);
    expect(opened(github.comments[0]?.body ?? "")).toContain("`/hack` could not read the debt issue `soon`");
    expect(reacted(github)).toEqual([{ content: "confused" }]);
  });

  it("on an issue says it is for pull requests", async () => {
    const probot = createTestApp(["hacks"]);
    const github = repository();

    await probot.receive(comment("/hack now", { onIssue: true }));

    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([`POST ${path.comments(PR)}`, `POST ${reactions}`]);
    expect(opened(github.comments[0]?.body ?? "")).toContain(
      "`/hack` works in a pull request's conversation, so nothing was done here. It declares a pull request a hack; for a hack phase of a feature issue, use `/phase hack N`.",
    );
    expect(reacted(github)).toEqual([{ content: "confused" }]);
  });

  it("is ignored when quoted, in code, unchanged by an edit, or written by a bot", async () => {
    const probot = createTestApp(["hacks"]);
    const github = repository();
    await probot.receive(comment("> /hack quoted\n\n```\n/hack in code\n```"));
    await probot.receive(comment("/hack same reason\nfixed a typo below", { action: "edited", from: "/hack same reason\nfixed a typo below" }));
    expect(github.calls.splice(0)).toEqual([]);
    // A bot's event costs one lookup of the app's own login (once per instance, with the app's own token), to tell echoes apart.
    await probot.receive(
      delivery("issue_comment.created", payload("issue_comment.created", { comment: { body: "/hack from a bot" }, sender: { login: "other[bot]", type: "Bot" } } as never)),
    );
    expect(github.calls).toEqual(["GET /app"]);
  });

  it("an edit that fixes a refused /hack takes back the 😕 and reacts 🚀", async () => {
    const probot = createTestApp(["hacks"]);
    const github = repository({ ...PLAIN, labels: [{ name: "hack" }], body: "Debt: #45" });
    github.comments.push({ ...botComment(900, "hack", "### 🚧 This pull request is a hack"), issue: PR, user: BOT });
    github.addIssue({ number: 45, title: "Price service", state: "closed", user: { login: "pm", type: "User" } });
    github.reactions.push({ id: 5, comment: COMMENT, content: "confused", user: { login: "someone", type: "User" } }, { id: 6, comment: COMMENT, content: "confused", user: BOT });

    await probot.receive(comment("/hack agreed with product", { action: "edited", from: "/hack" }));

    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([`PATCH ${path.comment(900)}`, `POST ${path.checks}`, `DELETE ${reactions}/6`, `POST ${reactions}`]);
    expect(reacted(github)).toEqual([{ content: "rocket" }]);
    // Someone else's 😕 stays; the app's is replaced by 🚀.
    expect(github.reactions.map((r) => [r.user.login, r.content])).toEqual([
      ["someone", "confused"],
      [BOT_LOGIN, "rocket"],
    ]);
  });

  it("says when hack tracking is turned off", async () => {
    const probot = createTestApp(["hacks"]);
    const github = repository({}, { config: "hacks:\n  enabled: false\n" });

    await probot.receive(comment("/hack now"));

    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([`POST ${path.comments(PR)}`, `POST ${reactions}`]);
    expect(opened(github.comments[0]?.body ?? "")).toContain("`/hack` is turned off in this repository (`hacks.enabled: false` in `.github/intent.yml`), so nothing was done.");
    expect(reacted(github)).toEqual([{ content: "confused" }]);
  });
});
