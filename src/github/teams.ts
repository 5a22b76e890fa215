import { splitTeam } from "../core/signoff/teams.js";
import type { Services } from "./services.js";
import type { GitHub } from "./types.js";

/**
 * Whether a user is an active member of `@org/team`, through the org teams
 * API. Cached briefly per process (membership rarely changes mid-review);
 * a 404 means "not a member", anything else is an error.
 */
export async function isTeamMember(octokit: GitHub, services: Services, team: string, username: string): Promise<boolean> {
  const membership = await teamMembership(octokit, services, team, username);
  if (membership === "unreadable") throw new Error(`the membership of ${team} cannot be read (403)`);
  return membership === "member";
}

export type Membership = "member" | "not a member" | "unreadable";

/**
 * As `isTeamMember`, but a 403 (the app lacks *Members: read*, or the team
 * is secret) is `unreadable` rather than an error, so a sign-off table can
 * show that one team as unknown and still be written.
 */
export function teamMembership(octokit: GitHub, services: Services, team: string, username: string): Promise<Membership> {
  const { org, slug } = splitTeam(team);
  return services.teamMembers.get(`${org}/${slug}:${username}`.toLowerCase(), async () => {
    try {
      const { data } = await octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username });
      return data.state === "active" ? "member" : "not a member";
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 404) return "not a member";
      if (status === 403) return "unreadable";
      throw error;
    }
  });
}
