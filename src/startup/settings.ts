import { createPrivateKey } from "node:crypto";
import { getPrivateKey } from "@probot/get-private-key";

/** A reason the server cannot start, in one line that names the variable to fix. */
export class StartupProblem extends Error {
  override name = "StartupProblem";
}

export type Environment = Readonly<Record<string, string | undefined>>;

/** How the server starts: Probot's set-up page, or the app with credentials that were checked. */
export type StartSettings =
  | { kind: "setup" }
  | {
      kind: "app";
      appId: number;
      privateKey: string;
      secret: string;
      redisUrl: string | undefined;
      /** Where the journal of deliveries lives without Redis. */
      dataDir: string;
    };

const CREDENTIALS = ["APP_ID", "PRIVATE_KEY", "PRIVATE_KEY_PATH", "WEBHOOK_SECRET"] as const;

const given = (value: string | undefined): value is string => value !== undefined && value.trim() !== "";

/**
 * Reads and checks the server's settings before anything starts, so that a
 * missing or malformed one stops it with one line instead of a stack trace, a
 * half-started server or the public set-up page. The set-up page is for a
 * developer's first run only: not in production, and not once any credential
 * is given (a typo in one must not turn the server into a registration page).
 */
export function readStartSettings(env: Environment, cwd: string): StartSettings {
  const production = env.NODE_ENV === "production";
  if (!CREDENTIALS.some((name) => given(env[name]))) {
    if (!production) return { kind: "setup" };
    throw new StartupProblem("APP_ID, PRIVATE_KEY and WEBHOOK_SECRET are not set (NODE_ENV=production serves no set-up page)");
  }
  return {
    kind: "app",
    appId: appIdOf(env.APP_ID),
    privateKey: privateKeyOf(env, cwd),
    secret: secretOf(env.WEBHOOK_SECRET),
    redisUrl: given(env.REDIS_URL) ? redisUrlOf(env.REDIS_URL) : undefined,
    dataDir: given(env.INTENTBOT_DATA_DIR) ? env.INTENTBOT_DATA_DIR : "data",
  };
}

function appIdOf(value: string | undefined): number {
  if (!given(value)) throw new StartupProblem("APP_ID is not set: give the GitHub App's numeric id");
  const id = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(id) || id <= 0) throw new StartupProblem(`APP_ID must be the GitHub App's numeric id, not ${JSON.stringify(value.slice(0, 40))}`);
  return id;
}

function privateKeyOf(env: Environment, cwd: string): string {
  let text: string | null;
  try {
    // Probot's own reading (a PEM with real or `\n` newlines, base64, or PRIVATE_KEY_PATH), so what is checked is what Probot uses.
    text = getPrivateKey({ env: { ...env }, cwd });
  } catch {
    if (given(env.PRIVATE_KEY)) throw new StartupProblem("PRIVATE_KEY is not a PEM private key (-----BEGIN RSA PRIVATE KEY----- …, newlines as they are or written \\n, or base64)");
    throw new StartupProblem(`PRIVATE_KEY_PATH: no readable file at ${env.PRIVATE_KEY_PATH ?? ""}`);
  }
  if (text === null) throw new StartupProblem("PRIVATE_KEY is not set (nor PRIVATE_KEY_PATH): give the GitHub App's private key (PEM)");
  const source = given(env.PRIVATE_KEY) ? "PRIVATE_KEY" : "PRIVATE_KEY_PATH";
  let type: string | undefined;
  try {
    type = createPrivateKey(text).asymmetricKeyType;
  } catch (error) {
    throw new StartupProblem(`${source} is not a readable private key (${oneLine(error)})`);
  }
  // GitHub signs an app's tokens with RS256: only an RSA key works.
  if (type !== "rsa") throw new StartupProblem(`${source} holds a key of type ${type ?? "unknown"}; a GitHub App's private key is RSA`);
  return text;
}

function secretOf(value: string | undefined): string {
  if (!given(value)) throw new StartupProblem("WEBHOOK_SECRET is not set: give the webhook secret set on the GitHub App");
  return value;
}

function redisUrlOf(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new StartupProblem("REDIS_URL is not a URL (e.g. redis://redis:6379)");
  }
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") throw new StartupProblem(`REDIS_URL must start with redis:// or rediss:// (it starts with ${url.protocol})`);
  return value;
}

/** An error's message on one line. */
export function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, " ").trim();
}
