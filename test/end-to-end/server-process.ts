import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { Webhooks } from "@octokit/webhooks";

/** The compiled server, as `npm start` runs it. */
export const SERVER = fileURLToPath(new URL("../../lib/server.js", import.meta.url));
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** A port nothing listens on now (Probot's server takes no port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  /** Standard output, line by line (JSON log lines with NODE_ENV=production). */
  stdout: string[];
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `node lib/server.js` in `cwd` with only the environment given (and PATH). */
export function startServer(env: Record<string, string>, cwd: string): ServerProcess {
  const child = spawn(process.execPath, [SERVER], { cwd, env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const collect = (lines: string[]) => {
    let rest = "";
    return (chunk: Buffer) => {
      const parts = (rest + chunk.toString("utf8")).split("\n");
      rest = parts.pop() ?? "";
      lines.push(...parts);
    };
  };
  child.stdout.on("data", collect(stdout));
  child.stderr.on("data", collect(stderr));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return { child, stdout, stderr, exited };
}

/** Waits for a condition, checking every 100 ms; fails after `ms` naming what it waited for. */
export async function until(what: string, condition: () => boolean, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A webhook delivery signed with the secret, as GitHub sends it. */
export async function signedDelivery(url: string, secret: string, name: string, payload: unknown, id: string): Promise<Response> {
  const body = JSON.stringify(payload);
  const signature = await new Webhooks({ secret }).sign(body);
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-github-event": name, "x-github-delivery": id, "x-hub-signature-256": signature },
    body,
  });
}
