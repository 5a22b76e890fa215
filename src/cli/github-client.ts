import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { isUnanswered, statusOf } from "../github/errors.js";
import { onLimit } from "../github/rate-limits.js";

export interface CliOctokitOptions {
  token: string;
  /** GitHub's REST API: `GITHUB_API_URL` (GitHub Enterprise Server: `https://HOST/api/v3`); github.com when unset. */
  baseUrl?: string | undefined;
  /**
   * Where rate-limit waits are told; nowhere by default. Nothing else is logged:
   * a request that fails rejects, and the caller reports it once.
   */
  log?: { warn: (message: string) => void } | undefined;
}

/** A request that got no answer at all: the host is unknown, refused the connection, or the connection broke. */
export class NetworkError extends Error {
  /** Kept so that the retry plugin, which reads it, treats this as a request's error; no `status`, so it never retries it. */
  readonly request: unknown;

  constructor(
    message: string,
    readonly code: string | undefined,
    readonly baseUrl: string,
    request: unknown,
  ) {
    super(message);
    this.name = "NetworkError";
    this.request = request;
  }
}

/** The system's code for a failed connection (`ECONNREFUSED`, `ENOTFOUND`, …), found along the error's causes. */
function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = current.cause;
  }
  return undefined;
}

/**
 * Octokit turns a request that got no response into a status-500 error with
 * no `response`, which the retry plugin retries for about 15 s. Registered
 * before that plugin, this hook sees the error first and names it as what it
 * is, at once: a server that never answered is not a transient 500.
 */
function networkErrors(octokit: Pick<Octokit, "hook">, options: { baseUrl?: string }) {
  octokit.hook.error("request", (error) => {
    if (!isUnanswered(error)) throw error;
    throw new NetworkError(error.message, networkCode(error.cause), options.baseUrl ?? "https://api.github.com", error.request);
  });
}

// The order matters: the network hook must see an error before the retry plugin does.
const CliOctokit = Octokit.plugin(networkErrors, retry, throttling);

const nothing = () => undefined;

/**
 * The CLI's GitHub client: the ecosystem's standalone REST client (no Probot),
 * retrying transient server errors and honouring GitHub's rate limits as the
 * app does (`onLimit`: a call that hits one waits as long as GitHub asks, a
 * few times), failing at once with a `NetworkError` when GitHub cannot be reached.
 */
export function createCliOctokit({ token, baseUrl, log }: CliOctokitOptions) {
  return new CliOctokit({
    auth: token,
    // @octokit/rest logs every request (info) and every failed one (error): a command's output is not the place.
    log: { debug: nothing, info: nothing, warn: log?.warn ?? nothing, error: nothing },
    ...(baseUrl ? { baseUrl } : {}),
    throttle: { onRateLimit: onLimit("primary"), onSecondaryRateLimit: onLimit("secondary") },
  });
}

/** What a read-only command says when a request fails: a network error as one, otherwise GitHub's status and message. */
export function failureMessage(error: unknown): string {
  if (error instanceof NetworkError) {
    return `cannot reach GitHub at ${error.baseUrl} (${error.code ?? error.message}): check the network connection, or GITHUB_API_URL for GitHub Enterprise Server`;
  }
  return `GitHub answered ${statusOf(error) ?? "an error"}: ${(error as Error).message}`;
}
