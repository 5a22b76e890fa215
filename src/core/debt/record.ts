import { z } from "zod";
import { MAX_ESTIMATE_HOURS } from "../bounds.js";
import { dataMarker, dataMarkerOf, dataMarkerSpans, readDataMarker } from "../markers.js";

/**
 * The machine-readable state of one rebuild-debt issue: the contract between
 * the hack-debt feature (which writes it), `/phase` (whose hack phases create
 * debt) and the dashboard (which reads it). It lives in GitHub, never in
 * process memory: in the body of a debt issue the app created, or in the app's
 * `debt` sticky comment on a debt issue a person created. It is trusted only
 * where the app's own bot account wrote it.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, "an ISO date");

export const hackPullRequestSchema = z.object({
  /** `owner/repo` when the PR lives in another repository than the debt issue. */
  repo: z.string().optional(),
  number: z.number().int().positive(),
  state: z.enum(["open", "merged", "closed"]),
  /** When it merged: the day the hack shipped. */
  mergedAt: isoDate.optional(),
  author: z.string().optional(),
  /** Whether the PR still declares the hack (its label or other declaration). */
  declared: z.boolean().default(true),
  /** Hack debt: the PR's title, the files it touched. */
  title: z.string().optional(),
  files: z.array(z.string()).optional(),
  /**
   * The head commit the files were read at: they are not read again until the
   * PR's head moves. An entry whose files were never read has none.
   */
  headSha: z.string().optional(),
});

export const debtRecordSchema = z.object({
  kind: z.literal("debt"),
  version: z.literal(1),
  /** The app created the issue (it may close it as not planned when the hack is abandoned). */
  createdByApp: z.boolean(),
  hackPrs: z.array(hackPullRequestSchema).default([]),
  reason: z.string().optional(),
  /** GitHub login of the person who owns the rebuild. */
  owner: z.string().optional(),
  estimate: z
    .object({
      /** As written, e.g. `2d`. */
      hack: z.string().optional(),
      rebuild: z.string().optional(),
      /**
       * The rebuild estimate in working hours, for totals: what `estimateHours`
       * can give. A value outside (from an older version) reads as no hours
       * rather than making the whole record unreadable.
       */
      rebuildHours: z.number().nonnegative().max(MAX_ESTIMATE_HOURS).optional().catch(undefined),
    })
    .default({}),
  rebuildWhen: z.string().optional(),
  rebuildBy: isoDate.optional(),
  /** Files the hack touched, for the dashboard's interest (later PRs changing them). */
  files: z.array(z.string()).default([]),
  teams: z.array(z.string()).default([]),
  /** Set when the debt comes from a hack phase of `/phase`. */
  phase: z.object({ parent: z.number().int().positive(), number: z.number().int().positive() }).optional(),
  /** Hack debt: what was hacked (the hack PR's title), what a proper build needs, the why/who the PR or its ticket states. */
  title: z.string().optional(),
  properBuild: z.string().optional(),
  intent: z.object({ why: z.string().optional(), who: z.string().optional(), from: z.string().optional() }).optional(),
  /** Hack debt: lines the hack PRs added with the code marker (`HACK:`), at the PR's head commit. */
  markers: z
    .array(z.object({ pr: z.number().int().positive(), repo: z.string().optional(), path: z.string(), line: z.number().int().positive(), text: z.string(), sha: z.string() }))
    .optional(),
  /** Hack debt: the issue that replaced this one when its hack PR named another. */
  supersededBy: z.object({ repo: z.string().optional(), number: z.number().int().positive() }).optional(),
});

export type HackPullRequest = z.infer<typeof hackPullRequestSchema>;
export type DebtRecord = z.infer<typeof debtRecordSchema>;

export function debtRecordMarker(record: DebtRecord): string {
  return dataMarker(record);
}

/** The record in a body, or undefined when there is none or it is malformed. */
export function readDebtRecord(body: string | null | undefined): DebtRecord | undefined {
  const parsed = debtRecordSchema.safeParse(readDataMarker(body));
  return parsed.success ? parsed.data : undefined;
}

const SEAL = " hmac:";

/**
 * The record in a body as GitHub holds it, sealed, read without checking its
 * seal: for `intentbot debt`, which reads with a person's token and has no
 * key. The caller still trusts only a body or comment a bot wrote.
 */
export function readSealedDebtRecordUnchecked(body: string | null | undefined): DebtRecord | undefined {
  const last = dataMarkerSpans(body ?? "").at(-1);
  if (!last) return undefined;
  const seal = last.content.lastIndexOf(SEAL);
  const json = seal < 0 ? last.content : last.content.slice(0, seal);
  return readDebtRecord(dataMarkerOf(json));
}

/** The day the hack shipped: the first merge among its PRs. */
export function shippedAt(record: DebtRecord): string | undefined {
  return record.hackPrs
    .map((pr) => pr.mergedAt)
    .filter((date): date is string => date !== undefined)
    .sort()[0];
}
