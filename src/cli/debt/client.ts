import { createCliOctokit } from "../github-client.js";
import type { RestClient } from "../../github/types.js";

/**
 * The GitHub client of `intentbot debt`: the CLI's own (`createCliOctokit`, as
 * `intentbot audit` uses), read-only; `baseUrl` is GitHub Enterprise's API (`GITHUB_API_URL`).
 */
export function createDebtClient({ token, baseUrl, warn }: { token: string; baseUrl?: string | undefined; warn: (message: string) => void }): RestClient {
  return createCliOctokit({ token, baseUrl, log: { warn } });
}
