import { describe, expect, it } from "vitest";
import { KeyedLocks, lockKey } from "../../src/github/locks.js";

describe("lockKey", () => {
  it("names one issue the same whatever the spelling of its repository", () => {
    expect(lockKey("comments", { owner: "Octo-Org", repo: "Hello-World" }, 7)).toBe(lockKey("comments", { owner: "octo-org", repo: "hello-world" }, 7));
    expect(lockKey("comments", { owner: "Octo-Org", repo: "Hello-World" }, 7)).toBe("comments:octo-org/hello-world#7");
  });

  it("keeps topics, issues and repositories apart", () => {
    const repo = { owner: "octo-org", repo: "hello-world" };
    const keys = [lockKey("hacks", repo, 7), lockKey("signoff", repo, 7), lockKey("hacks", repo, 8), lockKey("dashboard", repo), lockKey("dashboard", { ...repo, repo: "api" })];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("makes two spellings of one issue wait for each other", async () => {
    const locks = new KeyedLocks();
    const order: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = locks.run(lockKey("comments", { owner: "Octo-Org", repo: "Hello-World" }, 7), async () => {
      order.push("first in");
      await held;
      order.push("first out");
    });
    const second = locks.run(lockKey("comments", { owner: "octo-org", repo: "hello-world" }, 7), () => {
      order.push("second in");
      return Promise.resolve();
    });
    // Time for the second to start, were its key another lock's.
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["first in", "first out", "second in"]);
  });
});
