import nock from "nock";
import { bench, describe } from "vitest";
import { recordResult } from "./results.js";
import { runWorkload } from "./workload/run.js";
import { delivery, payload } from "../test/fixtures/payloads.js";
import { closeTestApps, createTestApp } from "../test/helpers/app.js";
import { fakeClock } from "../test/helpers/clock.js";
import { FakeGitHub } from "../test/helpers/fake-github.js";
import { BOT_LOGIN } from "../test/helpers/github.js";
import { FILES, HACK_BODY } from "../test/helpers/hacks.js";

/**
 * GitHub calls per canonical event (issues 11 and 19), counted on one app with every
 * feature, in one process, against the stateful fake GitHub. Each round uses
 * new pull requests; the first round only warms the app up (it learns its
 * bot login once), the others are averaged. Installation tokens are not
 * counted: Probot fetches one per installation and keeps it for an hour;
 * nor are conditional reads answered 304 (free of rate limit, shown apart).
 * Then the mean over a held-out workload (bench/workload/), against issue
 * 19's budget for all events. Prints each event's calls beside its budget
 * and appends a line to bench/RESULTS.md.
 */
const ROUNDS = 3;
const CONFIG = "signoff:\n  minTeams: 2\ndashboard:\n  enabled: true\n";
const CODEOWNERS = "* @ana\n/src/pay/ @octo-org/payments\n/src/web/ @octo-org/web\n";
const TWO_TEAMS = [
  { filename: "src/pay/charge.ts", status: "modified", patch: "@@ -1 +1 @@\n+export const fee = 1;" },
  { filename: "src/web/page.tsx", status: "modified", patch: "@@ -1 +1 @@\n+export const page = 1;" },
];
const INTENT_BODY = "Why: checkout fails for customers paying in two currencies, so charges and the page must agree.\n\nCloses #1";
const human = { login: "Codertocat", type: "User" as const };
const bot = { login: BOT_LOGIN, type: "Bot" as const };

// Issue 19's budgets; the last three rows guard what the issue's table does not list.
const budgets = [
  { event: "PR opened with the `hack` label", budget: 8 },
  { event: "PR opened touching two teams' areas", budget: 7 },
  { event: "`pull_request.labeled` `hack` right after opening", budget: 3 },
  { event: "`/hack` comment", budget: 8 },
  { event: "`/signoff` comment", budget: 6 },
  { event: "issue opened without why/who", budget: 3 },
  { event: "review approved", budget: 6 },
  { event: "PR body edited", budget: 5 },
  { event: "the app's own echo events", budget: 0 },
] as const;
type Canonical = (typeof budgets)[number]["event"];

const fake = new FakeGitHub();
fake.config = CONFIG;
fake.contents.set(".github/CODEOWNERS", CODEOWNERS);
fake.teamMembers.add("payments:bo");
fake.teamMembers.add("web:cy");
// The ticket the pull requests close, stating the who that they inherit.
fake.issues.set(1, {
  number: 1,
  node_id: "I_1",
  title: "Checkout in two currencies",
  body: "Why: customers paying in two currencies cannot check out.\n\nWho: shoppers abroad paying in their own currency.",
  state: "open",
  state_reason: null,
  closed_at: null,
  labels: [],
  assignees: [],
  user: human,
});
/** Calls that count against the rate limit: no token fetches, no 304 answers to conditional reads. */
const counted = () => fake.calls.filter((call) => !call.endsWith("/access_tokens")).length - fake.notModified;

nock.disableNetConnect();
fake.start();
const time = fakeClock(Date.parse("2026-12-01T12:00:00Z"));
const app = createTestApp(undefined, { clock: time.clock });
const samples = new Map<Canonical, number[]>();
const conditional = new Map<Canonical, number[]>();
/** The calls of each event's last sample, printed with `BENCH_CALLS=detail` to see where they go. */
const lastCalls = new Map<Canonical, string[]>();

async function measure(event: Canonical | undefined, send: Parameters<typeof app.receive>[0]): Promise<void> {
  const before = counted();
  const start = fake.calls.length;
  const notModified = fake.notModified;
  await app.receive(send);
  if (!event) return;
  samples.set(event, [...(samples.get(event) ?? []), counted() - before]);
  conditional.set(event, [...(conditional.get(event) ?? []), fake.notModified - notModified]);
  lastCalls.set(event, fake.calls.slice(start).filter((call) => !call.endsWith("/access_tokens")));
}

function pullRequest(number: number, title: string, body: string, labels: string[], files: typeof FILES) {
  fake.addPullRequest({ number, title, body, labels: labels.map((name) => ({ name })) });
  fake.files.set(number, files);
  const pr = fake.issues.get(number);
  return { number, title, body, labels: labels.map((name) => ({ name })), user: human, head: pr?.head, base: pr?.base, draft: false, state: "open" as const };
}

async function round(counting: boolean): Promise<void> {
  const at = (event: Canonical) => (counting ? event : undefined);
  const first = 10 + fake.issues.size * 10;
  const hack = pullRequest(first, "[hack] Hard-code prices", HACK_BODY, ["hack"], FILES);
  await measure(at("PR opened with the `hack` label"), delivery("pull_request.opened", payload("pull_request.opened", { pull_request: hack, sender: human })));
  await measure(
    at("`pull_request.labeled` `hack` right after opening"),
    delivery("pull_request.labeled", payload("pull_request.labeled", { pull_request: hack, label: { name: "hack" }, sender: human })),
  );

  const teams = pullRequest(first + 1, "Charge fees in both currencies", INTENT_BODY, [], TWO_TEAMS);
  await measure(at("PR opened touching two teams' areas"), delivery("pull_request.opened", payload("pull_request.opened", { pull_request: teams, sender: human })));
  const issue = { number: teams.number, title: teams.title, body: teams.body, user: human, labels: [], pull_request: { url: "" } };
  await measure(
    at("`/signoff` comment"),
    delivery(
      "issue_comment.created",
      payload("issue_comment.created", { issue, comment: { id: first * 100, body: "/signoff @octo-org/payments", user: { login: "bo", type: "User" } }, sender: { login: "bo", type: "User" } }),
    ),
  );
  fake.reviews.set(teams.number, [{ user: { login: "cy" }, state: "APPROVED", submitted_at: "2026-12-01T12:00:00Z", commit_id: teams.head?.sha ?? "" }]);
  await measure(
    at("review approved"),
    delivery(
      "pull_request_review.submitted",
      payload("pull_request_review.submitted", { pull_request: teams, review: { state: "approved", user: { login: "cy", type: "User" as const }, commit_id: teams.head?.sha ?? "" }, sender: { login: "cy", type: "User" as const } }),
    ),
  );
  const edited = { ...teams, body: `${INTENT_BODY}\n\nAlso rounds fees.` };
  await measure(at("PR body edited"), delivery("pull_request.edited", payload("pull_request.edited", { pull_request: edited, changes: { body: { from: INTENT_BODY } }, sender: human })));

  const plain = pullRequest(first + 2, "Show prices", INTENT_BODY, [], FILES);
  await measure(undefined, delivery("pull_request.opened", payload("pull_request.opened", { pull_request: plain, sender: human })));
  const plainIssue = { number: plain.number, title: plain.title, body: plain.body, user: human, labels: [], pull_request: { url: "" } };
  await measure(
    at("`/hack` comment"),
    delivery("issue_comment.created", payload("issue_comment.created", { issue: plainIssue, comment: { id: first * 100 + 1, body: "/hack Hard-coded for the demo", user: human }, sender: human })),
  );

  const vague = fake.addIssue({ number: first + 3, title: "Dark mode", body: "Dark mode please.", user: human });
  await measure(
    at("issue opened without why/who"),
    delivery("issues.opened", payload("issues.opened", { issue: { number: vague.number, title: vague.title, body: vague.body, user: human, labels: [] }, sender: human })),
  );

  // What the app's own writes come back as.
  await measure(
    at("the app's own echo events"),
    delivery("pull_request.labeled", payload("pull_request.labeled", { pull_request: { ...plain, labels: [{ name: "hack" }] }, label: { name: "hack" }, sender: bot })),
  );
  await measure(
    at("the app's own echo events"),
    delivery("issue_comment.created", payload("issue_comment.created", { issue: plainIssue, comment: { id: first * 100 + 2, body: "<!-- intentbot:hack -->\nA hack.", user: bot }, sender: bot })),
  );
  const debt = [...fake.issues.values()].find((i) => i.labels.some((l) => l.name === "rebuild-debt"));
  await measure(
    at("the app's own echo events"),
    delivery("issues.opened", payload("issues.opened", { issue: { number: debt?.number ?? 1, title: debt?.title ?? "", body: debt?.body ?? "", user: bot, labels: [{ name: "rebuild-debt" }] }, sender: bot })),
  );
}

for (let i = 0; i <= ROUNDS; i++) await round(i > 0);
fake.stop();

// A held-out workload: a seeded mix of what a repository's people do, and the app's echoes,
// on a fake GitHub of its own; no test contains it (bench/workload/).
const WORKLOAD_SEED = 19;
const WORKLOAD_STORIES = 40;
const WORKLOAD_BUDGET = 2.5;
const workload = await runWorkload(WORKLOAD_SEED, WORKLOAD_STORIES);
await closeTestApps();
const perEvent = workload.calls / workload.events;

const mean = (values: number[] = []) => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
const rows = budgets.map(({ event, budget }) => ({ event, budget, calls: mean(samples.get(event)), free: mean(conditional.get(event)) }));
console.log(
  [
    "| event | calls | budget | and 304s (free) |",
    "| --- | --- | --- | --- |",
    ...rows.map(({ event, budget, calls, free }) => `| ${event} | ${calls.toFixed(1)} | ≤ ${budget}${calls > budget ? " (over)" : ""} | ${free.toFixed(1)} |`),
    `| all workload events (${workload.events} events of ${workload.stories} stories, ${workload.echoes} of them echoes; seed ${WORKLOAD_SEED}) | ${perEvent.toFixed(2)} | ≤ ${WORKLOAD_BUDGET}${perEvent > WORKLOAD_BUDGET ? " (over)" : ""} | ${(workload.notModified / workload.events).toFixed(2)} |`,
    fake.unknown.length > 0 ? `calls the fake does not know: ${fake.unknown.join(", ")}` : "",
  ].join("\n"),
);
if (process.env.BENCH_CALLS === "detail") {
  for (const [event, calls] of lastCalls) console.log(`${event}:\n  ${calls.join("\n  ")}`);
  const tallies = [...workload.byEvent].sort(([a], [b]) => a.localeCompare(b));
  console.log(`workload, per event (calls while handled; refreshes that run later are in the total only):\n  ${tallies.map(([name, { events, calls }]) => `${name}: ${events} events, ${(calls / events).toFixed(2)} calls each`).join("\n  ")}`);
}
const figures = [
  ...rows.map(({ event, budget, calls, free }) => `${event.replaceAll("`", "")} ${calls.toFixed(1)} (budget ${budget}; and ${free.toFixed(1)} free 304s)`),
  `all ${workload.events} workload events (seed ${WORKLOAD_SEED}) ${perEvent.toFixed(2)} per event (budget ${WORKLOAD_BUDGET}; and ${(workload.notModified / workload.events).toFixed(2)} free 304s)`,
].join("; ");
recordResult(`GitHub calls per event, mean of ${ROUNDS} rounds`, figures);

describe("GitHub calls per canonical event", () => {
  bench("counted above", () => undefined);
});
