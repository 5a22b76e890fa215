import { describe, expect, it } from "vitest";
import { dataMarker } from "../../src/core/markers.js";
import { deriveRecordKey, recordScope, sealRecords } from "../../src/core/records.js";
import { openInPlace } from "../../src/github/records.js";

const key = deriveRecordKey("secret");
const record = dataMarker({ kind: "debt", owner: "ana" });
const sealedFor = (scope: string) => sealRecords(record, scope, key);

describe("opening a response or payload in place", () => {
  it("scopes each issue by its own repository_url, as search results span repositories", () => {
    const data = {
      items: [
        { repository_url: "https://api.github.com/repos/Octo-Org/widgets", body: sealedFor("octo-org/widgets") },
        // A record sealed for widgets, copied into an issue of another repository.
        { repository_url: "https://api.github.com/repos/octo-org/other", body: sealedFor("octo-org/widgets") },
      ],
    };
    expect(openInPlace(data, undefined, key)).toBe(1);
    expect(data.items.map((i) => i.body)).toEqual([record, ""]);
  });

  it("scopes everything else by the request's or event's repository, at any depth", () => {
    const payload = { comment: { body: sealedFor("octo-org/widgets") }, changes: { body: { from: `${dataMarker({ owner: "x" })}` } }, list: [sealedFor("octo-org/widgets")] };
    expect(openInPlace(payload, recordScope("octo-org", "widgets"), key)).toBe(1);
    expect(payload).toEqual({ comment: { body: record }, changes: { body: { from: "" } }, list: [record] });
  });

  it("survives nesting deeper than the call stack", () => {
    let deep: object = { body: sealedFor("a/b") };
    for (let i = 0; i < 100_000; i++) deep = { next: deep };
    expect(openInPlace(deep, "a/b", key)).toBe(0);
  });
});
