import type { Context } from "probot";

/** What the GitHub adapters need from a Probot context: an authenticated client and a logger. */
export type GitHub = Context["octokit"];
export type Log = Context["log"];

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface IssueRef extends RepoRef {
  issue_number: number;
}
