import { z } from "zod";
import { dataMarker, readDataMarker } from "../markers.js";
import type { Signoff } from "./decide.js";

/**
 * Sign-offs given with `/signoff` live in the hidden data of the app's own
 * sign-off comment (reviews are read from GitHub each time), so they survive
 * restarts and are shared by every instance.
 */
const stateSchema = z.object({
  kind: z.literal("signoff"),
  signoffs: z.array(
    z.object({
      team: z.string(),
      user: z.string(),
      at: z.string(),
      sha: z.string(),
      via: z.literal("command"),
      note: z.string().optional(),
    }),
  ),
});

export function readCommandSignoffs(body: string | undefined): Signoff[] {
  const parsed = stateSchema.safeParse(readDataMarker(body));
  return parsed.success ? parsed.data.signoffs : [];
}

export function commandSignoffsMarker(signoffs: readonly Signoff[]): string {
  return dataMarker({ kind: "signoff", signoffs: signoffs.filter((s) => s.via === "command") });
}
