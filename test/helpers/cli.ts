import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { processIO } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

/** The `intentbot` command run in this process in `cwd`, as on a pipe (no terminal): its exit code and the lines it printed. */
export async function runCli(cwd: string, argv: readonly string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { ...processIO(cwd), stdout: (line: string) => out.push(line), stderr: (line: string) => err.push(line), isTerminal: false };
  const code = await main([...argv], io);
  return { code, out, err };
}

const checkouts: string[] = [];

/** A repository checkout on disk, files by path, in a new temporary directory that `removeCheckouts` deletes. */
export function checkout(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "intentbot-checkout-"));
  checkouts.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Deletes every checkout made so far: call it after each test. */
export function removeCheckouts(): void {
  for (const dir of checkouts.splice(0)) rmSync(dir, { recursive: true, force: true });
}
