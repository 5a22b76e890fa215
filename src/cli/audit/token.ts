import { spawnSync } from "node:child_process";

/** The GitHub CLI's token, when `gh` is installed and logged in. */
export function ghAuthToken(): string | undefined {
  const gh = spawnSync("gh", ["auth", "token"], { encoding: "utf8", timeout: 10_000 });
  const token = gh.status === 0 ? gh.stdout.trim() : "";
  return token === "" ? undefined : token;
}

/** GITHUB_TOKEN, else the GitHub CLI's token. */
export function findToken(env: Readonly<Record<string, string | undefined>>, gh: () => string | undefined = ghAuthToken): string | undefined {
  return env.GITHUB_TOKEN || gh();
}
