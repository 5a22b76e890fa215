import { describe, expect, it } from "vitest";
import { dataMarker, dataMarkerSpans, readDataMarker } from "../../src/core/markers.js";

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

  it("reads the last record: a later one supersedes an earlier one", () => {
    expect(readDataMarker(`${dataMarker({ n: 1 })}\ntext\n${dataMarker({ n: 2 })}`)).toEqual({ n: 2 });
  });

  it("a malformed or unclosed marker before the record does not hide it", () => {
    const record = dataMarker({ n: 1 });
    expect(readDataMarker(`<!-- intentbot:data {broken -->\n${record}`)).toEqual({ n: 1 });
    expect(readDataMarker(`<!-- intentbot:data {"n":9}--> text ${record}`)).toEqual({ n: 1 });
    // Opened inside another marker's comment: read from its own opening.
    expect(readDataMarker(`<!-- intentbot:data {"n":9} ${record}`)).toEqual({ n: 1 });
  });

  it("finds every marker in one pass, each starting after the previous one ended", () => {
    const body = `a ${dataMarker({ n: 1 })} b <!-- intentbot:data x --> c ${dataMarker({ n: 2 })}`;
    const spans = dataMarkerSpans(body);
    expect(spans.map((s) => s.content)).toEqual(['{"n":1}', "x", '{"n":2}']);
    expect(spans.map((s) => body.slice(s.start, s.end))).toEqual([dataMarker({ n: 1 }), "<!-- intentbot:data x -->", dataMarker({ n: 2 })]);
  });

  it("reads hostile bodies without error: openings with no end, many empty markers", () => {
    expect(readDataMarker("<!-- intentbot:data ".repeat(3000))).toBeUndefined();
    expect(readDataMarker("<!-- intentbot:data -->".repeat(2800))).toBeUndefined();
  });
});
