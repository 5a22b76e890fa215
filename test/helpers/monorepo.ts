import { delivery, payload } from "../fixtures/payloads.js";
import type { FakeGitHub } from "./fake-github.js";
import { OWNER } from "./github.js";

/**
 * A monorepo at the scale of issue 21: a CODEOWNERS of 10,000 rules naming
 * 50 teams, and one pull request changing 3,000 files (the most GitHub
 * lists) across all 50, each team with one member who approves it.
 */
export const TEAMS = 50;
export const RULES = 10_000;
export const PR_FILES = 3_000;
const MODULES = RULES / TEAMS;

export const teamSlug = (t: number) => `team-${t}`;
export const reviewerOf = (t: number) => `reviewer-${t}`;

export function monorepoCodeowners(): string {
  // A catch-all first, as monorepos have; every changed file is claimed by a later, more specific rule.
  const lines = ["# 10,000 rules, 50 teams", "* @octo-org/platform"];
  for (let t = 0; t < TEAMS; t++) for (let m = 0; m < MODULES; m++) lines.push(`/services/${teamSlug(t)}/module-${m}/ @${OWNER}/${teamSlug(t)}`);
  return lines.join("\n");
}

export function monorepoFiles(): { filename: string; status: string }[] {
  return Array.from({ length: PR_FILES }, (_, i) => {
    const t = i % TEAMS;
    const n = Math.floor(i / TEAMS);
    return { filename: `services/${teamSlug(t)}/module-${n % MODULES}/handler-${n}.ts`, status: "modified" };
  });
}

/** Puts the repository and the pull request in the fake, and returns the PR as webhooks carry it. */
export function monorepoPullRequest(fake: FakeGitHub, number: number, config: string) {
  fake.config = config;
  fake.contents.set(".github/CODEOWNERS", monorepoCodeowners());
  for (let t = 0; t < TEAMS; t++) fake.teamMembers.add(`${teamSlug(t)}:${reviewerOf(t)}`);
  const body = "Why: every service moves to the new logging library at once, so logs stay one format.\n\nWho: the on-call engineers reading them.";
  const title = "Bump the logging library everywhere";
  fake.addPullRequest({ number, title, body });
  fake.files.set(number, monorepoFiles());
  const pr = fake.issues.get(number);
  const author = { login: "Codertocat", type: "User" as const };
  return { number, title, body, labels: [], user: author, head: pr?.head, base: pr?.base, draft: false, state: "open" as const, requested_teams: [] as { slug: string }[] };
}

export function openedDelivery(pr: ReturnType<typeof monorepoPullRequest>) {
  return delivery("pull_request.opened", payload("pull_request.opened", { pull_request: pr, sender: pr.user }));
}

/** Team `t`'s member approves: the review is added to the fake and its webhook returned (the other teams still requested). */
export function approvalDelivery(fake: FakeGitHub, pr: ReturnType<typeof monorepoPullRequest>, t: number) {
  const login = reviewerOf(t);
  const sha = pr.head?.sha ?? "";
  const submitted = `2026-12-01T12:${String(t).padStart(2, "0")}:00Z`;
  fake.reviews.set(pr.number, [...(fake.reviews.get(pr.number) ?? []), { user: { login }, state: "APPROVED", submitted_at: submitted, commit_id: sha }]);
  const requested = Array.from({ length: TEAMS - t - 1 }, (_, i) => ({ slug: teamSlug(t + 1 + i) }));
  const user = { login, type: "User" as const };
  return delivery(
    "pull_request_review.submitted",
    payload("pull_request_review.submitted", {
      pull_request: { ...pr, requested_teams: requested },
      review: { state: "approved", user, commit_id: sha, submitted_at: submitted },
      sender: user,
    }),
  );
}
