import Bottleneck from "bottleneck";
import nock from "nock";
import { Probot } from "probot";
import { describe, expect, it } from "vitest";
import { IntentbotOctokit } from "../../src/github/octokit.js";
import { RATE_LIMIT_RETRIES } from "../../src/github/rate-limits.js";
import { testPrivateKey } from "../helpers/app.js";
import { github, INSTALLATION_ID, OWNER, recorder, REPO } from "../helpers/github.js";

const unspaced = () => new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 });

/**
 * The production Octokit, with GitHub's waits shortened from seconds to
 * milliseconds, and its own write queues without their spacing (one second
 * between writes, three between writes that notify people).
 */
const FastOctokit = IntentbotOctokit.defaults((options: { throttle?: object; retry?: object }) => ({
  ...options,
  throttle: { ...options.throttle, retryAfterBaseValue: 1, write: unspaced(), notifications: unspaced() },
  retry: { ...options.retry, retryAfterBaseValue: 1 },
}));

async function installationOctokit() {
  const probot = new Probot({ appId: 1, privateKey: testPrivateKey(), logLevel: "fatal", Octokit: FastOctokit });
  return probot.auth(INSTALLATION_ID);
}

const ISSUES = `/repos/${OWNER}/${REPO}/issues`;
const SECONDARY = { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." };

describe("rate limits", () => {
  it("a write refused by a secondary rate limit is sent again after retry-after, and happens once", async () => {
    const created = recorder();
    github()
      .post(ISSUES)
      .reply(403, SECONDARY, { "retry-after": "1" })
      .post(ISSUES, created.match)
      .reply(201, { number: 7 });
    const octokit = await installationOctokit();

    const { data } = await octokit.rest.issues.create({ owner: OWNER, repo: REPO, title: "Rebuild: prices" });

    expect(data).toEqual({ number: 7 });
    expect(created.bodies).toEqual([{ title: "Rebuild: prices" }]);
  });

  it("a primary rate limit waits for x-ratelimit-reset, then the call goes through", async () => {
    github()
      .get(`${ISSUES}/7`)
      .reply(403, { message: "API rate limit exceeded" }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.floor(Date.now() / 1000)) })
      .get(`${ISSUES}/7`)
      .reply(200, { number: 7 });
    const octokit = await installationOctokit();

    const { data } = await octokit.rest.issues.get({ owner: OWNER, repo: REPO, issue_number: 7 });

    expect(data).toEqual({ number: 7 });
  });

  it("a server error (502) is retried, and the write happens once", async () => {
    const created = recorder();
    github().post(ISSUES).reply(502, "bad gateway").post(ISSUES, created.match).reply(201, { number: 8 });
    const octokit = await installationOctokit();

    await octokit.rest.issues.create({ owner: OWNER, repo: REPO, title: "x" });

    expect(created.bodies).toHaveLength(1);
  });

  it(`gives up after ${RATE_LIMIT_RETRIES} retries, so the delivery fails and is retried as a whole`, async () => {
    github()
      .post(ISSUES)
      .times(RATE_LIMIT_RETRIES + 1)
      .reply(403, SECONDARY, { "retry-after": "1" });
    const octokit = await installationOctokit();

    await expect(octokit.rest.issues.create({ owner: OWNER, repo: REPO, title: "x" })).rejects.toMatchObject({ status: 403 });
    expect(nock.pendingMocks()).toEqual([]);
  });
});
