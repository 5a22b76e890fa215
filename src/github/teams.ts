import { splitTeam } from "../core/signoff/teams.js";
import { isForbidden } from "./errors.js";
import type { Services } from "./services.js";
import type { GitHub } from "./types.js";

export type Membership = "member" | "not a member" | "unreadable";

/** A user's teams in one organisation (slugs, lower case), or unreadable when the app may not see them. */
export type UserTeams = { readable: true; slugs: ReadonlySet<string> } | { readable: false };

const PAGE = 100;
/** A user in more teams than this is read to this many; no organisation nests people that deep. */
const MAX_PAGES = 10;

const QUERY = `query($org: String!, $login: String!, $after: String) {
  organization(login: $org) {
    teams(first: ${PAGE}, after: $after, userLogins: [$login]) {
      nodes { slug ancestors(first: ${PAGE}) { nodes { slug } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

interface TeamsPage {
  organization: {
    teams: { nodes: ({ slug: string; ancestors: { nodes: ({ slug: string } | null)[] } } | null)[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  } | null;
}

/**
 * GraphQL refuses a field the installation lacks the permission for (*Members: read*) as FORBIDDEN,
 * or the whole request with a 403; a rate limit is not a refusal, and rethrows.
 */
function teamsForbidden(error: unknown): boolean {
  const { errors } = error as { errors?: { type?: string }[] };
  return isForbidden(error) || (errors ?? []).some((e) => e.type === "FORBIDDEN");
}

/** An organisation that does not exist (a team named in CODEOWNERS or the config for a user, or a typo): no one is in its teams. */
function organizationMissing(error: unknown): boolean {
  const { errors } = error as { errors?: { type?: string }[] };
  return errors !== undefined && errors.length > 0 && errors.every((e) => e.type === "NOT_FOUND");
}

async function readUserTeams(octokit: GitHub, org: string, login: string): Promise<UserTeams> {
  const slugs = new Set<string>();
  let after: string | null = null;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const data: TeamsPage = await octokit.graphql<TeamsPage>(QUERY, { org, login, after });
      const teams = data.organization?.teams;
      if (!teams) break;
      // A member of a child team is a member of its parents too, as GitHub's own membership check says.
      for (const team of teams.nodes) {
        if (!team) continue;
        slugs.add(team.slug.toLowerCase());
        for (const ancestor of team.ancestors.nodes) if (ancestor) slugs.add(ancestor.slug.toLowerCase());
      }
      if (!teams.pageInfo.hasNextPage) break;
      after = teams.pageInfo.endCursor;
    }
  } catch (error) {
    if (teamsForbidden(error)) return { readable: false };
    if (organizationMissing(error)) return { readable: true, slugs };
    throw error;
  }
  return { readable: true, slugs };
}

/**
 * Every team of `org` a user belongs to, in one GraphQL read (a page per 100
 * teams), cached per user in `Services.teamMembers` (bounded, a few minutes):
 * one read answers the user's membership of every touched team, so an
 * approval costs one read whatever the number of teams, and none when the
 * same person acts again.
 */
export function userTeams(octokit: GitHub, services: Services, org: string, login: string): Promise<UserTeams> {
  return services.teamMembers.get(`${org}:${login}`.toLowerCase(), () => readUserTeams(octokit, org, login));
}

/**
 * Whether a user is an active member of `@org/team`. `unreadable` when the
 * app may not read the organisation's teams (it lacks *Members: read*), so a
 * sign-off table can show the team as unknown and a `/signoff` can say why it
 * was not counted.
 */
export async function teamMembership(octokit: GitHub, services: Services, team: string, username: string): Promise<Membership> {
  const { org, slug } = splitTeam(team);
  const teams = await userTeams(octokit, services, org, username);
  if (!teams.readable) return "unreadable";
  return teams.slugs.has(slug) ? "member" : "not a member";
}
