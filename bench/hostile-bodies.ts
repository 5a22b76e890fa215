/**
 * Bodies of GitHub's maximum size (65,536 characters) shaped to make a parser
 * backtrack, recurse or allocate: the attacks measured in issue 9 and their
 * neighbours. Shared by the benchmarks and the property tests.
 */
export const MAX_BODY = 65_536;

/** `unit` repeated up to `length` characters. */
export const repeatTo = (unit: string, length = MAX_BODY) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** `head`, then `fill` repeated, then `tail`, `length` characters in all. */
export const padded = (head: string, fill: string, tail = "", length = MAX_BODY) => head + repeatTo(fill, Math.max(0, length - head.length - tail.length)) + tail;

function wideTable(columns: number, length: number): string {
  const header = `|${"a|".repeat(columns)}\n|${"-|".repeat(columns)}\n`;
  return padded(header, "x\n", "", length);
}

/** Every hostile body by name, at `length` characters (the maximum by default). */
export function hostileBodies(length = MAX_BODY): Record<string, string> {
  return {
    "1,000-column table, then x rows": wideTable(1_000, length),
    "64-column table, then x rows": wideTable(64, length),
    "1,000-column table in a quote": wideTable(1_000, length).replace(/^/gm, "> ").slice(0, length),
    "> repeated": repeatTo(">", length),
    "> > repeated": repeatTo("> ", length),
    "1. repeated": repeatTo("1. ", length),
    "- repeated": repeatTo("- ", length),
    "lists nested by indentation": repeatTo(Array.from({ length: 300 }, (_, i) => `${" ".repeat(2 * i)}- x\n`).join(""), length),
    "lists nested by indentation in a quote": repeatTo(Array.from({ length: 300 }, (_, i) => `> ${" ".repeat(2 * i)}- x\n`).join(""), length),
    "_a repeated": repeatTo("_a", length),
    "*a repeated": repeatTo("*a", length),
    "**a repeated": repeatTo("**a", length),
    "[ repeated": repeatTo("[", length),
    "[a]( repeated": repeatTo("[a](", length),
    "backticks of growing runs": repeatTo(Array.from({ length: 300 }, (_, i) => "`".repeat(i + 1)).join(" "), length),
    "<!-- repeated": repeatTo("<!--", length),
    "<a b=\" repeated": repeatTo('<a b="', length),
    "<a b='\"' repeated": repeatTo("<a b='\"' c=\"'", length),
    "/phase, spaces, U+2028": padded("/phase", " ", "\u2028x", length),
    "/phase, spaces, x": padded("/phase", " ", "x", length),
    "blank runs with U+2028, U+2029, NBSP": repeatTo(" \u2028\u00a0\u2029\t", length),
    "fixes and spaces": padded("fixes", " ", "", length),
    "fixes: and spaces": padded("fixes:", " ", "x", length),
    "#1 repeated": repeatTo("#1 ", length),
    "as a b I want repeated": repeatTo("as a b I want ", length),
    "as a b I want so that, no end": padded("as a b I want ", "so that ", "\u2028", length),
    "Why and spaces": padded("Why", " ", "x", length),
    "Why: spaces, U+2028": padded("Why:", " ", "\u2028x", length),
    "## Why, then words": padded("## Why\n", "word ", "", length),
    "newlines": repeatTo("\n", length),
  };
}
