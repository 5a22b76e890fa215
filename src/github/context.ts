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

/** One feature's run for one delivery: GitHub, the repository it runs in and that repository's configuration. */
export interface FeatureContext extends GitHubContext {
  config: Config;
  repo: RepoRef;
}
