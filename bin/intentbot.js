#!/usr/bin/env node
// The CLI is compiled to lib/ by `npm run build` (run by `npm ci` through `prepare`).
import "../lib/cli/main.js";
