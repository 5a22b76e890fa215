import { z } from "zod";
import { dataMarker, readDataMarker } from "../markers.js";
import { clip } from "../sanitize.js";
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

/** The record's share of the sign-off comment: the table gets the rest of GitHub's 65,536 characters. */
export const MAX_RECORD_CHARS = 16_000;
const NOTE_LENGTH = 200;

/**
 * The command sign-offs worth keeping: those for a team the PR touches, the
 * newest per team (an older one is on an older commit, so never fresher), its
 * note clipped, newest teams first while the record stays within
 * MAX_RECORD_CHARS. The record therefore grows with the touched teams, not
 * with the commands commented.
 */
export function keptCommandSignoffs(signoffs: readonly Signoff[], touched: ReadonlySet<string>): Signoff[] {
  const newest = new Map<string, Signoff>();
  for (const signoff of signoffs) {
    if (signoff.via !== "command" || !touched.has(signoff.team)) continue;
    const known = newest.get(signoff.team);
    if (!known || signoff.at > known.at) newest.set(signoff.team, signoff);
  }
  const kept: Signoff[] = [];
  let length = 0;
  for (const signoff of [...newest.values()].sort((a, b) => b.at.localeCompare(a.at))) {
    const clipped = signoff.note && signoff.note.length > NOTE_LENGTH ? { ...signoff, note: clip(signoff.note, NOTE_LENGTH) } : signoff;
    // Measured as written: `dataMarker` escapes `<` and `>` into six characters each.
    length += dataMarker(clipped).length;
    if (length > MAX_RECORD_CHARS) break;
    kept.push(clipped);
  }
  return kept;
}

export function commandSignoffsMarker(signoffs: readonly Signoff[]): string {
  return dataMarker({ kind: "signoff", signoffs: signoffs.filter((s) => s.via === "command") });
}
