import { maskedViews } from "./markdown.js";

export interface Command {
  /** Lower-case name without the slash, e.g. `phase`. */
  name: string;
  /** The rest of the command's own line, trimmed. */
  args: string;
  /** The lines after the command line, up to the next command (e.g. `/phase`'s list). */
  body: string[];
}

const isNameStart = (ch: string | undefined) => ch !== undefined && /[a-z]/i.test(ch);
const isNameChar = (ch: string | undefined) => ch !== undefined && /[a-z-]/i.test(ch);

/**
 * A command line: up to three spaces, `/`, a name of letters and hyphens
 * starting with a letter, then the end of the line or a space or tab before
 * the arguments. Scanned by hand: one pass per line, whatever its whitespace.
 */
function commandOfLine(line: string): { name: string; args: string } | undefined {
  let at = 0;
  while (at < 3 && line[at] === " ") at++;
  if (line[at] !== "/" || !isNameStart(line[at + 1])) return undefined;
  const nameStart = at + 1;
  at = nameStart + 1;
  while (isNameChar(line[at])) at++;
  const name = line.slice(nameStart, at);
  const rest = line.slice(at);
  if (rest.trimEnd() === "") return { name, args: "" };
  if (rest[0] !== " " && rest[0] !== "\t") return undefined;
  return { name, args: rest.trim() };
}

/**
 * Commands in a comment: a command is the first word of a line a reader sees
 * as prose, so never in code (blocks or spans), block quotes, raw HTML
 * (blocks, comments or tags, even spanning lines) or link targets. Quoted
 * replies ("> /phase") therefore never re-run a command.
 */
export function parseCommands(body: string, known: readonly string[]): Command[] {
  // Commands are found in the prose; their arguments and bodies keep code spans, links and HTML, as written.
  const views = maskedViews(body);
  const prose = views.prose.split("\n");
  const lines = views.ignoredBlocks.split("\n");
  const commands: Command[] = [];
  for (const [index, line] of lines.entries()) {
    // The prose decides whether the line is a command; its arguments are read as written.
    const command = commandOfLine(prose[index] ?? "") && commandOfLine(line);
    const name = command?.name.toLowerCase();
    if (command && name && known.includes(name)) {
      commands.push({ name, args: command.args, body: [] });
    } else {
      commands.at(-1)?.body.push(line);
    }
  }
  return commands.map((command) => ({ ...command, body: trimBlankEnds(command.body) }));
}

function trimBlankEnds(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]?.trim() === "") start++;
  while (end > start && lines[end - 1]?.trim() === "") end--;
  return lines.slice(start, end);
}

/** Whether two readings of a command ask for the same thing: its arguments and the lines under it. */
export function sameCommand(a: Command, b: Command): boolean {
  return a.args === b.args && a.body.join("\n") === b.body.join("\n");
}
