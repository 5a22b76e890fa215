import { conclusion, type CheckResult, type Mode } from "../checks.js";
import type { DebtRecord, HackPullRequest } from "../debt/record.js";
import { clip, escapeInlineCode, escapeLinkText, escapeTableCell, escapeText, escapeTextBlock } from "../sanitize.js";
import type { DeclarationWay } from "./declaration.js";
import { referenceLabel } from "../intent/references.js";
import type { DebtRef } from "./fields.js";
import type { HackPrState } from "./state.js";
import type { RepoRef } from "../repo.js";

export const HACK_CHECK = "Hack debt";
/** Sticky comment topics: the hack PR's comment, and the record on a debt issue a person created. */
export const HACK_TOPIC = "hack";
export const DEBT_TOPIC = "debt";

const MAX_FILES_SHOWN = 50;
const REGION_BUDGET = 50_000;

const day = (iso: string | undefined) => (iso ?? "").slice(0, 10);

/** User text as a block quote: no mentions, no HTML comments. */
function quoteBlock(text: string): string {
  return escapeTextBlock(text)
    .split("\n")
    .map((line) => (line.trim() === "" ? ">" : `> ${line}`))
    .join("\n");
}

/** File paths and code lines are long; they are still one line each. */
const CODE_LENGTH = 300;
const codeSpan = (text: string) => escapeInlineCode(text, CODE_LENGTH);

function prRef(pr: { number: number; repo?: string | undefined }, debtRepo: RepoRef): { ref: DebtRef; label: string } {
  const [owner, repo] = pr.repo?.split("/") ?? [];
  const ref = owner && repo ? { owner, repo, number: pr.number } : { ...debtRepo, number: pr.number };
  return { ref, label: referenceLabel(ref, debtRepo) };
}

function prStatus(pr: HackPullRequest): string {
  if (!pr.declared) return "no longer declared a hack";
  if (pr.state === "merged") return `merged on ${day(pr.mergedAt)}`;
  if (pr.state === "closed") return "closed without merging";
  return "open";
}

/** One line on where the debt stands, from the record's hack PRs. */
export function debtStatusLine(record: DebtRecord, debtRepo: RepoRef): string {
  if (record.supersededBy) {
    const by = prRef(record.supersededBy, debtRepo).label;
    return `**Superseded:** the hack now names ${by} as its debt issue.`;
  }
  const live = record.hackPrs.filter((p) => p.declared);
  const merged = live.filter((p) => p.state === "merged" && p.mergedAt).sort((a, b) => (a.mergedAt ?? "").localeCompare(b.mergedAt ?? ""));
  const first = merged[0];
  if (first) return `**Outstanding:** shipped in ${prRef(first, debtRepo).label} on ${day(first.mergedAt)}.`;
  const open = live.filter((p) => p.state === "open");
  if (open.length > 0) {
    return `**Not shipped yet:** ${open.map((p) => prRef(p, debtRepo).label).join(", ")} ${open.length === 1 ? "is" : "are"} still open. Once the hack merges, this debt is outstanding.`;
  }
  if (live.length > 0) return `**Not planned:** ${live.map((p) => prRef(p, debtRepo).label).join(", ")} closed without merging.`;
  if (record.phase) return `**Planned:** a hack phase of #${record.phase.parent}.`;
  return "**Unlinked:** no hack pull request declares this debt any more.";
}

function section(title: string, lines: readonly string[]): string[] {
  return lines.length === 0 ? [] : ["", `### ${title}`, ...lines];
}

function blobLink(repo: string, sha: string, path: string, line: number): string {
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  return `https://github.com/${repo}/blob/${sha}/${encoded}#L${line}`;
}

/**
 * The bot's part of a debt issue (or of its `debt` comment when a person
 * created the issue): everything the record holds, as a reader wants it.
 */
export function renderDebtRegion(record: DebtRecord, debtRepo: RepoRef, options: { createdByApp: boolean; codeMarker: string }): string {
  const prs = record.hackPrs.map((p) => ({ ...p, ...prRef(p, debtRepo) }));
  const prList = prs.map((p) => p.label).join(", ") || "a hack";
  const intro = options.createdByApp
    ? `This is the **rebuild debt** of the hack in ${prList}: a shortcut agreed on the understanding that, if it works, it will be rebuilt properly.`
    : `intentbot linked this issue as the **rebuild debt** of the hack in ${prList}.`;

  const when = [
    record.rebuildWhen ? `- **Rebuild when:** ${escapeText(record.rebuildWhen, 300)}` : undefined,
    record.rebuildBy ? `- **Rebuild by:** ${record.rebuildBy}` : undefined,
  ].filter((l): l is string => l !== undefined);
  const estimate = record.estimate;
  const estimates =
    estimate.hack || estimate.rebuild
      ? [
          "| | estimate |",
          "| --- | --- |",
          ...(estimate.hack ? [`| hack | ${escapeTableCell(estimate.hack, 60)} |`] : []),
          ...(estimate.rebuild ? [`| proper build | ${escapeTableCell(estimate.rebuild, 60)}${estimate.rebuildHours !== undefined ? ` (${estimate.rebuildHours} h)` : ""} |`] : []),
        ]
      : [];
  const owner = record.owner ? [`[${escapeLinkText(record.owner, 60)}](https://github.com/${encodeURIComponent(record.owner)})${options.createdByApp ? " (author of the hack, assigned)" : ""}`] : [];
  const intent = record.intent
    ? [
        record.intent.why ? `- **Why:** ${escapeText(record.intent.why, 400)}` : undefined,
        record.intent.who ? `- **Who:** ${escapeText(record.intent.who, 400)}` : undefined,
      ].filter((l): l is string => l !== undefined)
    : [];
  const files = record.files.slice(0, MAX_FILES_SHOWN).map((f) => `- ${codeSpan(f)}`);
  if (record.files.length > MAX_FILES_SHOWN) files.push(`- …and ${record.files.length - MAX_FILES_SHOWN} more`);
  const markers = (record.markers ?? []).map((m) => {
    const repo = m.repo ?? `${debtRepo.owner}/${debtRepo.repo}`;
    return `- [${codeSpan(`${m.path}:${m.line}`)}](${blobLink(repo, m.sha, m.path, m.line)}) ${codeSpan(m.text)}`;
  });

  const lines = [
    intro,
    "",
    debtStatusLine(record, debtRepo),
    ...section("Why it is a hack", [record.reason ? quoteBlock(record.reason) : "_No reason given: add a “Hack” section to the pull request's description, or comment `/hack <reason>` on it._"]),
    ...section("What a proper build needs", [
      record.properBuild ? quoteBlock(record.properBuild) : "_Not stated yet: add a “Proper build:” line (or section) to the hack pull request's description._",
      ...(when.length > 0 ? ["", ...when] : []),
    ]),
    ...section("Estimates", estimates),
    ...section("Owner", owner),
    ...section(`Why and who${record.intent?.from ? ` (from ${escapeText(record.intent.from)})` : ""}`, intent),
    ...section(
      "Hack pull requests",
      prs.map((p) => `- ${p.label}${p.title ? ` ${escapeText(p.title, 120)}` : ""} — ${prStatus(p)}`),
    ),
    ...section("Files touched", files),
    ...section(`${codeSpan(options.codeMarker)} markers the hack added`, markers),
  ];
  if (options.createdByApp) lines.push("", "_intentbot keeps this part in sync with the hack pull request; anything you write outside it is kept._");
  const text = lines.join("\n");
  return clip(text, REGION_BUDGET, "\n\n…(cut to fit GitHub's limit)");
}

export function debtIssueTitle(title: string): string {
  return clip(`Rebuild: ${title}`, 250);
}

const WAY_TEXT: Record<Exclude<DeclarationWay, "command" | "label">, string> = {
  title: "its title prefix",
  section: "the “Hack” section of its description",
  checkbox: "the ticked “This is a hack” box",
};

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1) ?? ""}`;
}

function describeWays(state: HackPrState, label: string): string {
  const others = state.ways
    .filter((w) => w !== "label")
    .map((w) => (w === "command" ? `\`/hack\` from ${escapeText(state.command?.by ?? "a maintainer", 60)}` : WAY_TEXT[w]));
  if (others.length === 0) return `the ${escapeInlineCode(label)} label`;
  return `${joinAnd(others)}; it carries the ${escapeInlineCode(label)} label`;
}

function problemText(state: HackPrState, here: RepoRef, createDebtIssue: boolean): string {
  const problem = state.problem;
  const named = problem?.ref ? referenceLabel(problem.ref, here) : "the named issue";
  const orCreate = createDebtIssue ? ", or remove the `Debt:` line so that intentbot creates one" : "";
  switch (problem?.kind) {
    case "named missing":
      return `This hack names ${named} as its debt issue, but intentbot cannot find it (it does not exist, or the app cannot see it). Name an existing open issue${orCreate}.`;
    case "named closed":
      return `This hack names ${named} as its debt issue, but ${named} is closed. Reopen it, or name an open issue${orCreate}.`;
    case "named pull request":
      return `This hack names ${named} as its debt issue, but ${named} is a pull request. Name an issue${orCreate}.`;
    case "none named":
    case undefined:
      return "This hack names no debt issue, and intentbot does not create them in this repository (`hacks.createDebtIssue: false`).";
  }
}

/** A named issue that could not be used while the PR keeps its earlier debt issue. */
function noteText(kind: string, named: DebtRef, linked: DebtRef, here: RepoRef): string {
  const label = referenceLabel(named, here);
  const why = kind === "named closed" ? "is closed" : kind === "named pull request" ? "is a pull request" : "cannot be found";
  return `Note: this hack names ${label} as its debt issue, but ${label} ${why}, so it stays linked to ${referenceLabel(linked, here)}.`;
}

const FIX_EXAMPLE = ["Name the issue that tracks the rebuild in the description, for example:", "", "```markdown", "Debt: #123", "```", "", "or comment `/hack <reason> Debt: #123`."];

function debtLine(state: HackPrState, here: RepoRef): string[] {
  const debt = state.debt;
  if (!debt) return [];
  const ref = referenceLabel(debt, here);
  const origin = debt.createdByApp ? "created by intentbot" : "named by this hack";
  const lines = [`Its rebuild debt is tracked in ${ref} (${origin}).`, ""];
  if (debt.state === "closed") {
    if (debt.stateReason === "not_planned") {
      lines.push(
        state.pr.state === "closed" && debt.createdByApp
          ? `This pull request was closed without merging, so ${ref} was closed as not planned.`
          : `${ref} was closed as not planned: this hack will not be rebuilt.`,
      );
    } else {
      lines.push(`✅ **Repaid:** ${ref} is closed.`);
    }
  } else if (state.pr.state === "merged") {
    lines.push(`Shipped on ${day(state.pr.mergedAt)}: ${ref} is **outstanding** rebuild debt until it is closed.`);
  } else if (state.pr.state === "closed") {
    lines.push(
      debt.createdByApp
        ? `This pull request was closed without merging; ${ref} stays open because another hack still needs it.`
        : `This pull request was closed without merging. ${ref} stays open since intentbot did not create it: close it if the rebuild is no longer needed.`,
    );
  } else {
    lines.push(`When this merges, ${ref} becomes **outstanding** debt: close it once the proper build has replaced the hack.`);
  }
  return lines;
}

/** The hack PR's one sticky comment, rendered from its state (so any event can re-render it). */
export function renderHackComment(state: HackPrState, here: RepoRef, options: { label: string; createDebtIssue: boolean }): string {
  if (!state.declared) {
    const lines = ["### This pull request is no longer treated as a hack", "", `The ${escapeInlineCode(options.label)} label was removed.`];
    const debt = state.debt;
    if (debt && debt.state === "open") {
      const ref = referenceLabel(debt, here);
      lines.push(
        "",
        `**Should ${ref} be closed?** It is still open as this hack's rebuild debt. If the rebuild is no longer needed, close ${ref} as not planned; intentbot never closes it on its own. If this is still a hack, add the ${escapeInlineCode(options.label)} label back.`,
      );
    } else if (debt) {
      lines.push("", `Its debt issue ${referenceLabel(debt, here)} is closed.`);
    }
    const textWays = (state.withdrawn?.ways ?? []).filter((w) => w !== "command" && w !== "label");
    if (textWays.length > 0 || state.withdrawn?.ways.includes("command")) {
      lines.push("", "To declare it a hack again, add the label back or comment `/hack <reason>`.");
    }
    return lines.join("\n");
  }
  const lines = ["### 🚧 This pull request is a hack", "", `Declared by ${describeWays(state, options.label)}.`];
  if (state.debt) {
    lines.push(...["", ...debtLine(state, here)]);
    if (state.problem?.ref) lines.push("", noteText(state.problem.kind, state.problem.ref, state.debt, here));
  } else {
    lines.push("", `⚠️ ${problemText(state, here, options.createDebtIssue)}`);
    if (!state.problem?.ref) lines.push("", ...FIX_EXAMPLE);
  }
  return lines.join("\n");
}

/** The `Hack debt` check run of an open PR. */
export function hackCheck(state: HackPrState, here: RepoRef, options: { label: string; createDebtIssue: boolean; mode: Mode }): CheckResult {
  const summary = renderHackComment(state, here, options).replace(/^### .*\n\n/, "");
  if (!state.declared) return { name: HACK_CHECK, conclusion: conclusion(options.mode, true), title: "Not a hack", summary };
  if (state.debt) {
    const ref = referenceLabel(state.debt, here);
    const title = state.debt.state === "closed" && state.debt.stateReason !== "not_planned" ? `Rebuild debt ${ref} repaid` : `Rebuild debt tracked in ${ref}`;
    return { name: HACK_CHECK, conclusion: conclusion(options.mode, true), title, summary };
  }
  const ref = state.problem?.ref ? referenceLabel(state.problem.ref, here) : undefined;
  const title =
    state.problem?.kind === "named missing"
      ? `Debt issue ${ref ?? ""} not found`
      : state.problem?.kind === "named closed"
        ? `Debt issue ${ref ?? ""} is closed`
        : state.problem?.kind === "named pull request"
          ? `${ref ?? "The debt"} is a pull request, not an issue`
          : "No debt issue named";
  return { name: HACK_CHECK, conclusion: conclusion(options.mode, false), title, summary };
}

// Replies to `/hack` (the common ones are in `core/command-answers.ts`).

const USAGE = ["```", "/hack <reason> [Debt: #123]", "```", "", "For example: `/hack Prices are hard-coded for the launch demo. Debt: #45`. Without `Debt:`, intentbot creates the debt issue."];

/** After a permission refusal: how the author can declare the hack without the command. */
export const hackDeclaredElsewhere = (label: string) =>
  `Someone with that access can comment it, or the author can declare the hack in the pull request itself: a ${escapeInlineCode(label)} label, a title starting with a hack prefix, or a “Hack” section in the description.`;

export function usageReply(problem: { problem: "no reason" } | { problem: "unreadable debt"; given: string }): string {
  const what =
    problem.problem === "no reason"
      ? "`/hack` needs a reason: say why this shortcut is acceptable for now, so that whoever rebuilds it knows."
      : `\`/hack\` could not read the debt issue ${codeSpan(problem.given)}: name it as \`#123\`, \`owner/repo#123\` or an issue URL.`;
  return [what, "", "Usage:", "", ...USAGE].join("\n");
}
