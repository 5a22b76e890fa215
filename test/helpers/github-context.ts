import { Probot, ProbotOctokit } from "probot";
import type { GitHubContext } from "../../src/github/context.js";
import { DeliveryFacts } from "../../src/github/facts.js";
import { createServices } from "../../src/github/services.js";
import { sharedParseBudget, testPrivateKey } from "./app.js";
import { FakeGitHub } from "./fake-github.js";
import { INSTALLATION_ID } from "./github.js";
import { TEST_RECORD_SECRET } from "./records.js";

/**
 * What one delivery's GitHub code is given — an installation client (retries
 * and throttling off), the app's services and the delivery's facts — against
 * a stateful fake GitHub, started: for testing the executor and the readers
 * without a whole app. The caller stops the fake.
 */
export async function fakeGitHubContext(options: { botLogin?: string } = {}): Promise<{ github: FakeGitHub; ctx: GitHubContext }> {
  const github = new FakeGitHub();
  github.start();
  const probot = new Probot({
    appId: 1,
    privateKey: testPrivateKey(),
    logLevel: "fatal",
    Octokit: ProbotOctokit.defaults((defaults: object) => ({ ...defaults, retry: { enabled: false }, throttle: { enabled: false } })),
  });
  const octokit = await probot.auth(INSTALLATION_ID);
  const shared = createServices(probot, { parse: sharedParseBudget(), recordSecret: TEST_RECORD_SECRET, ...options });
  return { github, ctx: { octokit, services: { ...shared, facts: new DeliveryFacts(octokit, shared.readCaches) }, log: probot.log } };
}
