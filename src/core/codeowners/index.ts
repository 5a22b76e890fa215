import { compileCodeowners, type CodeownersMatcher } from "./matcher.js";

export { compileCodeowners, type CodeownersMatcher } from "./matcher.js";
export { parseCodeowners, type LineError, type Rule } from "./parse.js";

/** Where GitHub looks for CODEOWNERS, in its order: the first file found is used. */
export const CODEOWNERS_PATHS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"] as const;

const CACHE_SIZE = 50;
const cache = new Map<string, CodeownersMatcher>();

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
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value ?? "");
  return compiled;
}
