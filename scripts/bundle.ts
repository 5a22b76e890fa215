import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The parse worker's file beside the bundled entry; src/parse/budget.ts loads it when this name is defined. */
export const PARSE_WORKER = "parse-worker.js";

// Bundled CommonJS dependencies still call `require` and read `__dirname` (Piscina finds its
// own worker wrapper as `__dirname/worker.js`): give the ES module both, pointing at dist/.
const banner = [
  'import { createRequire as __intentbotCreateRequire } from "node:module";',
  'import { dirname as __intentbotDirname } from "node:path";',
  'import { fileURLToPath as __intentbotFileURLToPath } from "node:url";',
  "const require = __intentbotCreateRequire(import.meta.url);",
  "const __filename = __intentbotFileURLToPath(import.meta.url);",
  "const __dirname = __intentbotDirname(__filename);",
].join("\n");

/**
 * Bundles the Action into `outdir` (dist/ by default): `index.js` (action.yml's
 * `main`), Piscina's worker wrapper as `worker.js` (where Piscina looks for it),
 * the parse worker, and a package.json that makes the files ES modules. The output
 * depends only on the sources and the lock file, so CI rebuilds and compares it.
 */
export async function bundle(outdir = join(root, "dist")): Promise<void> {
  mkdirSync(outdir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: {
      index: "src/action/main.ts",
      // Not in the package's exports: named by its path.
      worker: "node_modules/piscina/dist/worker.js",
      [PARSE_WORKER.replace(/\.js$/, "")]: "src/parse/worker.ts",
    },
    outdir,
    bundle: true,
    platform: "node",
    format: "esm",
    // Runs on the runner's Node 24, and on Node 20 locally.
    target: "node20",
    minify: true,
    legalComments: "none",
    banner: { js: banner },
    // A native module Piscina loads only for `niceIncrement`, which the app does not set (and it tolerates its absence).
    external: ["@napi-rs/nice"],
    define: { INTENTBOT_BUNDLED_PARSE_WORKER: JSON.stringify(`./${PARSE_WORKER}`) },
    logLevel: "warning",
  });
  writeFileSync(join(outdir, "package.json"), `${JSON.stringify({ type: "module" }, null, 2)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundle(process.argv[2] ? resolve(process.argv[2]) : undefined);
}
