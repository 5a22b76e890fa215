import { hasTopicMarker } from "../core/markers.js";
import type { LabelSpec } from "../core/labels.js";
import { ensureLabel } from "./labels.js";
import type { Services } from "./services.js";
import type { GitHub, Log, RepoRef } from "./types.js";

export interface DashboardIssue {
  number: number;
  nodeId: string;
  state: "open" | "closed";
  body: string;
}

/**
 * The app's dashboard issue: found by its hidden marker in an issue the
 * app's own bot account opened, never by title. Listed through the issues
 * API (consistent, unlike search) filtered by label and creator.
 */
export async function findDashboardIssue(octokit: GitHub, services: Services, repo: RepoRef, label: string, topic: string): Promise<DashboardIssue | undefined> {
  const bot = await services.botLogin();
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, labels: label, creator: bot, state: "all", per_page: 100 });
  const found = issues
    .filter((issue) => issue.user?.login === bot && !issue.pull_request && hasTopicMarker(issue.body, topic))
    .sort((a, b) => a.number - b.number)[0];
  return found && { number: found.number, nodeId: found.node_id, state: found.state === "closed" ? "closed" : "open", body: found.body ?? "" };
}

/** The issue's body as it is now: read just before writing, so boxes ticked meanwhile are seen. */
export async function readIssueBody(octokit: GitHub, repo: RepoRef, number: number): Promise<string> {
  const { data } = await octokit.rest.issues.get({ ...repo, issue_number: number });
  return data.body ?? "";
}

export async function createDashboardIssue(
  octokit: GitHub,
  services: Services,
  repo: RepoRef,
  title: string,
  body: string,
  label: LabelSpec,
  log: Log,
): Promise<number> {
  await ensureLabel(octokit, services, repo, label);
  const { data } = await octokit.rest.issues.create({ ...repo, title, body, labels: [label.name] });
  try {
    // Pinning has no REST endpoint; it fails when three issues are pinned already, which is fine.
    await octokit.graphql("mutation($id: ID!) { pinIssue(input: { issueId: $id }) { issue { number } } }", { id: data.node_id });
  } catch (error) {
    log.info({ err: error, issue: data.number }, "could not pin the dashboard issue");
  }
  return data.number;
}
