/** What a CLI command touches of the outside world, injectable for tests. */
export interface CliIO {
  cwd: string;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  readFile: (path: string) => string | undefined;
}
