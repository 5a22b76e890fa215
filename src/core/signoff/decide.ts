import type { TeamAreas } from "./areas.js";

export interface Signoff {
  team: string;
  user: string;
  /** ISO time of the review or command. */
  at: string;
  /** The head commit it was given on; later pushes to the team's files make it stale. */
  sha: string;
  via: "review" | "command";
  note?: string | undefined;
}

export type TeamStatus = "signed" | "author" | "unverified" | "stale" | "waiting";

export interface TeamVerdict {
  team: string;
  status: TeamStatus;
  files: string[];
  signoff?: Signoff | undefined;
  /** Approvers whose membership of the team could not be read (status `unverified`). */
  unverified?: string[] | undefined;
}

export interface SignoffFacts {
  headSha: string;
  areas: TeamAreas;
  /** Touched teams the author belongs to. */
  authorTeams: ReadonlySet<string>;
  signoffs: readonly Signoff[];
  /** Files changed between a sign-off's commit and the head, by commit; absent when unknown. */
  changedSince: ReadonlyMap<string, readonly string[]>;
  /** Teams whose review is already requested. */
  requestedTeams: ReadonlySet<string>;
  /** Per team, approvers whose membership could not be read (a secret team, or no Members permission). */
  unverified?: ReadonlyMap<string, readonly string[]>;
}

export interface SignoffRules {
  minTeams: number;
  authorTeamsSignedOff: boolean;
  staleOnPush: boolean;
  requestReviews: boolean;
}

export type SignoffVerdict =
  | { needed: false; teamCount: number }
  | { needed: true; teams: TeamVerdict[]; unowned: string[]; met: boolean; requestReviewsFrom: string[] };

function isStale(signoff: Signoff, files: readonly string[], facts: SignoffFacts): boolean {
  if (signoff.sha === facts.headSha) return false;
  const changed = facts.changedSince.get(signoff.sha);
  if (!changed) return false;
  const area = new Set(files);
  return changed.some((file) => area.has(file));
}

/** Whether the touched areas need a sign-off at all: below `minTeams`, nothing more needs reading. */
export function signoffNeeded(areas: SignoffFacts["areas"], rules: Pick<SignoffRules, "minTeams">): boolean {
  return areas.teams.size >= rules.minTeams;
}

/**
 * Per team: signed off, covered by the author, approved by people whose
 * membership could not be read (unverified: it does not count, and says why),
 * stale after a push, or still waiting.
 */
export function decideSignoff(facts: SignoffFacts, rules: SignoffRules): SignoffVerdict {
  if (!signoffNeeded(facts.areas, rules)) return { needed: false, teamCount: facts.areas.teams.size };
  const teams = [...facts.areas.teams].map(([team, files]): TeamVerdict => {
    const own = facts.signoffs.filter((s) => s.team === team).sort((a, b) => b.at.localeCompare(a.at));
    const fresh = own.find((s) => !rules.staleOnPush || !isStale(s, files, facts));
    if (fresh) return { team, status: "signed", files, signoff: fresh };
    if (rules.authorTeamsSignedOff && facts.authorTeams.has(team)) return { team, status: "author", files };
    const unverified = facts.unverified?.get(team) ?? [];
    if (unverified.length > 0) return { team, status: "unverified", files, unverified: [...unverified] };
    if (own[0]) return { team, status: "stale", files, signoff: own[0] };
    return { team, status: "waiting", files };
  });
  const open = teams.filter((t) => isOpen(t.status)).map((t) => t.team);
  return {
    needed: true,
    teams,
    unowned: facts.areas.unowned,
    met: open.length === 0,
    requestReviewsFrom: rules.requestReviews ? open.filter((team) => !facts.requestedTeams.has(team)) : [],
  };
}

/** A team still to sign off. */
export function isOpen(status: TeamStatus): boolean {
  return status === "waiting" || status === "stale" || status === "unverified";
}
