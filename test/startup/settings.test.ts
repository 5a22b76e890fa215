import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { readStartSettings, type Environment } from "../../src/startup/settings.js";

// The run's test key (test/global-setup.ts): generating an RSA key per file is slow.
const rsa = inject("testPrivateKey");
const ec = generateKeyPairSync("ec", { namedCurve: "prime256v1", privateKeyEncoding: { type: "pkcs8", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } }).privateKey;
const cwd = mkdtempSync(join(tmpdir(), "intentbot-settings-"));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const good: Environment = { APP_ID: "123", PRIVATE_KEY: rsa, WEBHOOK_SECRET: "s3cret" };
const problem = (env: Environment) => {
  try {
    readStartSettings(env, cwd);
  } catch (error) {
    return (error as Error).message;
  }
  return "no problem";
};

describe("the server's settings at start", () => {
  it("serves the set-up page only in development with no credential at all", () => {
    expect(readStartSettings({}, cwd)).toEqual({ kind: "setup" });
    expect(readStartSettings({ NODE_ENV: "development", WEBHOOK_SECRET: " " }, cwd)).toEqual({ kind: "setup" });
    expect(problem({ NODE_ENV: "production" })).toBe("APP_ID, PRIVATE_KEY and WEBHOOK_SECRET are not set (NODE_ENV=production serves no set-up page)");
    expect(problem({ WEBHOOK_SECRET: "x" })).toBe("APP_ID is not set: give the GitHub App's numeric id");
  });

  it("takes the key as Probot reads it: with its newlines written \\n, or from PRIVATE_KEY_PATH", () => {
    expect(readStartSettings({ ...good, PRIVATE_KEY: rsa.replace(/\n/g, "\\n") }, cwd)).toMatchObject({ kind: "app", appId: 123, privateKey: rsa });
    writeFileSync(join(cwd, "key.pem"), rsa);
    expect(readStartSettings({ ...good, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: "key.pem" }, cwd)).toMatchObject({ kind: "app", privateKey: rsa });
  });

  it("names the variable and what is wrong with it, on one line", () => {
    expect(problem({ ...good, APP_ID: "12a" })).toBe('APP_ID must be the GitHub App\'s numeric id, not "12a"');
    expect(problem({ ...good, APP_ID: "0" })).toBe('APP_ID must be the GitHub App\'s numeric id, not "0"');
    expect(problem({ ...good, PRIVATE_KEY: ec })).toBe("PRIVATE_KEY holds a key of type ec; a GitHub App's private key is RSA");
    expect(problem({ ...good, PRIVATE_KEY: undefined, PRIVATE_KEY_PATH: "missing.pem" })).toBe("PRIVATE_KEY_PATH: no readable file at missing.pem");
    expect(problem({ ...good, WEBHOOK_SECRET: "" })).toBe("WEBHOOK_SECRET is not set: give the webhook secret set on the GitHub App");
    expect(problem({ ...good, REDIS_URL: "localhost:6379" })).toBe("REDIS_URL must start with redis:// or rediss:// (it starts with localhost:)");
    expect(problem({ ...good, REDIS_URL: "not a url" })).toBe("REDIS_URL is not a URL (e.g. redis://redis:6379)");
  });

  it("keeps the journal in data/ of the working directory unless INTENTBOT_DATA_DIR says otherwise", () => {
    expect(readStartSettings(good, cwd)).toMatchObject({ dataDir: "data", redisUrl: undefined });
    expect(readStartSettings({ ...good, INTENTBOT_DATA_DIR: "/var/lib/intentbot", REDIS_URL: "redis://r:6379/2" }, cwd)).toMatchObject({ dataDir: "/var/lib/intentbot", redisUrl: "redis://r:6379/2" });
  });
});
