import type { Command } from "../commands.js";
import { isSpace } from "../scan.js";
import { fieldOfLine, fieldsFromLines, type HackFields } from "./fields.js";
import type { RepoRef } from "../repo.js";

export type HackCommand =
  | { ok: true; reason: string; fields: HackFields }
  | { ok: false; problem: "no reason" }
  | { ok: false; problem: "unreadable debt"; given: string };

// `Debt: #45` or `Rebuild: <url>` inside the command's own line.
const INLINE_DEBT = /(?:^|[\s;,(—–-])(?:debt|rebuild)\s*:\s*(\S+)/i;

/**
 * `/hack <reason> [Debt: #N]`, optionally followed by more lines: more reason,
 * and fields such as `Rebuild by: 2026-12-01` or `Rebuild estimate: 2w`.
 */
export function parseHackCommand(command: Command, here: RepoRef): HackCommand {
  let args = command.args;
  const lines: string[] = [];
  const inline = INLINE_DEBT.exec(args);
  if (inline?.[1]) {
    lines.push(`Debt: ${inline[1]}`);
    args = `${args.slice(0, inline.index)} ${args.slice(inline.index + inline[0].length)}`;
  }
  lines.push(...command.body);
  const fields = fieldsFromLines(lines, here);
  if (fields.unreadableDebt !== undefined) return { ok: false, problem: "unreadable debt", given: fields.unreadableDebt };

  const reasonLines = [args, ...command.body.filter((line) => !fieldOfLine(line))];
  const reason = trimSeparators(reasonLines.join("\n")).replace(/\n{3,}/g, "\n\n");
  if (!/[\p{L}\p{N}]/u.test(reason)) return { ok: false, problem: "no reason" };
  return { ok: true, reason, fields };
}

const LEADING_SEPARATORS = ";,:—–-";
const TRAILING_SEPARATORS = ";,—–-";

/**
 * The reason without the white space and separators left around it once the
 * inline `Debt:` is cut out. A loop, because `/[\s;,—–-]+$/` retries at every
 * position of a long run of spaces in the middle (seconds for 60,000 spaces).
 */
function trimSeparators(text: string): string {
  const isSeparator = (index: number, separators: string) => isSpace(text.charCodeAt(index)) || separators.includes(text.charAt(index));
  let start = 0;
  let end = text.length;
  while (start < end && isSeparator(start, LEADING_SEPARATORS)) start++;
  while (end > start && isSeparator(end - 1, TRAILING_SEPARATORS)) end--;
  return text.slice(start, end);
}
