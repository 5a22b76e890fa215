import { compileCodeowners, type CodeownersMatcher } from "./matcher.js";

export { compileCodeowners, type CodeownersMatcher } from "./matcher.js";
export { parseCodeowners, type LineError, type Rule } from "./parse.js";

/** Where GitHub looks for CODEOWNERS, in its order: the first file found is used. */
export const CODEOWNERS_PATHS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"] as const;

const CACHE_SIZE = 50;
/** GitHub accepts CODEOWNERS files up to 3 MB; a few such files must not pin the heap. */
const CACHE_CHARACTERS = 20_000_000;
const cache = new Map<string, CodeownersMatcher>();
let cachedCharacters = 0;

/** The compiled file, from a small LRU keyed by its text (it changes rarely, PRs are many). */
export function compileCached(text: string): CodeownersMatcher {
  const hit = cache.get(text);
  if (hit) {
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const compiled = compileCodeowners(text);
  cache.set(text, compiled);
  cachedCharacters += text.length;
  for (const oldest of cache.keys()) {
    if (cache.size <= 1 || (cache.size <= CACHE_SIZE && cachedCharacters <= CACHE_CHARACTERS)) break;
    cache.delete(oldest);
    cachedCharacters -= oldest.length;
  }
  return compiled;
}
