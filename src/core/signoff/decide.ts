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

export type TeamStatus = "signed" | "author" | "stale" | "waiting";

export interface TeamVerdict {
  team: string;
  status: TeamStatus;
  files: string[];
  signoff?: Signoff | undefined;
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

/** Per team: signed off, covered by the author, stale after a push, or still waiting. */
export function decideSignoff(facts: SignoffFacts, rules: SignoffRules): SignoffVerdict {
  if (facts.areas.teams.size < rules.minTeams) return { needed: false, teamCount: facts.areas.teams.size };
  const teams = [...facts.areas.teams].map(([team, files]): TeamVerdict => {
    const own = facts.signoffs.filter((s) => s.team === team).sort((a, b) => b.at.localeCompare(a.at));
    const fresh = own.find((s) => !rules.staleOnPush || !isStale(s, files, facts));
    if (fresh) return { team, status: "signed", files, signoff: fresh };
    if (rules.authorTeamsSignedOff && facts.authorTeams.has(team)) return { team, status: "author", files };
    if (own[0]) return { team, status: "stale", files, signoff: own[0] };
    return { team, status: "waiting", files };
  });
  const open = teams.filter((t) => t.status === "waiting" || t.status === "stale").map((t) => t.team);
  return {
    needed: true,
    teams,
    unowned: facts.areas.unowned,
    met: open.length === 0,
    requestReviewsFrom: rules.requestReviews ? open.filter((team) => !facts.requestedTeams.has(team)) : [],
  };
}
