import { afterEach, describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/app.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { OWNER, REPO, TOKEN_REQUEST } from "../helpers/github.js";
import { SHA } from "../helpers/hacks.js";
import { opened } from "../helpers/records.js";
import { delivery, payload } from "../fixtures/payloads.js";

const ISSUE = `/repos/${OWNER}/${REPO}/issues/1`;
const CHECKS = `/repos/${OWNER}/${REPO}/check-runs`;
const CONFIG_READ = `GET /repos/${OWNER}/${REPO}/contents/.github/intent.yml`;
const ORG_CONFIG_READ = `GET /repos/${OWNER}/.github/contents/.github/intent.yml`;

let fake: FakeGitHub | undefined;
afterEach(() => fake?.stop());

/** The repository with `config` as its `.github/intent.yml` (none when undefined), on the fake GitHub. */
function repository(config: string | undefined, setUp: (github: FakeGitHub) => void = () => undefined): FakeGitHub {
  fake = new FakeGitHub();
  fake.config = config;
  setUp(fake);
  fake.start();
  return fake;
}

/**
 * One file with a problem of each kind a feature passes on: a value that is
 * not allowed (its line counted past a comment), a value of the wrong type,
 * and an unknown key in two sections.
 */
const INVALID = ["# intentbot", "mode: strict", "intent:", "  minWords: three", "  colour: red", "hacks:", "  createDebtIsue: false", ""].join("\n");
/** Its problems as every feature reports them, in order: key, file and line, the value given, what is allowed. */
const PROBLEMS = [
  '- `mode` (`octo-org/widgets/.github/intent.yml`, line 2) — given `"strict"`; allowed: one of `advise`, `enforce`',
  '- `intent.minWords` (`octo-org/widgets/.github/intent.yml`, line 4) — given `"three"`; allowed: a value of type number',
  // An unknown key's allowed values are its section's keys (the list grows with the schema).
  expect.stringContaining('- `intent.colour` (`octo-org/widgets/.github/intent.yml`, line 5) — given `"red"`; allowed: one of the keys `enabled`, `issues`, `pullRequests`, '),
  expect.stringContaining("- `hacks.createDebtIsue` (`octo-org/widgets/.github/intent.yml`, line 7) — given `false`; allowed: one of the keys `enabled`, `label`, `debtLabel`, "),
];

/** The lines of a report that each name one problem. */
const problemLines = (report: string | undefined) => (report ?? "").split("\n").filter((line) => line.startsWith("- "));

/** What intent's comment on a new issue says, its only write, with the config files `setUp` puts in the fake GitHub. */
async function issueCommentWith(config: string, setUp: (github: FakeGitHub) => void = () => undefined): Promise<string | undefined> {
  const probot = createTestApp(["intent"]);
  const github = repository(config, setUp);
  await probot.receive(delivery("issues.opened", payload("issues.opened", { issue: { body: "fix it", labels: [] } })));
  expect(github.unknown).toEqual([]);
  expect(github.writes()).toEqual([`POST ${ISSUE}/comments`]);
  return opened(github.comments[0]?.body ?? "");
}

describe("loading .github/intent.yml", () => {
  it("falls back to the organisation's .github repository", async () => {
    const probot = createTestApp(["intent"]);
    const github = repository(undefined, (fake) => (fake.repository(".github").config = "intent:\n  exempt:\n    labels: [bug]\n"));

    // The example issue carries the label `bug`, exempt by the org's config: nothing else happens.
    await probot.receive(delivery("issues.opened", payload("issues.opened", { issue: { body: "fix it" } })));
    // Which files are read, in which order, is the point: the calls are asserted exactly.
    expect(github.calls).toEqual([TOKEN_REQUEST, CONFIG_READ, ORG_CONFIG_READ]);
  });

  it("follows _extends and reports a problem in the extended file with its own path and line", async () => {
    const body = await issueCommentWith("_extends: shared\nmode: enforce\n", (github) => (github.repository("shared").config = "intent:\n  minWords: 0\n"));
    expect(body).toContain("- `intent.minWords` (`octo-org/shared/.github/intent.yml`, line 2) — given `0`; allowed: a number ≥ 1");
  });

  it("reports a YAML syntax error with its line", async () => {
    const body = await issueCommentWith("mode: advise\nintent: [unclosed\n");
    expect(body).toMatch(/- the file \(`octo-org\/widgets\/\.github\/intent\.yml`, line \d\) — given `[^`]+`; allowed: valid YAML/);
  });
});

describe("_extends that cannot be followed", () => {
  it("reports a malformed value with its line instead of failing the event", async () => {
    const body = await issueCommentWith("mode: enforce\n_extends: ../../etc\n");
    expect(body).toContain("- `_extends` (`octo-org/widgets/.github/intent.yml`, line 2) — given `\"../../etc\"`; allowed: `repo`, `owner/repo` or `owner/repo:path.yml`");
  });

  it("reports a file that extends one already read", async () => {
    const body = await issueCommentWith("_extends: shared\n", (github) => (github.repository("shared").config = `_extends: ${REPO}\n`));
    expect(body).toContain("- `_extends` (`octo-org/shared/.github/intent.yml`, line 1) — given `\"widgets\"`; allowed: `repo`, `owner/repo` or `owner/repo:path.yml` naming a file not already extended");
  });
});

describe("an invalid config with every feature loaded", () => {
  it("is read once per delivery and reported on each feature's check run", async () => {
    const probot = createTestApp();
    const github = repository(INVALID);

    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", {})));
    expect(github.unknown).toEqual([]);
    expect(github.calls.filter((call) => call === CONFIG_READ)).toHaveLength(1);
    expect(github.writes()).toEqual([`POST ${CHECKS}`, `POST ${CHECKS}`, `POST ${CHECKS}`]);
    expect(github.checkRuns.map((run) => run.name).sort()).toEqual(["Cross-team sign-off", "Hack debt", "Product intent"]);
    for (const run of github.checkRuns) {
      expect(run.conclusion).toBe("failure");
      expect(problemLines(run.output?.summary)).toEqual(PROBLEMS);
    }
  });
});

describe("an invalid config, reported where each feature reports", () => {
  const checks = [
    { feature: "intent", name: "Product intent" },
    { feature: "hacks", name: "Hack debt" },
    { feature: "signoff", name: "Cross-team sign-off" },
  ] as const;

  for (const { feature, name } of checks) {
    it(`${feature}: its check run “${name}”, and nothing else`, async () => {
      const probot = createTestApp([feature]);
      const github = repository(INVALID);

      await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", {})));
      expect(github.unknown).toEqual([]);
      expect(github.writes()).toEqual([`POST ${CHECKS}`]);
      expect(github.checkRuns).toEqual([{ name, head_sha: SHA, status: "completed", conclusion: "failure", output: { title: "Invalid .github/intent.yml", summary: expect.any(String) } }]);
      expect(problemLines(github.checkRuns[0]?.output?.summary)).toEqual(PROBLEMS);
    });
  }

  const comment = (body: string, issue: Record<string, unknown>) =>
    delivery("issue_comment.created", payload("issue_comment.created", { issue, comment: { id: 77, body, user: { login: "lead", type: "User" } }, sender: { login: "lead", type: "User" } } as never));
  const onPullRequest = { number: 2, pull_request: { url: `https://api.github.com/repos/${OWNER}/${REPO}/pulls/2` } };
  const onIssue = { number: 1, pull_request: undefined };

  const comments = [
    { feature: "hacks", where: "its reply to /hack", event: comment("/hack for the demo", onPullRequest), thread: 2, command: true },
    { feature: "signoff", where: "its reply to /signoff", event: comment("/signoff @octo-org/web", onPullRequest), thread: 2, command: true },
    { feature: "phases", where: "its reply to /phase", event: comment("/phase\n1. One", onIssue), thread: 1, command: true },
    { feature: "dashboard", where: "its reply to /dashboard", event: comment("/dashboard refresh", onIssue), thread: 1, command: true },
    { feature: "intent", where: "its comment on the issue", event: delivery("issues.opened", payload("issues.opened", { issue: { body: "fix it", labels: [] } })), thread: 1, command: false },
  ] as const;

  for (const { feature, where, event, thread, command } of comments) {
    it(`${feature}: ${where}`, async () => {
      const probot = createTestApp([feature]);
      const github = repository(INVALID);
      const reactions = `POST /repos/${OWNER}/${REPO}/issues/comments/77/reactions`;

      await probot.receive(structuredClone(event));
      expect(github.unknown).toEqual([]);
      // Every command answers the same way: the reply, and 😕.
      expect(github.writes()).toEqual([`POST /repos/${OWNER}/${REPO}/issues/${thread}/comments`, ...(command ? [reactions] : [])]);
      expect(github.comments).toHaveLength(1);
      expect(problemLines(opened(github.comments[0]?.body ?? ""))).toEqual(PROBLEMS);
      expect(github.sent.filter((s) => s.call === reactions).map((s) => s.body)).toEqual(command ? [{ content: "confused" }] : []);
    });
  }
});
