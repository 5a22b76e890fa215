import { MAX_ESTIMATE_HOURS } from "../bounds.js";
import { sameRepository } from "../intent/references.js";
import { maskIgnoredBlocks, stripHtmlComments } from "../markdown.js";
import { firstWord, isLineTerminator, skipSpaces, trimEndOf } from "../scan.js";
import type { RepoRef } from "../repo.js";

/** An issue named as a hack's rebuild debt. */
export interface DebtRef {
  owner: string;
  repo: string;
  number: number;
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

/** Each label with its field, in the order they are tried: `rebuild when` before `rebuild`. */
const LABEL_LIST: readonly { field: FieldName; label: string }[] = (Object.keys(LABELS) as FieldName[]).flatMap((field) =>
  LABELS[field].map((label) => ({ field, label })),
);

/** The letters a label starts with: most lines are turned away on their first letter. */
const LABEL_STARTS = new Set(LABEL_LIST.map(({ label }) => label.charCodeAt(0)));

const EMPHASIS = ["**", "__"];

/** Past `**` or `__` at `at`, if there is one there. */
function skipEmphasis(line: string, at: number): number {
  return EMPHASIS.some((mark) => line.startsWith(mark, at)) ? at + 2 : at;
}

const isAsciiUpper = (code: number) => code >= 0x41 && code <= 0x5a;
const asciiLower = (code: number) => (isAsciiUpper(code) ? code + 0x20 : code);

/** Where `label` ends when it starts at `at`, any run of white space standing for its spaces, letters in any case. */
function matchLabel(line: string, at: number, label: string): number | undefined {
  let pos = at;
  for (let i = 0; i < label.length; i++) {
    const want = label.charCodeAt(i);
    if (want === 0x20) {
      const after = skipSpaces(line, pos);
      if (after === pos) return undefined;
      pos = after;
      continue;
    }
    if (asciiLower(line.charCodeAt(pos)) !== want) return undefined;
    pos++;
  }
  return pos;
}

/** Past the label's closing `**` and the colon (`:` or `：`), or undefined when no colon follows. */
function skipColon(line: string, at: number): number | undefined {
  const colon = skipSpaces(line, skipEmphasis(line, at));
  const char = line.charAt(colon);
  return char === ":" || char === "：" ? colon + 1 : undefined;
}

/**
 * The field a line states, if any (also used to keep field lines out of a
 * reason): `Label: value`, `- **Label:** value`, `__Label__: value`; the
 * colon ends the label, so `Rebuild when:` never reads as `Rebuild:`. Scanned
 * rather than matched with one regular expression, which backtracked for
 * minutes over a long run of spaces before a line separator. As before, a
 * value holding a line terminator (`\r`, U+2028, U+2029) is no field value.
 */
export function fieldOfLine(line: string): { field: FieldName; value: string } | undefined {
  let at = skipSpaces(line);
  if (at < line.length && "-*+".includes(line.charAt(at))) {
    const afterBullet = skipSpaces(line, at + 1);
    if (afterBullet > at + 1) at = afterBullet;
  }
  at = skipEmphasis(line, at);
  if (!LABEL_STARTS.has(asciiLower(line.charCodeAt(at)))) return undefined;
  for (const { field, label } of LABEL_LIST) {
    const end = matchLabel(line, at, label);
    const afterColon = end === undefined ? undefined : skipColon(line, end);
    if (afterColon === undefined) continue;
    const start = skipSpaces(line, skipEmphasis(line, skipSpaces(line, afterColon)));
    for (let i = start; i < line.length; i++) if (isLineTerminator(line.charCodeAt(i))) return undefined;
    return { field, value: withoutClosingEmphasis(line.slice(start)) };
  }
  return undefined;
}

/** `value**` (the bold closed after the value) reads as `value`. */
function withoutClosingEmphasis(value: string): string {
  const trimmed = value.trimEnd();
  return (EMPHASIS.some((mark) => trimmed.endsWith(mark)) ? trimmed.slice(0, -2) : trimmed).trim();
}

const OWNER = String.raw`[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})`;
const REPO = String.raw`[A-Za-z0-9._-]{1,100}`;
const SHORT_REF = new RegExp(String.raw`^(?:(${OWNER})\/(${REPO}))?#(\d+)$`);
const ISSUE_URL = new RegExp(String.raw`^<?https:\/\/github\.com\/(${OWNER})\/(${REPO})\/issues\/(\d+)\/?(?:[#?]\S*)?>?$`, "i");
const MARKDOWN_LINK = /^\[[^\]]*\]\(([^)\s]+)\)/;

/** `#45`, `owner/repo#45`, `https://github.com/owner/repo/issues/45` or a Markdown link to one. */
export function parseIssueRef(text: string, here: RepoRef): DebtRef | undefined {
  const trimmed = text.trim();
  const linked = MARKDOWN_LINK.exec(trimmed)?.[1];
  const token = trimEndOf(linked ?? firstWord(trimmed), ".,;:)");
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
    sameRepository(a, b)
  );
}

const ISO_DAY = /^(\d{4})[-/](\d{2})[-/](\d{2})$/;

function isoDay(text: string): string | undefined {
  const match = ISO_DAY.exec(trimEndOf(text.trim(), ".,;"));
  if (!match) return undefined;
  const day = `${match[1]}-${match[2]}-${match[3]}`;
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day ? undefined : day;
}

/** Reads the fields from lines of text; the first value of each field wins. */
export function fieldsFromLines(lines: readonly string[], here: RepoRef): HackFields {
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
export function fieldsFromBody(body: string | null | undefined, here: RepoRef): HackFields {
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

const HOURS_PER_UNIT: ReadonlyMap<string, number> = new Map([
  ...["h", "hr", "hrs", "hour", "hours"].map((unit) => [unit, 1] as const),
  ...["d", "day", "days"].map((unit) => [unit, 8] as const),
  ...["w", "wk", "wks", "week", "weeks"].map((unit) => [unit, 40] as const),
  ...["mo", "month", "months"].map((unit) => [unit, 160] as const),
]);

/** A few digits each side of the point: more only ever means an amount out of range. */
const AMOUNT = /^~?\s*(\d{1,7})(?:([.,])(\d{1,7}))?\s*([a-z]+)\.?$/i;

/**
 * An estimate in working hours (8-hour days, 5-day weeks, 20-day months), for
 * the dashboard's totals; undefined when the text is not a plain amount, or
 * one above `MAX_ESTIMATE_HOURS` (the text is then shown as written, never
 * counted). `1,000h` is undefined too: a comma before three digits may group
 * thousands or mark decimals, and a wrong guess is off by a thousand.
 */
export function estimateHours(text: string | undefined): number | undefined {
  const match = AMOUNT.exec((text ?? "").trim());
  const [, whole, point, fraction, unit] = match ?? [];
  const perUnit = HOURS_PER_UNIT.get(unit?.toLowerCase() ?? "");
  if (whole === undefined || perUnit === undefined) return undefined;
  if (point === "," && fraction?.length === 3) return undefined;
  const hours = Math.round(Number(`${whole}.${fraction ?? "0"}`) * perUnit * 100) / 100;
  return hours <= MAX_ESTIMATE_HOURS ? hours : undefined;
}
