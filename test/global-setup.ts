import { generateKeyPairSync } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The app's parse worker (src/parse/worker.ts) compiled to JavaScript, as a file URL. */
    parseWorker: string;
    /** The probe worker (test/helpers/probe-worker.ts: the app's tasks and the probes) compiled the same way. */
    probeWorker: string;
    /** One RSA key for every test app of the run (generating one takes a tenth of a second or more). */
    testPrivateKey: string;
  }
}

const root = resolve(fileURLToPath(import.meta.url), "../..");

/**
 * A vitest global set-up: what every test file would otherwise make for
 * itself, made once per run and handed to the files with `inject`.
 *
 * The parse workers, compiled: a worker started from TypeScript goes through
 * `--import tsx`, which costs about a second of CPU per worker, and most test
 * files start one; the compiled worker runs the same sources and starts in a
 * few milliseconds. Packages stay external (resolved from node_modules, as the
 * app resolves them).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  project.provide("testPrivateKey", generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } }).privateKey);

  const cache = join(root, "node_modules/.cache");
  mkdirSync(cache, { recursive: true });
  const outdir = mkdtempSync(join(cache, "intentbot-test-workers-"));
  const compile = () =>
    build({
      absWorkingDir: root,
      entryPoints: { "parse-worker": "src/parse/worker.ts", "probe-worker": "test/helpers/probe-worker.ts" },
      outdir,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      packages: "external",
      platform: "node",
      format: "esm",
      target: "node20",
      logLevel: "warning",
    });
  await compile();
  project.provide("parseWorker", pathToFileURL(join(outdir, "parse-worker.mjs")).href);
  project.provide("probeWorker", pathToFileURL(join(outdir, "probe-worker.mjs")).href);
  // In watch mode, a rerun after an edit must run the edited parsers.
  project.onTestsRerun(async () => {
    await compile();
  });
  return () => rmSync(outdir, { recursive: true, force: true });
}
