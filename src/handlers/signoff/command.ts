import { done, refused } from "../../core/command-answers.js";
import { signoffReplies } from "../../core/signoff/render.js";
import { opened } from "../../github/records.js";
import { teamMembership } from "../../github/teams.js";
import { unreadableLine } from "../../parse/unreadable.js";
import type { CommandHandler } from "../command-dispatch.js";
import { evaluateSignoff } from "./evaluate.js";

/**
 * `/signoff @org/team [note]` on a pull request. It needs no repository
 * permission: only an active member of the team can sign off for it. Done
 * shows as 🚀 and in the sign-off comment's table.
 */
export const signoffCommand: CommandHandler = {
  name: "signoff",
  section: "signoff",
  place: "pull request",
  async run({ context, services, config, command, thread, actor, comment, edited }) {
    const { octokit, log } = context;
    const args = await services.parse.run("parseSignoffArgs", [command.args], log);
    if (!args.ok) return refused(signoffReplies.withUsage(unreadableLine("comment", args.reason)));
    if (!args.value) return refused(signoffReplies.withUsage(signoffReplies.missingTeam));
    const { team, note } = args.value;
    const membership = await teamMembership(octokit, services, team, actor);
    if (membership === "unreadable") return refused(signoffReplies.membershipUnreadable(team));
    if (membership !== "member") return refused(signoffReplies.notMember(team));

    const repo = context.repo();
    const pr = opened({ services, log }, repo, await services.facts.pullRequest(repo, thread.issue_number));
    // An edited command signs off when it was written, as a new one does.
    const signoff = { team, user: actor, at: edited ? comment.updated_at : comment.created_at, sha: pr.head.sha, via: "command" as const, note };
    const verdict = await evaluateSignoff({ octokit, services, log, repo, config }, pr, signoff);
    if (!verdict.needed || !verdict.teams.some((t) => t.team === team)) return refused(signoffReplies.nothingToSignOff(team, verdict.needed));
    return done();
  },
};
