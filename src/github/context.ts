import type { Config } from "../config/schema.js";
import type { Services } from "./services.js";
import type { GitHub, Log, RepoRef } from "./types.js";

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

/**
 * A feature's run in one repository: the delivery's GitHub context with the
 * repository and the config its handler was gated on.
 */
export interface FeatureContext extends GitHubContext {
  config: Config;
  repo: RepoRef;
}
