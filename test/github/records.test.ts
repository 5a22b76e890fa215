import { describe, expect, it } from "vitest";
import { dataMarker } from "../../src/core/markers.js";
import { deriveRecordKey, recordScope, sealRecords } from "../../src/core/records.js";
import { opened, openInPlace, openPayload, sealed } from "../../src/github/records.js";
import type { Log } from "../../src/github/types.js";

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

describe("the writers seal, the readers open", () => {
  const widgets = { owner: "Octo-Org", repo: "widgets" };
  const reader = () => {
    const warned: unknown[] = [];
    const log = { warn: (fields: unknown) => warned.push(fields) } as unknown as Log;
    return { ctx: { services: { recordKey: key }, log }, warned };
  };

  it("a body sealed for a repository opens back to itself there, and nowhere else", () => {
    const { ctx, warned } = reader();
    const body = sealed(ctx, widgets, `text\n${record}\n`);
    expect(body).not.toBe(`text\n${record}\n`);
    expect(opened(ctx, widgets, { body }).body).toBe(`text\n${record}\n`);
    expect(opened(ctx, { owner: "octo-org", repo: "other" }, { body }).body).toBe("text\n\n");
    expect(warned).toEqual([{ rejected: 1, repo: "octo-org/other" }]);
  });

  it("a record nobody sealed is dropped from what is read, and from the event's payload", () => {
    const { ctx } = reader();
    expect(opened(ctx, widgets, [{ body: record }])).toEqual([{ body: "" }]);
    const payload = { repository: { name: "widgets", owner: { login: "octo-org" } }, issue: { body: `${record}${sealedFor("octo-org/widgets")}` } };
    openPayload({ payload, log: ctx.log }, key);
    expect(payload.issue.body).toBe(record);
  });
});
