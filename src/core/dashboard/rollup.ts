import { z } from "zod";
import type { Action } from "../actions.js";
import { labelSpecs } from "../labels.js";
import type { RepoRef } from "../repo.js";
import { dataMarker, readDataMarker, topicMarker } from "../markers.js";
import { formatPayback, formatWeeklyHours } from "../debt/roi.js";
import { escapeTableCell, escapeText } from "../sanitize.js";
import type { HistoryPoint } from "./model.js";
import { BODY_LIMIT } from "./render.js";
import type { Assessed } from "./order.js";

export const ROLLUP_TOPIC = "dashboard-org";

/** One repository's item that pays back, as the roll-up ranks it. */
export interface RollupPayback {
  issue: number;
  weeks: number;
  weeklyHours: number;
  overdue: boolean;
}

export interface RepoSummary {
  outstanding: number;
  overdue: number;
  interest: number;
  history: HistoryPoint[];
  /** Its items that pay back soonest (at most PAYBACKS_PER_REPO); absent in a roll-up written before ROI. */
  paybacks?: RollupPayback[] | undefined;
}

/** Per repository, kept small: the roll-up's hidden data holds every repository's. */
export const PAYBACKS_PER_REPO = 5;
const RANKED_ROWS = 30;

const paybackSchema = z.object({ issue: z.number().int().positive(), weeks: z.number().nonnegative(), weeklyHours: z.number().nonnegative(), overdue: z.boolean() });
const summarySchema = z.object({
  outstanding: z.number(),
  overdue: z.number(),
  interest: z.number(),
  history: z.array(z.object({ week: z.string(), outstanding: z.number() })),
  paybacks: z.array(paybackSchema).max(PAYBACKS_PER_REPO).optional(),
});

/** A repository's items that pay back soonest, for its row of the roll-up. */
export function rollupPaybacks(assessed: readonly Assessed[]): RollupPayback[] {
  return assessed
    .flatMap(({ item, roi, overdue }) =>
      roi.payback.kind === "weeks" && roi.weeklyHours !== null ? [{ issue: item.issue, weeks: roi.payback.weeks, weeklyHours: roi.weeklyHours, overdue }] : [],
    )
    .sort((a, b) => a.weeks - b.weeks || b.weeklyHours - a.weeklyHours || a.issue - b.issue)
    .slice(0, PAYBACKS_PER_REPO);
}

const PLAIN_REPO = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/;

type RankedPayback = RollupPayback & { name: string };

/** Every repository's items together, shortest payback first (then the highest weekly cost): the first RANKED_ROWS. */
function topPaybacks(repos: RollupState): RankedPayback[] {
  const all = Object.entries(repos).flatMap(([name, summary]) => (summary.paybacks ?? []).map((p) => ({ name, ...p })));
  return all.sort((a, b) => a.weeks - b.weeks || b.weeklyHours - a.weeklyHours || a.name.localeCompare(b.name) || a.issue - b.issue).slice(0, RANKED_ROWS);
}

/**
 * The rows with only the paybacks the ranking shows, so the hidden data stays
 * small whatever the number of repositories. One that drops out comes back
 * with its repository's next refresh.
 */
function keepRanked(repos: RollupState, ranked: readonly RankedPayback[]): RollupState {
  const shown = new Set(ranked.map((p) => `${p.name}#${p.issue}`));
  return Object.fromEntries(
    Object.entries(repos).map(([name, summary]) => {
      if (!summary.paybacks) return [name, summary];
      return [name, { ...summary, paybacks: summary.paybacks.filter((p) => shown.has(`${name}#${p.issue}`)) }];
    }),
  );
}

function rankedSection(ranked: readonly RankedPayback[]): string[] {
  if (ranked.length === 0) return [];
  const rows = ranked.map((p, index) => {
    // `owner/repo#50` links to the issue; a name GitHub would not link is shown as text.
    const debt = PLAIN_REPO.test(p.name) ? `${p.name}#${p.issue}` : `${escapeTableCell(p.name, 100)} #${p.issue}`;
    return `| ${index + 1} | ${debt} | ${formatPayback({ kind: "weeks", weeks: p.weeks })} | ${formatWeeklyHours(p.weeklyHours)} | ${p.overdue ? "⚠️ overdue" : ""} |`;
  });
  return [
    "",
    "## Best returns across the organisation",
    "",
    `Every repository's items ranked together by payback (rebuild estimate ÷ weekly cost, as each repository's dashboard explains); the first ${RANKED_ROWS} are shown.`,
    "",
    "| Rank | Debt | Payback | Weekly cost | |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
  ];
}

const stateSchema = z.object({ kind: z.literal("dashboard-org"), repos: z.record(z.string(), summarySchema) });

export type RollupState = Record<string, RepoSummary>;

export function parseRollup(body: string | null | undefined): RollupState {
  const parsed = stateSchema.safeParse(readDataMarker(body));
  return parsed.success ? parsed.data.repos : {};
}

const BARS = "▁▂▃▄▅▆▇█";

/** A 12-week trend in one table cell. */
export function sparkline(history: readonly HistoryPoint[]): string {
  const max = Math.max(0, ...history.map((p) => p.outstanding));
  return history.map((p) => BARS[max === 0 ? 0 : Math.round((p.outstanding / max) * (BARS.length - 1))]).join("");
}

/** GitHub's body limit, less room for the seal the app adds to the hidden data when it writes the issue. */
const ROLLUP_BUDGET = BODY_LIMIT - 1_024;

/**
 * The organisation's roll-up: one row per repository (kept in the issue's
 * hidden data, so one repository's refresh updates only its own row), with
 * totals, sorted by outstanding debt. Past GitHub's limit (about 120
 * repositories), the repositories with the least outstanding debt are left
 * out, rows and data alike: each comes back with its own next refresh once its
 * debt passes the last one listed, since its dashboard holds its history.
 */
export function renderRollup(repos: RollupState, title: string): string {
  const names = Object.keys(repos).sort((a, b) => (repos[b]?.outstanding ?? 0) - (repos[a]?.outstanding ?? 0) || a.localeCompare(b));
  const whole = renderListed(repos, names, title, 0);
  if (whole.length <= ROLLUP_BUDGET) return whole;
  // The most repositories that fit: each render is linear, and the search takes log2(n) of them.
  let fits = 0;
  let tooMany = names.length;
  while (tooMany - fits > 1) {
    const middle = Math.floor((fits + tooMany) / 2);
    if (renderListed(repos, names.slice(0, middle), title, names.length - middle).length <= ROLLUP_BUDGET) fits = middle;
    else tooMany = middle;
  }
  return renderListed(repos, names.slice(0, fits), title, names.length - fits);
}

function renderListed(all: RollupState, names: readonly string[], title: string, leftOut: number): string {
  const repos: RollupState = Object.fromEntries(names.map((name) => [name, all[name] as RepoSummary]));
  const ranked = topPaybacks(repos);
  const total = names.reduce(
    (sum, name) => ({
      outstanding: sum.outstanding + (repos[name]?.outstanding ?? 0),
      overdue: sum.overdue + (repos[name]?.overdue ?? 0),
      interest: sum.interest + (repos[name]?.interest ?? 0),
    }),
    { outstanding: 0, overdue: 0, interest: 0 },
  );
  const rows = names.map((name) => {
    const r = repos[name] as RepoSummary;
    return `| ${escapeTableCell(name, 100)} | ${r.outstanding} | ${r.overdue} | ${r.interest} | ${sparkline(r.history)} |`;
  });
  const everyone = leftOut === 0 ? `All ${names.length} repositories` : `All ${names.length} listed repositories`;
  const leftOutRow =
    leftOut === 0 ? [] : [`| …and ${leftOut} more with less outstanding debt, left out to keep this issue within GitHub's 65,536 characters | | | | |`];
  return [
    topicMarker(ROLLUP_TOPIC),
    `# ${escapeText(title, 200)}`,
    "",
    "Hack-to-rebuild debt in every repository with a debt dashboard, kept current by intentbot as each repository's dashboard changes.",
    "",
    "| Repository | Outstanding | Overdue | Interest | Last 12 weeks |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    ...leftOutRow,
    `| **${everyone}** | **${total.outstanding}** | **${total.overdue}** | **${total.interest}** | |`,
    ...rankedSection(ranked),
    "",
    dataMarker({ kind: "dashboard-org", repos: keepRanked(repos, ranked) }),
  ].join("\n");
}

/** The roll-up issue as found in the organisation's `.github` repository. */
export interface FoundRollup {
  number: number;
  state: "open" | "closed";
  body: string;
  /** Its rows as `parseRollup` read them; undefined when they could not be read within the parse budget. */
  rows?: RollupState | undefined;
}

export interface RollupFacts {
  home: RepoRef;
  title: string;
  label: string;
  found?: FoundRollup | undefined;
  /** The rows to write: merged into the issue's own, or (`replaceAll`) the whole table. */
  rows: RollupState;
  replaceAll: boolean;
  /** `/dashboard on`: a roll-up a person closed is reopened. */
  turnOn: boolean;
}

/**
 * The roll-up's writes: created with the first row, otherwise its body
 * rewritten when it changes. A roll-up a person closed stays closed, as a
 * repository's dashboard does, until `/dashboard on`. Rows that cannot be
 * read are never rewritten without the others: the next full refresh
 * rebuilds the table.
 */
export function planRollup(facts: RollupFacts): Action[] {
  const { found, home } = facts;
  if (found?.state === "closed" && !facts.turnOn) return [];
  if (!facts.replaceAll && found && !found.rows) return [];
  const body = renderRollup(facts.replaceAll ? facts.rows : { ...found?.rows, ...facts.rows }, facts.title);
  if (!found) return [{ type: "create-issue", repo: home, issue: { title: facts.title, body, labels: [labelSpecs.dashboard(facts.label)] } }];
  const issue = { ...home, number: found.number };
  return [
    ...(found.state === "closed" ? [{ type: "update-issue", issue, change: { state: "open" } } as const] : []),
    ...(body === found.body ? [] : [{ type: "update-issue", issue, change: { body } } as const]),
  ];
}
