/** Appended to every reply about bad `/phase` syntax, so the fix can be copied. */
export const PHASE_USAGE = `**How to use \`/phase\`**

Split this issue into phases, one per list item, each with an optional estimate and \`hack\` marker:

\`\`\`
/phase
1. Internal invite — 1.5w
2. External invite (2d)
3. Group invite — hack, 3d
\`\`\`

or on one line: \`/phase Internal invite | External invite — 2d\`.

- Estimates: \`4h\`, \`2d\`, \`1.5w\`, \`2 days\`, \`1w 2d\` (a day is 8 working hours, a week 5 working days), after a dash or in parentheses at the end of the phase.
- Numbered items keep their numbers: run \`/phase\` again with \`2. New name\` to rename phase 2. Phases left out are kept, never deleted.
- \`/phase list\` shows the phases, \`/phase done 2\` marks phase 2 done, \`/phase hack 2 <reason>\` marks it a hack with a rebuild-debt issue.`;
