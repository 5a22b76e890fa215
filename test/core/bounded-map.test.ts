import { describe, expect, it } from "vitest";
import { BoundedMap } from "../../src/core/bounded-map.js";

describe("BoundedMap", () => {
  it("keeps the newest entries: setting a key again makes it the newest", () => {
    const map = new BoundedMap<string, number>(2);
    map.set("a", 1);
    map.set("b", 2);
    map.set("a", 3);
    map.set("c", 4);
    expect([map.get("a"), map.get("b"), map.get("c")]).toEqual([3, undefined, 4]);
    map.delete("a");
    expect(map.get("a")).toBeUndefined();
  });
});
