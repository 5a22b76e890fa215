import type { Config } from "../../config/schema.js";
import type { Action, KnownComment } from "../actions.js";
import type { RepoRef } from "../repo.js";
import type { TeamAreas } from "./areas.js";
import { decideSignoff, signoffNeeded, type Signoff, type SignoffVerdict } from "./decide.js";
import { SIGNOFF_NO_LONGER_NEEDED, signoffCheck, signoffComment } from "./render.js";
import { reviewSignoffs, type Memberships, type Review } from "./reviews.js";
import { keptCommandSignoffs, readCommandSignoffs } from "./state.js";
import { normalizeTeam, splitTeam } from "./teams.js";

export const SIGNOFF_TOPIC = "signoff";

/** What was read about a pull request's sign-off, as plain data. */
export interface GatheredSignoff {
  repo: RepoRef;
  pr: {
    number: number;
    author: string | undefined;
    headSha: string;
    /** Slugs of the teams whose review is requested (of the repository's organisation). */
    requestedTeams: readonly string[];
  };
  areas: TeamAreas;
  /** A `/signoff` being carried out now. */
  newSignoff?: Signoff | undefined;
  /** Read only when a sign-off is needed (`signoffNeeded`): below `minTeams` nothing more is. */
  evidence?: SignoffEvidence | undefined;
}

export interface SignoffEvidence {
  /** The sign-off comment, read under the sign-off lock (`null`: there is none); it keeps the `/signoff` record. */
  comment: KnownComment | null;
  reviews: readonly Review[];
  /** The approvers' and (with `authorTeamsSignedOff`) the author's memberships of the touched teams. */
  memberships: Memberships;
  /** Files changed between a sign-off's commit and the head, by commit (with `staleOnPush`). */
  changedSince: ReadonlyMap<string, readonly string[]>;
}

export type SignoffConfig = Pick<Config, "signoff" | "mode">;

/** The sign-offs a decision counts: command ones kept in the comment's record (and the new one), and approving reviews by members. */
export function collectSignoffs(gathered: GatheredSignoff, evidence: SignoffEvidence): { commands: Signoff[]; reviews: Signoff[]; unverified: Map<string, string[]> } {
  const teams = [...gathered.areas.teams.keys()];
  const recorded = readCommandSignoffs(evidence.comment?.body);
  const commands = keptCommandSignoffs([...recorded, ...(gathered.newSignoff ? [gathered.newSignoff] : [])], new Set(teams));
  const { signoffs, unverified } = reviewSignoffs(evidence.reviews, gathered.pr.author, teams, evidence.memberships);
  return { commands, reviews: signoffs, unverified };
}

/**
 * The verdict and the writes that publish it: the check; the sticky comment
 * (the table and the record of `/signoff`s), or, when no sign-off is needed
 * any more, the comment saying so if there is one; and review requests to
 * the open teams of the repository's organisation not yet asked.
 */
export function planSignoff(gathered: GatheredSignoff, config: SignoffConfig): { verdict: SignoffVerdict; actions: Action[] } {
  const rules = config.signoff;
  const { repo, pr, areas } = gathered;
  const issue = { ...repo, number: pr.number };
  const check = (verdict: SignoffVerdict): Action => ({ type: "check", repo, headSha: pr.headSha, result: signoffCheck(verdict, config.mode) });
  const evidence = gathered.evidence;
  if (!signoffNeeded(areas, rules)) {
    const verdict = decideSignoff({ headSha: pr.headSha, areas, authorTeams: new Set(), signoffs: [], changedSince: new Map(), requestedTeams: new Set() }, rules);
    return { verdict, actions: [check(verdict), { type: "sticky-comment", issue, topic: SIGNOFF_TOPIC, body: SIGNOFF_NO_LONGER_NEEDED, create: false }] };
  }

  if (!evidence) throw new Error("a sign-off that is needed was gathered without its evidence");
  const teams = [...areas.teams.keys()];
  const { commands, reviews, unverified } = collectSignoffs(gathered, evidence);
  const author = pr.author;
  const authorTeams = new Set(rules.authorTeamsSignedOff && author ? teams.filter((team) => evidence.memberships.get(author)?.get(team) === "member") : []);
  const requestedTeams = new Set(pr.requestedTeams.map((slug) => normalizeTeam(`${repo.owner}/${slug}`)));
  const verdict = decideSignoff({ headSha: pr.headSha, areas, authorTeams, signoffs: [...reviews, ...commands], changedSince: evidence.changedSince, requestedTeams, unverified }, rules);
  if (!verdict.needed) return { verdict, actions: [] }; // not so: `signoffNeeded` held above

  const actions: Action[] = [check(verdict), { type: "sticky-comment", issue, topic: SIGNOFF_TOPIC, body: signoffComment(verdict, commands), create: true, found: evidence.comment }];
  // Only the repository's own organisation's teams can be asked for a review here.
  const slugs = verdict.requestReviewsFrom.map(splitTeam).filter((t) => t.org === repo.owner.toLowerCase()).map((t) => t.slug);
  if (slugs.length > 0) actions.push({ type: "request-team-reviews", pr: issue, teams: slugs });
  return { verdict, actions };
}
