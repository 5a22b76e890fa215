import type { Signoff, SignoffVerdict } from "../../core/signoff/decide.js";
import { planSignoff } from "../../core/signoff/plan.js";
import type { FeatureContext } from "../../github/context.js";
import { execute } from "../../github/execute.js";
import { lockKey } from "../../github/locks.js";
import { gatherSignoff, type SignoffPullRequest } from "./gather.js";

/**
 * Gathers the touched teams and their sign-offs, plans in core, and carries
 * out the plan (the check, the sticky comment, review requests). Serialised
 * per pull request, so two `/signoff` commands at once both end up in the
 * comment, and the comment read is still the one written.
 */
export async function evaluateSignoff(ctx: FeatureContext, pr: SignoffPullRequest, newSignoff?: Signoff): Promise<SignoffVerdict> {
  return ctx.services.locks.run(lockKey("signoff", ctx.repo, pr.number), async () => {
    const gathered = await gatherSignoff(ctx, pr, newSignoff);
    const { verdict, actions } = planSignoff(gathered, ctx.config);
    if (verdict.needed) ctx.log.info({ pr: pr.number, teams: verdict.teams.map((t) => [t.team, t.status]) }, "sign-off decided");
    await execute(ctx, actions);
    return verdict;
  });
}
