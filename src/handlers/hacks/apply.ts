import type { HackAction } from "../../core/hacks/plan.js";
import { DEBT_TOPIC, HACK_TOPIC } from "../../core/hacks/render.js";
import { publishCheck } from "../../github/checks.js";
import { upsertStickyComment, type Found } from "../../github/comments.js";
import { addLabel } from "../../github/labels.js";
import type { Services } from "../../github/services.js";
import type { GitHub, RepoRef } from "../../github/types.js";

/**
 * Executes a hack plan in order; the plan already left out every write that
 * would change nothing. `hackComment` is the PR's hack comment as read under
 * the hack lock, which every write of it holds.
 */
export async function applyHackPlan(octokit: GitHub, services: Services, repo: RepoRef, prNumber: number, actions: readonly HackAction[], hackComment: Found): Promise<void> {
  for (const action of actions) {
    switch (action.type) {
      case "pr-comment":
        await upsertStickyComment(octokit, services, { ...repo, issue_number: prNumber }, HACK_TOPIC, action.body, hackComment);
        break;
      case "add-label":
        // The plan only asks for labels the issue lacks.
        await addLabel(octokit, services, issueRef(action.issue), [], action.label);
        break;
      case "update-debt-body":
        await octokit.rest.issues.update({ ...issueRef(action.issue), body: action.body });
        break;
      case "debt-comment":
        await upsertStickyComment(octokit, services, issueRef(action.issue), DEBT_TOPIC, action.body);
        break;
      case "close-debt":
        await octokit.rest.issues.update({ ...issueRef(action.issue), state: "closed", state_reason: "not_planned" });
        break;
      case "reopen-debt":
        await octokit.rest.issues.update({ ...issueRef(action.issue), state: "open" });
        break;
      case "check":
        await publishCheck(octokit, repo, action.headSha, action.result);
        break;
      default: {
        const unknown: never = action;
        throw new Error(`unknown hack action ${JSON.stringify(unknown)}`);
      }
    }
  }
}

function issueRef(ref: { owner: string; repo: string; number: number }) {
  return { owner: ref.owner, repo: ref.repo, issue_number: ref.number };
}
