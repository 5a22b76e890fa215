import { stringify } from "csv-stringify/sync";
import type { DebtRegister, RegisterItem } from "../../core/debt/register.js";
import { formatWeeklyHours } from "../../core/debt/roi.js";

/** The register's columns, as the CSV's header names them and each item fills them. */
const COLUMNS: [string, (item: RegisterItem) => string | number | boolean | null][] = [
  ["rank", (i) => i.rank],
  ["debt_issue", (i) => i.issue],
  ["title", (i) => i.title],
  ["url", (i) => i.url],
  ["hack_prs", (i) => i.hackPrs.join(" ")],
  ["shipped", (i) => i.shipped],
  ["age_days", (i) => i.ageDays],
  ["owner", (i) => i.owner],
  ["teams", (i) => i.teams.join(" ")],
  ["hack_estimate", (i) => i.estimates.hack],
  ["hack_hours", (i) => i.estimates.hackHours],
  ["rebuild_estimate", (i) => i.estimates.rebuild],
  ["rebuild_hours", (i) => i.estimates.rebuildHours],
  ["rebuild_when", (i) => i.rebuild.when],
  ["rebuild_by", (i) => i.rebuild.by],
  ["overdue", (i) => i.rebuild.overdue],
  ["interest", (i) => i.interest],
  ["window_weeks", (i) => i.window.weeks],
  ["changes_in_window", (i) => i.window.changes],
  ["bug_fixes_in_window", (i) => i.window.bugFixes],
  ["weekly_cost_hours", (i) => i.weeklyCostHours],
  ["payback", (i) => i.payback.text],
  ["payback_weeks", (i) => i.payback.weeks],
  ["median_days_to_merge", (i) => i.friction.medianDaysToMerge],
  ["others_median_days_to_merge", (i) => i.friction.othersMedianDaysToMerge],
];

/**
 * The register as CSV (RFC 4180 quoting), a header and one row per item.
 * Titles, owners and estimates are other people's text: a cell starting
 * with `=`, `+`, `-` or `@` is prefixed with `'` so that a spreadsheet shows
 * it instead of running it as a formula.
 */
export function renderDebtCsv(register: DebtRegister): string {
  const rows = register.items.map((item) => COLUMNS.map(([, cell]) => cell(item) ?? ""));
  return stringify([COLUMNS.map(([name]) => name), ...rows], { escape_formulas: true, record_delimiter: "unix", cast: { boolean: (value) => String(value) } }).trimEnd();
}

// Text from the repository: kept on one line and out of Markdown syntax, as the audit's report does.
const text = (value: string) => value.replace(/[\r\n]+/g, " ").replace(/[\\`*_[\]<>|#]/g, "\\$&");

/** The register as a Markdown table, for reading in a terminal or pasting into a document. */
export function renderDebtMarkdown(register: DebtRegister): string {
  const { summary } = register;
  const rows = register.items.map((i) =>
    [
      i.rank,
      `#${i.issue} ${text(i.title)}`,
      i.hackPrs.map((n) => `#${n}`).join(", "),
      i.shipped ?? "",
      i.owner ? text(i.owner) : "",
      text(i.teams.join(" ")),
      text([i.estimates.hack ? `hack ${i.estimates.hack}` : "", i.estimates.rebuild ? `rebuild ${i.estimates.rebuild}` : ""].filter(Boolean).join(", ")),
      text([i.rebuild.when ?? "", i.rebuild.by ? `by ${i.rebuild.by}${i.rebuild.overdue ? " (overdue)" : ""}` : ""].filter(Boolean).join(" · ")),
      i.interest ?? "?",
      i.window.changes === null ? "?" : `${i.window.changes} · ${i.window.bugFixes ?? "?"} in ${i.window.weeks}w`,
      formatWeeklyHours(i.weeklyCostHours),
      i.payback.text,
      i.friction.text,
    ].join(" | "),
  );
  const { weeks, hoursPerChange, hoursPerBug } = register.settings;
  return [
    `# Debt register of ${register.repo}`,
    "",
    `${summary.outstanding} outstanding item(s), carrying them costs ${formatWeeklyHours(summary.weeklyCostHours)}${summary.costUnknown > 0 ? ` (${summary.costUnknown} unknown)` : ""}${summary.best ? `; #${summary.best.issue} pays back first, in ${summary.best.paybackWeeks}w` : ""}.`,
    `Weekly cost = (changes × ${hoursPerChange}h + bug fixes × ${hoursPerBug}h) ÷ weeks in the window (the last ${weeks} weeks, or since the hack shipped); payback = rebuild estimate ÷ weekly cost. Nothing was written to GitHub.`,
    "",
    "| # | Debt | Hack PRs | Shipped | Owner | Teams | Estimates | Rebuild when / by | Interest | Changes · bug fixes | Weekly cost | Payback | Friction |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map((row) => `| ${row} |`),
  ].join("\n");
}
