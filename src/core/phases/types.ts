/** Working hours, plus the text the user wrote, which is what the bot shows back. */
export interface Estimate {
  hours: number;
  text: string;
}

/** One phase as a `/phase` command asks for it. */
export interface PlannedPhase {
  number: number;
  name: string;
  estimate?: Estimate;
  hack: boolean;
}

export type PhaseCommand =
  | { kind: "plan"; phases: PlannedPhase[] }
  | { kind: "list" }
  | { kind: "done"; number: number }
  | { kind: "hack"; number: number; reason?: string };

/** A human-readable `error`; a reply to bad syntax is the error followed by `PHASE_USAGE`. */
export type PhaseParseResult = { ok: true; command: PhaseCommand } | { ok: false; error: string };

/** A phase as recorded in the parent issue. */
export interface PhaseState extends PlannedPhase {
  done: boolean;
  /** The sub-issue, once created. */
  issueNumber?: number;
  /** The sub-issue's REST `id`, which GitHub's sub-issue endpoints take instead of its number. */
  issueId?: number;
  /** The rebuild-debt issue of a phase marked as a hack. */
  debtIssueNumber?: number;
}
