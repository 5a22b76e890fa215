import type { RequestError } from "@octokit/request-error";

/**
 * What a failed GitHub request means, decided once here rather than by each
 * caller reading a status. Every rule is on the status (and, for limits, the
 * headers and message) of a `RequestError`, which every Octokit request throws.
 */
export type ErrorKind = "not-modified" | "missing" | "forbidden" | "rate-limited" | "conflict" | "invalid" | "transient";

/**
 * The parts of a `RequestError` the rules read. An error is read by this
 * shape, not by `instanceof`, so that one thrown by another copy of
 * `@octokit/request-error` (a plugin's own dependency, the bundled Action) or
 * by a test's fake classifies the same. Anything without a numeric `status`
 * (a bug, a `NetworkError` from the CLI's client) has no kind.
 */
export type RequestFailure = Pick<RequestError, "status" | "message"> & { request?: unknown; response?: { headers?: Record<string, unknown> } | undefined };

function asRequestFailure(error: unknown): RequestFailure | undefined {
  if (typeof error !== "object" || error === null || !("status" in error) || typeof error.status !== "number") return undefined;
  return error as RequestFailure;
}

/** The HTTP status GitHub answered, when the error is a request's. */
export function statusOf(error: unknown): number | undefined {
  return asRequestFailure(error)?.status;
}

/**
 * GitHub's signs of a limit (its "Rate limits for the REST API" page): no
 * requests left, a time to wait, or a secondary limit named in the message,
 * which may come with neither header. A 429 is only ever a limit.
 */
function isLimit(failure: RequestFailure): boolean {
  if (failure.status === 429) return true;
  if (failure.status !== 403) return false;
  const headers = failure.response?.headers ?? {};
  return headers["x-ratelimit-remaining"] === "0" || headers["retry-after"] !== undefined || (typeof failure.message === "string" && failure.message.toLowerCase().includes("secondary rate limit"));
}

/** The kind of a failed request, or undefined when it is not a request's error or its status has no kind here (400, 401, …). */
export function errorKind(error: unknown): ErrorKind | undefined {
  const failure = asRequestFailure(error);
  if (!failure) return undefined;
  const { status } = failure;
  if (status === 304) return "not-modified";
  if (status === 404 || status === 410) return "missing";
  if (isLimit(failure)) return "rate-limited";
  if (status === 403) return "forbidden";
  if (status === 409) return "conflict";
  if (status === 422) return "invalid";
  // Octokit reports a request that got no response at all as a 500.
  if (status >= 500) return "transient";
  return undefined;
}

/** 304: a conditional request found the cached answer still current. */
export const isNotModified = (error: unknown) => errorKind(error) === "not-modified";
/** 404 or 410: not there (never created, deleted, or hidden from the app). */
export const isMissing = (error: unknown) => errorKind(error) === "missing";
/** 403 without a sign of a rate limit: the app may not do this. */
export const isForbidden = (error: unknown) => errorKind(error) === "forbidden";
/** A primary or secondary rate limit: try later, never read as "forbidden". */
export const isRateLimited = (error: unknown) => errorKind(error) === "rate-limited";
/** 409: the resource is in a state that refuses the request. */
export const isConflict = (error: unknown) => errorKind(error) === "conflict";
/** 422: GitHub understood the request and refused its content (already exists, not allowed here). */
export const isInvalid = (error: unknown) => errorKind(error) === "invalid";
/** A 5xx, or no response at all: the same request may succeed later. */
export const isTransient = (error: unknown) => errorKind(error) === "transient";

/** A request that got no response at all (Octokit gives it status 500 and no `response`). */
export function isUnanswered(error: unknown): error is RequestFailure {
  const failure = asRequestFailure(error);
  return failure !== undefined && failure.status === 500 && failure.response === undefined;
}
