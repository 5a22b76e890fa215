import type { Context } from "probot";
import { configForEvent } from "../config/for-event.js";
import { renderConfigProblems } from "../config/problems.js";
import type { Config } from "../config/schema.js";
import type { Services } from "../github/services.js";

/** The features that can be turned off, each by its section's `enabled`. */
export type FeatureSection = "intent" | "signoff" | "hacks" | "phases" | "dashboard";

export interface Gate {
  /** Where the feature reports a config it cannot use (Markdown problems): its check run, its reply. None: events nobody watches. */
  invalid?: (problems: string) => Promise<unknown>;
  /** What the feature says when it is turned off (a command's reply); by default nothing. */
  disabled?: () => Promise<unknown>;
}

/**
 * Config gating, written once for every handler: the delivery's config (read
 * once and shared by the features of the event), its problems reported where
 * the feature says, nothing more when the feature is off. Resolves to the
 * validated config, or undefined when the handler stops here.
 */
export async function enabledConfig(context: Context, services: Services, feature: FeatureSection, gate: Gate = {}): Promise<Config | undefined> {
  const result = await configForEvent(context, services);
  if (!result.ok) {
    await gate.invalid?.(renderConfigProblems(result.problems));
    return undefined;
  }
  if (!result.config[feature].enabled) {
    await gate.disabled?.();
    return undefined;
  }
  return result.config;
}
