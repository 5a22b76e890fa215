import type { Context } from "probot";
import { loadConfig, type ConfigResult } from "./load.js";

// Probot builds a new Context for each handler of a delivery, but they all
// share the delivery's payload object: keyed on it, the features that react
// to one event share a single config read.
const perEvent = new WeakMap<object, Promise<ConfigResult>>();

export function configForEvent(context: Context): Promise<ConfigResult> {
  let result = perEvent.get(context.payload);
  if (!result) {
    result = loadConfig(context.octokit, context.repo());
    perEvent.set(context.payload, result);
  }
  return result;
}
