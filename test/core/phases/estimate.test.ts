import { describe, expect, it } from "vitest";
import { formatHours, parseEstimate } from "../../../src/core/phases/estimate.js";

describe("parseEstimate", () => {
  it.each([
    ["4h", 4],
    ["2d", 16],
    ["1.5w", 60],
    ["2 days", 16],
    ["1 week", 40],
    ["3 hours", 3],
    ["1 hr", 1],
    ["2 wks", 80],
    ["1w 2d", 56],
    ["1d 4h", 12],
    ["2D", 16],
    ["~2d", 16],
    ["0.25d", 2],
    ["0.7w", 28],
  ])("reads %s as %i hours", (text, hours) => {
    expect(parseEstimate(text)).toEqual({ hours, text });
  });

  it("keeps the text as written, spaces collapsed", () => {
    expect(parseEstimate("  2   days ")).toEqual({ hours: 16, text: "2 days" });
  });

  it.each(["", "3x", "2", "d", "two days", "2-3d", "0h", "0.0d", "1,5w", "12345h", "1.234d", "~", "2d!"])(
    "rejects %j",
    (text) => {
      expect(parseEstimate(text)).toBeUndefined();
    },
  );
});

describe("formatHours", () => {
  it.each([
    [4, "4h"],
    [7.5, "7.5h"],
    [12, "1.5d (12h)"],
    [40, "1w (40h)"],
    [236, "5.9w (236h)"],
    [0.25, "0.25h"],
  ])("formats %f hours as %s", (hours, text) => {
    expect(formatHours(hours)).toBe(text);
  });
});
