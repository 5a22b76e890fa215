/**
 * One process of the memory bench (`memory.bench.ts` runs it): a Probot app
 * against the stateful fake GitHub, taking the calls benchmark's events (a
 * hack PR, a two-team PR with `/signoff` and an approval, a body edit, a
 * `/hack` comment) for ROUNDS rounds, then printing its peak RSS in KB.
 * `intentbot` loads every feature; `noop` an app that answers every event
 * with nothing; `modules` the no-op app with intentbot's code imported (its
 * module graph's share); `workers` the no-op app plus intentbot's parse pool
 * running one parse (the workers' share). The bench compiles this file to
 * JavaScript first, so the process and its parse workers run as in production.
 */
import { generateKeyPairSync } from "node:crypto";
import nock from "nock";
import { Probot, ProbotOctokit } from "probot";
import { delivery, payload } from "../test/fixtures/payloads.js";
import { FakeGitHub } from "../test/helpers/fake-github.js";
import { FILES, HACK_BODY } from "../test/helpers/hacks.js";
import type { features as Features } from "../src/index.js";

const mode = process.argv[2] ?? "noop";
const ROUNDS = 20;

const fake = new FakeGitHub();
fake.config = "signoff:\n  minTeams: 2\ndashboard:\n  enabled: true\n";
fake.contents.set(".github/CODEOWNERS", "* @ana\n/src/pay/ @octo-org/payments\n/src/web/ @octo-org/web\n");
fake.teamMembers.add("payments:bo");
fake.teamMembers.add("web:cy");
nock.disableNetConnect();
fake.start();

const probot = new Probot({
  appId: 1,
  privateKey: generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } }).privateKey,
  logLevel: "fatal",
  Octokit: ProbotOctokit.defaults((options: object) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } })),
});
let close: () => Promise<void> = async () => undefined;
if (mode === "intentbot") {
  const { intentbotWith, features } = await import("../src/index.js");
  await probot.load(intentbotWith(Object.keys(features) as (keyof typeof Features)[], { redisUrl: "", recordSecret: "memory-bench", reconcileMinutes: 0 }, (parts) => (close = () => parts.services.parse.close())));
} else {
  // `modules`: the no-op app with intentbot's code imported but not loaded, the share of its module graph.
  if (mode === "modules") await import("../src/index.js");
  await probot.load((app) => app.onAny(async () => undefined));
}
if (mode === "workers") {
  const { createParseBudget } = await import("../src/parse/budget.js");
  const budget = createParseBudget();
  await budget.run("parseSignoffArgs", ["@octo-org/web looks good"], probot.log);
  close = () => budget.close();
}

const human = { login: "Codertocat", type: "User" as const };
const INTENT = "Why: checkout fails for customers paying in two currencies, so charges and the page must agree.\n\nWho: shoppers abroad.";
const TWO_TEAMS = [
  { filename: "src/pay/charge.ts", status: "modified", patch: "@@ -1 +1 @@\n+export const fee = 1;" },
  { filename: "src/web/page.tsx", status: "modified", patch: "@@ -1 +1 @@\n+export const page = 1;" },
];

function pullRequest(number: number, title: string, body: string, labels: string[], files: typeof FILES) {
  const pr = fake.addPullRequest({ number, title, body, labels: labels.map((name) => ({ name })) });
  fake.files.set(number, files);
  return { number, title, body, labels: labels.map((name) => ({ name })), user: human, head: pr.head, base: pr.base, draft: false, state: "open" as const };
}

for (let round = 0; round < ROUNDS; round++) {
  const first = 10 + round * 10;
  const hack = pullRequest(first, "[hack] Hard-code prices", HACK_BODY, ["hack"], FILES);
  await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: hack, sender: human })));
  const teams = pullRequest(first + 1, "Charge fees in both currencies", INTENT, [], TWO_TEAMS);
  await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: teams, sender: human })));
  const issue = { number: teams.number, title: teams.title, body: teams.body, user: human, labels: [], pull_request: { url: "" } };
  const bo = { login: "bo", type: "User" as const };
  await probot.receive(delivery("issue_comment.created", payload("issue_comment.created", { issue, comment: { id: first * 100, body: "/signoff @octo-org/payments", user: bo }, sender: bo })));
  const cy = { login: "cy", type: "User" as const };
  fake.reviews.set(teams.number, [{ user: { login: "cy" }, state: "APPROVED", submitted_at: "2026-12-01T12:00:00Z", commit_id: teams.head?.sha ?? "" }]);
  await probot.receive(
    delivery("pull_request_review.submitted", payload("pull_request_review.submitted", { pull_request: teams, review: { state: "approved", user: cy, commit_id: teams.head?.sha ?? "" }, sender: cy })),
  );
  await probot.receive(delivery("pull_request.edited", payload("pull_request.edited", { pull_request: { ...teams, body: `${INTENT}\n\nAlso rounds fees.` }, changes: { body: { from: INTENT } }, sender: human })));
  await probot.receive(delivery("issue_comment.created", payload("issue_comment.created", { issue, comment: { id: first * 100 + 1, body: "/hack Hard-coded for the demo", user: human }, sender: human })));
}

const peakKb = process.resourceUsage().maxRSS;
await close();
fake.stop();
process.stdout.write(`${JSON.stringify({ mode, peakKb, unknown: fake.unknown.length })}\n`);
process.exit(0);
