/** A repository by owner and name, as GitHub's REST routes take it (both case-insensitive on GitHub). */
export interface RepoRef {
  owner: string;
  repo: string;
}

/** A repository as a key: lower-cased, since GitHub's owner and repository names are not case-sensitive. */
export const repoKey = (repo: RepoRef): string => `${repo.owner}/${repo.repo}`.toLowerCase();

/** An issue or pull request as a key (`owner/repo#N`), lower-cased as `repoKey` is. */
export const issueKey = (repo: RepoRef, number: number): string => `${repoKey(repo)}#${number}`;
