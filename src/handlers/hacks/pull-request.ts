import type { Context } from "probot";
import type { Config } from "../../config/schema.js";
import type { Trigger } from "../../core/hacks/plan.js";
import { HACK_CHECK } from "../../core/hacks/render.js";
import { configErrorCheck } from "../../core/intent/render.js";
import { enabledConfig } from "../config-gate.js";
import { publishCheck } from "../../github/checks.js";
import type { FeatureContext } from "../../github/context.js";
import { hasLabel } from "../../github/labels.js";
import type { Services } from "../../github/services.js";
import { unreadableCheck } from "../../parse/unreadable.js";
import { pullRequestFacts, readPullRequestText } from "./gather.js";
import { reconcileHack } from "./reconcile.js";

type PullRequestContext = Context<
  | "pull_request.opened"
  | "pull_request.edited"
  | "pull_request.reopened"
  | "pull_request.synchronize"
  | "pull_request.labeled"
  | "pull_request.unlabeled"
  | "pull_request.closed"
>;

// Events that change what the check says; for the others the head commit already has it.
const CHECKED_ACTIONS = new Set(["opened", "edited", "reopened", "synchronize"]);

/** pull_request opened, edited, reopened, synchronize, labeled, unlabeled, closed. */
export async function onPullRequestHack(context: PullRequestContext, services: Services): Promise<void> {
  const { payload } = context;
  const pr = payload.pull_request;
  const config = await enabledConfig(context, services, "hacks", {
    invalid: async (problems) => {
      if (pr.state === "open" && CHECKED_ACTIONS.has(payload.action)) await publishCheck(context.octokit, context.repo(), pr.head.sha, configErrorCheck(HACK_CHECK, problems));
    },
  });
  if (!config) return;
  const rules = config.hacks;
  const trigger = await triggerOf(context, rules, services);
  if (!trigger) return;
  const ctx: FeatureContext = { octokit: context.octokit, services, log: context.log, config, repo: context.repo() };
  const facts = pullRequestFacts(pr);
  // A PR nobody declared a hack needs no reads at all; the label stays on every PR the app treats as a hack.
  if (hasLabel(facts.labels, rules.label)) {
    await reconcileHack(ctx, { number: pr.number, payload: { pr: facts } }, trigger);
    return;
  }
  const text = await readPullRequestText(ctx, facts);
  if (!text.ok) {
    if (pr.state === "open" && CHECKED_ACTIONS.has(payload.action)) {
      await publishCheck(context.octokit, ctx.repo, pr.head.sha, unreadableCheck(HACK_CHECK, "pull request", text.reason, config.mode));
    }
    return;
  }
  if (text.value.ways.length === 0 && trigger.kind !== "unlabeled") return;
  await reconcileHack(ctx, { number: pr.number, payload: { pr: facts, text: text.value } }, trigger);
}

async function triggerOf(context: PullRequestContext, rules: Config["hacks"], services: Services): Promise<Trigger | undefined> {
  const { payload } = context;
  switch (payload.action) {
    case "labeled":
    case "unlabeled": {
      if (payload.label?.name.toLowerCase() !== rules.label.toLowerCase()) return undefined;
      // The app's own labelling is the echo of a run that already did the work.
      if (payload.sender.type === "Bot" && payload.sender.login === (await services.botLogin())) return undefined;
      return { kind: payload.action };
    }
    case "edited":
      return { kind: "edited", bodyChanged: payload.changes.body !== undefined };
    default:
      return { kind: payload.action };
  }
}
