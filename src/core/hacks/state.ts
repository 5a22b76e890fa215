import { z } from "zod";
import { dataMarker, readDataMarker } from "../markers.js";
import { declarationWays } from "./declaration.js";

/**
 * What intentbot knows about one hack pull request, kept in the data marker
 * of its `hack` sticky comment on the PR (trusted only there, in the bot's own
 * comment). It is what makes the debt link survive restarts and redeliveries:
 * the debt issue's number is written here as soon as the issue exists.
 */

const ref = z.object({ owner: z.string(), repo: z.string(), number: z.number().int().positive() });
const way = z.enum(declarationWays);

export const problemKinds = ["named missing", "named closed", "named pull request", "none named"] as const;
export type ProblemKind = (typeof problemKinds)[number];

export const hackPrStateSchema = z.object({
  kind: z.literal("hack-pr"),
  version: z.literal(1),
  declared: z.boolean(),
  /** How it is (or was last) declared. */
  ways: z.array(way),
  /** A person removed the hack label; the text declarations present then no longer count. */
  withdrawn: z.object({ ways: z.array(way) }).optional(),
  /** The latest accepted `/hack` comment. */
  command: z
    .object({
      by: z.string(),
      reason: z.string(),
      fields: z
        .object({
          debt: ref.optional(),
          rebuildWhen: z.string().optional(),
          rebuildBy: z.string().optional(),
          hackEstimate: z.string().optional(),
          rebuildEstimate: z.string().optional(),
          properBuild: z.string().optional(),
        })
        .default({}),
    })
    .optional(),
  debt: ref
    .extend({
      createdByApp: z.boolean(),
      state: z.enum(["open", "closed"]),
      stateReason: z.string().optional(),
    })
    .optional(),
  /** Why the PR has no usable debt issue (or, with a debt issue, why the one it names was not used). */
  problem: z.object({ kind: z.enum(problemKinds), ref: ref.optional() }).optional(),
  pr: z.object({ state: z.enum(["open", "merged", "closed"]), mergedAt: z.string().optional() }),
});

export type HackPrState = z.infer<typeof hackPrStateSchema>;
export type LinkedDebt = NonNullable<HackPrState["debt"]>;

export function hackStateMarker(state: HackPrState): string {
  return dataMarker(state);
}

export function readHackState(body: string | null | undefined): HackPrState | undefined {
  const parsed = hackPrStateSchema.safeParse(readDataMarker(body));
  return parsed.success ? parsed.data : undefined;
}
