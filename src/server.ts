import { run } from "probot";
import { IntentbotOctokit } from "./github/octokit.js";
import intentbot from "./index.js";

// The production entry (`npm start`): Probot's server with the app's Octokit.
await run(intentbot, { Octokit: IntentbotOctokit });
