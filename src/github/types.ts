import type { Context } from "probot";
import type { RepoRef } from "../core/repo.js";

/** What the GitHub adapters need from a Probot context: an authenticated client and a logger. */
export type GitHub = Context["octokit"];
export type Log = Context["log"];

/** The REST client alone, without Probot's config plugin: what reads shared by the app and the CLI need (the CLI's client is `@octokit/rest`). */
export type RestClient = Omit<GitHub, "config">;

export type { RepoRef } from "../core/repo.js";

export interface IssueRef extends RepoRef {
  issue_number: number;
}

/** The repository of an event's payload (for handlers shared by several events). */
export function repoOf(payload: { repository: { name: string; owner: { login: string } } }): RepoRef {
  return { owner: payload.repository.owner.login, repo: payload.repository.name };
}
