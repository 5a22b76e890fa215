import { writeFileSync } from "node:fs";
import { gitHubFiles } from "../../github/files.js";
import { resolve } from "node:path";
import { loadConfig } from "../../config/load.js";
import { renderProblemLines } from "../../config/problems.js";
import { debtRegister } from "../../core/debt/register.js";
import type { Log, RestClient } from "../../github/types.js";
import { failureMessage } from "../github-client.js";
import { repositoryOf, tokenFor } from "../repository-target.js";
import { EXIT } from "../exit-codes.js";
import type { CliIO } from "../io.js";
import { createDebtClient } from "./client.js";
import { gatherDebt } from "./gather.js";
import { renderDebtCsv, renderDebtMarkdown } from "./render.js";

export interface DebtOptions {
  json?: boolean | undefined;
  csv?: boolean | undefined;
  output?: string | undefined;
}

export interface DebtDependencies {
  now?: Date;
  /** Where a token comes from when GITHUB_TOKEN is unset: `gh auth token` unless a test gives another. */
  ghToken?: () => string | undefined;
  /** The GitHub client: `createDebtClient` unless a test gives another. */
  client?: (options: { token: string; baseUrl?: string | undefined; warn: (message: string) => void }) => RestClient;
}

/**
 * `intentbot debt OWNER/REPO`: the debt register, read-only, in the
 * dashboard's order, as Markdown, JSON (for a roadmap tool) or CSV (for a
 * spreadsheet). Exit 0 when written, 2 on usage, token, configuration or API errors.
 */
export async function debtCommand(target: string, options: DebtOptions, io: CliIO, deps: DebtDependencies = {}): Promise<number> {
  const repo = repositoryOf(target, io);
  if (!repo) return EXIT.usage;
  if (options.json && options.csv) {
    io.stderr("intentbot: choose one of --json and --csv");
    return EXIT.usage;
  }
  const token = tokenFor(io, deps.ghToken);
  if (!token) return EXIT.usage;
  const say = (message: string) => io.stderr(`intentbot: ${message}`);
  // The shared gatherers log as Probot does (an object, then the message): the message is what a person reads.
  const log = { debug: () => undefined, info: () => undefined, warn: (_: unknown, m: string) => say(m), error: (_: unknown, m: string) => say(m) } as unknown as Log;
  const octokit = (deps.client ?? createDebtClient)({ token, baseUrl: io.env.GITHUB_API_URL, warn: say });

  try {
    const config = await loadConfig(gitHubFiles(octokit), repo);
    if (!config.ok) {
      say("the repository's configuration is invalid:");
      for (const line of renderProblemLines(config.problems)) io.stderr(line);
      return EXIT.usage;
    }
    const now = deps.now ?? new Date();
    const facts = await gatherDebt(octokit, log, config.config, repo, now);
    const { roi, sort } = config.config.dashboard;
    const register = debtRegister(`${repo.owner}/${repo.repo}`, facts.items, { settings: roi, sort, repository: facts.repository }, now, facts.urls);
    const text = options.json ? JSON.stringify(register, null, 2) : options.csv ? renderDebtCsv(register) : renderDebtMarkdown(register);
    if (options.output) {
      writeFileSync(resolve(io.cwd, options.output), `${text}\n`);
      io.stdout(`intentbot: wrote ${options.output}`);
    } else {
      io.stdout(text);
    }
    return EXIT.ok;
  } catch (error) {
    say(failureMessage(error));
    return EXIT.usage;
  }
}
