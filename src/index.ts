import type { Probot } from "probot";
import { createServices, type ServiceOptions, type Services } from "./github/services.js";
import { onDashboardCommand, onDashboardEvent } from "./handlers/dashboard/events.js";
import { guard } from "./handlers/guard.js";
import { onHackCommand } from "./handlers/hacks/command.js";
import { onDebtIssueState } from "./handlers/hacks/debt-issue.js";
import { onPullRequestHack } from "./handlers/hacks/pull-request.js";
import { onIssueIntent } from "./handlers/intent/issue.js";
import { onPullRequestIntent } from "./handlers/intent/pull-request.js";
import { onPhaseCommand } from "./handlers/phases/command.js";
import { onPhaseIssueState } from "./handlers/phases/issue-state.js";
import { onSignoffCommand, onSignoffPullRequest } from "./handlers/signoff/events.js";

const PULL_REQUEST_CHANGED = [
  "pull_request.opened",
  "pull_request.edited",
  "pull_request.reopened",
  "pull_request.ready_for_review",
  "pull_request.synchronize",
] as const;

/** Each feature wires its events to its handlers; nothing else happens here. */
export const features = {
  intent(app: Probot, services: Services): void {
    app.on(["issues.opened", "issues.edited", "issues.reopened"], guard("intent:issue", services, onIssueIntent));
    app.on([...PULL_REQUEST_CHANGED], guard("intent:pull_request", services, onPullRequestIntent));
  },
  signoff(app: Probot, services: Services): void {
    app.on([...PULL_REQUEST_CHANGED, "pull_request_review.submitted", "pull_request_review.dismissed"], guard("signoff:pull_request", services, onSignoffPullRequest));
    app.on("issue_comment.created", guard("signoff:command", services, onSignoffCommand));
  },
  hacks(app: Probot, services: Services): void {
    app.on(
      ["pull_request.opened", "pull_request.edited", "pull_request.reopened", "pull_request.synchronize", "pull_request.labeled", "pull_request.unlabeled", "pull_request.closed"],
      guard("hacks:pull_request", services, onPullRequestHack),
    );
    app.on(["issue_comment.created", "issue_comment.edited"], guard("hacks:command", services, onHackCommand));
    app.on(["issues.closed", "issues.reopened"], guard("hacks:debt_issue", services, onDebtIssueState));
  },
  dashboard(app: Probot, services: Services): void {
    app.on(
      ["pull_request.closed", "pull_request.labeled", "pull_request.unlabeled", "pull_request.reopened"],
      guard("dashboard:pull_request", services, onDashboardEvent),
    );
    app.on(
      ["issues.opened", "issues.edited", "issues.closed", "issues.reopened", "issues.labeled", "issues.unlabeled", "issues.deleted", "issues.transferred"],
      guard("dashboard:issue", services, onDashboardEvent),
    );
    app.on("issue_comment.created", guard("dashboard:command", services, onDashboardCommand));
  },
  phases(app: Probot, services: Services): void {
    app.on(["issue_comment.created", "issue_comment.edited"], guard("phases:command", services, onPhaseCommand));
    app.on(["issues.closed", "issues.reopened"], guard("phases:issue_state", services, onPhaseIssueState));
  },
};

export type Feature = keyof typeof features;

export function intentbotWith(names: readonly Feature[], options: ServiceOptions = {}) {
  return (app: Probot): void => {
    const services = createServices(app, options);
    for (const name of names) features[name](app, services);
  };
}

/** The Probot app: every feature. */
export default intentbotWith(Object.keys(features) as Feature[]);
