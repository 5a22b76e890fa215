import { spawnSync } from "node:child_process";

/** A git command that failed, with what git said. */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly stderr: string,
  ) {
    super(`git ${args.join(" ")}: ${stderr.trim() || "failed"}`);
    this.name = "GitError";
  }
}

// Diffs of large changes can be big; past this git's output is cut and the call fails.
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/** Runs git with an argument array (never through a shell) in `cwd` and returns its standard output. */
export function git(cwd: string, args: readonly string[]): string {
  const result = spawnSync("git", args, { cwd, encoding: "utf8", maxBuffer: MAX_OUTPUT_BYTES, env: { ...process.env, GIT_TERMINAL_PROMPT: "0" } });
  if (result.error) throw new GitError(args, result.error.message);
  if (result.status !== 0) throw new GitError(args, result.stderr);
  return result.stdout;
}

/** Like `git`, but undefined instead of an error: for questions whose answer may be "no". */
export function gitMaybe(cwd: string, args: readonly string[]): string | undefined {
  try {
    return git(cwd, args);
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}
