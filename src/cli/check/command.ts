import { renderProblemLines } from "../../config/problems.js";
import { defaultConfig, type Config } from "../../config/schema.js";
import { validateConfigText } from "../../config/validate.js";
import { EXIT } from "../exit-codes.js";
import { GitError } from "../git.js";
import type { CliIO } from "../io.js";
import { DEFAULT_GATES, decideLocalChange, GATES, type Gate } from "./decide.js";
import { NoBaseError, readBaseTemplates, readLocalChange, type LocalChange } from "./gather.js";
import { renderCheckReport } from "./render.js";

export interface CheckOptions {
  base?: string | undefined;
  body?: string | undefined;
  title?: string | undefined;
  config?: string | undefined;
  json?: boolean | undefined;
  /** Comma-separated gates (`intent,hack,signoff`), or `none`. */
  failOn?: string | undefined;
}

/** The gates `--fail-on` names, or a usage error's message. */
function gatesOf(list: string | undefined): Gate[] | string {
  if (list === undefined) return [...DEFAULT_GATES];
  const names = list.split(",").map((name) => name.trim().toLowerCase()).filter((name) => name !== "");
  if (names.length === 1 && names[0] === "none") return [];
  const unknown = names.filter((name) => !(GATES as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) return `--fail-on takes a comma-separated list of ${GATES.join(", ")}, or none; not ${JSON.stringify(list)}`;
  return names as Gate[];
}

function configOf(change: LocalChange, options: CheckOptions, io: CliIO): { ok: true; config: Config } | { ok: false } {
  const source = options.config ? { path: options.config, text: io.readFile(options.config) } : change.configText;
  if (!source) return { ok: true, config: defaultConfig };
  if (source.text === undefined) {
    io.stderr(`intentbot: cannot read ${source.path}`);
    return { ok: false };
  }
  const result = validateConfigText(source.text, source.path);
  if (result.ok) return result;
  io.stderr(`intentbot: the configuration is invalid; the app would report this instead of checking:`);
  for (const line of renderProblemLines(result.problems, "terminal")) io.stderr(line);
  return { ok: false };
}

/**
 * `intentbot check`: HEAD against its base, as the app would see the pull
 * request, from the local checkout only (no network, no credentials).
 */
export async function checkCommand(options: CheckOptions, io: CliIO): Promise<number> {
  // git would read a ref starting with "-" as one of its own options.
  if (options.base?.startsWith("-")) {
    io.stderr(`intentbot: --base takes a commit or branch, not ${JSON.stringify(options.base)}`);
    return EXIT.usage;
  }
  const failOn = gatesOf(options.failOn);
  if (typeof failOn === "string") {
    io.stderr(`intentbot: ${failOn}`);
    return EXIT.usage;
  }
  let body: string | undefined;
  if (options.body !== undefined) {
    body = io.readFile(options.body);
    if (body === undefined) {
      io.stderr(`intentbot: cannot read ${options.body}`);
      return EXIT.usage;
    }
  }
  let change: LocalChange;
  try {
    change = readLocalChange(io.cwd, { base: options.base, title: options.title, body });
  } catch (error) {
    if (!(error instanceof GitError) && !(error instanceof NoBaseError)) throw error;
    io.stderr(`intentbot: ${error.message}`);
    return EXIT.usage;
  }
  if (change.commits === 0) {
    // A fresh clone, or a branch with nothing new: there is no pull request to judge.
    const described = `${change.base.sha.slice(0, 12)}, ${change.base.described}`;
    if (options.json) io.stdout(JSON.stringify({ base: change.base, head: change.head, commits: 0, met: true }, null, 2));
    else io.stdout(`intentbot check: nothing to check: HEAD (${change.head.slice(0, 12)}) has no commits beyond its base (${described}). Commit on a branch, or give --base REF.`);
    return EXIT.ok;
  }
  const config = configOf(change, options, io);
  if (!config.ok) return EXIT.usage;
  change.pullRequestTemplates = await readBaseTemplates(io.cwd, change);
  const report = decideLocalChange(change, config.config, failOn);
  for (const line of report.codeownersErrors) io.stderr(line);
  if (options.json) io.stdout(JSON.stringify(report, null, 2));
  else for (const line of renderCheckReport(report, io.isTerminal)) io.stdout(line);
  return report.met ? EXIT.ok : EXIT.unmet;
}
