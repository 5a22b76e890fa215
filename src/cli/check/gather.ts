import { basename } from "node:path";
import { CODEOWNERS_PATHS } from "../../core/codeowners/index.js";
import { readTemplateFiles, type TemplateSource } from "../../github/templates.js";
import { git, gitMaybe } from "../git.js";

/** What `intentbot check` reads from the checkout: the change as a pull request would show it. */
export interface LocalChange {
  repo: { owner: string; repo: string };
  /** The base commit and how it was chosen (`--base main`, `merge base with origin/main`). */
  base: { sha: string; described: string };
  head: string;
  /** Commits on HEAD that the base does not have: none on a fresh clone or a branch with nothing new. */
  commits: number;
  title: string;
  body: string;
  /** Files the change touches, repository-relative. */
  files: string[];
  /** Read from the base, as the app reads them from the default branch. */
  configText?: { path: string; text: string } | undefined;
  codeowners?: { path: string; text: string } | undefined;
  /** Every pull request template at the base, where GitHub finds them (read by `readBaseTemplates`). */
  pullRequestTemplates: string[];
}

export interface ChangeOptions {
  base?: string | undefined;
  title?: string | undefined;
  /** The description's text, read by the caller from `--body`. */
  body?: string | undefined;
}

/** Neither `--base` nor a default branch to compare with. */
export class NoBaseError extends Error {
  constructor() {
    super("no default branch (origin/HEAD, main or master) to compare with: give --base REF");
    this.name = "NoBaseError";
  }
}

const CONFIG_PATH = ".github/intent.yml";

/** The branch a PR would target: the remote's default branch, else a local main or master. */
function defaultBranch(cwd: string): string | undefined {
  const remoteHead = gitMaybe(cwd, ["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"])?.trim();
  if (remoteHead) return remoteHead;
  return ["main", "master", "origin/main", "origin/master"].find((ref) => gitMaybe(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]) !== undefined);
}

/** `owner/repo` from a GitHub remote URL; the directory's name otherwise (only used to read `#12` links). */
function repoOf(cwd: string, top: string): { owner: string; repo: string } {
  const url = gitMaybe(cwd, ["remote", "get-url", "origin"])?.trim() ?? "";
  const marker = "github.com";
  const at = url.indexOf(marker);
  if (at >= 0) {
    const parts = url
      .slice(at + marker.length + 1)
      .replace(/\.git$/, "")
      .split("/");
    if (parts[0] && parts[1]) return { owner: parts[0], repo: parts[1] };
  }
  return { owner: "local", repo: basename(top) };
}

function fileAt(cwd: string, sha: string, path: string): string | undefined {
  return gitMaybe(cwd, ["show", `${sha}:${path}`]);
}

/** Throws GitError or NoBaseError (usage errors for the caller) when the directory is not a checkout or the base is unknown. */
export function readLocalChange(cwd: string, options: ChangeOptions): LocalChange {
  const top = git(cwd, ["rev-parse", "--show-toplevel"]).trim();
  const head = git(cwd, ["rev-parse", "--verify", "HEAD^{commit}"]).trim();
  let base: LocalChange["base"];
  if (options.base) {
    base = { sha: git(cwd, ["rev-parse", "--verify", `${options.base}^{commit}`]).trim(), described: options.base };
  } else {
    const target = defaultBranch(cwd);
    if (!target) throw new NoBaseError();
    base = { sha: git(cwd, ["merge-base", "HEAD", target]).trim(), described: `merge base with ${target}` };
  }
  // Oldest first, as a PR lists them; NUL-separated so no message can break the split.
  const messages = git(cwd, ["log", "--reverse", "--format=%B%x00", `${base.sha}..${head}`])
    .split("\0")
    .map((m) => m.trim())
    .filter((m) => m !== "");
  const files = git(cwd, ["diff", "--name-only", "--no-renames", "-z", base.sha, head])
    .split("\0")
    .filter((f) => f !== "");
  const firstSubject = messages[0]?.split("\n")[0] ?? "";
  const codeownersPath = CODEOWNERS_PATHS.find((path) => fileAt(cwd, base.sha, path) !== undefined);
  const configText = fileAt(cwd, base.sha, CONFIG_PATH);
  return {
    repo: repoOf(cwd, top),
    base,
    head,
    commits: Number(git(cwd, ["rev-list", "--count", `${base.sha}..${head}`]).trim()),
    title: options.title ?? firstSubject,
    // GitHub fills a new PR's description from the commit messages; --body stands for the one you will write.
    body: options.body ?? messages.join("\n\n"),
    files,
    configText: configText === undefined ? undefined : { path: `${CONFIG_PATH} (at the base)`, text: configText },
    codeowners: codeownersPath ? { path: codeownersPath, text: fileAt(cwd, base.sha, codeownersPath) ?? "" } : undefined,
    pullRequestTemplates: [],
  };
}

/** A commit as a template source: the paths the app reads on GitHub, read from git. */
function commitTemplateSource(cwd: string, sha: string): TemplateSource {
  return {
    list: (dir) => {
      const tree = gitMaybe(cwd, ["ls-tree", dir === "" ? `${sha}^{tree}` : `${sha}:${dir}`]) ?? "";
      // `<mode> <type> <object>\t<name>` per entry; directories get a trailing slash.
      const names = tree
        .split("\n")
        .filter((line) => line.includes("\t"))
        .map((line) => {
          const [meta = "", name = ""] = line.split("\t");
          return meta.split(" ")[1] === "tree" ? `${name}/` : name;
        });
      return Promise.resolve(names);
    },
    read: (path) => Promise.resolve(fileAt(cwd, sha, path)),
  };
}

/** The pull request templates at the base commit, as GitHub would find them there. */
export async function readBaseTemplates(cwd: string, change: LocalChange): Promise<string[]> {
  return (await readTemplateFiles(commitTemplateSource(cwd, change.base.sha), "pull request")).map((template) => template.text);
}
