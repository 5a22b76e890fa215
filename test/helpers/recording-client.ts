import { Octokit } from "@octokit/rest";
import type { GitHub } from "../../src/github/types.js";

export interface Answer {
  status: number;
  body?: unknown;
  etag?: string;
  /** Other response headers (a `link` to the next page). */
  headers?: Record<string, string>;
}

/** A client whose GitHub answers from `answer` and records each request it sent, with its If-None-Match. */
export function recordingClient(answer: (method: string, path: string, ifNoneMatch: string | undefined) => Answer) {
  const sent: string[] = [];
  const conditional: (string | null)[] = [];
  // With the REST methods and pagination, as the app's client has (it follows each page's `link`).
  const octokit = new Octokit({
    request: {
      fetch: (url: string, init: { method: string; headers: Record<string, string> }) => {
        const path = url.replace("https://api.github.com", "");
        sent.push(`${init.method} ${path}`);
        const ifNoneMatch = init.headers["if-none-match"];
        conditional.push(ifNoneMatch ?? null);
        const { status, body, etag, headers: more } = answer(init.method, path, ifNoneMatch);
        const headers: Record<string, string> = { "content-type": "application/json", ...(etag ? { etag } : {}), ...more };
        return Promise.resolve(new Response(status === 304 || status === 204 ? null : JSON.stringify(body ?? {}), { status, headers }));
      },
    },
  });
  return { octokit: octokit as unknown as GitHub, sent, conditional };
}
