import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { EXIT, EXIT_CODES_HELP } from "./exit-codes.js";
import type { AuditOptions } from "./audit/command.js";
import type { CheckOptions } from "./check/command.js";
import type { DebtOptions } from "./debt/command.js";
import type { IntentOptions } from "./intent/command.js";
import type { TemplatesOptions } from "./templates.js";
import type { CliIO } from "./io.js";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

/**
 * Runs one command line and resolves to its exit code. Each subcommand's
 * module is imported only when it runs, so `intentbot owners` does not load
 * the GitHub client or the config schema.
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let code: number = EXIT.ok;
  const program = new Command("intentbot")
    .description("intentbot's command line: what the app would say, from a checkout or a repository")
    .version(pkg.version, "-V, --version")
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout(text.trimEnd()), writeErr: (text) => io.stderr(text.trimEnd()) })
    .addHelpText("after", EXIT_CODES_HELP);

  program
    .command("check")
    .description("what the app would say about HEAD as a pull request: intent, hack debt, cross-team sign-off (offline)")
    .option("--base <ref>", "the commit to compare with (default: the merge base with the default branch)")
    .option("--body <file>", "the pull request description (default: the commit messages)")
    .option("--title <text>", "the pull request title (default: the first commit's subject)")
    .option("--config <file>", "the configuration (default: .github/intent.yml at the base)")
    .option("--json", "print the report as JSON")
    .option("--fail-on <list>", "what exits 1 when missing: intent, hack, signoff (pending), comma-separated, or none (default: intent,hack)")
    .addHelpText("after", EXIT_CODES_HELP)
    .action(async (options: CheckOptions) => {
      const { checkCommand } = await import("./check/command.js");
      code = await checkCommand(options, io);
    });

  program
    .command("audit")
    .description("what the app would say about a repository on GitHub (read-only; token from GITHUB_TOKEN or `gh auth token`)")
    .argument("<owner/repo>", "the repository")
    .option("--limit <n>", "at most this many open issues and PRs, merged hacks and debt issues (default: 200)")
    .option("--json", "print the report as JSON")
    .option("-o, --output <file>", "write the report to a file instead of standard output")
    .addHelpText("after", EXIT_CODES_HELP)
    .action(async (target: string, options: AuditOptions) => {
      const { auditCommand } = await import("./audit/command.js");
      code = await auditCommand(target, options, io);
    });

  program
    .command("debt")
    .description("the debt register in the dashboard's order, with cost and payback, for a roadmap tool (read-only; token from GITHUB_TOKEN or `gh auth token`)")
    .argument("<owner/repo>", "the repository")
    .option("--json", "print the register as JSON (its shape is in docs/dashboard.md)")
    .option("--csv", "print the register as CSV")
    .option("-o, --output <file>", "write the register to a file instead of standard output")
    .addHelpText("after", EXIT_CODES_HELP)
    .action(async (target: string, options: DebtOptions) => {
      const { debtCommand } = await import("./debt/command.js");
      code = await debtCommand(target, options, io);
    });

  program
    .command("intent")
    .description("judge one issue or PR body as the app would, with a local repository's templates and .github/intent.yml (offline)")
    .argument("<body-file>", "the body to judge")
    .option("--kind <kind>", "issue or pr: which templates discount unchanged text (default: pr)")
    .option("--repo <dir>", "the repository whose templates and configuration are read (default: the current directory)")
    .option("--config <file>", "the configuration (default: .github/intent.yml in the repository)")
    .option("--title <text>", "the title (exemptions, and a why that only restates it)")
    .option("--json", "print the verdict as JSON")
    .addHelpText("after", EXIT_CODES_HELP)
    .action(async (bodyFile: string, options: IntentOptions) => {
      const { intentCommand } = await import("./intent/command.js");
      code = await intentCommand(bodyFile, options, io);
    });

  program
    .command("templates")
    .description("list the issue and PR templates the app would read, whether each asks for a why and a who, and a prompt to add where not (offline)")
    .option("--repo <dir>", "the repository checkout (default: the current directory)")
    .option("--json", "print the report as JSON")
    .addHelpText("after", EXIT_CODES_HELP)
    .action(async (options: TemplatesOptions) => {
      const { templatesCommand } = await import("./templates.js");
      code = await templatesCommand(options, io);
    });

  program
    .command("owners")
    .description("print the CODEOWNERS owners of each path (PATH<TAB>owners, or PATH<TAB>- when unowned)")
    .option("--codeowners <file>", "CODEOWNERS file to read (default: .github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS)")
    .argument("<paths...>", "repository-relative paths")
    .addHelpText("after", EXIT_CODES_HELP)
    .action(async (paths: string[], options: { codeowners?: string }) => {
      const { ownersCommand } = await import("./owners.js");
      code = ownersCommand(paths, options, io);
    });

  program
    .command("validate-config")
    .description("validate a .github/intent.yml file")
    .argument("[file]", "the file (default: .github/intent.yml)")
    .addHelpText("after", EXIT_CODES_HELP)
    .action(async (file: string | undefined) => {
      const { validateConfigCommand } = await import("./validate-config.js");
      code = validateConfigCommand(file, io);
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // --help and --version end with exit code 0; every other parse error is a usage error.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  return code;
}
