import fc from "fast-check";
import { parseCommands } from "../../../src/core/commands.js";
import { parseEstimate } from "../../../src/core/phases/estimate.js";
import { parsePhaseCommand } from "../../../src/core/phases/parse.js";
import type { Estimate, PhaseState, PlannedPhase } from "../../../src/core/phases/types.js";

/** Pieces of the syntax, so that random text often comes close to a real command. */
export const syntaxPiece = fc.constantFrom(
  "/phase", "/phase list", "/phase done 2", "/phase hack 1", "1.", "2)", "-", "*", "[ ]", "—", "–", " - ", "(", ")",
  "|", ",", "2d", "1.5w", "4 hours", "~", "3x", "hack", "list", "done", "0", "99999", " ", "\t", "\n", "\r\n",
  "```", "> ", "<!--", "-->", "@octocat", "#12", "é", "🙂",
);

/** Text that is mostly syntax, sometimes anything. */
export const noisyText = fc
  .array(fc.oneof(syntaxPiece, fc.string({ unit: "grapheme", maxLength: 6 })), { maxLength: 40 })
  .map((parts) => parts.join(""));

/** A name exactly as the parser would read it back from `N. name`. */
export const phaseName = fc
  .array(fc.oneof(syntaxPiece, fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(" ").replace(/\s+/g, " ").trim())
  .filter((name) => {
    const [command] = parseCommands(`/phase\n1. ${name}`, ["phase"]);
    const result = command && parsePhaseCommand(command);
    return (
      result?.ok === true &&
      result.command.kind === "plan" &&
      result.command.phases.length === 1 &&
      result.command.phases[0]?.name === name &&
      !result.command.phases[0].hack &&
      !result.command.phases[0].estimate
    );
  });

const amount = fc.oneof(fc.integer({ min: 1, max: 99 }).map(String), fc.constantFrom("0.5", "1.5", "2.25", "0.1"));
const unit = fc.constantFrom("h", "d", "w", " hours", " days", " week", " wks", "hr");

export const estimate: fc.Arbitrary<Estimate> = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(amount, unit), { minLength: 1, maxLength: 2 }))
  .map(([rough, amounts]) => parseEstimate(`${rough ? "~" : ""}${amounts.map(([n, u]) => n + u).join(" ")}`))
  .filter((parsed): parsed is Estimate => parsed !== undefined);

const phaseNumber = fc.integer({ min: 1, max: 999 });
const issueNumber = fc.integer({ min: 1, max: 10_000_000 });

export const plannedPhases = (minLength = 1, maxLength = 12): fc.Arbitrary<PlannedPhase[]> =>
  fc.uniqueArray(
    fc.record({ number: phaseNumber, name: phaseName, estimate, hack: fc.boolean() }, { requiredKeys: ["number", "name", "hack"] }),
    { selector: (phase) => phase.number, minLength, maxLength },
  );

export const phaseStates = (minLength = 0, maxLength = 12): fc.Arbitrary<PhaseState[]> =>
  fc.uniqueArray(
    fc.record(
      {
        number: phaseNumber,
        // Any text: the state keeps names verbatim, even ones the parser would never produce.
        name: fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }).filter((name) => name.trim() !== ""),
        estimate,
        hack: fc.boolean(),
        done: fc.boolean(),
        issueNumber,
        issueId: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        debtIssueNumber: issueNumber,
      },
      { requiredKeys: ["number", "name", "hack", "done"] },
    ),
    { selector: (phase) => phase.number, minLength, maxLength },
  );
