import { afterEach, describe, expect, it } from "vitest";
import { closeTestApps, createTestApp } from "../helpers/app.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { OWNER, REPO } from "../helpers/github.js";
import { approvalDelivery, monorepoPullRequest, openedDelivery, PR_FILES, TEAMS, teamSlug } from "../helpers/monorepo.js";

const CONFIG = "signoff:\n  minTeams: 2\n";
const REPO_PATH = `/repos/${OWNER}/${REPO}`;
const NUMBER = 7;

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await closeTestApps();
  fake?.stop();
});

/** Calls grouped by what they ask, installation tokens left out, in the order first asked. */
function tally(calls: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of calls) if (!call.endsWith("/access_tokens")) counts[call] = (counts[call] ?? 0) + 1;
  return counts;
}

describe("sign-off on a monorepo pull request: 3,000 files, 50 teams, a 10,000-rule CODEOWNERS", () => {
  it("reads the files once per head commit, each approver's teams once, and keeps one comment within GitHub's limit", async () => {
    fake = new FakeGitHub();
    const pr = monorepoPullRequest(fake, NUMBER, CONFIG);
    fake.start();
    const probot = createTestApp(["signoff"]);

    await probot.receive(openedDelivery(pr));
    const opening = tally(fake.calls.splice(0));
    expect(opening).toEqual({
      "GET /app": 1,
      [`GET ${REPO_PATH}/contents/.github/intent.yml`]: 1,
      // The most GitHub lists, 100 a page.
      [`GET ${REPO_PATH}/pulls/${NUMBER}/files`]: PR_FILES / 100,
      [`GET ${REPO_PATH}/contents/.github/CODEOWNERS`]: 1,
      [`GET ${REPO_PATH}/issues/${NUMBER}/comments`]: 1,
      [`GET ${REPO_PATH}/pulls/${NUMBER}/reviews`]: 1,
      // The author's teams: one query answers all 50.
      "POST /graphql": 1,
      [`POST ${REPO_PATH}/check-runs`]: 1,
      [`POST ${REPO_PATH}/issues/${NUMBER}/comments`]: 1,
      [`POST ${REPO_PATH}/pulls/${NUMBER}/requested_reviewers`]: 1,
    });

    for (let t = 0; t < TEAMS; t++) await probot.receive(approvalDelivery(fake, pr, t));
    const approvals = tally(fake.calls.splice(0));
    const free = fake.notModified;
    expect(approvals).toEqual({
      // Revalidated by ETag: GitHub answers 304, which costs no rate limit.
      [`GET ${REPO_PATH}/contents/.github/intent.yml`]: TEAMS,
      [`GET ${REPO_PATH}/contents/.github/CODEOWNERS`]: TEAMS,
      [`GET ${REPO_PATH}/issues/${NUMBER}/comments`]: TEAMS,
      [`GET ${REPO_PATH}/pulls/${NUMBER}/reviews`]: TEAMS,
      // Each approver's teams, once; no page of files is read again.
      "POST /graphql": TEAMS,
      [`POST ${REPO_PATH}/check-runs`]: TEAMS,
      [`PATCH ${REPO_PATH}/issues/comments/${fake.comments[0]?.id ?? 0}`]: TEAMS,
    });
    expect(free).toBe(2 * TEAMS);
    expect(fake.unknown).toEqual([]);

    const comments = fake.comments.filter((c) => c.issue === NUMBER);
    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? "";
    expect(body.length).toBeLessThanOrEqual(65_536);
    for (let t = 0; t < TEAMS; t++) expect(body).toContain(`| \`@${OWNER}/${teamSlug(t)}\` | ✅ signed off |`);
    expect(body).toContain("<summary>60 files</summary>");
    expect(fake.checkRuns.at(-1)?.output?.title).toBe(`All ${TEAMS} teams signed off`);
    // Fifty-one deliveries of a 3,000-file PR: more than a unit test's default, on a loaded machine.
  }, 180_000);
});
