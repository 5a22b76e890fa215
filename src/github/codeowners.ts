import { CODEOWNERS_PATHS, compileCached } from "../core/codeowners/index.js";
import type { OwnersOf } from "../core/signoff/areas.js";
import { readTextFile } from "./files.js";
import type { GitHub, Log, RepoRef } from "./types.js";

/**
 * The owners lookup of the CODEOWNERS file GitHub itself uses: on `ref` (a
 * pull request's base branch; the default branch when omitted), the first
 * found of `.github/`, root, `docs/`.
 * Compiled once per file text (cached), invalid lines logged and skipped.
 */
export async function readCodeowners(octokit: GitHub, repo: RepoRef, ref: string | undefined, log: Log): Promise<OwnersOf> {
  for (const path of CODEOWNERS_PATHS) {
    const text = await readTextFile(octokit, repo, path, ref);
    if (text === undefined) continue;
    const compiled = compileCached(text);
    if (compiled.errors.length > 0) log.warn({ path, errors: compiled.errors }, "invalid CODEOWNERS lines skipped");
    return (file) => compiled.ownersOf(file);
  }
  return () => undefined;
}
