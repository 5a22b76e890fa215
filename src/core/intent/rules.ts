import type { Config } from "../../config/schema.js";
import type { IntentRules } from "./judge.js";

/**
 * The part of the config that judging a description reads: shared by the
 * intent check, hacks' debt issues and phases' children. `project` is the
 * repository's name, where the text was written.
 */
export function intentRules(config: Config, project?: string): IntentRules {
  const { why, who, minWords, placeholders, filler, whoProse } = config.intent;
  return { why, who, minWords, placeholders, filler, whoProse, ...(project === undefined ? {} : { project }) };
}
