/**
 * Text without its bracketed asides, nested or not: "Proposed changes
 * (including videos or screenshots)" is "Proposed changes ", "Mostly for
 * people with low vision (my dad is one of them)." names the group alone. An
 * unmatched ")" is kept. One pass over the characters.
 */
export function withoutBrackets(text: string): string {
  let depth = 0;
  let kept = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    else if (ch === ")" && depth > 0) depth--;
    else if (depth === 0) kept += ch;
  }
  return kept;
}
