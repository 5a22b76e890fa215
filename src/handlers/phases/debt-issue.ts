import type { Config } from "../../config/schema.js";
import { debtLabel } from "../../core/hacks/plan.js";
import { phaseDebtIssue, type PhaseDebtInput } from "../../core/phases/debt.js";
import { createBotIssue } from "../../github/bot-issues.js";
import type { Services } from "../../github/services.js";
import type { GitHub, RepoRef } from "../../github/types.js";

/** Creates a hack phase's rebuild-debt issue (rendered by `core/phases/debt.ts`) and returns its number. */
export async function createPhaseDebtIssue(octokit: GitHub, services: Services, repo: RepoRef, rules: Config["hacks"], input: PhaseDebtInput): Promise<number> {
  const { title, body } = phaseDebtIssue(input);
  // Its owner (who ran the command) is assigned, as a hack pull request's author is on its debt issue.
  const created = await createBotIssue(octokit, services, repo, { title, body, labels: [debtLabel(rules)], assignees: [input.owner] });
  return created.number;
}
