import { IntentbotOctokit } from "../../github/octokit.js";
import type { GitHub } from "../../github/types.js";

export interface ClientLog {
  debug: (message: string) => void;
  info: (message: string) => void;
  warn: (message: string) => void;
  error: (message: string) => void;
}

/**
 * The GitHub client of `intentbot debt`, built in this one place (the same
 * client `intentbot audit` uses: the app's own, with throttling and retries);
 * `baseUrl` is GitHub Enterprise's API (`GITHUB_API_URL`).
 */
export function createDebtClient({ token, baseUrl, log }: { token: string; baseUrl?: string | undefined; log: ClientLog }): GitHub {
  return new IntentbotOctokit({ auth: { token }, log, ...(baseUrl ? { baseUrl } : {}) }) as unknown as GitHub;
}
