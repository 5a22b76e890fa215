import { z } from "zod";
import { dataMarker, readDataMarker, topicMarker } from "../markers.js";
import { escapeTableCell, escapeText } from "../sanitize.js";
import type { HistoryPoint } from "./model.js";

export const ROLLUP_TOPIC = "dashboard-org";

export interface RepoSummary {
  outstanding: number;
  overdue: number;
  interest: number;
  history: HistoryPoint[];
}

const summarySchema = z.object({
  outstanding: z.number(),
  overdue: z.number(),
  interest: z.number(),
  history: z.array(z.object({ week: z.string(), outstanding: z.number() })),
});
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

/**
 * The organisation's roll-up: one row per repository (kept in the issue's
 * hidden data, so one repository's refresh updates only its own row), with
 * totals, sorted by outstanding debt.
 */
export function renderRollup(repos: RollupState, title: string): string {
  const names = Object.keys(repos).sort((a, b) => (repos[b]?.outstanding ?? 0) - (repos[a]?.outstanding ?? 0) || a.localeCompare(b));
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
  return [
    topicMarker(ROLLUP_TOPIC),
    `# ${escapeText(title, 200)}`,
    "",
    "Hack-to-rebuild debt in every repository with a debt dashboard, kept current by intentbot as each repository's dashboard changes.",
    "",
    "| Repository | Outstanding | Overdue | Interest | Last 12 weeks |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    `| **All ${names.length} repositories** | **${total.outstanding}** | **${total.overdue}** | **${total.interest}** | |`,
    "",
    dataMarker({ kind: "dashboard-org", repos }),
  ].join("\n");
}
