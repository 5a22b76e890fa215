/** A label the app creates when it is missing: its name comes from the configuration, its colour and description from here. */
export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

/** Every label the app may create, in one place, so colours and descriptions stay consistent. */
export const labelSpecs = {
  hack: (name: string): LabelSpec => ({ name, color: "fbca04", description: "A deliberate shortcut that must be rebuilt if it works (intentbot)" }),
  rebuildDebt: (name: string): LabelSpec => ({ name, color: "5319e7", description: "Rebuild owed by a hack (intentbot)" }),
  phase: (name: string): LabelSpec => ({ name, color: "1d76db", description: "A phase of a larger issue, planned with /phase (intentbot)" }),
  needsIntent: (name: string): LabelSpec => ({ name, color: "d93f0b", description: "States no why or who yet (intentbot)" }),
  dashboard: (name: string): LabelSpec => ({ name, color: "5319e7", description: "intentbot's hack-to-rebuild debt dashboard" }),
};
