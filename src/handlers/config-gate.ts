import type { Context } from "probot";
import { configForEvent } from "../config/for-event.js";
import { renderConfigProblems } from "../config/problems.js";
import type { Config } from "../config/schema.js";
import type { Services } from "../github/services.js";

/** The features that can be turned off, each by its section's `enabled`. */
export type FeatureSection = "intent" | "signoff" | "hacks" | "phases" | "dashboard";

export interface Gate {
  /** Where the feature reports a config it cannot use (Markdown problems): its check run, its comment. None: events nobody watches. */
  invalid?: (problems: string) => Promise<unknown>;
}

/** The delivery's config as one feature sees it: usable and on, unusable (its problems as Markdown), or turned off. */
export type GatedConfig = { ok: true; config: Config } | { ok: false; problems: string } | { ok: false; disabled: true };

/**
 * Config gating, written once for every handler: the delivery's config (read
 * once and shared by the features of the event), then whether the feature
 * can use it and is on.
 */
export async function gatedConfig(context: Context, services: Services, feature: FeatureSection): Promise<GatedConfig> {
  const result = await configForEvent(context, services);
  if (!result.ok) return { ok: false, problems: renderConfigProblems(result.problems) };
  if (!result.config[feature].enabled) return { ok: false, disabled: true };
  return { ok: true, config: result.config };
}

/**
 * For event handlers: the validated config, its problems reported where the
 * feature says, nothing more when the feature is off. Resolves to undefined
 * when the handler stops here.
 */
export async function enabledConfig(context: Context, services: Services, feature: FeatureSection, gate: Gate = {}): Promise<Config | undefined> {
  const gated = await gatedConfig(context, services, feature);
  if (gated.ok) return gated.config;
  if ("problems" in gated) await gate.invalid?.(gated.problems);
  return undefined;
}
