import { RE2JS } from "re2js";

/**
 * Regular expressions written by repository owners (`.github/intent.yml`) run
 * on RE2JS, a linear-time engine: no pattern, however written, can make the
 * app backtrack. RE2 syntax differs from JavaScript's in a few places (no
 * lookaround, no backreferences); such a pattern is refused at validation
 * with the reason, never run.
 */
export interface UserRegex {
  /** Whether the pattern matches anywhere in the text. */
  test(text: string): boolean;
  /** Every non-overlapping match, at most `limit`. */
  matches(text: string, limit: number): string[];
}

export type CompileResult = { ok: true; regex: UserRegex } | { ok: false; reason: string };

/** Longest pattern accepted: a longer one is refused, whatever it says. */
export const MAX_PATTERN_LENGTH = 500;

export function compileUserRegex(pattern: string, options: { ignoreCase?: boolean } = {}): CompileResult {
  if (pattern.length > MAX_PATTERN_LENGTH) return { ok: false, reason: `longer than ${MAX_PATTERN_LENGTH} characters` };
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern, options.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  return {
    ok: true,
    regex: {
      test: (text) => compiled.test(text),
      matches: (text, limit) => {
        const found: string[] = [];
        const matcher = compiled.matcher(text);
        while (found.length < limit && matcher.find()) {
          const match = matcher.group() ?? "";
          found.push(match);
        }
        return found;
      },
    },
  };
}
