import type { RepoRef, RestClient } from "./types.js";

/** A file's text from the default branch (or `ref`), or undefined when it does not exist. */
export async function readTextFile(octokit: RestClient, { owner, repo }: RepoRef, path: string, ref?: string): Promise<string | undefined> {
  try {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", {
      owner,
      repo,
      path,
      ...(ref ? { ref } : {}),
      mediaType: { format: "raw" },
    });
    return typeof data === "string" ? data : undefined;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}

/** Names of the files in a directory, or [] when it does not exist. */
export async function listDirectory(octokit: RestClient, { owner, repo }: RepoRef, path: string): Promise<string[]> {
  try {
    const { data } = await octokit.rest.repos.getContent({ owner, repo, path });
    return Array.isArray(data) ? data.filter((entry) => entry.type === "file").map((entry) => entry.path) : [];
  } catch (error) {
    if ((error as { status?: number }).status === 404) return [];
    throw error;
  }
}
