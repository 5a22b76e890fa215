import { readFileSync } from "node:fs";
import { Command } from "commander";
import type { CliIO } from "./io.js";
import { ownersCommand } from "./owners.js";
import { validateConfigCommand } from "./validate-config.js";

const io: CliIO = {
  cwd: process.cwd(),
  stdout: (line) => console.log(line),
  stderr: (line) => console.error(line),
  readFile: (path) => {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  },
};

const program = new Command("intentbot").description("intentbot's command line: answers from local files, offline");

program
  .command("owners")
  .description("print the CODEOWNERS owners of each path (PATH<TAB>owners, or PATH<TAB>- when unowned)")
  .option("--codeowners <file>", "CODEOWNERS file to read (default: .github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS)")
  .argument("<paths...>", "repository-relative paths")
  .action((paths: string[], options: { codeowners?: string }) => {
    process.exitCode = ownersCommand(paths, options, io);
  });

program
  .command("validate-config")
  .description("validate a .github/intent.yml file (exit 1 when invalid)")
  .argument("[file]", "the file (default: .github/intent.yml)")
  .action((file: string | undefined) => {
    process.exitCode = validateConfigCommand(file, io);
  });

program.parse();
