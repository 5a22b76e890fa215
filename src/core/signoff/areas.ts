import { compileGlob, type Glob } from "../glob.js";
import { isTeam, normalizeTeam } from "./teams.js";

export interface TeamAreas {
  /** Each touched team (normalised `@org/team`) with the PR's files in its area, in first-seen order. */
  teams: Map<string, string[]>;
  /** Files no team owns. */
  unowned: string[];
}

export type OwnersOf = (path: string) => readonly string[] | undefined;

/**
 * Which teams' areas a change touches. CODEOWNERS teams come first; a team
 * named in `signoff.teams` has its area defined by those globs instead (an
 * override), and configured teams absent from CODEOWNERS are added.
 * Configured globs follow `../glob.ts`: `*` stays within a segment, `**`
 * spans segments, a glob is matched against the whole path.
 */
export function teamAreas(files: readonly string[], ownersOf: OwnersOf, configured: Record<string, readonly string[]>): TeamAreas {
  const overrides = Object.entries(configured).map(([team, globs]) => ({
    team: normalizeTeam(team),
    // Validation refuses a glob that does not compile; should one slip through, it matches nothing.
    globs: globs.flatMap((pattern): Glob[] => {
      const result = compileGlob(pattern);
      return result.ok ? [result.glob] : [];
    }),
  }));
  const overridden = new Set(overrides.map((o) => o.team));
  const teams = new Map<string, string[]>();
  const unowned: string[] = [];
  for (const file of files) {
    const owners = new Set<string>();
    for (const owner of ownersOf(file) ?? []) {
      const team = normalizeTeam(owner);
      if (isTeam(owner) && !overridden.has(team)) owners.add(team);
    }
    for (const { team, globs } of overrides) if (globs.some((glob) => glob.matches(file))) owners.add(team);
    if (owners.size === 0) unowned.push(file);
    for (const team of owners) {
      const area = teams.get(team);
      if (area) area.push(file);
      else teams.set(team, [file]);
    }
  }
  return { teams, unowned };
}
