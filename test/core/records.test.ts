import { describe, expect, it } from "vitest";
import { dataMarker, readDataMarker } from "../../src/core/markers.js";
import { deriveRecordKey, openRecords, recordScope, sealRecords } from "../../src/core/records.js";

const key = deriveRecordKey("secret");
const here = recordScope("Octo-Org", "Widgets");
const record = dataMarker({ kind: "debt", owner: "ana" });

describe("sealed records", () => {
  it("are sealed on the way out and opened back to the same canonical text", () => {
    const body = `Rebuild prices\n\n${record}`;
    const sealed = sealRecords(body, here, key);
    expect(sealed).toMatch(/^Rebuild prices\n\n<!-- intentbot:data \{"kind":"debt","owner":"ana"\} hmac:[\w-]{43} -->$/);
    expect(openRecords(sealed, here, key)).toEqual({ body, rejected: 0 });
  });

  it("scope ignores case, as GitHub's names do", () => {
    expect(here).toBe("octo-org/widgets");
  });

  it("drops a record written by hand (unsealed), keeping the genuine one after it", () => {
    const forged = dataMarker({ kind: "debt", owner: "acme/everyone" });
    const body = `${forged}\n${sealRecords(`text\n${record}`, here, key)}`;
    const opened = openRecords(body, here, key);
    expect(opened.rejected).toBe(1);
    expect(readDataMarker(opened.body)).toEqual({ kind: "debt", owner: "ana" });
    expect(opened.body).not.toContain("acme/everyone");
  });

  it("drops a sealed record copied from another repository", () => {
    const copied = sealRecords(record, recordScope("octo-org", "other"), key);
    expect(openRecords(copied, here, key)).toEqual({ body: "", rejected: 1 });
  });

  it("drops a record whose JSON was edited after sealing, or sealed with another key", () => {
    const sealed = sealRecords(record, here, key);
    expect(openRecords(sealed.replace('"ana"', '"eve"'), here, key).rejected).toBe(1);
    expect(openRecords(sealRecords(record, here, deriveRecordKey("other")), here, key).rejected).toBe(1);
  });

  it("the last genuine record wins; an unsealed one after it counts for nothing", () => {
    const older = sealRecords(dataMarker({ n: 1 }), here, key);
    const newer = sealRecords(dataMarker({ n: 2 }), here, key);
    const opened = openRecords(`${older}\n${newer}\n${dataMarker({ n: 3 })}`, here, key);
    expect(readDataMarker(opened.body)).toEqual({ n: 2 });
  });

  it("a malformed marker before the genuine one does not hide it", () => {
    const body = `<!-- intentbot:data {"n": -->\n<!-- intentbot:data {"n":9} ${sealRecords(record, here, key)}`;
    expect(readDataMarker(openRecords(body, here, key).body)).toEqual({ kind: "debt", owner: "ana" });
  });

  it("without a scope every record is dropped", () => {
    expect(openRecords(sealRecords(record, here, key), undefined, key)).toEqual({ body: "", rejected: 1 });
  });

  it("sealing drops anything that is not a canonical record, such as an already sealed one", () => {
    const sealed = sealRecords(record, here, key);
    expect(sealRecords(`${sealed}<!-- intentbot:data nope -->`, here, key)).toBe("");
  });

  it("seals only records on a line of their own, as the renderers write them: one inside quoted text is dropped", () => {
    expect(sealRecords(`- \`x ${record}\` is not a known key`, here, key)).toBe("- `x ` is not a known key");
    expect(sealRecords(`a\r\n${record}\r\nb`, here, key)).toMatch(/hmac:/);
  });

  it("leaves bodies without records untouched", () => {
    expect(openRecords("plain <!-- intentbot:hack --> text", here, key)).toEqual({ body: "plain <!-- intentbot:hack --> text", rejected: 0 });
  });
});
