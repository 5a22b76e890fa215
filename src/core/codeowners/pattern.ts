/** A CODEOWNERS pattern as glob segments over repository paths (no leading slash), for `../glob.ts`. */

function trimSlashes(pattern: string): { body: string; leading: boolean; trailing: boolean } {
  let start = 0;
  let end = pattern.length;
  while (start < end && pattern[start] === "/") start++;
  while (end > start && pattern[end - 1] === "/") end--;
  return { body: pattern.slice(start, end), leading: start > 0, trailing: end < pattern.length };
}

/**
 * The glob segments a CODEOWNERS pattern stands for, with gitignore's rules:
 * a slash at the start or in the middle anchors the pattern at the root
 * (otherwise it may start at any depth); a pattern naming a directory owns
 * everything inside it; a trailing `/` matches directories only; a trailing
 * `/**` needs something inside; and an anchored pattern ending in `/*`
 * (`docs/*`, `/*`) owns only the files directly there, GitHub's documented
 * exception.
 */
export function patternSegments(pattern: string): string[] {
  const { body, leading, trailing } = trimSlashes(pattern);
  if (body === "") return ["**"];
  const segments = body.split("/").filter((s) => s !== "");
  const anchored = leading || segments.length > 1;
  const head = anchored || segments[0] === "**" ? [] : ["**"];
  const last = segments.at(-1);
  let tail: string[];
  if (last === "**") tail = segments.length > 1 ? ["*"] : []; // `abc/**` owns what is inside abc, not abc itself
  else if (trailing) tail = ["*", "**"];
  else if (anchored && last === "*") tail = [];
  else tail = ["**"];
  return [...head, ...segments, ...tail];
}
