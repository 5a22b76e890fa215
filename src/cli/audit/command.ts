import { writeFileSync } from "node:fs";
import { gitHubFiles } from "../../github/files.js";
import { resolve } from "node:path";
import { loadConfig } from "../../config/load.js";
import { renderProblemLines } from "../../config/problems.js";
import { EXIT } from "../exit-codes.js";
import { createCliOctokit, failureMessage } from "../github-client.js";
import type { CliIO } from "../io.js";
import { decideAudit } from "./decide.js";
import { gatherAudit } from "./gather.js";
import { progressBar } from "./progress.js";
import { renderAuditMarkdown } from "./render.js";
import { repositoryOf, tokenFor } from "../repository-target.js";

export interface AuditOptions {
  limit?: string | undefined;
  json?: boolean | undefined;
  output?: string | undefined;
}

export interface AuditDependencies {
  now?: Date;
  /** Where a token comes from when GITHUB_TOKEN is unset: `gh auth token` unless a test gives another. */
  ghToken?: () => string | undefined;
}

const DEFAULT_LIMIT = 200;
const MAX_LIMIT = 5_000;
/**
 * `intentbot audit OWNER/REPO`: reads the repository (never writes) and
 * prints what the app would say about it. Exit 0 when it would say nothing,
 * 1 when something is missing, 2 on usage, token, configuration or API errors.
 */
export async function auditCommand(target: string, options: AuditOptions, io: CliIO, deps: AuditDependencies = {}): Promise<number> {
  const repo = repositoryOf(target, io);
  if (!repo) return EXIT.usage;
  const limit = options.limit === undefined ? DEFAULT_LIMIT : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    io.stderr(`intentbot: --limit takes a whole number from 1 to ${MAX_LIMIT}`);
    return EXIT.usage;
  }
  const token = tokenFor(io, deps.ghToken);
  if (!token) return EXIT.usage;
  const say = (message: string) => io.stderr(`intentbot: ${message}`);
  const octokit = createCliOctokit({ token, baseUrl: io.env.GITHUB_API_URL, log: { warn: say } });

  try {
    const config = await loadConfig(gitHubFiles(octokit), repo);
    if (!config.ok) {
      say("the repository's configuration is invalid; the app would report this on every check:");
      for (const line of renderProblemLines(config.problems, "terminal")) io.stderr(line);
      return EXIT.usage;
    }
    const facts = await gatherAudit(octokit, config.config, repo, limit, progressBar(io.status));
    const report = decideAudit(facts, config.config, deps.now ?? new Date());
    const text = options.json ? JSON.stringify(report, null, 2) : renderAuditMarkdown(report, limit);
    if (options.output) {
      writeFileSync(resolve(io.cwd, options.output), `${text}\n`);
      io.stdout(`intentbot: wrote ${options.output}`);
    } else {
      io.stdout(text);
    }
    const silent = report.intent.issues.length + report.intent.pullRequests.length + report.hacksWithoutDebt.length + report.signoff.length === 0;
    return silent ? EXIT.ok : EXIT.unmet;
  } catch (error) {
    say(failureMessage(error));
    return EXIT.usage;
  }
}
