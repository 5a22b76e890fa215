import { describe, expect, it } from "vitest";
import { dataMarker, readDataMarker, topicMarker } from "../../src/core/markers.js";
import { neutralize } from "../../src/core/sanitize.js";

describe("markers", () => {
  it("round-trips data, even strings that would close the comment", () => {
    const data = { note: "a --> b <!-- c", n: 3 };
    const text = `hello\n${dataMarker(data)}\n`;
    expect(text.match(/-->/g)).toHaveLength(1);
    expect(readDataMarker(text)).toEqual(data);
  });

  it("ignores a broken data marker", () => {
    expect(readDataMarker("<!-- intentbot:data {nope} -->")).toBeUndefined();
  });
});

describe("neutralize", () => {
  it("stops mentions and marker forgery", () => {
    const out = neutralize(`ping @octocat and @org/team ${topicMarker("intent")}`);
    expect(out).not.toMatch(/@[\w]/);
    expect(out).not.toContain("<!--");
    expect(out).not.toContain("-->");
  });

  it("leaves e-mail addresses readable", () => {
    expect(neutralize("mail a@b.c")).toBe("mail a@\u200bb.c");
  });
});
