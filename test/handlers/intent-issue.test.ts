import { afterEach, describe, expect, it } from "vitest";
import { closeTestApps, createTestApp } from "../helpers/app.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { BOT_LOGIN, OWNER, REPO } from "../helpers/github.js";
import { delivery, payload } from "../fixtures/payloads.js";

/** The intent check on issues against a stateful GitHub: the tests assert what the app wrote. */
const PATH = `/repos/${OWNER}/${REPO}`;
const ISSUE = `${PATH}/issues/1`;
const STATED = "## Why\nDrafts vanish when the page reloads.\n\n## Who\nSupport agents answering long tickets.";
const MARKER = "<!-- intentbot:intent -->";
/** No `.github/intent.yml` (the defaults), neither in the repository nor in the organisation's `.github`. */
const CONFIG_READS = [`GET ${PATH}/contents/.github/intent.yml`, `GET /repos/${OWNER}/.github/contents/.github/intent.yml`];

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await closeTestApps();
  fake?.stop();
});

/** The repository with issue #1 (the payloads' issue) holding `body`, and `files` (templates) in it. */
function repository(body: string, files: Record<string, string> = {}): FakeGitHub {
  const github = new FakeGitHub();
  for (const [path, text] of Object.entries(files)) github.contents.set(path, text);
  github.addIssue({ number: 1, title: "Spelling error in the README file", body });
  github.start();
  fake = github;
  return github;
}

const opened = (body: string, labels: { name: string }[] = []) => delivery("issues.opened", payload("issues.opened", { issue: { body, labels } }));
const calls = (github: FakeGitHub) => github.calls.filter((call) => !call.endsWith("/access_tokens"));

describe("intent check on issues", () => {
  it("labels an issue without why/who and explains once in a comment", async () => {
    const github = repository("Please fix the login page.");
    await createTestApp(["intent"]).receive(opened("Please fix the login page."));

    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([`POST ${PATH}/labels`, `POST ${ISSUE}/labels`, `POST ${ISSUE}/comments`]);
    expect(github.createdLabels).toEqual([{ name: "needs-intent", color: "d93f0b", description: "States no why or who yet (intentbot)" }]);
    expect(github.issues.get(1)?.labels).toEqual([{ name: "needs-intent" }]);
    const body = github.comments[0]?.body ?? "";
    expect(body.startsWith(`${MARKER}\n### This issue does not yet say **why** or **who**`)).toBe(true);
    expect(body).toContain("```markdown\n## Why\n");
    expect(body).toContain("## Who\n");
  });

  it("reads a persona of the repository's own users as no one in particular", async () => {
    // "widgets" is the repository: every reporter there is a widgets user, as every reporter in mypy's tracker is a mypy user.
    const story = "As a widgets user, I want the export to keep drafts, so that a reload no longer loses an afternoon's work.";
    const github = repository(story);
    await createTestApp(["intent"]).receive(opened(story));
    expect(github.issues.get(1)?.labels).toEqual([{ name: "needs-intent" }]);
    const body = github.comments[0]?.body ?? "";
    expect(body).toContain("does not yet say **who**");
  });

  it("leaves an issue that states why and who alone", async () => {
    const github = repository(STATED);
    await createTestApp(["intent"]).receive(opened(STATED));
    // It looks for its own comment (none to resolve), and writes nothing: no label, no comment.
    expect(github.writes()).toEqual([]);
    expect(calls(github)).toEqual([...CONFIG_READS, `GET ${PATH}/contents`, "GET /app", `GET ${ISSUE}/comments`]);
  });

  it("removes the label and resolves its own comment once the issue is fixed, leaving a forged one alone", async () => {
    const github = repository(STATED);
    const forged = github.addComment(1, `${MARKER}\nforged by a person`, "mallory");
    const own = github.addComment(1, `${MARKER}\n### This issue does not yet say…`, BOT_LOGIN);
    const issue = github.issues.get(1);
    if (issue) issue.labels = [{ name: "needs-intent" }];

    await createTestApp(["intent"]).receive(
      delivery("issues.edited", payload("issues.edited", { issue: { body: STATED, labels: [{ name: "needs-intent" }] }, changes: { body: { from: "fix it" } } })),
    );

    expect(github.writes()).toEqual([`DELETE ${ISSUE}/labels/needs-intent`, `PATCH ${PATH}/issues/comments/${own.id}`]);
    // The body changed, so open PRs that mention the issue are re-checked; there are none.
    expect(github.calls).toContain(`GET ${ISSUE}/timeline`);
    expect(github.issues.get(1)?.labels).toEqual([]);
    expect(own.body).toMatch(new RegExp(`^${MARKER}\\n✅ This issue now states why and who`));
    expect(own.body).toContain("Drafts vanish when the page reloads.");
    expect(forged.body).toBe(`${MARKER}\nforged by a person`);
  });

  it("the same delivery, redelivered after a restart, yields one comment, edited in place only if it would change", async () => {
    const github = repository("Please fix it");
    const event = opened("Please fix it");
    await createTestApp(["intent"]).receive(event);
    github.calls.length = 0;

    // Redelivered to an instance that never saw it (after a restart), as a fresh copy of the payload (no label on it):
    // the label is made sure of again, and the comment is found, identical, so it is not written.
    await createTestApp(["intent"]).receive(structuredClone(event));
    expect(github.writes()).toEqual([`POST ${PATH}/labels`, `POST ${ISSUE}/labels`]);
    expect(github.comments).toHaveLength(1);
  });

  it("concurrent events for one issue create one comment", async () => {
    const github = repository("Please fix it");
    const probot = createTestApp(["intent"]);
    const reopened = payload("issues.reopened", { issue: { body: "Please fix it", labels: [] } });
    await Promise.all([probot.receive(opened("Please fix it")), probot.receive(delivery("issues.reopened", reopened))]);
    expect(github.comments).toHaveLength(1);
  });

  it("does not count an issue template left unchanged", async () => {
    const template = "---\nname: Feature request\nabout: Ask for a feature\n---\n## Why\nExplain the problem this solves for the user.\n\n## Who\nName the users who need it.\n";
    const body = template.replace(/^---[\s\S]*?---\n/, "");
    const github = repository(body, { ".github/ISSUE_TEMPLATE/feature.md": template, ".github/ISSUE_TEMPLATE/config.yml": "blank_issues_enabled: false\n" });
    await createTestApp(["intent"]).receive(opened(body));

    const comment = github.comments[0]?.body ?? "";
    expect(comment).toContain("“Why” is left unanswered: what follows it is the template's own text.");
    expect(comment).toContain("“Who” is left unanswered: what follows it is the template's own text.");
  });

  it("inherits why/who from a linked issue", async () => {
    const github = repository("Part of #7");
    github.addIssue({ number: 7, title: "Drafts", body: STATED });
    await createTestApp(["intent"]).receive(opened("Part of #7"));
    // #7 is read and states both, so the issue passes: no label, no comment.
    expect(github.writes()).toEqual([]);
    expect(calls(github)).toEqual([...CONFIG_READS, `GET ${PATH}/contents`, `GET ${PATH}/issues/7`, "GET /app", `GET ${ISSUE}/comments`]);
  });

  it("skips exempt issues (configured label)", async () => {
    const github = repository("bump");
    await createTestApp(["intent"]).receive(opened("bump", [{ name: "dependencies" }]));
    // Exempt by the default config's labels: neither templates nor comments are read, nothing is written.
    expect(calls(github)).toEqual(CONFIG_READS);
  });
});
