/** A check run's outcome as core decides it; `github/checks.ts` publishes it. */
export type CheckConclusion = "success" | "neutral" | "failure";

export interface CheckResult {
  name: string;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  text?: string | undefined;
}

export type Mode = "advise" | "enforce";

/** The one rule for every check: a met rule succeeds; an unmet one fails only in enforce mode, and is neutral in advise mode. */
export function conclusion(mode: Mode, met: boolean): CheckConclusion {
  if (met) return "success";
  return mode === "enforce" ? "failure" : "neutral";
}
