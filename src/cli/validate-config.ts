import { CONFIG_PATH } from "../config/load.js";
import { renderProblemLines } from "../config/problems.js";
import { validateConfigText } from "../config/validate.js";
import { EXIT } from "./exit-codes.js";
import type { CliIO } from "./io.js";

/** `intentbot validate-config [FILE]`: checks a config file before it is pushed. */
export function validateConfigCommand(file: string | undefined, io: CliIO): number {
  const path = file ?? CONFIG_PATH;
  const text = io.readFile(path);
  if (text === undefined) {
    io.stderr(`intentbot: cannot read ${path}`);
    return EXIT.usage;
  }
  const result = validateConfigText(text, path);
  if (result.ok) {
    io.stdout(`${path}: valid`);
    return EXIT.ok;
  }
  for (const line of renderProblemLines(result.problems, "terminal")) io.stderr(line);
  return EXIT.unmet;
}
