import nock from "nock";
import { afterAll, describe, expect, it } from "vitest";
import type { ParseBudget } from "../../src/parse/budget.js";
import { createProbeBudget } from "../helpers/probe-budget.js";
import { createTestApp, type ProbotLog } from "../helpers/app.js";
import { github, mockBotIdentity, mockConfig, mockNoConfig, OWNER, recorder, REPO, sentRequests, TOKEN_REQUEST, writes } from "../helpers/github.js";
import { delivery, payload } from "../fixtures/payloads.js";
import * as hacks from "../helpers/hacks.js";
import { LEAD, path, phaseComment } from "../helpers/phases.js";

const STATED = "## Why\nDrafts vanish when the page reloads.\n\n## Who\nSupport agents answering long tickets.";
// Text that stands for a body some parser cannot finish: the budget below runs a never-ending task for it.
const HOSTILE = "this body never finishes parsing";

// Long enough that an ordinary parse never misses it on a loaded CI machine; the hostile text always does.
const pool = createProbeBudget({ deadlineMs: 1_500 });
afterAll(() => pool.close());

/** The real pool, except that any parse of the hostile text runs the never-ending probe instead. */
const budget: ParseBudget = {
  run: (name, args, log) => (JSON.stringify(args).includes(HOSTILE) ? (pool.probe("spin", [JSON.stringify(args)], log) as unknown as ReturnType<typeof pool.run<typeof name>>) : pool.run(name, args, log)),
  close: () => pool.close(),
};

interface LogEntry {
  level: string;
  msg?: string;
  [field: string]: unknown;
}

/** Just enough of a pino logger for Probot: children carry their bindings (the delivery id) into each entry. */
function recordingLogger(entries: LogEntry[], bindings: Record<string, unknown> = {}): ProbotLog {
  const at = (level: string) => (fields: unknown, msg?: string) => {
    entries.push({ level, ...bindings, ...(typeof fields === "object" && fields !== null ? fields : { msg: fields }), ...(msg === undefined ? {} : { msg }) });
  };
  const log = { level: "trace", child: (more: Record<string, unknown>) => recordingLogger(entries, { ...bindings, ...more }) };
  return Object.assign(log, { trace: at("trace"), debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error"), fatal: at("fatal") }) as unknown as ProbotLog;
}

interface CheckBody {
  name: string;
  conclusion: string;
  output: { title: string; summary: string };
}

// A stopped worker is replaced before the next parse; under tsx and a busy machine that can take seconds.
describe("a body that cannot be read within the budget", { timeout: 30_000 }, () => {
  it("gets a intent check saying so (neutral when advising), is logged with its delivery id, and the next event is judged as usual", async () => {
    const entries: LogEntry[] = [];
    const probot = createTestApp(["intent"], { parse: budget, log: recordingLogger(entries) });
    const check = recorder<CheckBody>();
    const scope = github();
    mockNoConfig(scope);
    scope.get(`/repos/${OWNER}/${REPO}/contents`).reply(404);
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});

    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: { body: HOSTILE } }), "hostile-delivery"));

    expect(check.bodies.map(({ name, conclusion, output }) => ({ name, conclusion, output }))).toEqual([
      {
        name: "Product intent",
        conclusion: "neutral",
        output: {
          title: "The pull request could not be read within the limit",
          summary: "This pull request could not be read within the limit: reading it took longer than 1.5 s. Shorten or simplify it, and the next edit is read again.",
        },
      },
    ]);
    // The body and the title with the body are read in parallel: each parse that ran out is logged.
    const warned = entries.filter((e) => e.level === "warn" && e.msg === "parse exceeded its budget");
    expect(warned.length).toBeGreaterThan(0);
    for (const entry of warned) {
      expect(entry).toMatchObject({ id: "hostile-delivery", task: "spin", deadlineMs: 1_500, reason: "deadline" });
      expect(entry["inputChars"]).toBeGreaterThan(HOSTILE.length);
    }
    expect(JSON.stringify(warned)).not.toContain(HOSTILE);

    const next = recorder<CheckBody>();
    // The same app: its installation token is cached.
    const again = nock("https://api.github.com");
    mockNoConfig(again);
    again.post(`/repos/${OWNER}/${REPO}/check-runs`, next.match).reply(201, {});
    await probot.receive(delivery("pull_request.edited", payload("pull_request.edited", { pull_request: { body: STATED } })));
    expect(next.bodies.map((b) => b.conclusion)).toEqual(["success"]);
  });

  it("fails the intent check in enforce mode, so an unreadable description is no way past a required check", async () => {
    const probot = createTestApp(["intent"], { parse: budget });
    const check = recorder<CheckBody>();
    const scope = github();
    mockConfig(scope, "mode: enforce\n");
    scope.get(`/repos/${OWNER}/${REPO}/contents`).reply(404);
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});

    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: { body: HOSTILE } })));

    expect(check.bodies.map((b) => [b.conclusion, b.output.title])).toEqual([["failure", "The pull request could not be read within the limit"]]);
  });

  it("leaves an issue's label alone and says so in the app's one intent comment", async () => {
    const probot = createTestApp(["intent"], { parse: budget });
    const comment = recorder<{ body: string }>();
    const scope = github();
    const sent = sentRequests(scope);
    mockNoConfig(scope);
    scope.get(`/repos/${OWNER}/${REPO}/contents`).reply(404);
    mockBotIdentity(scope);
    scope.get(`/repos/${OWNER}/${REPO}/issues/1/comments`).query(true).reply(200, []);
    scope.post(`/repos/${OWNER}/${REPO}/issues/1/comments`, comment.match).reply(201, { id: 1 });

    await probot.receive(delivery("issues.opened", payload("issues.opened", { issue: { body: HOSTILE, labels: [] } })));

    // The comment is the only write: no label is added or removed.
    expect(writes(sent)).toEqual([`POST /repos/${OWNER}/${REPO}/issues/1/comments`]);
    expect(comment.bodies).toHaveLength(1);
    expect(comment.bodies[0]?.body).toContain("This body could not be read within the limit: reading it took longer than 1.5 s.");
  });

  it("a comment whose commands cannot be read gets 😕 and nothing else", async () => {
    const probot = createTestApp(["phases"], { parse: budget });
    const reaction = recorder<{ content: string }>();
    const scope = github();
    const sent = sentRequests(scope);
    scope.post(path.reactions, reaction.match).reply(201, {});

    await probot.receive(phaseComment(`/phase list\n${HOSTILE}`, { login: LEAD }));

    expect(reaction.bodies).toEqual([{ content: "confused" }]);
    // Not even the config or the issue is read: the reaction is the only call.
    expect(sent).toEqual([TOKEN_REQUEST, `POST ${path.reactions}`]);
  });

  it("gets a hack check (neutral when advising) when the description cannot be read for its declaration", async () => {
    const probot = createTestApp(["hacks"], { parse: budget });
    const check = recorder<CheckBody>();
    const scope = github();
    mockNoConfig(scope);
    scope.post(`/repos/${OWNER}/${REPO}/check-runs`, check.match).reply(201, {});

    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: { body: `## Hack\n${HOSTILE}` } })));

    expect(check.bodies.map(({ name, conclusion, output }) => ({ name, conclusion, title: output.title }))).toEqual([
      { name: "Hack debt", conclusion: "neutral", title: "The pull request could not be read within the limit" },
    ]);
  });

  it("a labelled hack whose description cannot be read gets the check and nothing else (no comment, no debt issue)", async () => {
    const probot = createTestApp(["hacks"], { parse: budget });
    const check = recorder<CheckBody>();
    const scope = github();
    mockNoConfig(scope);
    mockBotIdentity(scope); // a label event from the app itself would be its own echo
    const labelled = { labels: [{ name: "hack" }], body: `## Hack\n${HOSTILE}` };
    // A label event reads the PR again: the label may have come and gone since.
    scope.get(hacks.path.pr).reply(200, hacks.prData(labelled));
    scope.get(hacks.path.comments(hacks.PR)).query(true).reply(200, []);
    scope.post(hacks.path.checks, check.match).reply(201, {});

    const sent = sentRequests(scope);
    await probot.receive(delivery("pull_request.labeled", payload("pull_request.labeled", { label: { name: "hack" }, pull_request: labelled })));

    expect(check.bodies.map((b) => [b.name, b.conclusion, b.output.title])).toEqual([["Hack debt", "neutral", "The pull request could not be read within the limit"]]);
    expect(writes(sent)).toEqual([`POST ${hacks.path.checks}`]);
  });
});
