import { describe, expect, it } from "vitest";
import { MemoryFailedCommands } from "../../src/github/failed-commands.js";
import { fakeClock } from "../helpers/clock.js";

describe("failed commands", () => {
  it("in memory: a mark is taken once, and forgotten after a day", async () => {
    const time = fakeClock();
    const failed = new MemoryFailedCommands(time.clock.now);
    await failed.mark("o/r#77:hack");
    expect(await failed.take("o/r#77:signoff")).toBe(false);
    expect(await failed.take("o/r#77:hack")).toBe(true);
    expect(await failed.take("o/r#77:hack")).toBe(false);

    await failed.mark("o/r#78:hack");
    time.advance(24 * 60 * 60 * 1000 + 1);
    expect(await failed.take("o/r#78:hack")).toBe(false);
  });
});
