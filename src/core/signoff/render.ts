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

const TEAM_NAME = /^@[\w.-]{1,100}\/[\w.-]{1,100}$/;

/**
 * How much of each team's row is shown, from most to least. The table takes
 * the first level that fits its budget, so a PR of a few files shows every
 * path and one of 3,000 files across 50 teams shows counts and a few paths.
 */
interface Detail {
  /** Paths shown per list before "and N more". */
  paths: number;
  /** Sign-off notes and the names of unverified approvers shown. */
  notes: boolean;
}
const DETAILS: readonly Detail[] = [
  { paths: 100, notes: true },
  { paths: 20, notes: true },
  { paths: 5, notes: true },
  { paths: 3, notes: true },
  { paths: 1, notes: true },
  { paths: 0, notes: true },
  { paths: 0, notes: false },
];
// Up to this many files a list is shown open; beyond, folded away under its count.
const OPEN_FILE_LIST = 5;
const PATH_LENGTH = 120;
const TEAM_LENGTH = 100;
const UNVERIFIED_SHOWN = 3;
/** GitHub refuses a comment body over 65,536 characters. */
export const COMMENT_LIMIT = 65_536;
/** What is added to the comment after rendering: its topic marker line and the seal of its record (a MAC), well under this. */
const ENVELOPE = 512;
/** A check output field over 65,535 characters is refused; `publishCheck` cuts at 65,000, so the table is made to fit that. */
export const CHECK_SUMMARY_LIMIT = 65_000;

const plural = (count: number, one: string) => `${count.toLocaleString("en-US")} ${one}${count === 1 ? "" : "s"}`;

function fileList(files: readonly string[], code: (text: string, maxLength: number) => string, detail: Detail): string {
  if (detail.paths === 0) return plural(files.length, "file");
  const shown = files.slice(0, detail.paths).map((file) => code(file, PATH_LENGTH));
  const more = files.length - shown.length;
  if (more === 0 && files.length <= OPEN_FILE_LIST) return shown.join("<br>");
  const items = more > 0 ? [...shown, `and ${more.toLocaleString("en-US")} more`] : shown;
  return `<details><summary>${plural(files.length, "file")}</summary>${items.join("<br>")}</details>`;
}

function who(signoff: Signoff | undefined, detail: Detail): string {
  if (!signoff) return "";
  const via = signoff.via === "review" ? "approving review" : "`/signoff`";
  const note = signoff.note && detail.notes ? `: “${escapeTableCell(signoff.note, 100)}”` : "";
  // The login is neutralised so that editing this comment never notifies anyone.
  return `${escapeTableCell(`@${signoff.user}`, 60)} (${via}, ${signoff.at.slice(0, 10)})${note}`;
}

function approvers(team: TeamVerdict, detail: Detail): string {
  if (team.status !== "unverified") return who(team.signoff, detail);
  const all = team.unverified ?? [];
  const shown = all.slice(0, detail.notes ? UNVERIFIED_SHOWN : 1).map((login) => escapeTableCell(`@${login}`, 60));
  const more = all.length - shown.length;
  const logins = more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
  // Said where it is seen: the fix is on the app's or the team's side, not the author's.
  const why = detail.notes ? "the app cannot see this team's members (it needs *Members: read*, and a secret team is hidden)" : "members unreadable";
  return `approved by ${logins}; ${why}`;
}

function row(team: TeamVerdict, detail: Detail): string {
  return `| ${escapeTableCode(team.team, TEAM_LENGTH)} | ${STATUS[team.status]} | ${approvers(team, detail)} | ${fileList(team.files, escapeTableCode, detail)} |`;
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
    summary: signoffTable(verdict, CHECK_SUMMARY_LIMIT),
  };
}

const TABLE_HEAD = ["| Team | Status | Signed by | Files |", "| --- | --- | --- | --- |"];

function tableAt(verdict: Extract<SignoffVerdict, { needed: true }>, detail: Detail): string {
  return [
    ...TABLE_HEAD,
    ...verdict.teams.map((team) => row(team, detail)),
    ...(verdict.unowned.length > 0 ? ["", `Files no team owns: ${fileList(verdict.unowned, escapeInlineCode, detail)}`] : []),
  ].join("\n");
}

/**
 * The table within `budget` characters: the most detailed level that fits.
 * Should even counts alone not fit (hundreds of teams with long names), it
 * keeps the rows that fit, waiting teams first, and says how many it leaves out.
 */
function signoffTable(verdict: Extract<SignoffVerdict, { needed: true }>, budget: number): string {
  for (const detail of DETAILS) {
    const table = tableAt(verdict, detail);
    if (table.length <= budget) return table;
  }
  const least = DETAILS[DETAILS.length - 1] ?? { paths: 0, notes: false };
  const ordered = [...verdict.teams].sort((a, b) => Number(isOpen(b.status)) - Number(isOpen(a.status)));
  const lines = [...TABLE_HEAD];
  let length = lines.join("\n").length;
  const room = budget - 200;
  let shown = 0;
  for (const team of ordered) {
    const line = row(team, least);
    if (length + 1 + line.length > room) break;
    lines.push(line);
    length += 1 + line.length;
    shown++;
  }
  const left = ordered.slice(shown);
  const open = left.filter((t) => isOpen(t.status)).length;
  lines.push("", `…and ${plural(left.length, "more team")} (${open.toLocaleString("en-US")} still to sign off), too many to list within GitHub's size limit.`);
  return lines.join("\n");
}

/** The sticky sign-off comment: the table, then the command sign-offs it keeps as its sealed record. */
export function signoffComment(verdict: Extract<SignoffVerdict, { needed: true }>, commandSignoffs: readonly Signoff[]): string {
  const team = verdict.teams.find((t) => t.status !== "signed" && t.status !== "author")?.team ?? verdict.teams[0]?.team;
  // Shown in a code block to copy: only a plain team name, which cannot close the block.
  const example = team !== undefined && TEAM_NAME.test(team) ? team : "@org/team";
  const head = [
    `### Cross-team sign-off: ${verdict.met ? "complete" : "needed"}`,
    "",
    `This pull request changes the areas of ${verdict.teams.length} teams. Each team signs off with an approving review by one of its members, or a member comments:`,
    "",
    "```",
    `/signoff ${example} looks good for us`,
    "```",
    "",
  ].join("\n");
  const marker = commandSignoffsMarker(commandSignoffs);
  // The table takes what the heading and the record leave of GitHub's limit, less room for the topic marker and the record's seal.
  return `${head}\n${signoffTable(verdict, COMMENT_LIMIT - ENVELOPE - head.length - marker.length - 2)}\n\n${marker}`;
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
