import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/** What a CLI command touches of the outside world, injectable for tests. */
export interface CliIO {
  /** The directory relative paths are read from; messages show paths as the user gave them. */
  cwd: string;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** The file's text, or undefined when it cannot be read; a relative path is taken from `cwd`. */
  readFile: (path: string) => string | undefined;
  /** Colour and progress bars only on a terminal. */
  isTerminal: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Redraws a status line in place on standard error; only when that is a terminal. */
  status?: ((text: string) => void) | undefined;
}

export function processIO(cwd = process.cwd()): CliIO {
  return {
    cwd,
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    readFile: (path) => {
      try {
        return readFileSync(resolve(cwd, path), "utf8");
      } catch {
        return undefined;
      }
    },
    isTerminal: process.stdout.isTTY === true && !process.env.NO_COLOR,
    env: process.env,
    status: process.stderr.isTTY ? (text) => process.stderr.write(text) : undefined,
  };
}
