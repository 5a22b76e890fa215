import nock from "nock";
import { bench, describe } from "vitest";
import { recordResult } from "./results.js";
import { closeTestApps, createTestApp } from "../test/helpers/app.js";
import { fakeClock } from "../test/helpers/clock.js";
import { FakeGitHub } from "../test/helpers/fake-github.js";
import { approvalDelivery, monorepoPullRequest, openedDelivery, TEAMS } from "../test/helpers/monorepo.js";

/**
 * Issue 21 at its scale, against the stateful fake GitHub with every feature
 * on: a 10,000-rule CODEOWNERS naming 50 teams, a 3,000-file pull request
 * touching all 50, then one approval by a member of each team. Counted as
 * `calls.bench.ts` counts: no installation tokens, no 304 answers (free of
 * rate limit, shown apart). Prints the calls beside their budgets and the
 * sign-off comment's size beside GitHub's limit, and appends a line to
 * bench/RESULTS.md.
 */
const OPENING_BUDGET = 60;
const APPROVALS_BUDGET = 500;
const COMMENT_LIMIT = 65_536;
const CONFIG = "signoff:\n  minTeams: 2\n";

const fake = new FakeGitHub();
const counted = () => fake.calls.filter((call) => !call.endsWith("/access_tokens")).length - fake.notModified;

nock.disableNetConnect();
fake.start();
const time = fakeClock(Date.parse("2026-12-01T12:00:00Z"));
const app = createTestApp(undefined, { clock: time.clock });
const pr = monorepoPullRequest(fake, 7, CONFIG);

const beforeOpening = counted();
const freeBefore = fake.notModified;
const openedAt = fake.calls.length;
await app.receive(openedDelivery(pr));
const opening = counted() - beforeOpening;
const openingFree = fake.notModified - freeBefore;
const openingCalls = fake.calls.slice(openedAt);

const beforeApprovals = counted();
const freeApprovals = fake.notModified;
const approvedAt = fake.calls.length;
for (let t = 0; t < TEAMS; t++) await app.receive(approvalDelivery(fake, pr, t));
const approvals = counted() - beforeApprovals;
const approvalsFree = fake.notModified - freeApprovals;
const approvalCalls = fake.calls.slice(approvedAt);

const comment = fake.comments.find((c) => c.issue === pr.number && c.body.includes("intentbot:signoff"));
const lastCheck = fake.checkRuns.filter((c) => c.name === "Cross-team sign-off").at(-1);
await closeTestApps();
fake.stop();

/** Calls grouped by endpoint shape, the most frequent first, for `BENCH_CALLS=detail`. */
function grouped(calls: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const call of calls) {
    if (call.endsWith("/access_tokens")) continue;
    const shape = call.replace(/\d+/g, "N").replace(/reviewer-N|team-N/g, "…");
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([shape, n]) => `  ${n} × ${shape}`).join("\n");
}

const length = comment?.body.length ?? 0;
const lines = [
  `opening a ${"3,000"}-file PR across ${TEAMS} teams: ${opening} calls (budget ≤ ${OPENING_BUDGET}${opening > OPENING_BUDGET ? ", over" : ""}; and ${openingFree} free 304s)`,
  `${TEAMS} approvals: ${approvals} calls in all, ${(approvals / TEAMS).toFixed(1)} each (budget ≤ ${APPROVALS_BUDGET}${approvals > APPROVALS_BUDGET ? ", over" : ""}; and ${approvalsFree} free 304s)`,
  `sign-off comment: ${length.toLocaleString("en-US")} characters (GitHub's limit ${COMMENT_LIMIT.toLocaleString("en-US")}${length > COMMENT_LIMIT ? ", over" : ""}); check: ${lastCheck?.output?.title ?? "none"}`,
  fake.unknown.length > 0 ? `calls the fake does not know: ${[...new Set(fake.unknown)].slice(0, 5).join(", ")}` : "",
];
console.log(`\n${lines.filter(Boolean).join("\n")}`);
if (process.env.BENCH_CALLS === "detail") console.log(`opening:\n${grouped(openingCalls)}\napprovals:\n${grouped(approvalCalls)}`);
recordResult("monorepo sign-off, 10,000-rule CODEOWNERS, 3,000 files, 50 teams", lines.filter(Boolean).join("; "));

describe("monorepo sign-off", () => {
  bench("counted above", () => undefined);
});
