import { join } from "node:path";
import { CODEOWNERS_PATHS, compileCodeowners } from "../core/codeowners/index.js";
import type { CliIO } from "./io.js";

/**
 * `intentbot owners [--codeowners FILE] PATH...`: one line per path,
 * `PATH<TAB>owner owner ...`, or `PATH<TAB>-` when no one owns it.
 * Exit codes: 0 answered, 2 no CODEOWNERS file.
 */
export function ownersCommand(paths: readonly string[], options: { codeowners?: string | undefined }, io: CliIO): number {
  const candidates = options.codeowners ? [options.codeowners] : CODEOWNERS_PATHS.map((p) => join(io.cwd, p));
  const found = candidates.map((path) => ({ path, text: io.readFile(path) })).find((c) => c.text !== undefined);
  if (!found?.text) {
    io.stderr(options.codeowners ? `intentbot: cannot read ${options.codeowners}` : `intentbot: no CODEOWNERS file (looked for ${CODEOWNERS_PATHS.join(", ")})`);
    return 2;
  }
  const matcher = compileCodeowners(found.text);
  for (const error of matcher.errors) io.stderr(`${found.path}:${error.line}: skipped: ${error.reason}`);
  for (const path of paths) {
    const owners = matcher.ownersOf(path);
    io.stdout(`${path}\t${owners && owners.length > 0 ? owners.join(" ") : "-"}`);
  }
  return 0;
}
