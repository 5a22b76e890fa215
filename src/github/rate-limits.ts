// Apart from the app's Octokit, so that the CLI's client shares it without loading Probot.

/** Retries after a rate limit, primary or secondary, before a call gives up. */
export const RATE_LIMIT_RETRIES = 4;

interface LimitedRequest {
  method: string;
  url: string;
}

interface LoggingOctokit {
  log: { warn: (message: string) => void; error: (message: string) => void };
}

/**
 * Probot's secondary-limit handler only logs, so the write that hit the limit
 * (creating a debt issue, say) is lost. Both limits are retried here after
 * the time GitHub asks for (`retry-after`, or until `x-ratelimit-reset`), a
 * few times, then the call fails and its delivery is retried as a whole.
 */
export function onLimit(kind: "primary" | "secondary") {
  return (retryAfter: number, options: LimitedRequest, octokit: LoggingOctokit, retryCount: number): boolean => {
    const what = `${kind} rate limit on ${options.method} ${options.url}`;
    if (retryCount < RATE_LIMIT_RETRIES) {
      octokit.log.warn(`${what}: retry ${retryCount + 1} in ${retryAfter} s`);
      return true;
    }
    octokit.log.error(`${what}: gave up after ${retryCount} retries`);
    return false;
  };
}
