import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { git } from "../../src/cli/git.js";

/** A throwaway git repository in the system's temporary directory, driven by real git commands. */
export class TempRepo {
  readonly dir = mkdtempSync(join(tmpdir(), "intentbot-check-"));

  constructor() {
    this.git("init", "--quiet", "--initial-branch=main");
  }

  git(...args: string[]): string {
    return git(this.dir, ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", ...args]);
  }

  write(files: Record<string, string>): this {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(this.dir, path)), { recursive: true });
      writeFileSync(join(this.dir, path), text);
    }
    return this;
  }

  commit(message: string, files: Record<string, string>): this {
    this.write(files);
    this.git("add", "--all");
    this.git("commit", "--quiet", "--message", message);
    return this;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
