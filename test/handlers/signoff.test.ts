import { afterEach, describe, expect, it } from "vitest";
import { closeTestApps, createTestApp } from "../helpers/app.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { OWNER, REPO } from "../helpers/github.js";
import { opened, sealed } from "../helpers/records.js";
import { delivery, payload } from "../fixtures/payloads.js";

/**
 * Sign-off against a stateful GitHub: each test sets up the repository (the
 * config, CODEOWNERS, the PR's files and reviews, who is in which team) and
 * asserts what the app wrote, whatever it read on the way.
 */
const SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
const PATH = `/repos/${OWNER}/${REPO}`;
// The sign-off feature alone is loaded in these tests (createTestApp(["signoff"])).
const SIGNOFF_CONFIG = "signoff:\n  minTeams: 2\n";
const CODEOWNERS = "* @ana\n/src/pay/ @octo-org/payments\n/src/web/ @octo-org/web\n";
const FILES = ["src/pay/charge.ts", "src/web/page.tsx", "README.md"];

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await closeTestApps();
  fake?.stop();
});

/** The repository with PR #2 (the payloads' pull request, by Codertocat, on `master`) touching `files`. */
function repository({ files = FILES, codeowners = CODEOWNERS } = {}): FakeGitHub {
  const github = new FakeGitHub();
  github.config = SIGNOFF_CONFIG;
  github.contents.set(".github/CODEOWNERS", codeowners);
  github.addPullRequest({ number: 2, title: "Charge fees", head: { sha: SHA, ref: "changes" }, base: { ref: "master", sha: "base" } });
  github.files.set(2, files.map((filename) => ({ filename, status: "modified" })));
  github.start();
  fake = github;
  return github;
}

const approval = (user: string, commit = SHA, at = "2026-11-20T10:00:00Z") => ({ user: { login: user }, state: "APPROVED", submitted_at: at, commit_id: commit });
const signoffComment = (github: FakeGitHub) => opened(github.comments.find((c) => c.body.startsWith("<!-- intentbot:signoff -->"))?.body ?? "");

describe("cross-team sign-off", () => {
  it("asks each touched team to sign off: check, one comment, review requests", async () => {
    const github = repository();
    await createTestApp(["signoff"]).receive(delivery("pull_request.opened", payload("pull_request.opened", {})));

    expect(github.unknown).toEqual([]);
    expect(github.writes()).toEqual([`POST ${PATH}/check-runs`, `POST ${PATH}/issues/2/comments`, `POST ${PATH}/pulls/2/requested_reviewers`]);
    expect(github.checkRuns[0]).toMatchObject({ name: "Cross-team sign-off", head_sha: SHA, conclusion: "neutral", output: { title: "Waiting for 2 of 2 teams" } });
    expect(github.requestedTeams.get(2)).toEqual(["payments", "web"]);
    const body = signoffComment(github);
    expect(body).toContain("| `@octo-org/payments` | ⏳ waiting |  | `src/pay/charge.ts` |");
    expect(body).toContain("| `@octo-org/web` | ⏳ waiting |  | `src/web/page.tsx` |");
    expect(body).toContain("Files no team owns: `README.md`");
    expect(body).toContain('<!-- intentbot:data {"kind":"signoff","signoffs":[]} -->');
  });

  it("counts an approving review by a team member and the author's own team", async () => {
    const github = repository();
    github.reviews.set(2, [approval("bo"), approval("cy"), { ...approval("cy"), state: "DISMISSED", submitted_at: "2026-11-20T11:00:00Z" }]);
    github.teamMembers.add("payments:bo");
    github.teamMembers.add("web:Codertocat");
    await createTestApp(["signoff"]).receive(delivery("pull_request_review.submitted", payload("pull_request_review.submitted", { review: { state: "approved" } })));

    // All signed: nothing to ask of anyone.
    expect(github.writes()).toEqual([`POST ${PATH}/check-runs`, `POST ${PATH}/issues/2/comments`]);
    expect(github.checkRuns[0]).toMatchObject({ conclusion: "success", output: { title: "All 2 teams signed off" } });
    expect(github.checkRuns[0]?.output?.summary).toContain("| `@octo-org/payments` | ✅ signed off | @\u200bbo (approving review, 2026-11-20) |");
    expect(github.checkRuns[0]?.output?.summary).toContain("| `@octo-org/web` | ✅ author's team |");
  });

  it("a non-member's approval does not count", async () => {
    const github = repository();
    github.reviews.set(2, [approval("eve")]);
    await createTestApp(["signoff"]).receive(delivery("pull_request.reopened", payload("pull_request.reopened", {})));

    expect(github.checkRuns[0]).toMatchObject({ conclusion: "neutral", output: { title: "Waiting for 2 of 2 teams" } });
    expect(github.requestedTeams.get(2)).toEqual(["payments", "web"]);
  });

  it("teams whose membership cannot be read are shown as such; the rest is still decided and written", async () => {
    const github = repository({ codeowners: "* @ana\n/src/pay/ @octo-org/payments\n/src/web/ @partner-org/web\n" });
    github.reviews.set(2, [approval("bo")]);
    github.teamMembers.add("payments:bo");
    // An organisation where the app was not granted Members: read.
    github.unreadableOrgs.add("partner-org");
    await createTestApp(["signoff"]).receive(delivery("pull_request_review.submitted", payload("pull_request_review.submitted", { review: { state: "approved" } })));

    // The open team is another organisation's: it cannot be asked for a review here.
    expect(github.writes()).toEqual([`POST ${PATH}/check-runs`, `POST ${PATH}/issues/2/comments`]);
    expect(github.checkRuns[0]).toMatchObject({ conclusion: "neutral", output: { title: "Waiting for 1 of 2 teams" } });
    const summary = github.checkRuns[0]?.output?.summary ?? "";
    expect(summary).toContain("| `@octo-org/payments` | ✅ signed off | @\u200bbo (approving review, 2026-11-20) |");
    expect(summary).toContain("| `@partner-org/web` | ❔ membership could not be read | approved by @\u200bbo; the app cannot see this team's members");
  });

  it("a push to a team's files after its sign-off makes it stale, and the stale team is asked again", async () => {
    const github = repository();
    const state = '<!-- intentbot:data {"kind":"signoff","signoffs":[{"team":"@octo-org/web","user":"wu","at":"2026-11-19T10:00:00Z","sha":"old","via":"command"}]} -->';
    const earlier = github.addComment(2, sealed(`<!-- intentbot:signoff -->\nold table\n\n${state}`), "intentbot[bot]");
    github.reviews.set(2, [approval("bo", "old")]);
    github.teamMembers.add("payments:bo");
    github.compares.set(`old...${SHA}`, ["src/web/page.tsx"]);
    await createTestApp(["signoff"]).receive(delivery("pull_request.synchronize", payload("pull_request.synchronize", { pull_request: { labels: [] } })));

    expect(github.writes()).toEqual([`POST ${PATH}/check-runs`, `PATCH ${PATH}/issues/comments/${earlier.id}`, `POST ${PATH}/pulls/2/requested_reviewers`]);
    expect(github.requestedTeams.get(2)).toEqual(["web"]);
    expect(github.checkRuns[0]?.output?.summary).toContain("| `@octo-org/payments` | ✅ signed off |");
    expect(github.checkRuns[0]?.output?.summary).toContain("| `@octo-org/web` | ♻️ stale: files changed since | @\u200bwu (`/signoff`, 2026-11-19) |");
  });

  it("a commit GitHub can no longer compare (force-pushed away) counts as changing every file", async () => {
    const github = repository();
    github.reviews.set(2, [approval("bo", "gone")]);
    github.teamMembers.add("payments:bo");
    await createTestApp(["signoff"]).receive(delivery("pull_request.synchronize", payload("pull_request.synchronize", { pull_request: { labels: [] } })));
    expect(github.checkRuns[0]?.output?.summary).toContain("| `@octo-org/payments` | ♻️ stale: files changed since | @\u200bbo (approving review, 2026-11-20) |");
  });

  it("a review that only comments changes no verdict, so it reads nothing", async () => {
    const github = repository();
    await createTestApp(["signoff"]).receive(delivery("pull_request_review.submitted", payload("pull_request_review.submitted", { review: { state: "commented" } })));
    expect(github.calls).toEqual([]);
  });

  it("needs no sign-off below minTeams: one line in the check, no comment", async () => {
    const github = repository({ files: ["src/pay/charge.ts"] });
    await createTestApp(["signoff"]).receive(delivery("pull_request.opened", payload("pull_request.opened", {})));
    expect(github.writes()).toEqual([`POST ${PATH}/check-runs`]);
    expect(github.checkRuns[0]).toMatchObject({ conclusion: "success", output: { title: "No cross-team sign-off needed" } });
  });

  it("below minTeams after a push, the earlier comment says it is no longer needed", async () => {
    const github = repository({ files: ["src/pay/charge.ts"] });
    const earlier = github.addComment(2, "<!-- intentbot:signoff -->\n### Cross-team sign-off: needed", "intentbot[bot]");
    await createTestApp(["signoff"]).receive(delivery("pull_request.synchronize", payload("pull_request.synchronize", { pull_request: { labels: [] } })));
    expect(github.writes()).toEqual([`POST ${PATH}/check-runs`, `PATCH ${PATH}/issues/comments/${earlier.id}`]);
    expect(signoffComment(github)).toContain("### Cross-team sign-off: no longer needed");
  });
});

describe("/signoff", () => {
  function command(body: string, user = "wu") {
    return delivery(
      "issue_comment.created",
      payload("issue_comment.created", {
        issue: { number: 2, pull_request: { url: `https://api.github.com${PATH}/pulls/2` } },
        comment: { id: 77, body, user: { login: user, type: "User" }, created_at: "2026-11-22T09:00:00Z" },
        sender: { login: user, type: "User" },
      }),
    );
  }
  const reactions = (github: FakeGitHub) => github.reactions.filter((r) => r.comment === 77).map((r) => r.content);
  const reply = (github: FakeGitHub) => github.comments.find((c) => c.body.startsWith("<!-- intentbot:reply:77:signoff -->"))?.body ?? "";

  it("records a member's sign-off in the comment's data and reacts, asking no team already asked", async () => {
    const github = repository();
    const pr = github.issues.get(2);
    if (pr) pr.requested_teams = [{ slug: "payments" }, { slug: "web" }];
    github.teamMembers.add("web:wu");
    await createTestApp(["signoff"]).receive(command("/signoff @octo-org/web checked @everyone's pages"));

    expect(github.writes()).toEqual([`POST ${PATH}/check-runs`, `POST ${PATH}/issues/2/comments`, `POST ${PATH}/issues/comments/77/reactions`]);
    const body = signoffComment(github);
    expect(body).toContain("| `@octo-org/web` | ✅ signed off | @\u200bwu (`/signoff`, 2026-11-22): “checked @\u200beveryone's pages” |");
    expect(body).toContain(
      `<!-- intentbot:data {"kind":"signoff","signoffs":[{"team":"@octo-org/web","user":"wu","at":"2026-11-22T09:00:00Z","sha":"${SHA}","via":"command","note":"checked @everyone's pages"}]} -->`,
    );
    expect(reactions(github)).toEqual(["rocket"]);
  });

  it.each([
    { case: "a non-member", text: "/signoff octo-org/web", user: "eve", answer: "This sign-off does not count: the commenter is not an active member of `@octo-org/web`" },
    { case: "a team of an organisation that does not exist (it has no members)", text: "/signoff @no-such-org/web", user: "wu", answer: "This sign-off does not count: the commenter is not an active member of `@no-such-org/web`" },
    { case: "a team whose members cannot be read", text: "/signoff @locked-org/web", user: "wu", answer: "This sign-off was not counted: intentbot cannot read who is a member of `@locked-org/web`" },
    { case: "a malformed command", text: "/signoff please", user: "wu", answer: "Usage: `/signoff @org/team [note]`" },
  ])("answers $case with a reply and 😕, and signs off nothing", async ({ text, user, answer }) => {
    const github = repository();
    github.unreadableOrgs.add("locked-org");
    await createTestApp(["signoff"]).receive(command(text, user));

    expect(github.writes()).toEqual([`POST ${PATH}/issues/2/comments`, `POST ${PATH}/issues/comments/77/reactions`]);
    expect(reply(github)).toContain(answer);
    expect(reactions(github)).toEqual(["confused"]);
  });

  it("ignores /signoff in quotes and code", async () => {
    const github = repository();
    await createTestApp(["signoff"]).receive(command("> /signoff @octo-org/web\n\n```\n/signoff @octo-org/web\n```"));
    // No command: no call at all (no reaction, no reply, no check run).
    expect(github.calls).toEqual([]);
  });
});
