import type { Probot } from "probot";
import { createServices } from "./github/services.js";
import { guard } from "./handlers/guard.js";
import { onHackCommand } from "./handlers/hacks/command.js";
import { onDebtIssueState } from "./handlers/hacks/debt-issue.js";
import { onPullRequestHack } from "./handlers/hacks/pull-request.js";
import { onIssueIntent } from "./handlers/intent/issue.js";
import { onPullRequestIntent } from "./handlers/intent/pull-request.js";

/** Wiring only: each feature's handlers live in `src/handlers/`. */
export default function intentbot(app: Probot): void {
  const services = createServices(app);

  app.on(["issues.opened", "issues.edited", "issues.reopened"], guard("intent:issue", services, onIssueIntent));
  app.on(
    ["pull_request.opened", "pull_request.edited", "pull_request.reopened", "pull_request.ready_for_review", "pull_request.synchronize"],
    guard("intent:pull_request", services, onPullRequestIntent),
  );
  app.on(
    ["pull_request.opened", "pull_request.edited", "pull_request.reopened", "pull_request.synchronize", "pull_request.labeled", "pull_request.unlabeled", "pull_request.closed"],
    guard("hacks:pull_request", services, onPullRequestHack),
  );
  app.on(["issue_comment.created", "issue_comment.edited"], guard("hacks:command", services, onHackCommand));
  app.on(["issues.closed", "issues.reopened"], guard("hacks:debt_issue", services, onDebtIssueState));
}
