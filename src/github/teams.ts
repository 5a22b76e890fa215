import { splitTeam } from "../core/signoff/teams.js";
import type { Services } from "./services.js";
import type { GitHub } from "./types.js";

/**
 * Whether a user is an active member of `@org/team`, through the org teams
 * API. Cached briefly per process (membership rarely changes mid-review);
 * a 404 means "not a member", anything else is an error.
 */
export function isTeamMember(octokit: GitHub, services: Services, team: string, username: string): Promise<boolean> {
  const { org, slug } = splitTeam(team);
  return services.teamMembers.get(`${org}/${slug}:${username}`.toLowerCase(), async () => {
    try {
      const { data } = await octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username });
      return data.state === "active";
    } catch (error) {
      if ((error as { status?: number }).status === 404) return false;
      throw error;
    }
  });
}
