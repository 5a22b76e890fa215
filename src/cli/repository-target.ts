import type { RepoRef } from "../github/types.js";
import { findToken } from "./audit/token.js";
import type { CliIO } from "./io.js";

const OWNER_REPO = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;

/** `OWNER/REPO` as GitHub spells a repository, or undefined after saying why not. */
export function repositoryOf(target: string, io: CliIO): RepoRef | undefined {
  const match = OWNER_REPO.exec(target);
  if (match?.[1] && match[2]) return { owner: match[1], repo: match[2] };
  io.stderr(`intentbot: give the repository as OWNER/REPO, not ${JSON.stringify(target)}`);
  return undefined;
}

/** The token a read-only command reads GitHub with (GITHUB_TOKEN, else `gh auth token`), or undefined after saying how to get one. */
export function tokenFor(io: CliIO, gh?: () => string | undefined): string | undefined {
  const token = findToken(io.env, gh);
  if (!token) io.stderr("intentbot: no token: set GITHUB_TOKEN, or log in with the GitHub CLI (`gh auth login`)");
  return token;
}
