import type { AuditReport, MissingIntent } from "./decide.js";

// Titles come from the repository: keep them on one line and out of Markdown syntax.
const title = (text: string) => text.replace(/[\r\n]+/g, " ").replace(/[\\`*_[\]<>|#]/g, "\\$&");

function intentLine(item: MissingIntent): string {
  const details = [
    `missing ${item.missing.join(" and ")}`,
    ...(item.unanswered.length > 0 ? [`template prompt unanswered: ${item.unanswered.map((l) => `“${title(l)}”`).join(", ")}`] : []),
    ...(item.unreadLinks.length > 0 ? [`may inherit from ${item.unreadLinks.join(", ")} (not read)`] : []),
  ];
  return `- #${item.number} ${title(item.title)} — ${details.join("; ")}`;
}

function section(heading: string, lines: string[], none: string): string[] {
  return [`## ${heading} (${lines.length})`, "", ...(lines.length > 0 ? lines : [none]), ""];
}

/** The audit as a Markdown report. */
export function renderAuditMarkdown(report: AuditReport, limit: number): string {
  const { read } = report;
  return [
    `# intentbot audit of ${report.repo}`,
    "",
    `Read ${read.issues} open issues, ${read.pullRequests} open pull requests, ${read.mergedHacks} merged hack pull requests and ${read.debtIssues} open debt issues (at most ${limit} of each). Nothing was written to GitHub.`,
    "",
    ...(report.templates === undefined ? [] : ["## Templates", "", report.templates, ""]),
    ...section("Issues missing why or who", report.intent.issues.map(intentLine), "None."),
    ...section("Pull requests missing why or who", report.intent.pullRequests.map(intentLine), "None."),
    ...section("Hacks without a debt issue", report.hacksWithoutDebt.map((h) => `- #${h.number} ${title(h.title)} — ${h.merged ? "merged" : "open"}`), "None."),
    ...section("Pull requests needing cross-team sign-off", report.signoff.map((s) => `- #${s.number} ${title(s.title)} — ${s.teams.join(", ")}`), "None."),
    ...(report.dashboard === undefined
      ? []
      : ["## The debt dashboard it would create", "", "(Interest, weekly cost and payback need a query per hacked file: they show as `?` here; `intentbot debt` reads them.)", "", "````markdown", report.dashboard, "````", ""]),
  ].join("\n");
}
