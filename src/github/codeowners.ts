import { LRUCache } from "lru-cache";
import { CODEOWNERS_PATHS, compileCodeowners, type CodeownersMatcher } from "../core/codeowners/index.js";
import type { OwnersOf } from "../core/signoff/areas.js";
import { readTextFile, type RepositoryFiles } from "./files.js";
import type { Log, RepoRef } from "./types.js";

/** GitHub accepts CODEOWNERS files up to 3 MB; a few such files must not pin the heap. */
const CACHE_CHARACTERS = 20_000_000;

/** Compiled CODEOWNERS files, a small LRU keyed by their text (a file changes rarely, PRs are many); held in `Services`. */
export class CodeownersCache {
  private readonly compiled = new LRUCache<string, CodeownersMatcher>({ max: 50, maxSize: CACHE_CHARACTERS, sizeCalculation: (_, text) => Math.max(1, text.length) });

  get(text: string): CodeownersMatcher {
    const hit = this.compiled.get(text);
    if (hit) return hit;
    const matcher = compileCodeowners(text);
    this.compiled.set(text, matcher);
    return matcher;
  }
}

/**
 * The owners lookup of the CODEOWNERS file GitHub itself uses: on `ref` (a
 * pull request's base branch; the default branch when omitted), the first
 * found of `.github/`, root, `docs/`. Compiled once per file text, invalid
 * lines logged and skipped. The file itself is revalidated by its ETag
 * (`read-caches.ts`), so an unchanged one costs no rate limit.
 */
export async function readCodeowners(files: RepositoryFiles, cache: CodeownersCache, repo: RepoRef, ref: string | undefined, log: Log): Promise<OwnersOf> {
  for (const path of CODEOWNERS_PATHS) {
    const text = await readTextFile(files, repo, path, ref);
    if (text === undefined) continue;
    const compiled = cache.get(text);
    if (compiled.errors.length > 0) log.warn({ path, errors: compiled.errors }, "invalid CODEOWNERS lines skipped");
    return (file) => compiled.ownersOf(file);
  }
  return () => undefined;
}
