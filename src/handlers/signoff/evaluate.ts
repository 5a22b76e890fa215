import type { Config } from "../../config/schema.js";
import { teamAreas, type OwnersOf } from "../../core/signoff/areas.js";
import { decideSignoff, signoffNeeded, type Signoff, type SignoffVerdict } from "../../core/signoff/decide.js";
import { SIGNOFF_NO_LONGER_NEEDED, signoffCheck, signoffComment } from "../../core/signoff/render.js";
import { keptCommandSignoffs, readCommandSignoffs } from "../../core/signoff/state.js";
import { normalizeTeam, splitTeam } from "../../core/signoff/teams.js";
import { publishCheck } from "../../github/checks.js";
import { findStickyComment, updateStickyCommentIfPresent, upsertStickyComment } from "../../github/comments.js";
import { isInvalid, isMissing } from "../../github/errors.js";
import { lockKey } from "../../github/locks.js";
import type { Services } from "../../github/services.js";
import { teamMembership } from "../../github/teams.js";
import type { GitHub, Log, RepoRef } from "../../github/types.js";
import { readCodeowners } from "../../github/codeowners.js";

export const SIGNOFF_TOPIC = "signoff";

/** The parts of a pull request the sign-off rule reads. */
export interface SignoffPullRequest {
  number: number;
  user: { login: string } | null;
  head: { sha: string };
  base: { ref: string };
  requested_teams?: ({ slug: string } | null)[] | null;
}

/**
 * Approving reviews (each reviewer's latest review) by members of the touched
 * teams, and per team the approvers whose membership could not be read.
 */
async function reviewSignoffs(
  octokit: GitHub,
  services: Services,
  repo: RepoRef,
  pr: SignoffPullRequest,
  teams: readonly string[],
): Promise<{ signoffs: Signoff[]; unverified: Map<string, string[]> }> {
  const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, { ...repo, pull_number: pr.number, per_page: 100 });
  const latest = new Map<string, (typeof reviews)[number]>();
  for (const review of reviews) {
    const login = review.user?.login;
    // Comments do not change a reviewer's verdict; approvals, change requests and dismissals do.
    if (login && review.state !== "COMMENTED" && review.state !== "PENDING") latest.set(login, review);
  }
  const signoffs: Signoff[] = [];
  const unverified = new Map<string, string[]>();
  for (const [user, review] of latest) {
    if (review.state !== "APPROVED" || user === pr.user?.login) continue;
    for (const team of teams) {
      const membership = await teamMembership(octokit, services, team, user);
      if (membership === "member") signoffs.push({ team, user, at: review.submitted_at ?? "", sha: review.commit_id ?? "", via: "review" });
      if (membership === "unreadable") unverified.set(team, [...(unverified.get(team) ?? []), user]);
    }
  }
  return { signoffs, unverified };
}

/** Files changed since each sign-off's commit; a commit GitHub cannot compare (force-push) counts as "everything". */
async function changesSince(octokit: GitHub, repo: RepoRef, head: string, shas: readonly string[], allFiles: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  for (const sha of new Set(shas)) {
    if (!sha || sha === head) continue;
    try {
      const { data } = await octokit.rest.repos.compareCommits({ ...repo, base: sha, head });
      result.set(sha, (data.files ?? []).map((f) => f.filename));
    } catch (error) {
      if (!isMissing(error)) throw error;
      result.set(sha, [...allFiles]);
    }
  }
  return result;
}

async function requestTeamReviews(octokit: GitHub, repo: RepoRef, pullNumber: number, teams: readonly string[], log: Log): Promise<void> {
  const slugs = teams.map(splitTeam).filter((t) => t.org === repo.owner.toLowerCase()).map((t) => t.slug);
  if (slugs.length === 0) return;
  try {
    await octokit.rest.pulls.requestReviewers({ ...repo, pull_number: pullNumber, team_reviewers: slugs });
  } catch (error) {
    // 422: a team without access to the repository cannot be requested; the comment still names it.
    if (!isInvalid(error)) throw error;
    log.warn({ err: error, teams: slugs }, "could not request team reviews");
  }
}

/**
 * Gathers the touched teams and their sign-offs, decides, and publishes the
 * check, the sticky comment and review requests. Serialised per pull
 * request, so two `/signoff` commands at once both end up in the comment.
 */
export async function evaluateSignoff(
  octokit: GitHub,
  services: Services,
  config: Config,
  repo: RepoRef,
  pr: SignoffPullRequest,
  log: Log,
  newSignoff?: Signoff,
): Promise<SignoffVerdict> {
  return services.locks.run(lockKey("signoff", repo, pr.number), async () => {
    const rules = config.signoff;
    const issue = { ...repo, issue_number: pr.number };
    // Read once per head commit: later events of the same commit read no page again.
    const files = await services.pullFiles.read(octokit, repo, pr);
    const ownersOf: OwnersOf = await readCodeowners(octokit, services.codeowners, repo, pr.base.ref, log);
    const areas = teamAreas(files, ownersOf, rules.teams);
    const teams = [...areas.teams.keys()];

    if (!signoffNeeded(areas, rules)) {
      const verdict = decideSignoff({ headSha: pr.head.sha, areas, authorTeams: new Set(), signoffs: [], changedSince: new Map(), requestedTeams: new Set() }, rules);
      await publishCheck(octokit, repo, pr.head.sha, signoffCheck(verdict, config.mode));
      await updateStickyCommentIfPresent(octokit, services, issue, SIGNOFF_TOPIC, SIGNOFF_NO_LONGER_NEEDED);
      return verdict;
    }

    const existing = await findStickyComment(octokit, services, issue, SIGNOFF_TOPIC);
    const commands = keptCommandSignoffs([...readCommandSignoffs(existing?.body), ...(newSignoff ? [newSignoff] : [])], new Set(teams));
    const { signoffs: reviews, unverified } = await reviewSignoffs(octokit, services, repo, pr, teams);
    const author = pr.user?.login;
    const authorTeams = new Set<string>();
    if (rules.authorTeamsSignedOff && author) {
      for (const team of teams) if ((await teamMembership(octokit, services, team, author)) === "member") authorTeams.add(team);
    }
    const signoffs = [...reviews, ...commands];
    const changedSince = rules.staleOnPush ? await changesSince(octokit, repo, pr.head.sha, signoffs.map((s) => s.sha), files) : new Map<string, string[]>();
    const requestedTeams = new Set((pr.requested_teams ?? []).flatMap((t) => (t ? [normalizeTeam(`${repo.owner}/${t.slug}`)] : [])));

    const verdict = decideSignoff({ headSha: pr.head.sha, areas, authorTeams, signoffs, changedSince, requestedTeams, unverified }, rules);
    if (!verdict.needed) return verdict;
    log.info({ pr: pr.number, teams: verdict.teams.map((t) => [t.team, t.status]) }, "sign-off decided");
    await publishCheck(octokit, repo, pr.head.sha, signoffCheck(verdict, config.mode));
    // Only this lock's holder writes the topic, so the comment found above is still the one.
    await upsertStickyComment(octokit, services, issue, SIGNOFF_TOPIC, signoffComment(verdict, commands), { comment: existing });
    if (verdict.requestReviewsFrom.length > 0) await requestTeamReviews(octokit, repo, pr.number, verdict.requestReviewsFrom, log);
    return verdict;
  });
}
