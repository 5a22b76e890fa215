import { join } from "node:path";
import { CONFIG_PATH } from "../config/load.js";
import { renderProblemLines } from "../config/problems.js";
import { validateConfigText } from "../config/validate.js";
import type { CliIO } from "./io.js";

/**
 * `intentbot validate-config [FILE]`: checks a config file before it is
 * pushed. Exit codes: 0 valid, 1 invalid, 2 unreadable.
 */
export function validateConfigCommand(file: string | undefined, io: CliIO): number {
  const path = file ?? join(io.cwd, CONFIG_PATH);
  const text = io.readFile(path);
  if (text === undefined) {
    io.stderr(`intentbot: cannot read ${path}`);
    return 2;
  }
  const result = validateConfigText(text, path);
  if (result.ok) {
    io.stdout(`${path}: valid`);
    return 0;
  }
  for (const line of renderProblemLines(result.problems)) io.stderr(line);
  return 1;
}
