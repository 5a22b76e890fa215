import fc from "fast-check";

/** GitHub's cap on a body or comment. */
export const MAX_BODY = 65_536;

/** White space a regular expression's `\s` matches but a line split on `\n` does not end at. */
const SPACES = [" ", "\t", "\u00a0", "\u2028", "\u2029", "\r", "\u3000", "\ufeff"];

/** Pieces of the syntax the parsers look for, so that repeating them walks the parsers' slowest paths. */
const DELIMITERS = [
  "Debt:", "Rebuild estimate:", "Rebuild by:", "**Rebuild", "__", ":", "：", "- [ ] ", "- [x] ", "* [X] ", "|", "#", "## Hack\n",
  "9", "99999999", ".", ",", "1,000", "1e400", "-", "—", "(", ")", "~", "2d", "1.5w", "h", "hack", "1. ", "2) ", "@@ -1 +1 @@",
  "+", "HACK:", "<!-- intentbot:action:refresh -->", "#45", "https://github.com/o/r/issues/", "[x](", "\n", "\r\n",
];

const piece = fc.oneof(fc.constantFrom(...SPACES, ...DELIMITERS), fc.string({ unit: "grapheme", maxLength: 3 }));

/** `unit` repeated until the text is `length` long (the last copy cut). */
const repeated = (unit: string, length: number) => (unit === "" || length <= 0 ? "" : unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

/**
 * Bodies up to 64 KB in the shapes that make parsers slow: a delimiter
 * repeated, a long run of (mixed) white space between two tokens, thousands
 * of newlines, deep list nesting, and plain random text.
 */
export const hostileText = (maxLength = MAX_BODY): fc.Arbitrary<string> => {
  const length = fc.integer({ min: 0, max: maxLength });
  const unit = fc
    .array(piece, { minLength: 1, maxLength: 4 })
    .map((parts) => parts.join(""));
  return fc.oneof(
    fc.tuple(unit, length).map(([u, n]) => repeated(u, n)),
    fc.tuple(unit, fc.constantFrom(...SPACES), length, unit).map(([before, space, n, after]) => before + repeated(space, n - before.length - after.length) + after),
    fc.tuple(unit, fc.array(fc.constantFrom(...SPACES), { minLength: 1, maxLength: 4 }), length, unit).map(
      ([before, spaces, n, after]) => before + repeated(spaces.join(""), n - before.length - after.length) + after,
    ),
    fc.tuple(unit, length).map(([u, n]) => repeated(`${u}\n`, n)),
    length.map((n) => repeated("\n", n)),
    fc.tuple(fc.integer({ min: 1, max: 250 }), unit).map(([depth, u]) => Array.from({ length: depth }, (_, i) => `${"  ".repeat(i)}- ${u}`).join("\n").slice(0, maxLength)),
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.array(piece, { maxLength: 60 }).map((parts) => parts.join("")),
  );
};

/** A few runs: every run may be 64 KB. */
export const HOSTILE_RUNS = { numRuns: 25 };

/** Fewer where marked lexes every run, and room for it on a busy machine (a runner limit, not a timing check). */
export const MARKDOWN_RUNS = { numRuns: 12 };
export const MARKDOWN_TIMEOUT = 60_000;
