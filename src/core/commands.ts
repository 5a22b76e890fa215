import { maskIgnoredBlocks } from "./markdown.js";

export interface Command {
  /** Lower-case name without the slash, e.g. `phase`. */
  name: string;
  /** The rest of the command's own line, trimmed. */
  args: string;
  /** The lines after the command line, up to the next command (e.g. `/phase`'s list). */
  body: string[];
}

const COMMAND_LINE = /^ {0,3}\/([a-z][a-z-]*)(?:[ \t]+(.*))?$/i;

/**
 * Commands in a comment: a command is the first word of a line outside code
 * blocks, block quotes and raw HTML. Quoted replies ("> /phase") therefore
 * never re-run a command.
 */
export function parseCommands(body: string, known: readonly string[]): Command[] {
  const lines = maskIgnoredBlocks(body.replace(/\r\n?/g, "\n")).split("\n");
  const commands: Command[] = [];
  for (const line of lines) {
    const match = COMMAND_LINE.exec(line.trimEnd());
    const name = match?.[1]?.toLowerCase();
    if (match && name && known.includes(name)) {
      commands.push({ name, args: (match[2] ?? "").trim(), body: [] });
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
