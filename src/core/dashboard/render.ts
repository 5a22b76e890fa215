import { z } from "zod";
import { dataMarker, dataMarkerSpans, readDataMarker, topicMarker } from "../markers.js";
import { formatHours } from "../phases/estimate.js";
import { escapeInlineCode, escapeTableCell, escapeTableCode, escapeText } from "../sanitize.js";
import { formatEffort, formatFriction, formatPayback, formatWeeklyHours, type ItemRoi } from "../debt/roi.js";
import type { DashboardInput, DashboardRoi, DashboardState, DebtItem } from "./model.js";
import { DEFAULT_DASHBOARD_ROI, rankOutstanding, type Assessed } from "./order.js";
import { summarizeRoi, type RoiSummary } from "./roi-summary.js";
import { ageInDays, isRepaid, recordWeek, summarize, type Summary } from "./summary.js";

export const DASHBOARD_TOPIC = "dashboard";
/** GitHub rejects issue bodies longer than this. */
export const BODY_LIMIT = 65_536;

export const ACTIONS = {
  "remind-overdue": "Remind the owners of overdue items",
  refresh: "Refresh this dashboard now",
} as const;
export type ActionId = keyof typeof ACTIONS;

const actionMarker = (id: ActionId) => `<!-- intentbot:action:${id} -->`;
const RECENT_LIMIT = 20;

const stateSchema = z.object({
  kind: z.literal("dashboard"),
  history: z.array(z.object({ week: z.string(), outstanding: z.number() })),
  pausedConfig: z.string().optional(),
});

const issueLink = (n: number) => `#${n}`;

/** Parentheses too, which `encodeURIComponent` keeps: one would end the link's destination early. */
function searchUrl(repo: string, query: string): string {
  return `https://github.com/${repo}/issues?q=${encodeURIComponent(query).replaceAll("(", "%28").replaceAll(")", "%29")}`;
}

/** A team in a code span cannot mention anyone, so a well-formed name is shown as it is. */
function teamCell(team: string): string {
  return /^@[\w.-]+\/[\w.-]+$/.test(team) ? escapeTableCode(team) : escapeTableCell(team, 60);
}

const round1 = (value: number) => String(Math.round(value * 10) / 10);

function windowCell(roi: ItemRoi): string {
  return roi.changes === null ? "?" : `${roi.changes} · ${roi.bugFixes ?? "?"} in ${round1(roi.windowWeeks)}w`;
}

/** Without an estimate in hours the row says why: none was given, or the one given cannot be counted. */
function paybackCell(item: DebtItem, roi: ItemRoi): string {
  if (roi.payback.kind !== "unestimated") return formatPayback(roi.payback);
  return item.estimate ? "— (estimate unreadable)" : "— (estimate missing)";
}

function row({ item, roi, overdue }: Assessed, now: Date): string {
  const when = [item.rebuildWhen ? `when: ${escapeTableCell(item.rebuildWhen, 80)}` : "", item.rebuildBy ? `by ${item.rebuildBy.slice(0, 10)}${overdue ? " ⚠️ **overdue**" : ""}` : ""]
    .filter(Boolean)
    .join(" · ");
  const cells = [
    `${issueLink(item.issue)} ${escapeTableCell(item.title, 80)}`,
    item.hackPrs.map(issueLink).join(", "),
    item.shippedAt?.slice(0, 10) ?? "",
    item.shippedAt ? `${ageInDays(item.shippedAt, now)} d` : "",
    // Logins are written without a live mention: rewriting the dashboard must not notify anyone.
    item.owner ? escapeTableCell(`@${item.owner}`, 60) : "",
    item.teams.map(teamCell).join(" "),
    item.estimate ? escapeTableCell(item.estimate, 20) : "",
    when,
    item.interest === null ? "?" : String(item.interest),
    windowCell(roi),
    formatWeeklyHours(roi.weeklyHours),
    paybackCell(item, roi),
    formatFriction(roi.friction),
  ];
  return `| ${cells.join(" | ")} |`;
}

const TABLE_HEAD = [
  "| Debt | Hack PRs | Shipped | Age | Owner | Teams | Estimate | Rebuild when / by | Interest | Changes · bug fixes | Weekly cost | Payback | Friction |",
  "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
];

const ORDER = {
  return: "Sorted by return: overdue first, then shortest payback, then interest, then age; `never` and `—` last.",
  priority: "Sorted by priority: overdue first, then interest, then age.",
} as const;

/** How the table's figures are computed, with this repository's settings. */
function formulaLines(roi: DashboardRoi): string[] {
  const { weeks, hoursPerChange, hoursPerBug, bugLabels } = roi.settings;
  const names = bugLabels.map((l) => escapeInlineCode(l, 50));
  const labels = names.length > 1 ? `one of ${names.join(", ")}` : (names[0] ?? "(no label)");
  return [
    `- **Weekly cost** = (changes × ${hoursPerChange}h + bug fixes × ${hoursPerBug}h) ÷ weeks in the window. Changes are the pull requests merged in the last ${weeks} weeks (or since the hack shipped, when sooner; at least 1 week) that changed the hack's files; a bug fix is one labelled ${labels} or closing an issue labelled so.`,
    "- **Payback** = rebuild estimate (in hours) ÷ weekly cost: the weeks after which carrying the hack has cost as much as rebuilding it; `never` when the cost is 0, `—` without an estimate.",
    "- **Friction**: the median time to merge of those pull requests vs that of the repository's other pull requests merged in the window; `?` when it could not be read.",
    "- **Interest**: every pull request that changed the hack's files since it shipped.",
  ];
}

function roiRows(roi: RoiSummary): string[] {
  const unknown = roi.costUnknown > 0 ? ` (${roi.costUnknown} item(s) unknown)` : "";
  return [
    `| Weekly cost of carrying the outstanding debt | ${formatWeeklyHours(roi.weeklyHours)}${unknown} |`,
    `| Best return | ${roi.best ? `${issueLink(roi.best.issue)} pays back in ${formatPayback({ kind: "weeks", weeks: roi.best.weeks })}` : "–"} |`,
    ...(roi.estimates
      ? [`| Hack vs rebuild estimates (${roi.estimates.items} item(s) with both) | saved ${formatEffort(roi.estimates.savedHours)} now, owed ${formatEffort(roi.estimates.owedHours)} |`]
      : []),
  ];
}

function summarySection(summary: Summary, roi: RoiSummary): string[] {
  const effort = `${formatHours(summary.rebuildHours)}${summary.unestimated > 0 ? ` (${summary.unestimated} item(s) not estimated)` : ""}`;
  return [
    "## Summary",
    "",
    "| Measure | Now |",
    "| --- | --- |",
    `| Outstanding debt items | ${summary.outstanding}${summary.overdue > 0 ? ` (${summary.overdue} overdue)` : ""} |`,
    `| Hacks merged without a debt issue | ${summary.untracked} |`,
    `| Oldest / median age | ${summary.oldestDays ?? "–"} d / ${summary.medianDays ?? "–"} d |`,
    `| Estimated rebuild effort | ${effort} |`,
    `| Interest (PRs that changed hacked files since they shipped) | ${summary.interest}${summary.interestUnknown > 0 ? ` (${summary.interestUnknown} item(s) unknown: their history could not be read)` : ""} |`,
    ...roiRows(roi),
    `| Repaid in the last 30 / 90 days | ${summary.repaid30} / ${summary.repaid90} |`,
    ...(summary.pending > 0 ? [`| Debt for hacks not merged yet | ${summary.pending} |`] : []),
  ];
}

function trendSection(history: DashboardState["history"]): string[] {
  if (history.length === 0) return [];
  const max = Math.max(1, ...history.map((p) => p.outstanding));
  return [
    "## Outstanding debt, last 12 weeks",
    "",
    "```mermaid",
    "xychart-beta",
    `  x-axis [${history.map((p) => `"${p.week.slice(5)}"`).join(", ")}]`,
    `  y-axis "items" 0 --> ${max}`,
    `  line [${history.map((p) => p.outstanding).join(", ")}]`,
    "```",
  ];
}

/** Lines added while they fit the budget; what does not fit is counted, never cut mid-line. */
function fit(lines: readonly string[], budget: number): { kept: string[]; left: number } {
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > budget) break;
    kept.push(line);
    used += line.length + 1;
  }
  return { kept, left: lines.length - kept.length };
}

/**
 * The whole dashboard body, pure: the same input renders the same text
 * (so an unchanged dashboard is never edited). The outstanding table gets
 * whatever room the fixed sections leave under GitHub's limit; rows that do
 * not fit are summarised with a link to a search listing every debt issue.
 */
export function renderDashboard(input: DashboardInput, title: string): { body: string; state: DashboardState } {
  const { now, items } = input;
  const summary = summarize(items, input.untracked.length, now);
  const state: DashboardState = { ...input.state, history: recordWeek(input.state.history, now, summary.outstanding) };
  const roi = input.roi ?? DEFAULT_DASHBOARD_ROI;
  const outstanding = rankOutstanding(items, roi, now);
  const repaid = items.filter(isRepaid).sort((a, b) => (b.closedAt ?? "").localeCompare(a.closedAt ?? "")).slice(0, RECENT_LIMIT);
  const allDebt = searchUrl(input.repo, `is:issue is:open label:"${input.debtLabel}"`);

  const head = [
    topicMarker(DASHBOARD_TOPIC),
    `# ${escapeText(title, 200)}`,
    "",
    "Hack-to-rebuild debt in this repository, kept current by intentbot. Comment `/dashboard refresh` to update it now.",
    "",
    ...summarySection(summary, summarizeRoi(outstanding)),
    "",
    "## Actions",
    "",
    ...(Object.entries(ACTIONS) as [ActionId, string][]).map(([id, label]) => `- [ ] ${actionMarker(id)} ${label}`),
    "",
  ];
  const repaidLines = repaid.length
    ? ["## Recently repaid", "", ...repaid.map((i) => `- ${issueLink(i.issue)} ${escapeText(i.title, 80)} — repaid ${i.closedAt?.slice(0, 10) ?? ""}`), ""]
    : [];
  const untracked = input.untracked.slice(0, RECENT_LIMIT);
  const untrackedLines = untracked.length
    ? [
        "## Hacks without a debt issue",
        "",
        ...untracked.map((h) => `- ${issueLink(h.pr)} ${escapeText(h.title, 80)} — merged ${h.mergedAt.slice(0, 10)}`),
        ...(input.untracked.length > untracked.length ? [`- …and ${input.untracked.length - untracked.length} more`] : []),
        "",
      ]
    : [];
  const tail = [...repaidLines, ...untrackedLines, ...trendSection(state.history), "", dataMarker({ kind: "dashboard", ...state })];

  const intro = [ORDER[roi.sort], "", ...formulaLines(roi), ""];
  const fixed = [...head, "## Outstanding debt", "", ...intro, ...TABLE_HEAD, "", ...tail].join("\n").length;
  // Room for the overflow line and a safety margin for multi-byte characters counted by GitHub.
  const budget = BODY_LIMIT - fixed - 400;
  const { kept, left } = fit(outstanding.map((a) => row(a, now)), budget);
  const table = outstanding.length
    ? [...TABLE_HEAD, ...kept, ...(left > 0 ? ["", `…and ${left} more outstanding item(s): [list them all](${allDebt}).`] : [])]
    : ["No outstanding debt. 🎉"];

  const body = [...head, "## Outstanding debt", "", ...(outstanding.length ? intro : []), ...table, "", ...tail].join("\n");
  return { body, state };
}

export interface ParsedDashboard {
  state: DashboardState;
  ticked: ActionId[];
  /** Where the last record lies in the body (the one that counts), for rewriting it alone; none when there is none. */
  stateAt?: { start: number; end: number } | undefined;
}

/** The inverse of `renderDashboard`: the hidden state and the boxes a person ticked. */
export function parseDashboard(body: string | null | undefined): ParsedDashboard {
  const parsed = stateSchema.safeParse(readDataMarker(body));
  const state: DashboardState = parsed.success
    ? {
        history: parsed.data.history,
        ...(parsed.data.pausedConfig === undefined ? {} : { pausedConfig: parsed.data.pausedConfig }),
      }
    : { history: [] };
  const boxes = tickedBoxes(body ?? "");
  const ticked = (Object.keys(ACTIONS) as ActionId[]).filter((id) => boxes.some((box) => box.startsWith(actionMarker(id))));
  const last = dataMarkerSpans(body ?? "").at(-1);
  return { state, ticked, ...(last && { stateAt: { start: last.start, end: last.end } }) };
}

/** Any line break a regular expression's `^` (multiline) starts a line after. */
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;
/** `- [x] ` or `* [X] `: always six characters. */
const TICKED_BOX = /^[-*] \[[xX]\] /;

/**
 * What follows each ticked box (`- [x] `) at the start of a line, indented or
 * not. Line by line, because `^\s*` with the multiline flag retried every
 * line of a long run of blank lines (seconds for 65,536 newlines).
 */
function tickedBoxes(body: string): string[] {
  return body.split(LINE_BREAK).flatMap((line) => {
    const text = line.trimStart();
    return TICKED_BOX.test(text) ? [text.slice("- [x] ".length)] : [];
  });
}

/**
 * The body with its hidden state replaced, everything else untouched (for
 * pausing a closed dashboard): the record `parseDashboard` found is cut out
 * where it lies, so no text is searched again.
 */
export function withState(body: string, at: ParsedDashboard["stateAt"], state: DashboardState): string {
  const marker = dataMarker({ kind: "dashboard", ...state });
  return at ? `${body.slice(0, at.start)}${marker}${body.slice(at.end)}` : `${body}\n${marker}`;
}

export const DASHBOARD_USAGE = [
  "Commands on this dashboard issue:",
  "",
  "- `/dashboard refresh` — recompute it now",
  "- `/dashboard on` — reopen it and keep it current again after it was closed",
].join("\n");

/** Refusals of `/dashboard` that only it gives (the common ones are in `core/command-answers.ts`). */
export const dashboardReplies = {
  notTheDashboard: (label: string) => `\`/dashboard\` works on the dashboard issue itself (labelled ${escapeInlineCode(label)}).\n\n${DASHBOARD_USAGE}`,
  unknown: `Unknown \`/dashboard\` command.\n\n${DASHBOARD_USAGE}`,
};

const MENTIONABLE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]{1,100})?$/;

/** The comment a ticked "remind" box posts on an overdue debt issue: the one place the bot mentions someone. */
export function overdueReminder(item: DebtItem, dashboard: number, now: Date): string {
  // Only a login or a team is mentioned; anything else is quoted as text.
  const who = item.owner ? (MENTIONABLE.test(item.owner) ? `@${item.owner} ` : `${escapeText(item.owner, 60)}: `) : "";
  const shipped = item.shippedAt ? ` The hack shipped ${ageInDays(item.shippedAt, now)} days ago` : "";
  const interest = (item.interest ?? 0) > 0 ? `, and ${item.interest} pull request(s) have changed its files since.` : ".";
  return `${who}this rebuild debt was due by ${item.rebuildBy?.slice(0, 10) ?? "?"} and is overdue.${shipped}${shipped ? interest : ""} Please plan the rebuild or set a new \`Rebuild by:\` date. (Reminder from the debt dashboard, #${dashboard}.)`;
}
