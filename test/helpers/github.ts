import nock from "nock";
import { onTestFinished } from "vitest";
import { openedRequest } from "./records.js";

export const OWNER = "octo-org";
export const REPO = "widgets";
export const INSTALLATION_ID = 4242;
export const BOT_LOGIN = "intentbot[bot]";

/** The GitHub API, with the installation token every event needs. */
export function github(): nock.Scope {
  return nock("https://api.github.com")
    .post(`/app/installations/${INSTALLATION_ID}/access_tokens`)
    .reply(200, { token: "test-token", permissions: {} });
}

/** The request for the installation token, as `sentRequests` lists it. */
export const TOKEN_REQUEST = `POST /app/installations/${INSTALLATION_ID}/access_tokens`;

/** The reads of the repository's config and of the org's fallback, as `sentRequests` lists them. */
export const CONFIG_REQUEST = `GET /repos/${OWNER}/${REPO}/contents/.github%2Fintent.yml`;
export const ORG_CONFIG_REQUEST = `GET /repos/${OWNER}/.github/contents/.github%2Fintent.yml`;

/** `GET /app`, through which the app learns its bot login (once per app instance). */
export function mockBotIdentity(scope: nock.Scope): nock.Scope {
  return scope.get("/app").reply(200, { id: 1, slug: "intentbot", name: "intentbot" });
}

/** No `.github/intent.yml` in the repository nor in the org's `.github` repository. */
export function mockNoConfig(scope: nock.Scope, repo = REPO): nock.Scope {
  return scope
    .get(`/repos/${OWNER}/${repo}/contents/.github%2Fintent.yml`)
    .reply(404)
    .get(`/repos/${OWNER}/.github/contents/.github%2Fintent.yml`)
    .reply(404);
}

export function mockConfig(scope: nock.Scope, yaml: string, repo = REPO): nock.Scope {
  return scope.get(`/repos/${OWNER}/${repo}/contents/.github%2Fintent.yml`).reply(200, yaml, { "content-type": "application/vnd.github.v3.raw; charset=utf-8" });
}

/**
 * Records request bodies so tests can assert them with a readable diff. The
 * bodies are kept as the app would read them back (records sealed for the test
 * repository opened, any other record dropped), so a record that was not
 * sealed, or sealed wrongly, is missing from what the test sees.
 */
export function recorder<T = Record<string, unknown>>(): { bodies: T[]; match: (body: T) => boolean } {
  const bodies: T[] = [];
  return {
    bodies,
    match: (body: T) => {
      bodies.push(openedRequest(structuredClone(body)));
      return true;
    },
  };
}

/**
 * Every request sent to GitHub from now until the test ends, in order, as
 * `METHOD /path?query`: those the given scopes answered, and any that no mock
 * matched (marked so). A test that promises no write, or no call at all,
 * states its exact calls with it; test/setup.ts still fails any unmatched one.
 */
export function sentRequests(...scopes: nock.Scope[]): string[] {
  const sent: string[] = [];
  for (const scope of scopes) scope.on("request", (req: { method: string; path: string }) => sent.push(`${req.method} ${req.path}`));
  const unmatched = (req: { method?: string; path?: string; options?: { method?: string; path?: string } }) =>
    sent.push(`${req.method ?? req.options?.method ?? "?"} ${req.path ?? req.options?.path ?? "?"} (no mock)`);
  nock.emitter.on("no match", unmatched);
  onTestFinished(() => void nock.emitter.off("no match", unmatched));
  return sent;
}

/** The writes among `sentRequests`' list: every call but reads and the installation token. */
export function writes(sent: readonly string[]): string[] {
  return sent.filter((call) => !call.startsWith("GET ") && call !== TOKEN_REQUEST);
}
