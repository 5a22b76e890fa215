import { ProbotOctokit } from "probot";
import { debtCommand } from "../../src/cli/debt/command.js";
import type { GitHub } from "../../src/github/types.js";
import { ROI_NOW, threeHacks } from "../helpers/debt-roi.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { fakeIO } from "./fake-io.js";

export const NOW = new Date(ROI_NOW);
export const noGh = () => undefined;
let fake: FakeGitHub | undefined;

/** Stops the fake that `repository()` started last (each test file calls this after each test). */
export function stopRepository(): void {
  fake?.stop();
  fake = undefined;
}

export function repository(config = "intent:\n  enabled: false\n"): FakeGitHub {
  const github = new FakeGitHub();
  fake = github;
  github.config = config;
  // As GitHub holds them: sealed with the app's key, which the CLI does not have.
  threeHacks(github);
  github.start();
  return github;
}

/** The app's client waits 2 s between searches (GitHub's search limit); these tests need not. */
const Unthrottled = ProbotOctokit.defaults({ throttle: { enabled: false }, retry: { enabled: false } });
export const unthrottled = ({ token }: { token: string }) => new Unthrottled({ auth: { token } }) as unknown as GitHub;

export async function run(args: { json?: boolean; csv?: boolean; output?: string }, client: typeof unthrottled | null = unthrottled) {
  const { io, out, err } = fakeIO({}, { GITHUB_TOKEN: "ghp_debt" });
  const code = await debtCommand("octo-org/widgets", args, io, { now: NOW, ghToken: noGh, ...(client ? { client } : {}) });
  return { code, out, err };
}
