import { run } from "probot";
import { parseEnv } from "node:util";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DeliveryJournal } from "./delivery/journal.js";
import { IntentbotOctokit } from "./github/octokit.js";
import intentbot, { features, intentbotWith, type Feature } from "./index.js";
import { checkRedisReachable } from "./startup/redis-reachable.js";
import { oneLine, readStartSettings, StartupProblem } from "./startup/settings.js";

// The production entry (`npm start`): Probot's server with the app's Octokit,
// started only once its settings are checked. Any problem at start ends the
// process with one line on stderr and exit code 1.
try {
  await start();
} catch (error) {
  process.stderr.write(`intentbot: cannot start: ${oneLine(error)}\n`);
  process.exit(1);
}

async function start(): Promise<void> {
  // Probot applies `.env` over the environment when it runs; applied first here, the settings checked are the ones it will use.
  Object.assign(process.env, dotEnv(process.cwd()));
  const settings = readStartSettings(process.env, process.cwd());
  if (settings.kind === "setup") {
    // The set-up page writes the new app's credentials to `.env`: it is served to this machine only, unless HOST says otherwise.
    await run(intentbot);
    return;
  }
  if (settings.redisUrl) await checkRedisReachable(settings.redisUrl);
  const journal = settings.redisUrl ? undefined : await openJournal(settings.dataDir);
  // Probot listens on localhost by default: unreachable from outside a container.
  const env = { ...process.env, HOST: process.env.HOST || "0.0.0.0" };
  await run(intentbotWith(Object.keys(features) as Feature[], journal ? { journal } : {}), { Octokit: IntentbotOctokit, env });
}

function dotEnv(cwd: string): ReturnType<typeof parseEnv> {
  try {
    return parseEnv(readFileSync(join(cwd, ".env"), "utf8"));
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return {};
    throw new StartupProblem(`.env cannot be read (${oneLine(error)})`);
  }
}

async function openJournal(directory: string): Promise<DeliveryJournal> {
  try {
    return await DeliveryJournal.open(directory);
  } catch (error) {
    throw new StartupProblem(`INTENTBOT_DATA_DIR: cannot keep the delivery journal in ${directory} (${oneLine(error)})`);
  }
}
