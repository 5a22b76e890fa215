import type nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import type { DeliveryAttempt } from "../../src/delivery/reconciler.js";
import { testPrivateKey } from "../helpers/app.js";

export const NOW = Date.parse("2026-12-01T12:00:00Z");
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString().replace(".000Z", "Z");

let nextId = 1;
export function attempt(guid: string, status: number, minutes: number): DeliveryAttempt {
  return { id: nextId++, guid, status_code: status, delivered_at: minutesAgo(minutes), event: "issues", action: "opened" };
}

export function app(): Probot {
  return new Probot({
    appId: 1,
    privateKey: testPrivateKey(),
    logLevel: "fatal",
    Octokit: ProbotOctokit.defaults((options: object) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } })),
  });
}

/** GitHub's list of the app's deliveries, on two pages: one failed, one that recovered, one too old to redeliver. */
export const failed = attempt("failed-guid", 504, 15);
const recovered = [attempt("ok-later", 500, 20), attempt("ok-later", 200, 19)];
const tooOld = attempt("old-guid", 500, 60 * 7);

export function mockDeliveries(scope: nock.Scope): nock.Scope {
  return scope
    .get("/app/hook/deliveries")
    .query({ per_page: 100 })
    .reply(200, [failed, ...recovered], { link: '<https://api.github.com/app/hook/deliveries?per_page=100&cursor=v1_2>; rel="next"' })
    .get("/app/hook/deliveries")
    .query({ per_page: 100, cursor: "v1_2" })
    .reply(200, [tooOld]);
}
