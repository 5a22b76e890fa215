import { createHash } from "node:crypto";
import type { EmitterWebhookEvent } from "@octokit/webhooks";
import { delivery, payload } from "../../test/fixtures/payloads.js";
import { createTestApp } from "../../test/helpers/app.js";
import { fakeClock } from "../../test/helpers/clock.js";
import { FakeGitHub, type FakeIssue } from "../../test/helpers/fake-github.js";
import { echoesSince, issuePayload, pullRequestPayload, snapshot } from "./echoes.js";
import { sampleStories, type HackStory, type IssueStory, type PullRequestStory, type Story } from "./stories.js";
import { CHATTER, HACK_BODIES, nth, PLAIN_PULL_REQUESTS, STATED_ISSUES, STATED_PULL_REQUESTS, UNSTATED_ISSUES } from "./texts.js";

const CONFIG = "signoff:\n  minTeams: 2\ndashboard:\n  enabled: true\n";
const CODEOWNERS = "* @ana\n/src/pay/ @octo-org/payments\n/src/web/ @octo-org/web\n/docs/ @ana\n";
const AREAS = {
  pay: { filename: "src/pay/charge.ts", status: "modified", patch: "@@ -1 +1 @@\n+export const fee = 1;" },
  web: { filename: "src/web/page.tsx", status: "modified", patch: "@@ -1 +1 @@\n+export const page = 1;" },
  docs: { filename: "docs/guide.md", status: "modified", patch: "@@ -1 +1 @@\n+Refunds take a day." },
  hack: { filename: "src/pay/prices.ts", status: "modified", patch: "@@ -1 +1,2 @@\n+export const price = 42; // HACK: hard-coded until the price service exists" },
};
const AUTHORS = ["Codertocat", "dee", "eli"];
/** Members of the two teams, who review and sign off. */
const PAYMENTS = "bo";
const WEB = "cy";
/** The open issues the repository already has, stating why and who, that pull requests close. */
const BACKLOG = 5;
/** Between two things people do: the dashboard coalesces its refreshes a minute apart. */
const PAUSE_MS = 3 * 60_000;

const person = (login: string) => ({ login, type: "User" as const });

export interface WorkloadResult {
  stories: number;
  events: number;
  /** Events the app itself caused (its writes coming back). */
  echoes: number;
  /** Calls that count against the rate limit: no token fetches, no 304 answers. */
  calls: number;
  /** Conditional reads answered 304. */
  notModified: number;
  /** Per event and action (echoes apart), how many and the calls made while each was handled, for `BENCH_CALLS=detail`. */
  byEvent: Map<string, { events: number; calls: number }>;
}

/**
 * Runs a seeded workload of `count` stories through one app with every
 * feature, against a fresh fake GitHub, and counts the calls: each story's
 * events in order, each followed by the echoes of what the app wrote, with
 * a few minutes between things people do (so the dashboard refreshes run).
 */
export async function runWorkload(seed: number, count: number): Promise<WorkloadResult> {
  const fake = new FakeGitHub();
  fake.config = CONFIG;
  fake.contents.set(".github/CODEOWNERS", CODEOWNERS);
  fake.teamMembers.add(`payments:${PAYMENTS}`);
  fake.teamMembers.add(`web:${WEB}`);
  for (let n = 1; n <= BACKLOG; n++) fake.addIssue({ number: n, title: `Backlog item ${n}`, body: nth(STATED_ISSUES, n) });
  fake.start();
  const time = fakeClock(Date.parse("2026-12-01T09:00:00Z"));
  const app = createTestApp(undefined, { clock: time.clock });
  const counted = () => fake.calls.filter((call) => !call.endsWith("/access_tokens")).length - fake.notModified;

  let events = 0;
  let echoes = 0;
  const byEvent = new Map<string, { events: number; calls: number }>();
  // Numbered as GitHub numbers them, after everything the repository holds (the app opens issues too).
  const nextNumber = () => Math.max(100, ...fake.issues.keys()) + 1;
  // What the fake held when the app's writes were last turned into echoes: every write is echoed
  // once, also one that no delivery awaited (a coalesced refresh between two events).
  let seen = snapshot(fake);
  const send = async (event: EmitterWebhookEvent, echo = false): Promise<void> => {
    events++;
    if (echo) echoes++;
    const calls = counted();
    await app.receive(event);
    const key = `${echo ? "echo " : ""}${event.name}.${(event.payload as { action?: string }).action ?? ""}`;
    const tally = byEvent.get(key) ?? { events: 0, calls: 0 };
    byEvent.set(key, { events: tally.events + 1, calls: tally.calls + counted() - calls });
    await echoWrites();
  };
  const echoWrites = async (): Promise<void> => {
    const back = echoesSince(seen, fake);
    seen = snapshot(fake);
    for (const event of back) await send(event, true);
  };
  /** A few minutes later, a person does something (`happen` changes the fake as GitHub would) and GitHub tells the app. */
  const act = async (happen: () => EmitterWebhookEvent): Promise<void> => {
    time.advance(PAUSE_MS);
    await echoWrites();
    const event = happen();
    seen = snapshot(fake);
    await send(event);
  };

  const comment = (issue: FakeIssue, body: string, login: string) => () => {
    const written = fake.addComment(issue.number, body, login);
    return delivery("issue_comment.created", payload("issue_comment.created", { issue: issuePayload(issue), comment: { id: written.id, body, user: person(login) }, sender: person(login) }));
  };
  const pullRequestEvent = (action: "opened" | "ready_for_review" | "synchronize" | "edited" | "labeled" | "closed" | "review_requested" | "assigned", pr: FakeIssue, sender: string, extra: object = {}) =>
    delivery(`pull_request.${action}`, payload(`pull_request.${action}`, { pull_request: pullRequestPayload(pr), sender: person(sender), ...extra } as never));
  const issueEvent = (action: "opened" | "labeled" | "edited" | "closed", issue: FakeIssue, sender: string, extra: object = {}) =>
    delivery(`issues.${action}`, payload(`issues.${action}`, { issue: issuePayload(issue), sender: person(sender), ...extra } as never));

  const openPullRequest = async (title: string, body: string, files: (typeof AREAS)[keyof typeof AREAS][], author: string, options: { labels?: string[]; draft?: boolean } = {}) => {
    let pr: FakeIssue | undefined;
    await act(() => {
      const number = nextNumber();
      pr = fake.addPullRequest({ number, title, body, user: person(author), labels: (options.labels ?? []).map((name) => ({ name })), draft: options.draft ?? false });
      pr.head = { sha: sha(number, 0), ref: `change-${number}` };
      fake.files.set(number, files);
      return pullRequestEvent("opened", pr, author);
    });
    return pr as FakeIssue;
  };
  const push = (pr: FakeIssue, i: number) =>
    act(() => {
      const before = pr.head?.sha;
      pr.head = { sha: sha(pr.number, i + 1), ref: pr.head?.ref ?? "change" };
      return pullRequestEvent("synchronize", pr, pr.user.login, { before, after: pr.head.sha });
    });
  const review = (pr: FakeIssue, login: string, state: "approved" | "commented") =>
    act(() => {
      const reviews = fake.reviews.get(pr.number) ?? [];
      reviews.push({ user: { login }, state: state.toUpperCase(), submitted_at: new Date(time.clock.now()).toISOString(), commit_id: pr.head?.sha ?? "" });
      fake.reviews.set(pr.number, reviews);
      return delivery(
        "pull_request_review.submitted",
        payload("pull_request_review.submitted", { pull_request: pullRequestPayload(pr), review: { state, user: person(login), commit_id: pr.head?.sha ?? "" }, sender: person(login) } as never),
      );
    });
  const edit = (pr: FakeIssue, author: string) =>
    act(() => {
      const from = pr.body;
      pr.body = `${from}\n\nAlso updates the tests.`;
      return pullRequestEvent("edited", pr, author, { changes: { body: { from } } });
    });
  const close = (pr: FakeIssue, merged: boolean) =>
    act(() => {
      pr.state = "closed";
      pr.closed_at = new Date(time.clock.now()).toISOString();
      if (merged) {
        pr.merged = true;
        pr.pull_request = { merged_at: pr.closed_at };
      }
      return pullRequestEvent("closed", pr, pr.user.login);
    });

  const issueStory = async (story: IssueStory, i: number) => {
    const author = nth(AUTHORS, i);
    let opened: FakeIssue | undefined;
    await act(() => {
      opened = fake.addIssue({ number: nextNumber(), title: `Request ${i}`, body: story.stated ? nth(STATED_ISSUES, i) : nth(UNSTATED_ISSUES, i), user: person(author) });
      return issueEvent("opened", opened, author);
    });
    const issue = opened as FakeIssue;
    if (story.triaged) {
      const name = nth(["bug", "enhancement"], i);
      await act(() => {
        issue.labels.push({ name });
        return issueEvent("labeled", issue, "ana", { label: { name } });
      });
    }
    for (let c = 0; c < story.comments; c++) await act(comment(issue, nth(CHATTER, i + c), nth(AUTHORS, i + c + 1)));
    if (!story.stated && story.statedLater) {
      await act(() => {
        const from = issue.body;
        issue.body = `${from}\n\n${nth(STATED_ISSUES, i)}`;
        return issueEvent("edited", issue, author, { changes: { body: { from } } });
      });
    }
    if (story.closed) {
      await act(() => {
        issue.state = "closed";
        issue.state_reason = "completed";
        return issueEvent("closed", issue, "ana");
      });
    }
  };

  const pullRequestStory = async (story: PullRequestStory, i: number) => {
    const author = nth(AUTHORS, i);
    const files = story.areas === "two teams" ? [AREAS.pay, AREAS.web] : story.areas === "one team" ? [nth([AREAS.pay, AREAS.web], i)] : [AREAS.docs];
    const body = story.intent === "body" ? nth(STATED_PULL_REQUESTS, i) : story.intent === "linked issue" ? `Pages the refunds list.\n\nCloses #${(i % BACKLOG) + 1}` : nth(PLAIN_PULL_REQUESTS, i);
    const pr = await openPullRequest(`Change ${i}`, body, files, author, { draft: story.draft });
    for (let r = 0; r < story.requests; r++) {
      await act(() => (r % 2 === 0 ? pullRequestEvent("review_requested", pr, author, { requested_reviewer: person(WEB) }) : pullRequestEvent("assigned", pr, author, { assignee: person(author) })));
    }
    if (story.labeled) {
      const name = nth(["enhancement", "needs-design"], i);
      await act(() => {
        pr.labels.push({ name });
        return pullRequestEvent("labeled", pr, "ana", { label: { name } });
      });
    }
    for (let p = 0; p < story.pushes; p++) await push(pr, p);
    if (story.draft) {
      await act(() => {
        pr.draft = false;
        return pullRequestEvent("ready_for_review", pr, author);
      });
    }
    for (let c = 0; c < story.comments; c++) await act(comment(pr, nth(CHATTER, i + c), nth([PAYMENTS, WEB, ...AUTHORS], i + c)));
    if (story.areas === "two teams" && story.signoffCommand) await act(comment(pr, "/signoff @octo-org/payments", PAYMENTS));
    for (let r = 0; r < story.commentReviews; r++) await review(pr, WEB, "commented");
    for (let r = 0; r < story.approvals; r++) await review(pr, r === 0 ? WEB : PAYMENTS, "approved");
    if (story.edited) await edit(pr, author);
    if (story.end !== "open") await close(pr, story.end === "merged");
  };

  const hackStory = async (story: HackStory, i: number) => {
    const author = nth(AUTHORS, i);
    const body = story.declared === "command" ? nth(STATED_PULL_REQUESTS, i) : nth(HACK_BODIES, i);
    const title = story.declared === "title" ? `[hack] Shortcut ${i}` : `Shortcut ${i}`;
    const pr = await openPullRequest(title, body, [AREAS.hack], author, { labels: story.declared === "label when opened" ? ["hack"] : [] });
    if (story.declared === "label after opening") {
      await act(() => {
        pr.labels.push({ name: "hack" });
        return pullRequestEvent("labeled", pr, author, { label: { name: "hack" } });
      });
    }
    if (story.declared === "command") await act(comment(pr, "/hack Hard-coded until the price service exists", author));
    for (let p = 0; p < story.pushes; p++) await push(pr, p);
    for (let c = 0; c < story.comments; c++) await act(comment(pr, nth(CHATTER, i + c), nth([PAYMENTS, ...AUTHORS], i + c)));
    await close(pr, story.merged);
  };

  const tell: Record<Story["kind"], (story: never, i: number) => Promise<void>> = { issue: issueStory, "pull request": pullRequestStory, hack: hackStory };
  const stories = sampleStories(seed, count);
  const start = counted();
  const startNotModified = fake.notModified;
  for (const [i, story] of stories.entries()) await tell[story.kind](story as never, i);
  // The last dashboard refresh, which the coalescer runs a minute after the last event.
  time.advance(PAUSE_MS);
  await settled(fake);
  await echoWrites();
  await settled(fake);
  const result = { stories: stories.length, events, echoes, calls: counted() - start, notModified: fake.notModified - startNotModified, byEvent };
  if (fake.unknown.length > 0) throw new Error(`the workload made calls the fake does not know: ${fake.unknown.join(", ")}`);
  fake.stop();
  return result;
}

/** A commit id for a pull request's `push`-th head. */
function sha(pr: number, push: number): string {
  return createHash("sha1").update(`${pr}:${push}`).digest("hex");
}

/** Resolves once the fake has had no call for a while: work that no delivery awaits (a coalesced refresh) has ended. */
async function settled(fake: FakeGitHub): Promise<void> {
  let seen = -1;
  while (seen !== fake.calls.length) {
    seen = fake.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
