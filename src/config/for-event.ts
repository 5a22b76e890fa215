import type { Context } from "probot";
import { loadConfig, type ConfigResult } from "./load.js";

// Probot hands the same Context to every handler of one delivery, so the
// features that react to one event share a single config read.
const perEvent = new WeakMap<object, Promise<ConfigResult>>();

export function configForEvent(context: Context): Promise<ConfigResult> {
  let result = perEvent.get(context);
  if (!result) {
    result = loadConfig(context.octokit, context.repo());
    perEvent.set(context, result);
  }
  return result;
}
