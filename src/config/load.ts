import { readTextFile, type RepositoryFiles } from "../github/files.js";
import type { RepoRef } from "../github/types.js";
import { mergeConfigs } from "./merge.js";
import { definesPath, describeValue, problemsFromIssues, type ConfigProblem } from "./problems.js";
import { configSchema, type Config } from "./schema.js";
import { byLine, otherProblems } from "./validate.js";
import { readConfigYaml, type LineIndex } from "./yaml.js";

export const CONFIG_PATH = ".github/intent.yml";

/** Files chained by `_extends`, the first included: enough for org → team → repo layering. */
export const MAX_CONFIG_FILES = 5;

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

interface ConfigFile {
  owner: string;
  repo: string;
  path: string;
  value: Record<string, unknown>;
  lines: LineIndex;
}

type Read = { found: false } | { found: true; file: ConfigFile } | { found: true; problems: ConfigProblem[] };

const EXTENDS_ALLOWED = "`repo`, `owner/repo` or `owner/repo:path.yml`";

/**
 * Loads `.github/intent.yml` the way Probot's `context.config` does (default
 * branch, the org's `.github` repository as fallback, `_extends` chains), but
 * reads each file's text itself: one bounded parse per file (`./yaml.ts`)
 * gives both the values and the line of every key, so a problem names its
 * file and line without reading anything twice. Nothing here throws for a bad
 * file; only GitHub errors other than 404 propagate.
 */
export async function loadConfig(source: RepositoryFiles, { owner, repo }: RepoRef): Promise<ConfigResult> {
  const files: ConfigFile[] = [];
  let read = await readConfigFile(source, { owner, repo, path: CONFIG_PATH });
  if (!read.found && repo !== ".github") read = await readConfigFile(source, { owner, repo: ".github", path: CONFIG_PATH });
  for (;;) {
    if (!read.found) break;
    if ("problems" in read) return { ok: false, problems: read.problems };
    const file = read.file;
    files.push(file);
    const extendsValue = file.value._extends;
    delete file.value._extends;
    if (extendsValue === undefined) break;
    const target = extendsTarget(extendsValue, owner);
    const problem = (allowed: string): ConfigResult => ({
      ok: false,
      problems: [{ file: nameOf(file), key: "_extends", line: file.lines.lineOf(["_extends"]), given: describeValue(extendsValue), allowed }],
    });
    if (!target) return problem(EXTENDS_ALLOWED);
    if (files.some((f) => f.owner === target.owner && f.repo === target.repo && f.path === target.path)) return problem(`${EXTENDS_ALLOWED} naming a file not already extended`);
    if (files.length >= MAX_CONFIG_FILES) return problem(`at most ${MAX_CONFIG_FILES} files chained with \`_extends\``);
    read = await readConfigFile(source, target);
  }

  const input = mergeConfigs(files.map((file) => file.value).reverse());
  const parsed = configSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };
  const problems = problemsFromIssues(parsed.error.issues, input).flatMap(({ path, ...problem }): ConfigProblem[] => {
    // The file that sets the value is the one to fix: files are in order of precedence.
    const source = files.find((file) => definesPath(file.value, path)) ?? files[0];
    return source ? [{ ...problem, file: nameOf(source), line: source.lines.lineOf(path) }] : [];
  });
  return { ok: false, problems };
}

function nameOf(file: { owner: string; repo: string; path: string }): string {
  return `${file.owner}/${file.repo}/${file.path}`;
}

async function readConfigFile(files: RepositoryFiles, where: { owner: string; repo: string; path: string }): Promise<Read> {
  const text = await readTextFile(files, where, where.path);
  if (text === undefined) return { found: false };
  const read = readConfigYaml(text);
  if (!read.ok) {
    const problems = read.rest ? byLine([...read.problems, ...otherProblems(read.rest, read.problems)]) : read.problems;
    return { found: true, problems: problems.map((p) => ({ ...p, file: nameOf(where) })) };
  }
  return { found: true, file: { ...where, value: read.value, lines: read.lines } };
}

/** `repo`, `owner/repo`, `repo:path.yml` or `owner/repo:path.yml`, as Probot accepts; checked by scanning, not a regex. */
function extendsTarget(value: unknown, defaultOwner: string): { owner: string; repo: string; path: string } | undefined {
  if (typeof value !== "string" || value.length > 300) return undefined;
  const colon = value.indexOf(":");
  const repoPart = colon === -1 ? value : value.slice(0, colon);
  const path = colon === -1 ? CONFIG_PATH : value.slice(colon + 1);
  const slash = repoPart.indexOf("/");
  const owner = slash === -1 ? defaultOwner : repoPart.slice(0, slash);
  const repo = slash === -1 ? repoPart : repoPart.slice(slash + 1);
  const validOwner = /^[a-z\d-]{1,39}$/i.test(owner) && !owner.startsWith("-") && !owner.endsWith("-") && !owner.includes("--");
  const validRepo = /^[\w.-]+$/.test(repo);
  const validPath = /^[\w./-]+$/.test(path) && (path.endsWith(".yml") || path.endsWith(".yaml")) && !path.split("/").includes("..");
  return validOwner && validRepo && validPath ? { owner, repo, path } : undefined;
}
