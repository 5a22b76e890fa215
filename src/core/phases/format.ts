import type { PlannedPhase } from "./types.js";

/**
 * Phases as a `/phase` command that reads back as the same phases, so
 * `/phase list` can offer the plan to copy, edit and run again.
 */
export function formatPhaseCommand(phases: readonly PlannedPhase[]): string {
  return ["/phase", ...phases.map(formatPhaseItem)].join("\n");
}

function formatPhaseItem(phase: PlannedPhase): string {
  const attributes = [phase.hack ? "hack" : "", phase.estimate?.text ?? ""].filter(Boolean).join(", ");
  return `${phase.number}. ${phase.name}${attributes && ` — ${attributes}`}`;
}
