import { describe, expect, it } from "vitest";
import { TtlCache } from "../../src/github/ttl-cache.js";

describe("TtlCache", () => {
  it("shares one pending read, keeps it for its time on the given clock, then reads again", async () => {
    let now = 0;
    let reads = 0;
    const cache = new TtlCache<number>(60_000, 10, () => now);
    const load = () => Promise.resolve(++reads);
    expect(await Promise.all([cache.get("a", load), cache.get("a", load)])).toEqual([1, 1]);
    now = 59_000;
    expect(await cache.get("a", load)).toBe(1);
    now = 60_001;
    expect(await cache.get("a", load)).toBe(2);
  });

  it("forgets a failed read at once", async () => {
    const cache = new TtlCache<string>(60_000);
    await expect(cache.get("a", () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await cache.get("a", () => Promise.resolve("read again"))).toBe("read again");
  });

  it("keeps at most its number of entries, dropping the least recently used", async () => {
    const cache = new TtlCache<string>(60_000, 2);
    await cache.get("a", () => Promise.resolve("a1"));
    await cache.get("b", () => Promise.resolve("b1"));
    await cache.get("a", () => Promise.resolve("a2"));
    await cache.get("c", () => Promise.resolve("c1"));
    expect(await cache.get("a", () => Promise.resolve("a3"))).toBe("a1");
    expect(await cache.get("b", () => Promise.resolve("b2"))).toBe("b2");
  });
});
