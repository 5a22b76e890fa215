import { isMissing } from "./errors.js";
import type { DeliveryFacts, DirectoryEntry } from "./facts.js";
import type { RepoRef, RestClient } from "./types.js";

/**
 * Where repository files are read from: the delivery's facts in the app
 * (read once, revalidated by ETag), or GitHub directly (the CLI). Both throw
 * a 404 for a file or directory that is not there.
 */
export interface RepositoryFiles {
  file(repo: RepoRef, path: string, ref?: string): Promise<string | undefined>;
  directory(repo: RepoRef, path: string): Promise<DirectoryEntry[]>;
}

/** Files read straight from GitHub, each read asking again: for the CLI, which reads each once. */
export function gitHubFiles(octokit: RestClient): RepositoryFiles {
  return {
    async file({ owner, repo }, path, ref) {
      const { data } = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { owner, repo, path, ...(ref ? { ref } : {}), mediaType: { format: "raw" } });
      return typeof data === "string" ? data : undefined;
    },
    async directory({ owner, repo }, path) {
      const { data } = await octokit.rest.repos.getContent({ owner, repo, path });
      return Array.isArray(data) ? data.map(({ name, path: at, type }) => ({ name, path: at, type })) : [];
    },
  };
}

/** A file's text from the default branch (or `ref`), or undefined when it does not exist. */
export async function readTextFile(files: RepositoryFiles, repo: RepoRef, path: string, ref?: string): Promise<string | undefined> {
  try {
    return await files.file(repo, path, ref);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/** A directory's entries, or [] when it does not exist. */
export async function readDirectory(files: RepositoryFiles, repo: RepoRef, path: string): Promise<DirectoryEntry[]> {
  try {
    return await files.directory(repo, path);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

/** The parts of a pull request its file list depends on. */
export interface PullRequestRef {
  number: number;
  head: { sha: string };
  base: { ref: string };
}

/** Characters of paths kept: a few dozen 3,000-file pull requests, about 10 MB at worst. */
const KEPT_PATH_CHARS = 5_000_000;

/**
 * The paths a pull request changes, per head commit: what a commit changes
 * against its base branch does not change until one of them is pushed or
 * the base is changed, so reviews, comments and edits of the same commit
 * read none of the up to 30 pages again. A small LRU held in `Services`,
 * bounded by the characters it holds.
 */
export class PullRequestFiles {
  private readonly kept = new Map<string, Promise<string[]>>();
  private readonly sizes = new Map<string, number>();
  private characters = 0;

  read(facts: DeliveryFacts, repo: RepoRef, pr: PullRequestRef): Promise<string[]> {
    const key = `${repo.owner}/${repo.repo}#${pr.number}@${pr.head.sha}:${pr.base.ref}`.toLowerCase();
    const known = this.kept.get(key);
    if (known) {
      this.kept.delete(key);
      this.kept.set(key, known);
      return known;
    }
    const paths = listChangedPaths(facts, repo, pr.number);
    this.kept.set(key, paths);
    paths.then(
      (list) => this.keep(key, paths, list),
      () => this.kept.get(key) === paths && this.kept.delete(key),
    );
    return paths;
  }

  private keep(key: string, paths: Promise<string[]>, list: readonly string[]): void {
    if (this.kept.get(key) !== paths) return;
    const size = list.reduce((sum, path) => sum + path.length, 0);
    this.sizes.set(key, size);
    this.characters += size;
    for (const oldest of this.kept.keys()) {
      if (this.characters <= KEPT_PATH_CHARS || oldest === key) break;
      this.kept.delete(oldest);
      this.characters -= this.sizes.get(oldest) ?? 0;
      this.sizes.delete(oldest);
    }
  }
}

/** Every path a pull request changes; a rename touches the path it leaves as well as the one it enters. */
async function listChangedPaths(facts: DeliveryFacts, repo: RepoRef, pullNumber: number): Promise<string[]> {
  const files = await facts.files(repo, pullNumber);
  return [...new Set(files.flatMap((f) => (f.previous_filename ? [f.previous_filename, f.filename] : [f.filename])))];
}
