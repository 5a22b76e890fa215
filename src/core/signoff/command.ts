import { normalizeTeam } from "./teams.js";

const SIGNOFF_ARGS = /^(@?[\w.-]+\/[\w.-]+)(?:\s+([\s\S]*))?$/;

/** `/signoff @org/team [note]`: the team (normalised) and the note, or undefined when the team is missing. */
export function parseSignoffArgs(args: string): { team: string; note?: string | undefined } | undefined {
  const match = SIGNOFF_ARGS.exec(args);
  if (!match?.[1]) return undefined;
  return { team: normalizeTeam(match[1]), note: match[2]?.trim() || undefined };
}
