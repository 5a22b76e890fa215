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

/** A feature's ctx for one repository: the delivery's client, services and logger, and the repository's config. */
export interface FeatureContext extends GitHubContext {
  repo: RepoRef;
  config: Config;
}
