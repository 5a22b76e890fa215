import { readFileSync } from "node:fs";
import Bottleneck from "bottleneck";
import { Probot, type ProbotOctokit } from "probot";
import { IntentbotOctokit } from "../github/octokit.js";
import { features, intentbotWith, type Feature } from "../index.js";
import { createParseBudget } from "../parse/budget.js";
import { catchUp } from "./catch-up.js";

/**
 * The account the workflow token writes as, whose comments and issues the app
 * trusts as its own. An app learns its bot from `GET /app`, which only an app's
 * JWT may call; in a workflow it is known in advance.
 */
const ACTIONS_BOT = "github-actions[bot]";

/** The workflow events the app handles, by the name the workflow gives them. */
const EVENT_NAMES: Record<string, string> = {
  issues: "issues",
  issue_comment: "issue_comment",
  pull_request: "pull_request",
  // Runs with the base repository's token on PRs from forks; its payload is a pull_request event's.
  pull_request_target: "pull_request",
  pull_request_review: "pull_request_review",
};

export interface ActionOptions {
  /** The Octokit class (tests turn retries and throttling off); the app's own by default. */
  Octokit?: typeof ProbotOctokit;
  logLevel?: "trace" | "debug" | "info" | "warn" | "error" | "fatal";
  /** Where the `::error::` workflow commands go. */
  stdout?: (line: string) => void;
}

/** An input of action.yml as the runner passes it to a JavaScript action: `INPUT_` and the name upper-cased, spaces as underscores. */
function input(env: Readonly<Record<string, string | undefined>>, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

/** The features named in the `features` input (comma-separated); every feature when empty. */
function featuresOf(list: string | undefined): Feature[] | string {
  const names = (list ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  if (names.length === 0) return Object.keys(features) as Feature[];
  const unknown = names.filter((name) => !(name in features));
  return unknown.length > 0 ? `unknown feature ${unknown.join(", ")} (known: ${Object.keys(features).join(", ")})` : (names as Feature[]);
}

/**
 * The app spaces writes a second apart (three for those that notify), which
 * spreads a server's many events over time; a run writes a handful of times
 * and then exits, so the spacing would only make each run seconds slower.
 * Its writes still go one at a time, in order, and a secondary rate limit is
 * still waited out and retried (`onLimit`).
 */
function unpacedWrites(Octokit: typeof IntentbotOctokit): typeof IntentbotOctokit {
  const oneAtATime = () => new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 });
  const write = oneAtATime();
  const notifications = oneAtATime();
  return Octokit.defaults((options: { throttle?: Record<string, unknown> }) => ({ ...options, throttle: { ...options.throttle, write, notifications } }));
}

// Workflow commands end at a newline; `%`, CR and LF are escaped as the runner expects.
const escapeCommand = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

/**
 * Runs the app once on the workflow's event (GITHUB_EVENT_NAME, the payload at
 * GITHUB_EVENT_PATH) with the `github-token` input, then catches up on the
 * issue or PR the event is about (`catchUp`), and resolves to the step's exit
 * code: 0 handled or not an event the app handles, 1 a handler failed, 2 the
 * step is misconfigured.
 */
export async function runAction(env: Readonly<Record<string, string | undefined>>, options: ActionOptions = {}): Promise<number> {
  const out = options.stdout ?? ((line: string) => process.stdout.write(`${line}\n`));
  const fail = (code: number, message: string) => {
    out(`::error title=intentbot::${escapeCommand(message)}`);
    return code;
  };
  const token = input(env, "github-token");
  if (!token) return fail(2, "no token: pass `github-token` (default: the workflow's GITHUB_TOKEN)");
  const eventName = EVENT_NAMES[env.GITHUB_EVENT_NAME ?? ""];
  if (!eventName) {
    out(`intentbot: nothing to do on a ${env.GITHUB_EVENT_NAME ?? "(unnamed)"} event; it handles ${Object.keys(EVENT_NAMES).join(", ")}`);
    return 0;
  }
  // Hidden records outlive the run, so their key must too: a secret of the repository, not the run's token.
  const recordSecret = input(env, "record-secret");
  if (!recordSecret) return fail(2, "no record secret: pass `record-secret` (a repository secret, e.g. ${{ secrets.INTENTBOT_SECRET }}); it authenticates the app's hidden records");
  const names = featuresOf(input(env, "features"));
  if (typeof names === "string") return fail(2, names);
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? "", "utf8"));
  } catch (error) {
    return fail(2, `cannot read the event payload at GITHUB_EVENT_PATH (${env.GITHUB_EVENT_PATH ?? "unset"}): ${(error as Error).message}`);
  }

  const Octokit = options.Octokit ?? unpacedWrites(IntentbotOctokit);
  const parse = createParseBudget();
  // With a token, Probot hands every event the same client, and the app hooks an event's
  // client for that event (its records, its shared reads): one app, and one client, per event.
  const app = async () => {
    const probot = new Probot({ githubToken: token, Octokit, baseUrl: env.GITHUB_API_URL, logLevel: options.logLevel ?? "info" });
    // In memory whatever REDIS_URL says: a run handles its events one after another.
    await probot.load(intentbotWith(names, { redisUrl: "", reconcileMinutes: 0, recordSecret, parse, botLogin: ACTIONS_BOT }));
    return probot;
  };
  const receive: Probot["receive"] = async (event) => (await app()).receive(event);
  // The run's id and attempt name the delivery, as a webhook's delivery id would.
  const deliveryId = `${env.GITHUB_RUN_ID ?? "local"}-${env.GITHUB_RUN_ATTEMPT ?? "1"}`;
  const failures: unknown[] = [];
  const attempt = (work: () => Promise<void>) => work().catch((error: unknown) => failures.push(...(error instanceof AggregateError ? error.errors : [error])));
  await attempt(() => receive({ id: deliveryId, name: eventName, payload } as never));
  // Even after a failure: what a cancelled run left undone does not wait for a green run.
  await attempt(async () => catchUp(receive, await (await app()).auth(), eventName, payload as never, { deliveryId, botLogin: ACTIONS_BOT }));
  for (const each of failures) out(`::error title=intentbot::${escapeCommand(each instanceof Error ? each.message : String(each))}`);
  return failures.length > 0 ? 1 : 0;
}
