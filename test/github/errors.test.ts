import { RequestError } from "@octokit/request-error";
import { describe, expect, it } from "vitest";
import {
  errorKind,
  isConflict,
  isForbidden,
  isInvalid,
  isMissing,
  isNotModified,
  isRateLimited,
  isTransient,
  isUnanswered,
  statusOf,
  type ErrorKind,
} from "../../src/github/errors.js";

const request = { method: "GET" as const, url: "https://api.github.com/repos/o/r/issues/1", headers: {} };

function answered(status: number, headers: Record<string, string> = {}, message = "GitHub said no") {
  return new RequestError(message, status, { request, response: { status, url: request.url, headers, data: { message } } });
}

const cases: [string, unknown, ErrorKind | undefined][] = [
  ["304", answered(304, { etag: '"v1"' }), "not-modified"],
  ["404", answered(404), "missing"],
  ["410 (deleted issue)", answered(410), "missing"],
  ["403 without limit headers", answered(403, { "x-ratelimit-remaining": "4999" }), "forbidden"],
  ["403, no requests left", answered(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1700000000" }), "rate-limited"],
  ["403 with retry-after", answered(403, { "retry-after": "60" }), "rate-limited"],
  ["403 naming a secondary limit, no headers", answered(403, {}, "You have exceeded a secondary rate limit"), "rate-limited"],
  ["429 with retry-after", answered(429, { "retry-after": "30" }), "rate-limited"],
  ["429 without headers", answered(429), "rate-limited"],
  ["409", answered(409), "conflict"],
  ["422", answered(422), "invalid"],
  ["500", answered(500), "transient"],
  ["502", answered(502), "transient"],
  ["no response (Octokit's 500)", new RequestError("getaddrinfo ENOTFOUND", 500, { request }), "transient"],
  ["401", answered(401), undefined],
  ["400", answered(400), undefined],
  ["an Octokit-shaped plain object", { status: 404, message: "Not Found" }, "missing"],
  ["a plain object without a message", { status: 403, response: { headers: { "retry-after": "1" } } }, "rate-limited"],
  ["an Error without status", new Error("bug"), undefined],
  ["a string status", { status: "404" }, undefined],
  ["null", null, undefined],
  ["a string", "404", undefined],
];

describe("errorKind", () => {
  it.each(cases)("%s", (_, error, kind) => {
    expect(errorKind(error)).toBe(kind);
  });

  it("answers each predicate for its kind only", () => {
    const predicates: [ErrorKind, (error: unknown) => boolean][] = [
      ["not-modified", isNotModified],
      ["missing", isMissing],
      ["forbidden", isForbidden],
      ["rate-limited", isRateLimited],
      ["conflict", isConflict],
      ["invalid", isInvalid],
      ["transient", isTransient],
    ];
    for (const [, error, kind] of cases) {
      for (const [name, predicate] of predicates) expect(predicate(error)).toBe(name === kind);
    }
  });
});

describe("statusOf and isUnanswered", () => {
  it("reads the status of a request's error only", () => {
    expect(statusOf(answered(422))).toBe(422);
    expect(statusOf(new Error("bug"))).toBeUndefined();
  });

  it("tells a request that got no response from a 500 GitHub sent", () => {
    expect(isUnanswered(new RequestError("socket hang up", 500, { request }))).toBe(true);
    expect(isUnanswered(answered(500))).toBe(false);
    expect(isUnanswered(answered(404))).toBe(false);
    expect(isUnanswered(new Error("bug"))).toBe(false);
  });
});
