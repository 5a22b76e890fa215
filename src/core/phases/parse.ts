import type { Command } from "../commands.js";
import { parsePhaseItem } from "./item.js";
import { MAX_PHASE_NUMBER, MAX_PHASES } from "./limits.js";
import { type ListItem, readList } from "./list.js";
import type { PhaseParseResult, PlannedPhase } from "./types.js";

/** A subcommand is the first word; a one-line plan whose first phase starts with one of them needs the list form. */
const SUBCOMMAND = /^(list|done|hack)(?:\s+(.*))?$/is;
const PHASE_NUMBER = /^\d{1,9}$/;
const HACK_ARGS = /^(\d{1,9})(?:\s+(.*))?$/s;

/** Enough problems to fix in one go without burying the reply. */
const MAX_REPORTED = 10;

/**
 * Reads a `/phase` command (as found by `parseCommands`). Never throws: any
 * input yields a command or an error to show the user.
 */
export function parsePhaseCommand(command: Command): PhaseParseResult {
  const args = command.args.trim();
  const sub = SUBCOMMAND.exec(args);
  if (!sub) return parsePlan(args, command.body);
  const rest = (sub[2] ?? "").trim();
  switch (sub[1]?.toLowerCase()) {
    case "list":
      return rest === "" ? { ok: true, command: { kind: "list" } } : fail("`/phase list` takes nothing after it.");
    case "done": {
      const number = phaseNumber(rest);
      if (!number) return fail("`/phase done` takes one phase number, such as `/phase done 2`.");
      return number <= MAX_PHASE_NUMBER ? { ok: true, command: { kind: "done", number } } : fail(outOfRange(number));
    }
    case "hack":
    default: {
      const match = HACK_ARGS.exec(rest);
      const number = phaseNumber(match?.[1] ?? "");
      const reason = match?.[2]?.replace(/\s+/g, " ").trim();
      if (!number) {
        return fail(
          "`/phase hack` takes a phase number and an optional reason, such as `/phase hack 2 ship before the launch`. " +
            "To plan a phase whose name starts with “hack”, use the list form.",
        );
      }
      if (number > MAX_PHASE_NUMBER) return fail(outOfRange(number));
      return { ok: true, command: { kind: "hack", number, ...(reason && { reason }) } };
    }
  }
}

function parsePlan(args: string, body: readonly string[]): PhaseParseResult {
  // A Command built elsewhere may hold several lines in one string.
  const list = readList(body.flatMap((line) => line.split(/\r\n?|\n/)));
  if (args !== "" && list.length > 0) {
    return fail("Put the phases either on the `/phase` line or in a list below it, not both.");
  }
  const items: ListItem[] = args !== "" ? args.split("|").map((text) => ({ text })) : list;
  if (items.length === 0) {
    return fail("No phases found: list them right below the `/phase` line, one per list item.");
  }
  if (items.length > MAX_PHASES) {
    return fail(`That is ${items.length} phases; GitHub allows at most ${MAX_PHASES} sub-issues per issue.`);
  }

  const phases: PlannedPhase[] = [];
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const [index, item] of items.entries()) {
    // Numbers the user wrote identify phases across re-runs; bullets and the one-line form count from 1.
    const number = item.number ?? index + 1;
    const parsed = parsePhaseItem(item.text);
    if (number === 0) problems.push("Phases are numbered from 1, not 0.");
    else if (number > MAX_PHASE_NUMBER) problems.push(`Phase ${number}: phase numbers go up to ${MAX_PHASE_NUMBER}.`);
    else if (seen.has(number)) problems.push(`Phase ${number} is listed twice.`);
    else if (!parsed.ok) problems.push(`Phase ${number}: ${parsed.error}`);
    else {
      const { name, hack, estimate } = parsed;
      phases.push({ number, name, hack, ...(estimate && { estimate }) });
    }
    seen.add(number);
  }

  if (problems.length === 0) return { ok: true, command: { kind: "plan", phases } };
  if (problems.length === 1) return fail(problems[0] ?? "");
  const shown = problems.slice(0, MAX_REPORTED).map((problem) => `- ${problem}`);
  if (problems.length > MAX_REPORTED) shown.push(`- …and ${problems.length - MAX_REPORTED} more.`);
  return fail([`The phase list has ${problems.length} problems:`, ...shown].join("\n"));
}

function phaseNumber(text: string): number | undefined {
  const number = PHASE_NUMBER.test(text) ? Number(text) : 0;
  return number > 0 ? number : undefined;
}

function outOfRange(number: number): string {
  return `There is no phase ${number}: phase numbers go up to ${MAX_PHASE_NUMBER}.`;
}

function fail(error: string): PhaseParseResult {
  return { ok: false, error };
}
