import { describe, expect, it } from "vitest";
import { delivery, payload } from "../fixtures/payloads.js";
import { createTestApp } from "../helpers/app.js";
import { github, mockConfig } from "../helpers/github.js";

describe("two apps in one process", () => {
  it("share no delivery state: the same payload delivered to each reads the config once per app", async () => {
    const first = createTestApp(["intent"]);
    const second = createTestApp(["intent"]);
    const event = delivery("issues.opened", payload("issues.opened", { issue: { body: "fix it", labels: [] } }));
    // Each app asks for its own token and reads the file itself; intent is off, so nothing else is called.
    const scopes = [first, second].map(() => mockConfig(github(), "intent:\n  enabled: false\n"));

    await first.receive(event);
    await second.receive(event);

    expect(scopes.map((scope) => scope.isDone())).toEqual([true, true]);
  });
});
