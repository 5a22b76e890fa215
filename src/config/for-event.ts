import type { Context } from "probot";
import type { Services } from "../github/services.js";
import { loadConfig, type ConfigResult } from "./load.js";

/**
 * The config read of each delivery being handled, by payload: the router
 * hands every handler of a delivery the same payload object (a queue retry
 * builds a new one, and reads the file again). Held in `Services`, so two
 * apps in one process never share a read.
 */
export type EventConfigs = WeakMap<object, Promise<ConfigResult>>;

/** The delivery's config: the features that react to one event share a single read. */
export function configForEvent(context: Context, services: Pick<Services, "eventConfigs" | "facts">): Promise<ConfigResult> {
  let result = services.eventConfigs.get(context.payload);
  if (!result) {
    result = loadConfig(services.facts, context.repo());
    services.eventConfigs.set(context.payload, result);
  }
  return result;
}
