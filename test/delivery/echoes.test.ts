import type { Context } from "probot";
import { describe, expect, it } from "vitest";
import { deriveRecordKey } from "../../src/core/records.js";
import { EventRouter } from "../../src/delivery/router.js";
import { ReadCaches } from "../../src/github/read-caches.js";
import type { Services } from "../../src/github/services.js";

const quietLog = { info: () => undefined, error: () => undefined, debug: () => undefined, warn: () => undefined };
const BOT = "intentbot[bot]";

function event(sender: { login: string; type: string }): Context {
  const octokit = { hook: { wrap: () => undefined } };
  return { id: "d", name: "issues", payload: { action: "opened", sender }, log: quietLog, octokit } as unknown as Context;
}

/** A router with one handler that takes echoes and one that does not; counts bot-login look-ups. */
function router() {
  const runs: string[] = [];
  let lookups = 0;
  const services = {
    recordKey: deriveRecordKey("test secret"),
    readCaches: new ReadCaches(),
    botLogin: () => {
      lookups++;
      return Promise.resolve(BOT);
    },
  } as unknown as Services;
  const r = new EventRouter(services);
  const handler = (name: string) => () => {
    runs.push(name);
    return Promise.resolve();
  };
  r.on("issues.opened", "plain", handler("plain"));
  r.on("issues.opened", "listens-to-echoes", handler("listens-to-echoes"), { echoes: true });
  return { r, runs, lookups: () => lookups };
}

describe("the app's own echoes", () => {
  it("reach only the handlers that asked for them, and count as handled for the others", async () => {
    const { r, runs } = router();
    const result = await r.dispatch(event({ login: BOT, type: "Bot" }));
    expect(runs).toEqual(["listens-to-echoes"]);
    expect(result).toEqual({ done: ["plain", "listens-to-echoes"], failed: [] });
  });

  it("a person's event reaches every handler without looking up the bot's login", async () => {
    const { r, runs, lookups } = router();
    await r.dispatch(event({ login: "Codertocat", type: "User" }));
    expect(runs.sort()).toEqual(["listens-to-echoes", "plain"]);
    expect(lookups()).toBe(0);
  });

  it("another app's bot is not an echo", async () => {
    const { r, runs, lookups } = router();
    await r.dispatch(event({ login: "dependabot[bot]", type: "Bot" }));
    expect(runs.sort()).toEqual(["listens-to-echoes", "plain"]);
    expect(lookups()).toBe(1);
  });
});
