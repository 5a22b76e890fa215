import { debtRecordMarker, debtRecordSchema, type DebtRecord, type HackPullRequest } from "../debt/record.js";
import { dataMarkerSpans } from "../markers.js";
import type { CodeMarker } from "./diff.js";
import { estimateHours, fieldsFromBody, mergeFields, type HackFields } from "./fields.js";
import type { HackText } from "./read.js";
import type { RepoRef } from "../repo.js";

/** What the debt issue says about the hack, derived from the hack PR (and its `/hack` comment). */
export interface HackContent {
  title: string;
  reason?: string | undefined;
  properBuild?: string | undefined;
  rebuildWhen?: string | undefined;
  rebuildBy?: string | undefined;
  estimate: { hack?: string | undefined; rebuild?: string | undefined; rebuildHours?: number | undefined };
  owner: string;
}

export interface CommandDeclaration {
  by: string;
  reason: string;
  fields: HackFields;
}

/** The description's fields win; the `/hack` comment fills what it leaves out (for a description not yet read: the CLI's). */
export function hackFields(body: string | null | undefined, command: CommandDeclaration | undefined, here: RepoRef): HackFields {
  return mergeFields(fieldsFromBody(body, here), command?.fields);
}

/** The same, from a description the parse worker read. */
export function textFields(text: HackText, command: CommandDeclaration | undefined): HackFields {
  return mergeFields(text.fields, command?.fields);
}

export function hackContent(text: HackText, author: string, command: CommandDeclaration | undefined): HackContent {
  const fields = textFields(text, command);
  const reasons = [text.body.section || undefined, command?.reason].filter((r): r is string => r !== undefined && r.trim() !== "");
  const rebuild = fields.rebuildEstimate;
  return {
    title: text.title,
    reason: reasons.length > 0 ? reasons.join("\n\n") : undefined,
    properBuild: fields.properBuild ?? text.body.properBuild,
    rebuildWhen: fields.rebuildWhen,
    rebuildBy: fields.rebuildBy,
    estimate: { hack: fields.hackEstimate, rebuild, rebuildHours: estimateHours(rebuild) },
    owner: author,
  };
}

/** What the PR changed, as read from its files. */
export interface HackChanges {
  files: string[];
  markers: CodeMarker[];
  sha: string;
}

export interface IntentSummary {
  why?: string | undefined;
  who?: string | undefined;
  /** The ticket it was inherited from, e.g. `#7`. */
  from?: string | undefined;
}

export interface RecordUpdate {
  /** Set only when the record is new. */
  createdByApp: boolean;
  /** The hack PR's entry; its `repo` is set when it lives in another repository than the debt issue. Its files and `headSha` come from `changes`. */
  pr: Omit<HackPullRequest, "files" | "headSha">;
  content?: HackContent | undefined;
  changes?: HackChanges | undefined;
  intent?: IntentSummary | undefined;
}

const MAX_FILES = 200;
const MAX_MARKERS = 50;

const samePr = (a: { number: number; repo?: string | undefined }, b: { number: number; repo?: string | undefined }) =>
  a.number === b.number && (a.repo ?? "").toLowerCase() === (b.repo ?? "").toLowerCase();

const unique = (items: readonly string[]) => [...new Set(items)];

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The debt record after one hack PR's news. The PR that the record started
 * from (its first hack PR, or the PR that creates it) keeps the descriptive
 * fields in sync with its description; any other PR only fills gaps, so a
 * second hack (or a `/phase` record) never overwrites what is there.
 */
export function updateRecord(previous: DebtRecord | undefined, update: RecordUpdate): DebtRecord {
  const base: DebtRecord = previous ?? { kind: "debt", version: 1, createdByApp: update.createdByApp, hackPrs: [], estimate: {}, files: [], teams: [] };
  const existing = base.hackPrs.find((p) => samePr(p, update.pr));
  // The entry's files and the head commit they were read at change together: `needsChanges`
  // reads them again only when the PR's head has moved from that commit.
  const entry: HackPullRequest = withoutUndefined({
    ...existing,
    ...update.pr,
    files: update.changes ? update.changes.files.slice(0, MAX_FILES) : existing?.files,
    headSha: update.changes ? update.changes.sha : existing?.headSha,
  });
  const hackPrs = existing ? base.hackPrs.map((p) => (p === existing ? entry : p)) : [...base.hackPrs, entry];
  const isSource = previous === undefined || samePr(previous.hackPrs[0] ?? { number: -1 }, update.pr);

  let record: DebtRecord = { ...base, hackPrs };
  const content = update.content;
  if (content) {
    const descriptive = {
      title: content.title,
      reason: content.reason,
      properBuild: content.properBuild,
      rebuildWhen: content.rebuildWhen,
      rebuildBy: content.rebuildBy,
      owner: content.owner,
    };
    const estimate = withoutUndefined(content.estimate);
    if (isSource) {
      record = { ...withoutDescriptive(record), ...withoutUndefined(descriptive), estimate };
    } else {
      record = { ...withoutUndefined(descriptive), ...withoutUndefined(record), estimate: { ...estimate, ...record.estimate } };
    }
  }
  if (update.intent && (isSource || !record.intent)) {
    const intent = withoutUndefined(update.intent);
    record = Object.keys(intent).length > 0 ? { ...record, intent } : withoutIntent(record);
  }
  if (update.changes) {
    const attributed = new Set(base.hackPrs.flatMap((p) => p.files ?? []));
    const unattributed = base.files.filter((f) => !attributed.has(f));
    const files = unique([...unattributed, ...hackPrs.flatMap((p) => p.files ?? [])]).slice(0, MAX_FILES);
    const repo = update.pr.repo;
    const others = (base.markers ?? []).filter((m) => !samePr(m.repo === undefined ? { number: m.pr } : { number: m.pr, repo: m.repo }, update.pr));
    const mine = update.changes.markers.map((m) => withoutUndefined({ pr: update.pr.number, repo, ...m, sha: update.changes?.sha ?? "" }));
    const markers = [...others, ...mine].slice(0, MAX_MARKERS);
    record = { ...record, files };
    record = markers.length > 0 ? { ...record, markers } : withoutMarkers(record);
  }
  return canonical(record);
}

/** The schema's key order, so that an unchanged record serialises to the same text (and nothing is written). */
function canonical(record: DebtRecord): DebtRecord {
  return debtRecordSchema.parse(record);
}

function omit<T extends object>(value: T, keys: readonly (keyof T)[]): T {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

function withoutDescriptive(record: DebtRecord): DebtRecord {
  return { ...omit(record, ["title", "reason", "properBuild", "rebuildWhen", "rebuildBy", "owner"]), estimate: {} };
}

const withoutIntent = (record: DebtRecord): DebtRecord => omit(record, ["intent"]);
const withoutMarkers = (record: DebtRecord): DebtRecord => omit(record, ["markers"]);

/** The record without one hack PR (its link moved to another debt issue). */
export function removeHackPr(record: DebtRecord, pr: { number: number; repo?: string | undefined }, supersededBy?: { repo?: string | undefined; number: number }): DebtRecord {
  const hackPrs = record.hackPrs.filter((p) => !samePr(p, pr));
  const markers = (record.markers ?? []).filter((m) => !samePr(m.repo === undefined ? { number: m.pr } : { number: m.pr, repo: m.repo }, pr));
  const removedFiles = new Set(record.hackPrs.filter((p) => samePr(p, pr)).flatMap((p) => p.files ?? []));
  const keptFiles = new Set(hackPrs.flatMap((p) => p.files ?? []));
  let next: DebtRecord = { ...record, hackPrs, files: record.files.filter((f) => !removedFiles.has(f) || keptFiles.has(f)) };
  next = markers.length > 0 ? { ...next, markers } : withoutMarkers(next);
  return canonical(supersededBy && hackPrs.length === 0 ? { ...next, supersededBy: withoutUndefined(supersededBy) } : next);
}

/** Whether anything other than this PR still needs the debt: another live hack, or a `/phase` hack phase. */
export function otherHacksNeedIt(record: DebtRecord | undefined, pr: { number: number; repo?: string | undefined }): boolean {
  if (!record) return false;
  if (record.phase) return true;
  return record.hackPrs.some((p) => !samePr(p, pr) && p.declared && p.state !== "closed");
}

export const DEBT_REGION_START = "<!-- intentbot:hack-debt -->";
export const DEBT_REGION_END = "<!-- /intentbot:hack-debt -->";

/** Text of a debt issue's body as people left it, or a place the app writes: its region, its record. */
export type DebtBodyPiece = string | { slot: "region" | "record" };

/**
 * A debt issue's body cut where the app writes into it, so that a write is a
 * join (`fillDebtBody`) and never searches the text again: the region between
 * its markers, and the last record outside it (the one `readDebtRecord`
 * reads, so the record written is the record read back). A body without the
 * region (one written by another feature, or edited away) only has its record
 * replaced; one without a record gets it appended. People may edit the body,
 * so this runs in the parse worker (`readDebtBody`); it is linear in any case.
 */
export function cutDebtBody(body: string): DebtBodyPiece[] {
  const start = body.indexOf(DEBT_REGION_START);
  const end = body.indexOf(DEBT_REGION_END);
  const pieces: DebtBodyPiece[] = start >= 0 && end > start ? [body.slice(0, start), { slot: "region" }, body.slice(end)] : [body];
  for (let index = pieces.length - 1; index >= 0; index--) {
    const piece = pieces[index];
    if (typeof piece !== "string") continue;
    const record = dataMarkerSpans(piece).findLast((span) => span.content.startsWith("{") && span.content.endsWith("}"));
    if (!record) continue;
    pieces.splice(index, 1, piece.slice(0, record.start), { slot: "record" }, piece.slice(record.end));
    return pieces;
  }
  const last = pieces.length - 1;
  pieces[last] = (pieces[last] as string).trimEnd();
  pieces.push("\n\n", { slot: "record" });
  return pieces;
}

/** The body with the app's region and record written into their places. */
export function fillDebtBody(pieces: readonly DebtBodyPiece[], region: string, record: DebtRecord): string {
  const marker = debtRecordMarker(record);
  return pieces.map((piece) => (typeof piece === "string" ? piece : piece.slot === "region" ? `${DEBT_REGION_START}\n${region}\n` : marker)).join("");
}

/** The debt issue's body with the bot's region and record replaced; what people wrote outside the region is kept. */
export function spliceDebtBody(body: string, region: string, record: DebtRecord): string {
  return fillDebtBody(cutDebtBody(body), region, record);
}

/** A new debt issue's body, cut: the region, then the record. */
export const NEW_DEBT_BODY: readonly DebtBodyPiece[] = ["", { slot: "region" }, `${DEBT_REGION_END}\n\n`, { slot: "record" }];

/** A new debt issue's body: the region, then the record. */
export function newDebtBody(region: string, record: DebtRecord): string {
  return fillDebtBody(NEW_DEBT_BODY, region, record);
}
