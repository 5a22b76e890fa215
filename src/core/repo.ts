/** A repository by owner and name, as GitHub's REST routes take it (both case-insensitive on GitHub). */
export interface RepoRef {
  owner: string;
  repo: string;
}
