import { conclusion, type CheckResult } from "../checks.js";
import { escapeInlineCode, escapeTableCell, escapeTableCode } from "../sanitize.js";
import { commandSignoffsMarker } from "./state.js";
import { isOpen, type Signoff, type SignoffVerdict, type TeamStatus, type TeamVerdict } from "./decide.js";

export const SIGNOFF_CHECK = "Cross-team sign-off";

const STATUS: Record<TeamStatus, string> = {
  signed: "✅ signed off",
  author: "✅ author's team",
  unverified: "❔ membership could not be read",
  stale: "♻️ stale: files changed since",
  waiting: "⏳ waiting",
};

const TEAM_NAME = /^@[\w.-]+\/[\w.-]+$/;

// Beyond this many files a team's list is folded away.
const OPEN_FILE_LIST = 5;

function fileList(files: readonly string[], code: (text: string, maxLength: number) => string): string {
  const items = files.map((file) => code(file, 120));
  if (items.length <= OPEN_FILE_LIST) return items.join("<br>");
  return `<details><summary>${items.length} files</summary>${items.join("<br>")}</details>`;
}

function who(signoff: Signoff | undefined): string {
  if (!signoff) return "";
  const via = signoff.via === "review" ? "approving review" : "`/signoff`";
  const note = signoff.note ? `: “${escapeTableCell(signoff.note, 100)}”` : "";
  // The login is neutralised so that editing this comment never notifies anyone.
  return `${escapeTableCell(`@${signoff.user}`, 60)} (${via}, ${signoff.at.slice(0, 10)})${note}`;
}

function approvers(team: TeamVerdict): string {
  if (team.status !== "unverified") return who(team.signoff);
  const logins = (team.unverified ?? []).map((login) => escapeTableCell(`@${login}`, 60)).join(", ");
  // Said where it is seen: the fix is on the app's or the team's side, not the author's.
  return `approved by ${logins}; the app cannot see this team's members (it needs *Members: read*, and a secret team is hidden)`;
}

function row(team: TeamVerdict): string {
  return `| ${escapeTableCode(team.team)} | ${STATUS[team.status]} | ${approvers(team)} | ${fileList(team.files, escapeTableCode)} |`;
}

export function signoffCheck(verdict: SignoffVerdict, mode: "advise" | "enforce"): CheckResult {
  if (!verdict.needed) {
    return {
      name: SIGNOFF_CHECK,
      conclusion: "success",
      title: "No cross-team sign-off needed",
      summary: `This pull request touches ${verdict.teamCount} team area(s); sign-off is needed from the configured minimum upwards.`,
    };
  }
  const open = verdict.teams.filter((t) => isOpen(t.status));
  return {
    name: SIGNOFF_CHECK,
    conclusion: conclusion(mode, verdict.met),
    title: verdict.met ? `All ${verdict.teams.length} teams signed off` : `Waiting for ${open.length} of ${verdict.teams.length} teams`,
    summary: signoffTable(verdict),
  };
}

function signoffTable(verdict: Extract<SignoffVerdict, { needed: true }>): string {
  return [
    "| Team | Status | Signed by | Files |",
    "| --- | --- | --- | --- |",
    ...verdict.teams.map(row),
    ...(verdict.unowned.length > 0 ? ["", `Files no team owns: ${fileList(verdict.unowned, escapeInlineCode)}`] : []),
  ].join("\n");
}

/** The sticky sign-off comment: the table, then the command sign-offs it keeps as its sealed record. */
export function signoffComment(verdict: Extract<SignoffVerdict, { needed: true }>, commandSignoffs: readonly Signoff[]): string {
  const team = verdict.teams.find((t) => t.status !== "signed" && t.status !== "author")?.team ?? verdict.teams[0]?.team;
  // Shown in a code block to copy: only a plain team name, which cannot close the block.
  const example = team !== undefined && TEAM_NAME.test(team) ? team : "@org/team";
  return [
    `### Cross-team sign-off: ${verdict.met ? "complete" : "needed"}`,
    "",
    `This pull request changes the areas of ${verdict.teams.length} teams. Each team signs off with an approving review by one of its members, or a member comments:`,
    "",
    "```",
    `/signoff ${example} looks good for us`,
    "```",
    "",
    signoffTable(verdict),
    "",
    commandSignoffsMarker(commandSignoffs),
  ].join("\n");
}

export const SIGNOFF_USAGE = [
  "Usage: `/signoff @org/team [note]` — sign off for a team you are a member of, e.g.",
  "",
  "```",
  "/signoff @acme/payments checked the refund path",
  "```",
].join("\n");

/** The sticky comment once a pull request touches fewer team areas than need a sign-off. */
export const SIGNOFF_NO_LONGER_NEEDED = "### Cross-team sign-off: no longer needed\n\nThis pull request now touches fewer team areas than need a sign-off.";

/** Replies to `/signoff`. The team is as `parseSignoffArgs` read it (`@org/team`, no backtick), so it sits in a code span as written. */
export const signoffReplies = {
  missingTeam: "That `/signoff` is missing its team.",
  /** A refusal the usage helps with. */
  withUsage: (problem: string) => `${problem}\n\n${SIGNOFF_USAGE}`,
  notMember: (team: string) =>
    `This sign-off does not count: the commenter is not an active member of \`${team}\`, and only a member can sign off for a team. Ask one of its members to approve the pull request or to comment \`/signoff ${team}\`.`,
  membershipUnreadable: (team: string) =>
    `This sign-off was not counted: intentbot cannot read who is a member of \`${team}\` (the team may be secret, or the app's installation lacks the organisation *Members: read* permission). An organisation owner can make the team visible or grant that permission; then comment the command again.`,
  nothingToSignOff: (team: string, needed: boolean) =>
    `Nothing to sign off for \`${team}\`: this pull request does not change its area${needed ? "" : ", and needs no cross-team sign-off"}.`,
};
