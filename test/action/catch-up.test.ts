import { ProbotOctokit } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { catchUp } from "../../src/action/catch-up.js";
import type { GitHub } from "../../src/github/types.js";
import { payload } from "../fixtures/payloads.js";
import { FakeGitHub } from "../helpers/fake-github.js";

const Octokit = ProbotOctokit.defaults((options: object) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } }));
const BODY = "## Phases\n<!-- intentbot:data {\"kind\":\"phases\"} -->";

let fake: FakeGitHub | undefined;
afterEach(() => fake?.stop());

describe("catching up on a thread", () => {
  it("gives each command it answers a payload of its own: a router that opens one event's records cannot change the next one's", async () => {
    fake = new FakeGitHub({ botLogin: "github-actions[bot]" });
    fake.addIssue({ number: 1, title: "Checkout revamp", body: BODY });
    fake.addComment(1, "/phase split into 2");
    fake.addComment(1, "/phase add Rollout 1w");
    fake.start();
    const received: { issue: { body: string } }[] = [];
    const receive = (event: { payload: { issue: { body: string } } }) => {
      received.push(structuredClone(event.payload));
      // What the router does to a payload: it opens the records in it, in place.
      event.payload.issue.body = "opened";
      return Promise.resolve();
    };

    await catchUp(receive as never, new Octokit({ auth: "token" }) as unknown as GitHub, "issues", payload("issues.edited", { issue: { number: 1 } }) as never, {
      deliveryId: "run-1",
      botLogin: "github-actions[bot]",
    });

    expect(received.map((event) => event.issue.body)).toEqual([BODY, BODY]);
  });
});
