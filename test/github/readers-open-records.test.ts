import { afterEach, describe, expect, it } from "vitest";
import { dataMarker } from "../../src/core/markers.js";
import { findBotIssue, readIssueBody } from "../../src/github/bot-issues.js";
import { findStickyComment } from "../../src/github/comments.js";
import type { GitHubContext } from "../../src/github/context.js";
import { listSubIssues } from "../../src/github/sub-issues.js";
import { readIssue, readParent } from "../../src/handlers/phases/gather.js";
import type { FakeGitHub } from "../helpers/fake-github.js";
import { fakeGitHubContext } from "../helpers/github-context.js";
import { BOT_LOGIN, OWNER, REPO } from "../helpers/github.js";
import { sealed } from "../helpers/records.js";

const repo = { owner: OWNER, repo: REPO };
const genuine = dataMarker({ kind: "debt", owner: "ana" });
const forged = dataMarker({ kind: "debt", owner: "mallory" });
/** A body holding the app's sealed record after a record a person typed: only the genuine one may be read. */
const body = `${sealed(genuine)}\n${forged}\n`;
const BOT = { login: BOT_LOGIN, type: "Bot" };

let fake: FakeGitHub | undefined;
afterEach(() => fake?.stop());

async function reader(): Promise<{ github: FakeGitHub; ctx: GitHubContext }> {
  const context = await fakeGitHubContext({ botLogin: BOT_LOGIN });
  fake = context.github;
  return context;
}

describe("every reader of the app's bodies opens their records", () => {
  it("the bot's comments", async () => {
    const { github, ctx } = await reader();
    github.addIssue({ number: 1, title: "t" });
    github.addComment(1, `<!-- intentbot:debt -->\n${body}`, BOT_LOGIN);
    expect((await findStickyComment(ctx, { ...repo, issue_number: 1 }, "debt"))?.body).toBe(`<!-- intentbot:debt -->\n${genuine}\n\n`);
  });

  it("the bot's issues, and an issue's body read before a write", async () => {
    const { github, ctx } = await reader();
    github.addIssue({ number: 2, title: "Dashboard", body, user: BOT, labels: [{ name: "intent-dashboard" }] });
    expect((await findBotIssue(ctx, repo, { label: "intent-dashboard", recognise: () => true }))?.body).toBe(`${genuine}\n\n`);
    expect(await readIssueBody(ctx, repo, 2)).toBe(`${genuine}\n\n`);
  });

  it("sub-issues, and the issues `/phase` reads", async () => {
    const { github, ctx } = await reader();
    github.addIssue({ number: 3, title: "Parent", body });
    github.addIssue({ number: 4, id: 40, title: "Phase 1", body, user: BOT });
    github.parents.set(40, 3);
    expect((await listSubIssues(ctx, { ...repo, issue_number: 3 }))?.map((c) => c.body)).toEqual([`${genuine}\n\n`]);
    expect((await readParent(ctx, repo, 3)).body).toBe(`${genuine}\n\n`);
    expect((await readIssue(ctx, repo, 4))?.body).toBe(`${genuine}\n\n`);
  });
});
