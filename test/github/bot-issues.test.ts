import { LRUCache } from "lru-cache";
import { Probot, ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { labelSpecs } from "../../src/core/labels.js";
import { createBotIssue, findBotIssue, readIssueBody } from "../../src/github/bot-issues.js";
import { TtlCache } from "../../src/github/ttl-cache.js";
import type { GitHubContext } from "../../src/github/context.js";
import { DeliveryFacts } from "../../src/github/facts.js";
import { ReadCaches } from "../../src/github/read-caches.js";
import type { Services } from "../../src/github/services.js";
import type { GitHub, Log } from "../../src/github/types.js";
import { testPrivateKey } from "../helpers/app.js";
import { TEST_RECORD_KEY } from "../helpers/records.js";
import { BOT_LOGIN, github, INSTALLATION_ID, OWNER, recorder, REPO, sentRequests, writes } from "../helpers/github.js";

const repo = { owner: OWNER, repo: REPO };
const ISSUES = `/repos/${OWNER}/${REPO}/issues`;
const MARK = "<!-- intentbot:dashboard -->";
const label = labelSpecs.dashboard("intent-dashboard");

/** An installation client, with retries off so that each mock answers one request. */
async function client(): Promise<GitHub> {
  const probot = new Probot({
    appId: 1,
    privateKey: testPrivateKey(),
    logLevel: "fatal",
    Octokit: ProbotOctokit.defaults((options: object) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  return probot.auth(INSTALLATION_ID);
}

const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } as unknown as Log;
/** The app's client with what its reads and writes share, for one delivery. */
async function ctx(): Promise<GitHubContext> {
  const octokit = await client();
  const facts = new DeliveryFacts(octokit, new ReadCaches());
  const services = { botLogin: () => Promise.resolve(BOT_LOGIN), knownLabels: new TtlCache<void>(60_000), createdIssues: new LRUCache<string, true>({ max: 10 }), recordKey: TEST_RECORD_KEY, facts };
  return { octokit, services: services as unknown as Services, log: silent };
}

const listed = (number: number, patch: Record<string, unknown> = {}) => ({
  number,
  node_id: `I_${number}`,
  state: "open",
  user: { login: BOT_LOGIN },
  body: `${MARK}\nbody ${number}`,
  ...patch,
});

const marked = (body: string) => body.includes(MARK);

describe("finding the app's issue", () => {
  it("reads every page by label and creator, and takes the oldest issue the bot wrote with the mark", async () => {
    const scope = github();
    const all = { labels: "intent-dashboard", creator: BOT_LOGIN, state: "all", per_page: 100 };
    scope
      .get(ISSUES)
      .query(all)
      .reply(200, [listed(9), listed(5, { user: { login: "mallory" } }), listed(4, { pull_request: {} })], { link: `<https://api.github.com${ISSUES}?page=2>; rel="next"` })
      .get(ISSUES)
      .query({ page: 2 })
      .reply(200, [listed(7, { state: "closed" }), listed(3, { body: "no mark" })]);

    const found = await findBotIssue(await ctx(), repo, { label: "intent-dashboard", recognise: marked });
    expect(found).toEqual({ number: 7, nodeId: "I_7", state: "closed", body: `${MARK}\nbody 7` });
  });

  it("with `newest`, reads one page of the newest issues and takes the newest match", async () => {
    const scope = github();
    scope
      .get(ISSUES)
      .query({ labels: "rebuild-debt", creator: BOT_LOGIN, state: "all", sort: "created", direction: "desc", per_page: 30 })
      .reply(200, [listed(12, { body: "another PR's record" }), listed(11), listed(10)], { link: `<https://api.github.com${ISSUES}?page=2>; rel="next"` });

    const found = await findBotIssue(await ctx(), repo, { label: "rebuild-debt", recognise: marked, newest: 30 });
    expect(found?.number).toBe(11);
  });

  it("finds nothing when no issue carries the mark", async () => {
    github()
      .get(ISSUES)
      .query({ labels: "intent-dashboard", creator: BOT_LOGIN, state: "all", per_page: 100 })
      .reply(200, [listed(3, { body: null })]);
    expect(await findBotIssue(await ctx(), repo, { label: "intent-dashboard", recognise: marked })).toBeUndefined();
  });
});

describe("creating one of the app's issues", () => {
  it("creates its labels first, then the issue, once per label per repository", async () => {
    const labels = recorder();
    const issues = recorder();
    const scope = github();
    scope.post(`/repos/${OWNER}/${REPO}/labels`, labels.match).reply(201, {});
    scope.post(ISSUES, issues.match).times(2).reply(201, { number: 21, id: 2100, node_id: "I_21" });
    const shared = await ctx();

    const created = await createBotIssue(shared, repo, { title: "Dashboard", body: "the body", labels: [label] });
    await createBotIssue(shared, repo, { title: "Dashboard", body: "the body", labels: [label] });
    expect(created).toEqual({ number: 21, id: 2100, nodeId: "I_21" });
    expect(labels.bodies).toEqual([label]);
    // No assignees asked for: none sent.
    expect(issues.bodies).toEqual([
      { title: "Dashboard", body: "the body", labels: ["intent-dashboard"] },
      { title: "Dashboard", body: "the body", labels: ["intent-dashboard"] },
    ]);
  });

  it("assigns only those who can be assigned, and goes on when the label exists already", async () => {
    const issue = recorder();
    const scope = github();
    scope.post(`/repos/${OWNER}/${REPO}/labels`).reply(422, { message: "Validation Failed", errors: [{ code: "already_exists" }] });
    scope.get(`/repos/${OWNER}/${REPO}/assignees/ana`).reply(204);
    scope.get(`/repos/${OWNER}/${REPO}/assignees/outsider`).reply(404);
    scope.post(ISSUES, issue.match).reply(201, { number: 22, id: 2200, node_id: "I_22" });

    const debt = labelSpecs.rebuildDebt("rebuild-debt");
    await createBotIssue(await ctx(), repo, { title: "Rebuild: prices", body: "b", labels: [debt], assignees: ["ana", "outsider"] });
    expect(issue.bodies).toEqual([{ title: "Rebuild: prices", body: "b", labels: ["rebuild-debt"], assignees: ["ana"] }]);
  });

  it("creates nothing when whether someone can be assigned cannot be told", async () => {
    const scope = github();
    scope.post(`/repos/${OWNER}/${REPO}/labels`).reply(201, {});
    scope.get(`/repos/${OWNER}/${REPO}/assignees/ana`).reply(500, { message: "boom" });
    const sent = sentRequests(scope);

    await expect(createBotIssue(await ctx(), repo, { title: "t", body: "b", labels: [label], assignees: ["ana"] })).rejects.toMatchObject({ status: 500 });
    // The label is ensured first; the issue is never created.
    expect(writes(sent)).toEqual([`POST /repos/${OWNER}/${REPO}/labels`]);
  });
});

describe("reading its body", () => {
  it("reads the body as it is now", async () => {
    github().get(`${ISSUES}/7`).reply(200, { number: 7, body: "now" });
    expect(await readIssueBody(await ctx(), repo, 7)).toBe("now");
  });
});
