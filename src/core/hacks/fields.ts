import { maskIgnoredBlocks, stripHtmlComments } from "../markdown.js";

/** An issue named as a hack's rebuild debt. */
export interface DebtRef {
  owner: string;
  repo: string;
  number: number;
}

interface RepoLike {
  owner: string;
  repo: string;
}

/** What a hack's description (or its `/hack` comment) says about the rebuild. */
export interface HackFields {
  /** The debt issue it names (`Debt: #45`, `Rebuild: #45`, an issue URL). */
  debt?: DebtRef | undefined;
  /** A `Debt:`/`Rebuild:` value that names no issue, as written (a usage error in a command). */
  unreadableDebt?: string | undefined;
  rebuildWhen?: string | undefined;
  /** An ISO day (`YYYY-MM-DD`). A `Rebuild by:` value that is no date goes to `rebuildWhen`. */
  rebuildBy?: string | undefined;
  hackEstimate?: string | undefined;
  rebuildEstimate?: string | undefined;
  properBuild?: string | undefined;
}

export type FieldName = "debt" | "rebuildWhen" | "rebuildBy" | "hackEstimate" | "rebuildEstimate" | "properBuild";

const LABELS: Record<FieldName, readonly string[]> = {
  rebuildWhen: ["rebuild when"],
  rebuildBy: ["rebuild by", "rebuild before", "rebuild deadline"],
  hackEstimate: ["hack estimate", "estimate (hack)", "estimate hack"],
  rebuildEstimate: ["rebuild estimate", "proper build estimate", "estimate (rebuild)", "estimate (proper build)", "estimate rebuild"],
  properBuild: ["proper build", "proper build needs", "a proper build needs", "rebuild needs"],
  debt: ["debt", "debt issue", "rebuild debt", "rebuild"],
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// `Label: value`, `- **Label:** value`, `__Label__: value`; the colon ends the label,
// so `Rebuild when:` never reads as `Rebuild:`.
const FIELD_LINE = new RegExp(
  String.raw`^\s*(?:[-*+]\s+)?(?:\*\*|__)?(${Object.values(LABELS)
    .flat()
    .map((label) => escapeRegExp(label).replace(/ /g, "\\s+"))
    .join("|")})(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(.*)$`,
  "i",
);

function fieldOfLabel(label: string): FieldName | undefined {
  const normalized = label.toLowerCase().replace(/\s+/g, " ");
  return (Object.keys(LABELS) as FieldName[]).find((field) => LABELS[field].includes(normalized));
}

/** The field a line states, if any (used to keep field lines out of a reason). */
export function fieldOfLine(line: string): { field: FieldName; value: string } | undefined {
  const match = FIELD_LINE.exec(line);
  const field = match?.[1] ? fieldOfLabel(match[1]) : undefined;
  if (!match || !field) return undefined;
  return { field, value: (match[2] ?? "").replace(/(?:\*\*|__)\s*$/, "").trim() };
}

const OWNER = String.raw`[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})`;
const REPO = String.raw`[A-Za-z0-9._-]{1,100}`;
const SHORT_REF = new RegExp(String.raw`^(?:(${OWNER})\/(${REPO}))?#(\d+)$`);
const ISSUE_URL = new RegExp(String.raw`^<?https:\/\/github\.com\/(${OWNER})\/(${REPO})\/issues\/(\d+)\/?(?:[#?]\S*)?>?$`, "i");
const MARKDOWN_LINK = /^\[[^\]]*\]\(([^)\s]+)\)/;

/** `#45`, `owner/repo#45`, `https://github.com/owner/repo/issues/45` or a Markdown link to one. */
export function parseIssueRef(text: string, here: RepoLike): DebtRef | undefined {
  const trimmed = text.trim();
  const linked = MARKDOWN_LINK.exec(trimmed)?.[1];
  const token = (linked ?? trimmed.split(/\s+/)[0] ?? "").replace(/[.,;:)]+$/, "");
  const short = SHORT_REF.exec(token);
  const url = short ? undefined : ISSUE_URL.exec(token);
  const match = short ?? url;
  if (!match) return undefined;
  const number = Number(match[3]);
  if (!Number.isSafeInteger(number) || number <= 0) return undefined;
  return { owner: match[1] ?? here.owner, repo: match[2] ?? here.repo, number };
}

export function sameRef(a: DebtRef | undefined, b: DebtRef | undefined): boolean {
  return (
    a !== undefined &&
    b !== undefined &&
    a.number === b.number &&
    a.owner.toLowerCase() === b.owner.toLowerCase() &&
    a.repo.toLowerCase() === b.repo.toLowerCase()
  );
}

/** `#45` in its own repository, `owner/repo#45` elsewhere. */
export function refLabel(ref: DebtRef, here: RepoLike): string {
  const sameRepo = ref.owner.toLowerCase() === here.owner.toLowerCase() && ref.repo.toLowerCase() === here.repo.toLowerCase();
  return sameRepo ? `#${ref.number}` : `${ref.owner}/${ref.repo}#${ref.number}`;
}

const ISO_DAY = /^(\d{4})[-/](\d{2})[-/](\d{2})$/;

function isoDay(text: string): string | undefined {
  const match = ISO_DAY.exec(text.trim().replace(/[.,;]+$/, ""));
  if (!match) return undefined;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? undefined : day;
}

/** Reads the fields from lines of text; the first value of each field wins. */
export function fieldsFromLines(lines: readonly string[], here: RepoLike): HackFields {
  const fields: HackFields = {};
  for (const line of lines) {
    const found = fieldOfLine(line);
    if (!found || found.value === "") continue;
    const { field, value } = found;
    switch (field) {
      case "debt": {
        if (fields.debt || fields.unreadableDebt) break;
        const ref = parseIssueRef(value, here);
        if (ref) fields.debt = ref;
        else fields.unreadableDebt = value;
        break;
      }
      case "rebuildBy": {
        const day = isoDay(value);
        if (day) fields.rebuildBy ??= day;
        else fields.rebuildWhen ??= `by ${value}`;
        break;
      }
      default:
        fields[field] ??= value;
    }
  }
  return fields;
}

/** The fields a PR description states; code, quotes and HTML comments are not read. */
export function fieldsFromBody(body: string | null | undefined, here: RepoLike): HackFields {
  const text = maskIgnoredBlocks(stripHtmlComments((body ?? "").replace(/\r\n?/g, "\n")));
  const fields = fieldsFromLines(text.split("\n"), here);
  // In a description, a `Rebuild: …` that names no issue is prose, not a broken link.
  delete fields.unreadableDebt;
  return fields;
}

/** The text without its `Debt:`/`Rebuild:` lines: a debt issue is not the ticket a change is for. */
export function withoutDebtLines(body: string | null | undefined): string {
  return (body ?? "")
    .split(/\r?\n/)
    .filter((line) => fieldOfLine(line)?.field !== "debt")
    .join("\n");
}

/** Later sources fill only what earlier ones left out. */
export function mergeFields(...sources: readonly (HackFields | undefined)[]): HackFields {
  const merged: HackFields = {};
  for (const source of sources) {
    for (const [key, value] of Object.entries(source ?? {}) as [keyof HackFields, HackFields[keyof HackFields]][]) {
      if (value !== undefined && merged[key] === undefined) (merged as Record<string, unknown>)[key] = value;
    }
  }
  return merged;
}

const HOURS_PER: Record<string, number> = { h: 1, d: 8, w: 40, mo: 160 };

/**
 * An estimate in working hours (8-hour days, 5-day weeks, 20-day months), for
 * the dashboard's totals; undefined when the text is not a plain amount.
 */
export function estimateHours(text: string | undefined): number | undefined {
  const match = /^~?\s*(\d+(?:[.,]\d+)?)\s*(h|hours?|hrs?|d|days?|w|weeks?|wks?|mo|months?)\.?$/i.exec((text ?? "").trim());
  if (!match?.[1] || !match[2]) return undefined;
  const unit = match[2].toLowerCase();
  const key = unit.startsWith("h") ? "h" : unit.startsWith("d") ? "d" : unit.startsWith("w") ? "w" : "mo";
  return Math.round(Number(match[1].replace(",", ".")) * (HOURS_PER[key] ?? 0) * 100) / 100;
}
