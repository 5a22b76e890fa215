import { runAction } from "./run.js";

// The Action's entry (see action.yml). It exits explicitly: a one-shot run
// must not wait for timers the app keeps for a long-running server.
process.exit(await runAction(process.env));
