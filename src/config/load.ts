import { readTextFile } from "../github/files.js";
import type { GitHub, RepoRef } from "../github/types.js";
import { mergeConfigs } from "./merge.js";
import { fileDefines, lineOfKey, problemsFromIssues, type ConfigProblem } from "./problems.js";
import { configSchema, type Config } from "./schema.js";

export const CONFIG_PATH = ".github/intent.yml";

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] };

interface ConfigFile {
  owner: string;
  repo: string;
  path: string;
  config: Record<string, unknown> | null;
}

/**
 * Loads `.github/intent.yml` the way `context.config` does (default branch,
 * `_extends`, the org's `.github` repository as fallback), but keeps the list
 * of files so that a validation error can name the file and line it came from.
 * Nothing here throws for a bad file: the caller reports the problems.
 */
export async function loadConfig(octokit: GitHub, { owner, repo }: RepoRef): Promise<ConfigResult> {
  let files: ConfigFile[];
  try {
    ({ files } = await octokit.config.get({ owner, repo, path: CONFIG_PATH }));
  } catch (error) {
    return { ok: false, problems: [yamlProblem(error, `${owner}/${repo}/${CONFIG_PATH}`)] };
  }
  const configs = files.map((file) => file.config).filter((c): c is Record<string, unknown> => c !== null);
  const input = mergeConfigs(configs.reverse());
  delete input._extends;
  const parsed = configSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data };

  const problems: ConfigProblem[] = [];
  const texts = new Map<ConfigFile, Promise<string | undefined>>();
  for (const problem of problemsFromIssues(parsed.error.issues, input)) {
    const source = files.find((file) => file.config && fileDefines(file.config, problem.key)) ?? files[0];
    if (!source) continue;
    if (!texts.has(source)) texts.set(source, readRaw(octokit, source));
    const text = await texts.get(source);
    problems.push({
      ...problem,
      file: `${source.owner}/${source.repo}/${source.path}`,
      line: text === undefined ? undefined : lineOfKey(text, problem.key),
    });
  }
  return { ok: false, problems };
}

async function readRaw(octokit: GitHub, file: ConfigFile): Promise<string | undefined> {
  try {
    return await readTextFile(octokit, file, file.path);
  } catch {
    // The line number is a courtesy: the problem is still reported without it.
    return undefined;
  }
}

/** Probot's config plugin wraps YAML errors; dig out the message and line. */
function yamlProblem(error: unknown, fallbackFile: string): ConfigProblem {
  const cause = (error as { cause?: { message?: string; linePos?: { line: number }[] } }).cause;
  const message = error instanceof Error ? error.message : String(error);
  const url = /from (\S+)/.exec(message)?.[1];
  const file = url ? decodeURIComponent(url.replace(/^https:\/\/[^/]+\/repos\//, "").replace("/contents/", "/")) : fallbackFile;
  if (!message.includes("could not be parsed")) throw error;
  return {
    file,
    key: "",
    line: cause?.linePos?.[0]?.line,
    given: (cause?.message ?? message).split("\n")[0],
    allowed: "valid YAML: a mapping of the sections `mode`, `intent`, `hacks`, `signoff`, `phases`, `dashboard`",
  };
}
