import type { Context } from "probot";
import { configErrorCheck } from "../../core/intent/render.js";
import { SIGNOFF_CHECK, SIGNOFF_USAGE, signoffReplies } from "../../core/signoff/render.js";
import { publishCheck } from "../../github/checks.js";
import { reactToComment, replyToCommand } from "../../github/comments.js";
import { enabledConfig } from "../config-gate.js";
import type { Services } from "../../github/services.js";
import { isTeamMember } from "../../github/teams.js";
import { repoOf } from "../../github/types.js";
import { unreadableLine } from "../../parse/unreadable.js";
import { firstCommand, markUnreadable } from "../commands.js";
import { evaluateSignoff, type SignoffPullRequest } from "./evaluate.js";

/** pull_request opened/synchronize/reopened/ready_for_review/edited, pull_request_review submitted/dismissed. */
export async function onSignoffPullRequest(context: Context<"pull_request" | "pull_request_review">, services: Services): Promise<void> {
  // Both events carry the pull request; reading it through one shape keeps the types simple.
  const payload = context.payload as { pull_request: SignoffPullRequest & { draft?: boolean; state: string }; repository: { name: string; owner: { login: string } } };
  const pr = payload.pull_request;
  if (pr.draft || pr.state !== "open") return;
  const repo = repoOf(payload);
  const config = await enabledConfig(context, services, "signoff", {
    invalid: (problems) => publishCheck(context.octokit, repo, pr.head.sha, configErrorCheck(SIGNOFF_CHECK, problems)),
  });
  if (!config) return;
  await evaluateSignoff(context.octokit, services, config, repo, pr, context.log);
}

/** `/signoff @org/team [note]` on a pull request, by a member of that team. */
export async function onSignoffCommand(context: Context<"issue_comment.created">, services: Services): Promise<void> {
  const { issue, comment } = context.payload;
  if (!issue.pull_request || comment.user?.type === "Bot") return;
  const ref = context.issue();
  const command = await firstCommand(services, context.log, comment.body, "signoff");
  if (command === "unreadable") return markUnreadable(context.octokit, ref, comment.id);
  if (!command) return;
  const config = await enabledConfig(context, services, "signoff", { invalid: (problems) => replyToCommand(context.octokit, services, ref, comment.id, problems) });
  if (!config) return;

  const args = await services.parse.run("parseSignoffArgs", [command.args], context.log);
  if (!args.ok || !args.value) {
    const problem = args.ok ? signoffReplies.missingTeam : unreadableLine("comment", args.reason);
    await replyToCommand(context.octokit, services, ref, comment.id, `${problem}\n\n${SIGNOFF_USAGE}`);
    await reactToComment(context.octokit, ref, comment.id, "confused");
    return;
  }
  const { team, note } = args.value;
  const user = comment.user?.login ?? "";
  if (!(await isTeamMember(context.octokit, services, team, user))) {
    await replyToCommand(context.octokit, services, ref, comment.id, signoffReplies.notMember(team));
    await reactToComment(context.octokit, ref, comment.id, "confused");
    return;
  }

  const { data: pr } = await context.octokit.rest.pulls.get({ ...context.repo(), pull_number: issue.number });
  const signoff = { team, user, at: comment.created_at, sha: pr.head.sha, via: "command" as const, note };
  const verdict = await evaluateSignoff(context.octokit, services, config, context.repo(), pr, context.log, signoff);
  if (!verdict.needed || !verdict.teams.some((t) => t.team === team)) {
    await replyToCommand(context.octokit, services, ref, comment.id, signoffReplies.nothingToSignOff(team, verdict.needed));
    await reactToComment(context.octokit, ref, comment.id, "confused");
    return;
  }
  await reactToComment(context.octokit, ref, comment.id, "+1");
}
