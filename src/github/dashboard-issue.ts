import { hasTopicMarker } from "../core/markers.js";
import { findBotIssue, type BotIssue, type CreatedIssue } from "./bot-issues.js";
import type { GitHubContext } from "./context.js";
import type { RepoRef } from "./types.js";

/** The app's dashboard issue (or roll-up): found by its hidden topic marker, never by title. */
export function findDashboardIssue(ctx: GitHubContext, repo: RepoRef, { label, topic }: { label: string; topic: string }): Promise<BotIssue | undefined> {
  return findBotIssue(ctx, repo, { label, recognise: (body) => hasTopicMarker(body, topic) });
}

/**
 * Pins a dashboard the app has just created. A step of its own after the
 * create, outside the plan's actions: pinning takes the GraphQL id only the
 * create returns, and has no REST endpoint. It fails when three issues are
 * pinned already, which is fine.
 */
export async function pinDashboard({ octokit, log }: GitHubContext, issue: CreatedIssue): Promise<void> {
  try {
    await octokit.graphql("mutation($id: ID!) { pinIssue(input: { issueId: $id }) { issue { number } } }", { id: issue.nodeId });
  } catch (error) {
    log.info({ err: error, issue: issue.number }, "could not pin the dashboard issue");
  }
}
