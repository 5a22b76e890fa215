import { describe, expect, it } from "vitest";
import { MemoryCoalescer } from "../../src/delivery/coalescer.js";
import { fakeClock } from "../helpers/clock.js";


describe("coalescing dashboard refreshes", () => {
  it("runs the first request at once and a burst as one trailing run with the newest work", async () => {
    const time = fakeClock();
    const runs: string[] = [];
    const coalescer = new MemoryCoalescer(60_000, time.clock);
    const work = (name: string) => async () => void runs.push(name);

    expect(await coalescer.request("o/r", work("a"))).toBe("ran");
    time.advance(1_000);
    expect(await coalescer.request("o/r", work("b"))).toBe("deferred");
    expect(await coalescer.request("o/r", work("c"))).toBe("merged");
    expect(await coalescer.request("o/other", work("x"))).toBe("ran");
    expect(runs).toEqual(["a", "x"]);

    time.advance(58_999);
    expect(runs).toEqual(["a", "x"]);
    time.advance(1);
    await Promise.resolve();
    expect(runs).toEqual(["a", "x", "c"]);
    expect(time.timers).toHaveLength(0);

    time.advance(60_000);
    expect(await coalescer.request("o/r", work("d"))).toBe("ran");
  });

  it("a forced run restarts the interval", async () => {
    const time = fakeClock();
    const coalescer = new MemoryCoalescer(60_000, time.clock);
    await coalescer.markRun("o/r");
    expect(await coalescer.request("o/r", async () => undefined)).toBe("deferred");
  });
});
