import type { Services } from "./services.js";
import type { GitHub, Log } from "./types.js";

/**
 * What every GitHub read and write of one delivery needs, passed as one value
 * instead of positional parameters: the installation's client, what the app
 * shares between events, and the delivery's logger.
 */
export interface GitHubContext {
  octokit: GitHub;
  services: Services;
  log: Log;
}
