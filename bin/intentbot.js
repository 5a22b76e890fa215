#!/usr/bin/env node
// The CLI is compiled to lib/ by `npm run build` (run by `npm ci` and `npm pack` through `prepare`).
import { processIO } from "../lib/cli/io.js";
import { main } from "../lib/cli/main.js";

process.exitCode = await main(process.argv.slice(2), processIO());
