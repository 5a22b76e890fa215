import { splitTeam } from "../core/signoff/teams.js";
import type { Services } from "./services.js";
import type { GitHub } from "./types.js";

export type Membership = "member" | "not a member" | "unreadable";

/**
 * Whether a user is an active member of `@org/team`, through the org teams
 * API, cached briefly per process (membership rarely changes mid-review).
 * A 404 is "not a member"; a 403 (the app lacks *Members: read*, or the
 * team is secret) is `unreadable`, so a sign-off table can show that one
 * team as unknown and a `/signoff` can say why it was not counted.
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
