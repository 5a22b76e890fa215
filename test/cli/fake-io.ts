import type { CliIO } from "../../src/cli/io.js";

/** A CLI's world in memory: files by the path the command asks for, and what it printed. */
export function fakeIO(files: Record<string, string>, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { cwd: "/repo", stdout: (l) => out.push(l), stderr: (l) => err.push(l), readFile: (p) => files[p], isTerminal: false, env };
  return { io, out, err };
}
