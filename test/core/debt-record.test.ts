import { describe, expect, it } from "vitest";
import { debtRecordMarker, readDebtRecord, shippedAt, type DebtRecord } from "../../src/core/debt/record.js";

const record: DebtRecord = {
  kind: "debt",
  version: 1,
  createdByApp: true,
  hackPrs: [
    { number: 12, state: "merged", mergedAt: "2026-10-02T10:00:00Z", author: "ana", declared: true },
    { number: 9, state: "merged", mergedAt: "2026-09-30T10:00:00Z", declared: true },
  ],
  reason: "ship the invite flow --> before the fair",
  owner: "ana",
  estimate: { hack: "2d", rebuild: "2w", rebuildHours: 80 },
  rebuildBy: "2026-12-01",
  files: ["src/invite.ts"],
  teams: [],
};

describe("debt record", () => {
  it("round-trips through its hidden marker", () => {
    expect(readDebtRecord(`# Rebuild\n\n${debtRecordMarker(record)}`)).toEqual(record);
  });

  it("keeps the head commit each PR's files were read at, and reads an entry without one", () => {
    const read: DebtRecord = { ...record, hackPrs: [{ number: 12, state: "open", declared: true, files: ["src/invite.ts"], headSha: "ec26c3e" }, { number: 9, state: "open", declared: true }] };
    const parsed = readDebtRecord(debtRecordMarker(read));
    expect(parsed?.hackPrs.map((pr) => pr.headSha)).toEqual(["ec26c3e", undefined]);
  });

  it("rejects markers that are not debt records", () => {
    expect(readDebtRecord('<!-- intentbot:data {"kind":"phase"} -->')).toBeUndefined();
    expect(readDebtRecord(null)).toBeUndefined();
  });

  it("ships on the first merge", () => {
    expect(shippedAt(record)).toBe("2026-09-30T10:00:00Z");
  });
});
