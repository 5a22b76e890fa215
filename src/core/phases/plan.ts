import type { Estimate, PhaseState, PlannedPhase } from "./types.js";

/** What a re-run of `/phase` changes; nothing here ever deletes a phase. */
export interface PhaseChanges {
  /** New numbers: each needs a sub-issue (and a debt issue when marked a hack). */
  create: PlannedPhase[];
  rename: { number: number; from: string; to: string }[];
  reestimate: { number: number; from?: Estimate; to: Estimate }[];
  /** Existing phases newly marked as hacks: each needs a rebuild-debt issue. */
  hack: number[];
  /** Existing phases the new list leaves out: kept, and reported to the user. */
  missing: number[];
  /** Existing phases the new list repeats as they are. */
  unchanged: number[];
  /** The state after the changes, by number; created phases have no issue yet. */
  next: PhaseState[];
}

/**
 * Compares a new `/phase` list with the recorded phases, by number. A re-run
 * says what the phases should be called and cost, but leaving something out
 * never erases it: a phase not listed is kept (`missing`), an estimate not
 * given is kept, and a hack stays a hack (its debt is repaid through the debt
 * issue, not by editing the plan).
 */
export function planPhaseChanges(existing: readonly PhaseState[], requested: readonly PlannedPhase[]): PhaseChanges {
  // The parser and `readPhasesState` never yield a number twice; should a caller, the first one counts.
  const current = new Map<number, PhaseState>();
  for (const phase of existing) if (!current.has(phase.number)) current.set(phase.number, phase);

  const changes: PhaseChanges = { create: [], rename: [], reestimate: [], hack: [], missing: [], unchanged: [], next: [] };
  const next = new Map(current);
  const listed = new Set<number>();
  for (const wanted of requested) {
    const { number } = wanted;
    if (listed.has(number)) continue;
    listed.add(number);
    const phase = current.get(number);
    if (!phase) {
      const { name, hack, estimate } = wanted;
      const created: PlannedPhase = { number, name, hack, ...(estimate && { estimate }) };
      changes.create.push(created);
      next.set(number, { ...created, done: false });
      continue;
    }
    const updated = { ...phase };
    if (wanted.name !== phase.name) {
      changes.rename.push({ number, from: phase.name, to: wanted.name });
      updated.name = wanted.name;
    }
    if (wanted.estimate && wanted.estimate.text !== phase.estimate?.text) {
      changes.reestimate.push({ number, ...(phase.estimate && { from: phase.estimate }), to: wanted.estimate });
      updated.estimate = wanted.estimate;
    }
    if (wanted.hack && !phase.hack) {
      changes.hack.push(number);
      updated.hack = true;
    }
    const changed = updated.name !== phase.name || updated.estimate !== phase.estimate || updated.hack !== phase.hack;
    if (!changed) changes.unchanged.push(number);
    next.set(number, updated);
  }

  changes.missing = [...current.keys()].filter((number) => !listed.has(number)).sort((a, b) => a - b);
  changes.next = [...next.values()].sort((a, b) => a.number - b.number);
  return changes;
}
