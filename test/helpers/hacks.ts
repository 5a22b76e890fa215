import { defaultConfig } from "../../src/config/schema.js";
import { newDebtIssue, type HackFacts } from "../../src/core/hacks/plan.js";
import { readHackText } from "../../src/core/hacks/read.js";
import { renderHackComment } from "../../src/core/hacks/render.js";
import { hackStateMarker, type HackPrState } from "../../src/core/hacks/state.js";
import { FakeGitHub } from "./fake-github.js";
import { BOT_LOGIN, OWNER, REPO } from "./github.js";
import { sealed } from "./records.js";

/** The pull request of the `pull_request` example payloads. */
export const PR = 2;
export const SHA = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
export const AUTHOR = "Codertocat";
/** Intent checks off, so that the hack feature's calls are the only ones. */
export const CONFIG = "intent:\n  enabled: false\n";

const base = `/repos/${OWNER}/${REPO}`;
export const path = {
  pr: `${base}/pulls/${PR}`,
  files: `${base}/pulls/${PR}/files`,
  issue: (n: number) => `${base}/issues/${n}`,
  comments: (n: number) => `${base}/issues/${n}/comments`,
  issueLabels: (n: number) => `${base}/issues/${n}/labels`,
  comment: (id: number) => `${base}/issues/comments/${id}`,
  labels: `${base}/labels`,
  issues: `${base}/issues`,
  checks: `${base}/check-runs`,
  assignee: (login: string) => `${base}/assignees/${login}`,
  permission: (login: string) => `${base}/collaborators/${login}/permission`,
  prTemplate: `${base}/contents`,
};

export const HACK_BODY = ["## Hack", "Prices are hard-coded for the launch demo.", "", "Rebuild by: 2026-12-01", "Rebuild estimate: 2w"].join("\n");

export interface PullRequestData {
  number: number;
  title: string;
  body: string | null;
  labels: { name: string }[];
  user: { login: string };
  state: "open" | "closed";
  merged: boolean;
  merged_at: string | null;
  head: { sha: string };
}

/** `GET /pulls/2`: a hack declared by its title and its Hack section. */
export function prData(patch: Partial<PullRequestData> = {}): PullRequestData {
  return { number: PR, title: "[hack] Hard-code prices", body: HACK_BODY, labels: [], user: { login: AUTHOR }, state: "open", merged: false, merged_at: null, head: { sha: SHA }, ...patch };
}

export const PATCH = ["@@ -1,2 +1,3 @@", " export const currency = 'EUR';", "+export const price = 42; // HACK: hard-coded until the price service exists", " export {};"].join("\n");

export const FILES = [
  { filename: "src/prices.ts", status: "modified", patch: PATCH },
  { filename: "docs/prices.md", status: "added", patch: "@@ -0,0 +1 @@\n+# Prices" },
];

/** A comment the app wrote: its records sealed, as on GitHub. */
export function botComment(id: number, topic: string, body: string): { id: number; user: { login: string }; body: string } {
  return { id, user: { login: BOT_LOGIN }, body: sealed(`<!-- intentbot:${topic} -->\n${body}`) };
}

/** The app's `hack` comment on the PR for a state (as an earlier run left it). */
export function hackComment(id: number, state: HackPrState): { id: number; user: { login: string }; body: string } {
  const body = `${renderHackComment(state, { owner: OWNER, repo: REPO }, { label: "hack", createDebtIssue: true })}\n\n${hackStateMarker(state)}`;
  return botComment(id, "hack", body);
}

export function linkedState(number: number, patch: Partial<HackPrState> = {}): HackPrState {
  return {
    kind: "hack-pr",
    version: 1,
    declared: true,
    ways: ["label", "title", "section"],
    debt: { owner: OWNER, repo: REPO, number, createdByApp: true, state: "open" },
    pr: { state: "open" },
    ...patch,
  };
}

/** The debt issue the app created for the PR, as `GET /issues/N` returns it (its record sealed). */
export function appDebtIssue(number: number, patch: Record<string, unknown> = {}, pr: Partial<PullRequestData> = {}) {
  const data = prData(pr);
  const facts: HackFacts = {
    repo: { owner: OWNER, repo: REPO },
    trigger: { kind: "opened" },
    pr: { number: PR, title: data.title, body: data.body, labels: [], author: AUTHOR, state: "open", merged: false, headSha: SHA },
    text: readHackText(data, defaultConfig.hacks.titlePrefixes, { owner: OWNER, repo: REPO }),
    changes: { files: ["src/prices.ts", "docs/prices.md"], markers: [{ path: "src/prices.ts", line: 2, text: "export const price = 42; // HACK: hard-coded until the price service exists" }], sha: SHA },
  };
  const issue = newDebtIssue(facts, defaultConfig.hacks);
  return { number, title: issue.title, body: sealed(issue.body), state: "open", state_reason: null, user: { login: BOT_LOGIN }, labels: [{ name: "rebuild-debt" }], closed_by: null, ...patch };
}

/**
 * A repository on the stateful fake GitHub holding PR #2 (as `prData` gives
 * it, with `FILES`) and the hack config: handler tests read from it and
 * assert what was written, whatever the app reads on the way.
 */
export function hackRepository(pr: Partial<PullRequestData> = {}, config = CONFIG): FakeGitHub {
  const fake = new FakeGitHub();
  fake.config = config;
  const data = prData(pr);
  // `GET pulls/:n` has `merged_at` at the top, where the fake's issues have none.
  const pullsOnly = { merged_at: data.merged_at };
  fake.addPullRequest({
    ...pullsOnly,
    number: PR,
    title: data.title,
    body: data.body ?? "",
    labels: data.labels,
    user: { login: data.user.login, type: "User" },
    state: data.state,
    merged: data.merged,
    pull_request: { merged_at: data.merged_at },
    head: { sha: data.head.sha, ref: "changes" },
  });
  fake.files.set(PR, FILES);
  fake.start();
  return fake;
}

/** The fields of PR #2 on the fake, for the `pull_request` of an event's payload: the payload and GitHub agree. */
export function payloadPr(fake: FakeGitHub): Record<string, unknown> {
  const pr = fake.issues.get(PR);
  if (!pr) throw new Error("PR #2 is not on the fake GitHub");
  return { title: pr.title, body: pr.body, labels: pr.labels.map((label) => ({ ...label })), state: pr.state, merged: pr.merged ?? false, merged_at: pr.pull_request?.merged_at ?? null, head: { sha: pr.head?.sha ?? SHA } };
}
