import { phaseIssueMarker } from "../../src/core/phases/child.js";
import { renderPhasesSection } from "../../src/core/phases/render.js";
import { replacePhasesSection } from "../../src/core/phases/section.js";
import type { PhaseState } from "../../src/core/phases/types.js";
import { delivery, payload } from "../fixtures/payloads.js";
import { FakeGitHub } from "./fake-github.js";
import { opened, sealed } from "./records.js";
import { BOT_LOGIN, OWNER, REPO } from "./github.js";

/** The issue and comment of the `issue_comment` example payloads. */
export const PARENT = 1;
export const COMMENT_ID = 492700400;
export const COMMENT_URL = `https://github.com/Codertocat/Hello-World/issues/1#issuecomment-${COMMENT_ID}`;
export const LEAD = "lead";
export const PARENT_TITLE = "Invite people to a workspace";
export const PARENT_BODY = ["## Why", "Teams can only grow by asking support to add people.", "", "## Who", "Workspace admins at companies with more than ten people."].join("\n");
/** The parent's why and who, as each phase issue carries them. */
export const CARRIED = "## Why\nTeams can only grow by asking support to add people.\n\n## Who\nWorkspace admins at companies with more than ten people.";

const base = `/repos/${OWNER}/${REPO}`;
export const path = {
  issue: (n: number) => `${base}/issues/${n}`,
  issues: `${base}/issues`,
  subIssues: `${base}/issues/${PARENT}/sub_issues`,
  labels: `${base}/labels`,
  comments: (n: number) => `${base}/issues/${n}/comments`,
  reactions: `${base}/issues/comments/${COMMENT_ID}/reactions`,
  permission: (login: string) => `${base}/collaborators/${login}/permission`,
};

/** An `issue_comment` delivery on the parent issue, by `lead` unless told otherwise. */
export function phaseComment(body: string, options: { login?: string; type?: "User" | "Bot"; action?: "created" | "edited"; from?: string; id?: string } = {}) {
  const login = options.login ?? LEAD;
  const type = options.type ?? "User";
  const action = options.action ?? "created";
  return delivery(
    `issue_comment.${action}`,
    payload(`issue_comment.${action}`, {
      issue: { number: PARENT, title: PARENT_TITLE, body: PARENT_BODY, pull_request: undefined },
      comment: { id: COMMENT_ID, body, user: { login, type } },
      sender: { login, type },
      ...(options.from === undefined ? {} : { changes: { body: { from: options.from } } }),
    } as never),
    options.id,
  );
}

/**
 * The parent issue (#1) and its phases in the stateful fake GitHub: a run
 * reads and writes it as it would GitHub, and a test asserts the writes.
 * Issues the app creates are numbered from 11 (ids 9011…), as `World`'s are.
 */
export class PhaseRepository {
  readonly github = new FakeGitHub();

  constructor(body = PARENT_BODY) {
    this.github.firstNumber = 11;
    this.github.addIssue({ number: PARENT, title: PARENT_TITLE, body: sealed(body), user: { login: "pm", type: "User" } });
    this.github.start();
  }

  /** The parent's body as the app reads it (records opened). */
  get parentBody(): string {
    return opened(this.github.issues.get(PARENT)?.body ?? "");
  }

  set parentBody(body: string) {
    const parent = this.github.issues.get(PARENT);
    if (parent) parent.body = sealed(body);
  }

  /** Phases that an earlier run made: issues, sub-issues (unless `linked: false`), and the parent's section. */
  seed(phases: PhaseState[], options: { linked?: boolean } = {}): this {
    for (const phase of phases) {
      if (!phase.issueNumber) continue;
      this.github.addIssue({
        number: phase.issueNumber,
        title: `${PARENT_TITLE} — Phase ${phase.number}: ${phase.name}`,
        body: sealed(`Phase ${phase.number} of #${PARENT}\n\n${phaseIssueMarker(PARENT, phase.number)}`),
        state: phase.done ? "closed" : "open",
        user: { login: BOT_LOGIN, type: "Bot" },
        labels: [{ name: "phase" }],
      });
      if (options.linked !== false) this.github.parents.set(9000 + phase.issueNumber, PARENT);
    }
    const withIds = phases.map((phase) => (phase.issueNumber ? { ...phase, issueId: 9000 + phase.issueNumber } : phase));
    this.parentBody = replacePhasesSection(this.parentBody, renderPhasesSection(withIds, { commentUrl: COMMENT_URL }));
    return this;
  }

  /** The app's earlier answer to the command, as a comment on the parent. */
  addReply(body: string, id = 700): void {
    this.github.comments.push({ id, issue: PARENT, body: sealed(body), user: { login: BOT_LOGIN, type: "Bot" } });
  }

  private bodies(call: string): Record<string, unknown>[] {
    return this.github.sent.filter((s) => s.call === call).map((s) => s.body);
  }

  /** The issues the app created, as it sent them (records opened). */
  get created(): { title: string; body: string; labels: string[]; assignees?: string[] }[] {
    return this.bodies(`POST ${path.issues}`).map((b) => ({ ...(b as { title: string; labels: string[]; assignees?: string[] }), body: opened(String(b.body)) }));
  }

  /** Every body written to the parent, in order. */
  get parentWrites(): string[] {
    return this.bodies(`PATCH ${path.issue(PARENT)}`).flatMap((b) => (typeof b.body === "string" ? [opened(b.body)] : []));
  }

  /** The ids of the issues linked as sub-issues, in order. */
  get linked(): number[] {
    return this.bodies(`POST ${path.subIssues}`).map((b) => Number(b.sub_issue_id));
  }

  /** The reactions the app gave the command, in order. */
  get reactions(): string[] {
    return this.bodies(`POST ${path.reactions}`).map((b) => String(b.content));
  }

  /** The answers it posted on the parent, in order (records opened). */
  get replies(): string[] {
    return this.bodies(`POST ${path.comments(PARENT)}`).map((b) => opened(String(b.body)));
  }
}
