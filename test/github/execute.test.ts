import { afterEach, describe, expect, it } from "vitest";
import type { Action } from "../../src/core/actions.js";
import { labelSpecs } from "../../src/core/labels.js";
import { topicMarker } from "../../src/core/markers.js";
import { execute } from "../../src/github/execute.js";
import type { FakeGitHub } from "../helpers/fake-github.js";
import { fakeGitHubContext } from "../helpers/github-context.js";
import { BOT_LOGIN, OWNER, REPO } from "../helpers/github.js";

const repo = { owner: OWNER, repo: REPO };
const at = (number: number) => ({ ...repo, number });
const PATH = `/repos/${OWNER}/${REPO}`;

let fake: FakeGitHub | undefined;
afterEach(() => fake?.stop());

/** The executor with an installation client and the app's services, against a stateful GitHub. */
async function executor() {
  const { github, ctx } = await fakeGitHubContext();
  fake = github;
  return { github, run: (actions: Action[]) => execute(ctx, actions) };
}

describe("the executor", () => {
  it("carries out each kind of write, in order, and returns the issues it created", async () => {
    const { github, run } = await executor();
    github.addIssue({ number: 1, title: "Parent" });
    github.addPullRequest({ number: 2, title: "PR" });
    const person = github.addComment(2, "/signoff");
    const result = await run([
      { type: "create-issue", repo, issue: { title: "Debt", body: "rebuild it", labels: [labelSpecs.rebuildDebt("rebuild-debt")] } },
      { type: "add-label", issue: at(2), label: labelSpecs.hack("hack") },
      { type: "sticky-comment", issue: at(2), topic: "hack", body: "a hack", create: true },
      { type: "comment", issue: at(1), body: "a reminder" },
      { type: "update-issue", issue: at(1), change: { title: "Parent, renamed", state: "closed", stateReason: "completed" } },
      { type: "check", repo, headSha: "abc", result: { name: "Hack debt", conclusion: "success", title: "Tracked", summary: "ok" } },
      { type: "request-team-reviews", pr: at(2), teams: ["payments"] },
      { type: "add-sub-issue", parent: at(1), child: 77 },
      { type: "react", comment: { ...at(2), commentId: person.id }, content: "rocket" },
    ]);

    const [debt] = result.created;
    expect(result.created).toHaveLength(1);
    expect(result.refused).toEqual([]);
    expect(github.writes()).toEqual([
      `POST ${PATH}/labels`,
      `POST ${PATH}/issues`,
      `POST ${PATH}/labels`,
      `POST ${PATH}/issues/2/labels`,
      `POST ${PATH}/issues/2/comments`,
      `POST ${PATH}/issues/1/comments`,
      `PATCH ${PATH}/issues/1`,
      `POST ${PATH}/check-runs`,
      `POST ${PATH}/pulls/2/requested_reviewers`,
      `POST ${PATH}/issues/1/sub_issues`,
      `POST ${PATH}/issues/comments/${person.id}/reactions`,
    ]);
    expect(github.issues.get(debt?.number ?? 0)).toMatchObject({ title: "Debt", labels: [{ name: "rebuild-debt" }] });
    expect(github.issues.get(1)).toMatchObject({ title: "Parent, renamed", state: "closed", state_reason: "completed" });
    expect(github.comments.filter((c) => c.user.login === BOT_LOGIN).map((c) => [c.issue, c.body])).toEqual([
      [2, `${topicMarker("hack")}\na hack`],
      [1, "a reminder"],
    ]);
    expect(github.requestedTeams.get(2)).toEqual(["payments"]);
    expect(github.parents.get(77)).toBe(1);
    expect(github.checkRuns).toMatchObject([{ name: "Hack debt", head_sha: "abc", conclusion: "success" }]);
  });

  it("edits a sticky comment in place: with the comment it was given it lists nothing, and `create: false` never creates one", async () => {
    const { github, run } = await executor();
    github.addIssue({ number: 4, title: "Issue" });
    await run([{ type: "sticky-comment", issue: at(4), topic: "intent", body: "resolved", create: false }]);
    expect(github.writes()).toEqual([]);

    await run([{ type: "sticky-comment", issue: at(4), topic: "intent", body: "first", create: true }]);
    const [comment] = github.comments;
    if (!comment) throw new Error("no comment");
    github.calls.length = 0;
    await run([{ type: "sticky-comment", issue: at(4), topic: "intent", body: "second", create: true, found: { id: comment.id, body: comment.body } }]);
    expect(github.calls).toEqual([`PATCH ${PATH}/issues/comments/${comment.id}`]);
    expect(github.comments.map((c) => c.body)).toEqual([`${topicMarker("intent")}\nsecond`]);
  });

  it("takes back its own reaction, and leaves a person's of the same kind", async () => {
    const { github, run } = await executor();
    github.addPullRequest({ number: 6, title: "PR" });
    const command = github.addComment(6, "/signoff");
    github.reactions.push({ id: 1, comment: command.id, content: "confused", user: { login: "octocat", type: "User" } });
    const comment = { ...at(6), commentId: command.id };
    await run([{ type: "react", comment, content: "confused" }]);
    const own = github.reactions.find((r) => r.user.login === BOT_LOGIN);
    await run([{ type: "unreact", comment, content: "confused" }]);
    expect(github.reactions.map((r) => r.user.login)).toEqual(["octocat"]);
    expect(github.writes()).toEqual([`POST ${PATH}/issues/comments/${command.id}/reactions`, `DELETE ${PATH}/issues/comments/${command.id}/reactions/${own?.id ?? 0}`]);
  });

  it("takes an expected refusal as an answer and goes on: a sub-issue with another parent, a label removed meanwhile", async () => {
    const { github, run } = await executor();
    github.addIssue({ number: 5, title: "Parent" });
    github.parents.set(88, 9);
    const result = await run([
      { type: "add-sub-issue", parent: at(5), child: 88 },
      { type: "remove-label", issue: at(5), name: "gone" },
      { type: "comment", issue: at(5), body: "after" },
    ]);
    expect(result.refused).toEqual([{ type: "add-sub-issue", parent: at(5), child: 88 }]);
    expect(github.comments.map((c) => c.body)).toEqual(["after"]);
  });

  it("stops at a write that fails otherwise, leaving the rest for the retry", async () => {
    const { github, run } = await executor();
    await expect(run([{ type: "update-issue", issue: at(404), change: { state: "open" } }, { type: "comment", issue: at(5), body: "never" }])).rejects.toThrow();
    expect(github.comments).toEqual([]);
  });
});

describe("the executor's checks and records", () => {
  const check = (title: string): Action => ({ type: "check", repo, headSha: "abc", result: { name: "Hack debt", conclusion: "success", title, summary: "s" } });

  it("does not publish a check run again with the same output on the same commit; a changed one it does", async () => {
    const { github, run } = await executor();
    await run([check("Linked"), check("Linked"), check("Missing"), check("Linked")]);
    expect(github.checkRuns.map((c) => c.output?.title)).toEqual(["Linked", "Missing", "Linked"]);
  });

  it("seals the records of every body it writes, for the repository written to", async () => {
    const { github, run } = await executor();
    github.addIssue({ number: 1, title: "Parent" });
    const record = `<!-- intentbot:data {"kind":"x"} -->`;
    await run([
      { type: "create-issue", repo, issue: { title: "Debt", body: `body\n${record}`, labels: [] } },
      { type: "sticky-comment", issue: at(1), topic: "hack", body: record, create: true },
      { type: "comment", issue: at(1), body: record },
      { type: "update-issue", issue: at(1), change: { body: record } },
    ]);
    const written = [...github.comments.map((c) => c.body), github.issues.get(1)?.body, [...github.issues.values()].at(-1)?.body];
    expect(written).toHaveLength(4);
    for (const body of written) expect(body).toMatch(/<!-- intentbot:data \{"kind":"x"\} hmac:[\w-]{43} -->/);
  });
});
