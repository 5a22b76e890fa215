import { CODEOWNERS_PATHS, compileCodeowners } from "../core/codeowners/index.js";
import { EXIT } from "./exit-codes.js";
import type { CliIO } from "./io.js";

/** The CODEOWNERS file GitHub would use (or the one given), with the path as the user would name it. */
export function readCodeowners(io: CliIO, given?: string): { path: string; text: string } | undefined {
  const candidates = given ? [given] : CODEOWNERS_PATHS;
  for (const path of candidates) {
    const text = io.readFile(path);
    // An empty file is a file with no rules, not a missing one.
    if (text !== undefined) return { path, text };
  }
  return undefined;
}

/**
 * `intentbot owners [--codeowners FILE] PATH...`: one line per path,
 * `PATH<TAB>owner owner ...`, or `PATH<TAB>-` when no one owns it.
 */
export function ownersCommand(paths: readonly string[], options: { codeowners?: string | undefined }, io: CliIO): number {
  const found = readCodeowners(io, options.codeowners);
  if (!found) {
    io.stderr(options.codeowners ? `intentbot: cannot read ${options.codeowners}` : `intentbot: no CODEOWNERS file (looked for ${CODEOWNERS_PATHS.join(", ")})`);
    return EXIT.usage;
  }
  const matcher = compileCodeowners(found.text);
  for (const error of matcher.errors) io.stderr(`${found.path}:${error.line}: skipped: ${error.reason}`);
  for (const path of paths) {
    const owners = matcher.ownersOf(path);
    io.stdout(`${path}\t${owners && owners.length > 0 ? owners.join(" ") : "-"}`);
  }
  return EXIT.ok;
}
