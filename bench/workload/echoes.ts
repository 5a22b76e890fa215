import type { EmitterWebhookEvent } from "@octokit/webhooks";
import { delivery, payload } from "../../test/fixtures/payloads.js";
import type { FakeComment, FakeGitHub, FakeIssue } from "../../test/helpers/fake-github.js";
import { BOT_LOGIN } from "../../test/helpers/github.js";

const bot = { login: BOT_LOGIN, type: "Bot" as const };

interface IssueState {
  state: string;
  labels: string[];
  title: string;
  body: string;
}

/** What the fake holds now, to tell afterwards what a delivery's handlers wrote. */
export interface Snapshot {
  issues: Map<number, IssueState>;
  comments: Map<number, string>;
}

export function snapshot(fake: FakeGitHub): Snapshot {
  return {
    issues: new Map([...fake.issues].map(([number, issue]) => [number, { state: issue.state, labels: issue.labels.map((l) => l.name), title: issue.title, body: issue.body }])),
    comments: new Map(fake.comments.map((c) => [c.id, c.body])),
  };
}

/** An account as events carry it (the fake keeps its type as any string). */
function account(user: { login: string; type: string }) {
  return { login: user.login, type: user.type === "Bot" ? ("Bot" as const) : ("User" as const) };
}

/** The issue or pull request as an event's `issue` carries it. */
export function issuePayload(issue: FakeIssue) {
  return { number: issue.number, title: issue.title, body: issue.body, state: issue.state, user: account(issue.user), labels: issue.labels, ...(issue.pull_request ? { pull_request: { url: "" } } : {}) };
}

/** A pull request as a `pull_request` event carries it. */
export function pullRequestPayload(pr: FakeIssue) {
  return {
    number: pr.number,
    title: pr.title,
    body: pr.body,
    state: pr.state,
    user: account(pr.user),
    labels: pr.labels,
    head: pr.head,
    base: pr.base,
    draft: pr.draft ?? false,
    merged: pr.merged ?? false,
    merged_at: pr.pull_request?.merged_at ?? null,
  };
}

function commentEvent(action: "created" | "edited", comment: FakeComment, issue: FakeIssue) {
  return delivery(`issue_comment.${action}`, payload(`issue_comment.${action}`, { issue: issuePayload(issue), comment: { id: comment.id, body: comment.body, user: account(comment.user) }, sender: bot }));
}

/**
 * The events GitHub sends back for what the app wrote since `before`: its new
 * comments and edits of them, the issues it opened, edited, closed or
 * reopened, and the labels it added or removed. (Check runs, reactions,
 * sub-issues and label definitions are events the app does not subscribe to.)
 */
export function echoesSince(before: Snapshot, fake: FakeGitHub): EmitterWebhookEvent[] {
  const echoes: EmitterWebhookEvent[] = [];
  for (const [number, issue] of fake.issues) {
    const was = before.issues.get(number);
    const kind = issue.pull_request ? "pull_request" : "issues";
    const carried = kind === "pull_request" ? { pull_request: pullRequestPayload(issue) } : { issue: issuePayload(issue) };
    if (!was) {
      echoes.push(delivery("issues.opened", payload("issues.opened", { issue: issuePayload(issue), sender: bot })));
      continue;
    }
    if (was.title !== issue.title || was.body !== issue.body) {
      echoes.push(delivery(`${kind}.edited`, payload(`${kind}.edited`, { ...carried, changes: { body: { from: was.body } }, sender: bot } as never)));
    }
    if (was.state !== issue.state) {
      const action = issue.state === "closed" ? "closed" : "reopened";
      echoes.push(delivery(`${kind}.${action}`, payload(`${kind}.${action}`, { ...carried, sender: bot } as never)));
    }
    const now = issue.labels.map((l) => l.name);
    for (const name of now.filter((n) => !was.labels.includes(n))) echoes.push(delivery(`${kind}.labeled`, payload(`${kind}.labeled`, { ...carried, label: { name }, sender: bot } as never)));
    for (const name of was.labels.filter((n) => !now.includes(n))) echoes.push(delivery(`${kind}.unlabeled`, payload(`${kind}.unlabeled`, { ...carried, label: { name }, sender: bot } as never)));
  }
  for (const comment of fake.comments) {
    const was = before.comments.get(comment.id);
    const issue = fake.issues.get(comment.issue);
    if (!issue || was === comment.body) continue;
    echoes.push(commentEvent(was === undefined ? "created" : "edited", comment, issue));
  }
  return echoes;
}
