import { hasTopicMarker } from "../core/markers.js";
import type { LabelSpec } from "../core/labels.js";
import { createBotIssue, findBotIssue, type BotIssue } from "./bot-issues.js";
import type { Services } from "./services.js";
import type { GitHub, Log, RepoRef } from "./types.js";

/** The app's dashboard issue (or roll-up): found by its hidden topic marker, never by title. */
export function findDashboardIssue(octokit: GitHub, services: Services, repo: RepoRef, label: string, topic: string): Promise<BotIssue | undefined> {
  return findBotIssue(octokit, services, repo, { label, recognise: (body) => hasTopicMarker(body, topic) });
}

/** Creates the dashboard issue and pins it. */
export async function createDashboardIssue(
  octokit: GitHub,
  services: Services,
  repo: RepoRef,
  title: string,
  body: string,
  label: LabelSpec,
  log: Log,
): Promise<number> {
  const issue = await createBotIssue(octokit, services, repo, { title, body, labels: [label] });
  try {
    // Pinning has no REST endpoint; it fails when three issues are pinned already, which is fine.
    await octokit.graphql("mutation($id: ID!) { pinIssue(input: { issueId: $id }) { issue { number } } }", { id: issue.nodeId });
  } catch (error) {
    log.info({ err: error, issue: issue.number }, "could not pin the dashboard issue");
  }
  return issue.number;
}
