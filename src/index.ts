import type { Probot } from "probot";
import { createServices } from "./github/services.js";
import { guard } from "./handlers/guard.js";
import { onIssueIntent } from "./handlers/intent/issue.js";
import { onPullRequestIntent } from "./handlers/intent/pull-request.js";
import { onPhaseCommand } from "./handlers/phases/command.js";
import { onPhaseIssueState } from "./handlers/phases/issue-state.js";

/** Wiring only: each feature's handlers live in `src/handlers/`. */
export default function intentbot(app: Probot): void {
  const services = createServices(app);

  app.on(["issues.opened", "issues.edited", "issues.reopened"], guard("intent:issue", services, onIssueIntent));
  app.on(
    ["pull_request.opened", "pull_request.edited", "pull_request.reopened", "pull_request.ready_for_review", "pull_request.synchronize"],
    guard("intent:pull_request", services, onPullRequestIntent),
  );
  app.on(["issue_comment.created", "issue_comment.edited"], guard("phases:command", services, onPhaseCommand));
  app.on(["issues.closed", "issues.reopened"], guard("phases:issue_state", services, onPhaseIssueState));
}
