import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The repository root and the CLI as a user runs it (bin/intentbot.js over the built lib/). */
export const root = join(import.meta.dirname, "..");
export const bin = join(root, "bin/intentbot.js");

/** The newest modification time under a directory (0 when it does not exist). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/** Builds lib/ when any source is newer, so a figure is for the code as it is. */
export function ensureBuilt(): void {
  let built = 0;
  try {
    built = statSync(join(root, "lib/cli/main.js")).mtimeMs;
  } catch {
    // Not built yet.
  }
  if (built >= newest(join(root, "src"))) return;
  const build = spawnSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: root, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`building lib/ failed:\n${build.stdout}${build.stderr}`);
}
