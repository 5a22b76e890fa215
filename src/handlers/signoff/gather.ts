import { teamAreas, type OwnersOf } from "../../core/signoff/areas.js";
import { signoffNeeded, type Signoff } from "../../core/signoff/decide.js";
import { collectSignoffs, SIGNOFF_TOPIC, type GatheredSignoff, type SignoffEvidence } from "../../core/signoff/plan.js";
import { approvers, type Membership, type Review } from "../../core/signoff/reviews.js";
import { readCodeowners } from "../../github/codeowners.js";
import { findStickyComment } from "../../github/comments.js";
import type { FeatureContext } from "../../github/context.js";
import { isMissing } from "../../github/errors.js";
import { teamMembership } from "../../github/teams.js";

/** The parts of a pull request the sign-off rule reads (as the payload or `GET pulls/:n` carries them). */
export interface SignoffPullRequest {
  number: number;
  user: { login: string } | null;
  head: { sha: string };
  base: { ref: string };
  requested_teams?: ({ slug: string } | null)[] | null;
}

/**
 * Reads what the sign-off decision needs: the touched teams (files and
 * CODEOWNERS), and, when they need a sign-off, the sign-off comment, the
 * reviews, the memberships of the approvers (and the author) and what
 * changed since each sign-off's commit. Runs under the sign-off lock, so the
 * comment read here is the one the plan edits.
 */
export async function gatherSignoff(ctx: FeatureContext, pr: SignoffPullRequest, newSignoff?: Signoff): Promise<GatheredSignoff> {
  const { octokit, services, repo, log } = ctx;
  const rules = ctx.config.signoff;
  // Read once per head commit: later events of the same commit read no page again.
  const files = await services.pullFiles.read(services.facts, repo, pr);
  const ownersOf: OwnersOf = await readCodeowners(services.facts, services.codeowners, repo, pr.base.ref, log);
  const gathered: GatheredSignoff = {
    repo,
    pr: { number: pr.number, author: pr.user?.login, headSha: pr.head.sha, requestedTeams: (pr.requested_teams ?? []).flatMap((t) => (t ? [t.slug] : [])) },
    areas: teamAreas(files, ownersOf, rules.teams),
    newSignoff,
  };
  if (!signoffNeeded(gathered.areas, rules)) return gathered;

  const comment = (await findStickyComment(ctx, { ...repo, issue_number: pr.number }, SIGNOFF_TOPIC, { fresh: true })) ?? null;
  const reviews = await readReviews(ctx, pr.number);
  const teams = [...gathered.areas.teams.keys()];
  const author = gathered.pr.author;
  const people = [...approvers(reviews, author), ...(rules.authorTeamsSignedOff && author ? [author] : [])];
  const memberships = new Map<string, Map<string, Membership>>();
  for (const login of people) {
    // One read per person and organisation (`userTeams` caches it), whatever the number of teams.
    const own = new Map<string, Membership>();
    for (const team of teams) own.set(team, await teamMembership(octokit, services, team, login));
    memberships.set(login, own);
  }
  const evidence: SignoffEvidence = { comment, reviews, memberships, changedSince: new Map() };
  if (rules.staleOnPush) {
    const { commands, reviews: approvals } = collectSignoffs(gathered, evidence);
    evidence.changedSince = await changesSince(ctx, pr.head.sha, [...approvals, ...commands].map((s) => s.sha), files);
  }
  return { ...gathered, evidence };
}

async function readReviews({ services, repo }: FeatureContext, pullNumber: number): Promise<Review[]> {
  const reviews = await services.facts.reviews(repo, pullNumber);
  return reviews.map((r) => ({ user: r.user?.login, state: r.state, submittedAt: r.submitted_at ?? "", commitId: r.commit_id ?? "" }));
}

/** Files changed since each sign-off's commit; a commit GitHub cannot compare (force-push) counts as "everything". */
async function changesSince({ services, repo }: FeatureContext, head: string, shas: readonly string[], allFiles: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  for (const sha of new Set(shas)) {
    if (!sha || sha === head) continue;
    try {
      result.set(sha, await services.facts.compare(repo, sha, head));
    } catch (error) {
      if (!isMissing(error)) throw error;
      result.set(sha, [...allFiles]);
    }
  }
  return result;
}
