import { describe, expect, it } from "vitest";
import { debtRecordMarker, readDebtRecord, type DebtRecord } from "../../../src/core/debt/record.js";
import fc from "fast-check";
import {
  cutDebtBody,
  DEBT_REGION_END,
  DEBT_REGION_START,
  fillDebtBody,
  hackContent,
  NEW_DEBT_BODY,
  newDebtBody,
  otherHacksNeedIt,
  removeHackPr,
  spliceDebtBody,
  updateRecord,
  type DebtBodyPiece,
} from "../../../src/core/hacks/debt.js";
import { readHackText } from "../../../src/core/hacks/read.js";
import { HOSTILE_RUNS, hostileText } from "../hostile-shapes.js";

const here = { owner: "octo-org", repo: "widgets" };
const prefixes = ["[hack]", "hack:"];

const body = [
  "## Hack",
  "Prices are hard-coded for the demo.",
  "",
  "Rebuild when: the demo wins a customer",
  "Rebuild by: 2026-12-01",
  "Hack estimate: 2d",
  "Rebuild estimate: 2w",
  "Proper build: a price service",
].join("\n");

const read = (title: string, text: string) => readHackText({ title, body: text }, prefixes, here);

describe("hack content", () => {
  it("comes from the description", () => {
    expect(hackContent(read("[hack] Hard-code prices", body), "ana", undefined)).toEqual({
      title: "Hard-code prices",
      reason: "Prices are hard-coded for the demo.",
      properBuild: "a price service",
      rebuildWhen: "the demo wins a customer",
      rebuildBy: "2026-12-01",
      estimate: { hack: "2d", rebuild: "2w", rebuildHours: 80 },
      owner: "ana",
    });
  });

  it("adds the /hack reason, and lets the description win over the comment's fields", () => {
    const command = { by: "lead", reason: "Agreed for the fair.", fields: { rebuildBy: "2027-01-01", hackEstimate: "1d", debt: { ...here, number: 9 } } };
    const content = hackContent(read("Prices", body), "ana", command);
    expect(content.reason).toBe("Prices are hard-coded for the demo.\n\nAgreed for the fair.");
    expect(content.rebuildBy).toBe("2026-12-01");
    expect(content.estimate.hack).toBe("2d");
    expect(hackContent(read("Prices", ""), "ana", command)).toMatchObject({ reason: "Agreed for the fair.", rebuildBy: "2027-01-01" });
  });
});

const pr12 = { number: 12, state: "open" as const, author: "ana", declared: true, title: "[hack] Prices" };
const content = hackContent(read("[hack] Prices", body), "ana", undefined);

describe("debt record updates", () => {
  it("creates a record from the hack PR", () => {
    const record = updateRecord(undefined, {
      createdByApp: true,
      pr: pr12,
      content,
      changes: { files: ["src/prices.ts"], markers: [{ path: "src/prices.ts", line: 3, text: "// HACK: fixed" }], sha: "abc" },
      intent: { why: "Sell at the fair", from: "#7" },
    });
    expect(record).toEqual({
      kind: "debt",
      version: 1,
      createdByApp: true,
      hackPrs: [{ ...pr12, files: ["src/prices.ts"], headSha: "abc" }],
      estimate: { hack: "2d", rebuild: "2w", rebuildHours: 80 },
      files: ["src/prices.ts"],
      teams: [],
      title: "Prices",
      reason: "Prices are hard-coded for the demo.",
      properBuild: "a price service",
      rebuildWhen: "the demo wins a customer",
      rebuildBy: "2026-12-01",
      owner: "ana",
      intent: { why: "Sell at the fair", from: "#7" },
      markers: [{ pr: 12, path: "src/prices.ts", line: 3, text: "// HACK: fixed", sha: "abc" }],
    });
    expect(readDebtRecord(newDebtBody("region", record))).toEqual(record);
  });

  it("the source PR keeps the fields in sync; a removed field goes", () => {
    const first = updateRecord(undefined, { createdByApp: true, pr: pr12, content });
    const next = updateRecord(first, { createdByApp: true, pr: { ...pr12, state: "merged", mergedAt: "2026-10-02T10:00:00Z" }, content: { ...content, rebuildBy: undefined, estimate: {} } });
    expect(next.rebuildBy).toBeUndefined();
    expect(next.estimate).toEqual({});
    expect(next.hackPrs).toEqual([{ ...pr12, state: "merged", mergedAt: "2026-10-02T10:00:00Z" }]);
  });

  it("an entry keeps the head commit its files were read at until they are read again", () => {
    const read = updateRecord(undefined, { createdByApp: true, pr: pr12, content, changes: { files: ["a.ts"], markers: [], sha: "s1" } });
    const labelled = updateRecord(read, { createdByApp: true, pr: { ...pr12, title: "[hack] Prices, still" }, content });
    expect(labelled.hackPrs).toEqual([{ ...pr12, title: "[hack] Prices, still", files: ["a.ts"], headSha: "s1" }]);
    const pushed = updateRecord(labelled, { createdByApp: true, pr: pr12, content, changes: { files: ["a.ts", "b.ts"], markers: [], sha: "s2" } });
    expect(pushed.hackPrs).toEqual([{ ...pr12, files: ["a.ts", "b.ts"], headSha: "s2" }]);
  });

  it("another PR only fills gaps, and files are the union", () => {
    const first = updateRecord(undefined, { createdByApp: true, pr: pr12, content: { ...content, properBuild: undefined }, changes: { files: ["a.ts"], markers: [], sha: "s1" } });
    const second = updateRecord(first, {
      createdByApp: false,
      pr: { number: 13, state: "open", author: "bo", declared: true },
      content: { ...content, title: "Other", reason: "Other reason", properBuild: "A service", owner: "bo" },
      changes: { files: ["a.ts", "b.ts"], markers: [{ path: "b.ts", line: 1, text: "HACK: x" }], sha: "s2" },
    });
    expect(second).toMatchObject({ title: "Prices", reason: "Prices are hard-coded for the demo.", properBuild: "A service", owner: "ana", files: ["a.ts", "b.ts"] });
    expect(second.hackPrs.map((p) => p.number)).toEqual([12, 13]);
    expect(second.markers).toEqual([{ pr: 13, path: "b.ts", line: 1, text: "HACK: x", sha: "s2" }]);
  });

  it("a /phase record is never overwritten by the hack that names it", () => {
    const phase: DebtRecord = { kind: "debt", version: 1, createdByApp: true, hackPrs: [], reason: "Phase 2 is a hack", estimate: { rebuild: "3w" }, files: [], teams: [], phase: { parent: 4, number: 2 } };
    const next = updateRecord(phase, { createdByApp: false, pr: pr12, content });
    expect(next).toMatchObject({ reason: "Phase 2 is a hack", estimate: { rebuild: "3w", hack: "2d", rebuildHours: 80 }, phase: { parent: 4, number: 2 }, properBuild: "a price service" });
    expect(otherHacksNeedIt(next, { number: 12 })).toBe(true);
  });

  it("removes a PR whose link moved, and says what superseded the issue", () => {
    const record = updateRecord(undefined, { createdByApp: true, pr: pr12, content, changes: { files: ["a.ts"], markers: [{ path: "a.ts", line: 1, text: "HACK:" }], sha: "s" } });
    const removed = removeHackPr(record, { number: 12 }, { number: 45 });
    expect(removed.hackPrs).toEqual([]);
    expect(removed.files).toEqual([]);
    expect(removed.markers).toBeUndefined();
    expect(removed.supersededBy).toEqual({ number: 45 });
  });

  it("knows when other hacks still need the debt", () => {
    const record = updateRecord(undefined, { createdByApp: true, pr: pr12, content });
    expect(otherHacksNeedIt(record, { number: 12 })).toBe(false);
    const two = updateRecord(record, { createdByApp: true, pr: { number: 13, state: "merged", declared: true } });
    expect(otherHacksNeedIt(two, { number: 12 })).toBe(true);
    const closed = updateRecord(record, { createdByApp: true, pr: { number: 13, state: "closed", declared: true } });
    expect(otherHacksNeedIt(closed, { number: 12 })).toBe(false);
    expect(otherHacksNeedIt(two, { number: 12, repo: "octo-org/api" })).toBe(true);
    expect(otherHacksNeedIt(undefined, { number: 12 })).toBe(false);
  });
});

describe("debt issue bodies", () => {
  const record = updateRecord(undefined, { createdByApp: true, pr: pr12, content });

  it("replaces the region and the record, keeping what people wrote around them", () => {
    const original = `Intro by a person\n\n${newDebtBody("old region", record)}\n\nNotes: talk to finance.`;
    const next = updateRecord(record, { createdByApp: true, pr: { ...pr12, state: "merged", mergedAt: "2026-10-02" } });
    const spliced = spliceDebtBody(original, "new region", next);
    expect(spliced).toContain("Intro by a person\n\n<!-- intentbot:hack-debt -->\nnew region\n<!-- /intentbot:hack-debt -->");
    expect(spliced).toContain("Notes: talk to finance.");
    expect(spliced).not.toContain("old region");
    expect(readDebtRecord(spliced)).toEqual(next);
  });

  it("only replaces the record in a body without the region, and appends one when missing", () => {
    expect(spliceDebtBody("Written by /phase", "region", record)).toBe(`Written by /phase\n\n${debtRecordMarker(record)}`);
    const once = spliceDebtBody("Written by /phase", "region", record);
    expect(spliceDebtBody(once, "region", record)).toBe(once);
  });

  it("is stable: splicing the same region and record changes nothing", () => {
    const created = newDebtBody("region", record);
    expect(spliceDebtBody(created, "region", record)).toBe(created);
  });

  it("replaces the record that is read (the last), so the record written is the one read back", () => {
    const earlier = updateRecord(record, { createdByApp: true, pr: { number: 13, state: "open", declared: true } });
    const body = `${debtRecordMarker(earlier)}\n${newDebtBody("region", record)}`;
    const next = updateRecord(record, { createdByApp: true, pr: { ...pr12, state: "merged", mergedAt: "2026-10-02" } });
    const spliced = spliceDebtBody(body, "region", next);
    expect(spliced.startsWith(debtRecordMarker(earlier))).toBe(true);
    expect(readDebtRecord(spliced)).toEqual(next);
  });

  it.each<[string, string, DebtBodyPiece[]]>([
    ["a new body", newDebtBody("r", record), ["", { slot: "region" }, `${DEBT_REGION_END}\n\n`, { slot: "record" }, ""]],
    ["no region, a record", `Text\n${debtRecordMarker(record)}\nmore`, ["Text\n", { slot: "record" }, "\nmore"]],
    ["neither, with trailing space", "Text  \n\n", ["Text", "\n\n", { slot: "record" }]],
    ["an end marker before the start", `${DEBT_REGION_END} x ${DEBT_REGION_START}`, [`${DEBT_REGION_END} x ${DEBT_REGION_START}`, "\n\n", { slot: "record" }]],
    ["a marker that is no record", "<!-- intentbot:data not json -->", ["<!-- intentbot:data not json -->", "\n\n", { slot: "record" }]],
  ])("cuts %s where the app writes", (_name, body, pieces) => {
    expect(cutDebtBody(body)).toEqual(pieces);
    expect(fillDebtBody(NEW_DEBT_BODY, "r", record)).toBe(newDebtBody("r", record));
  });

  it("on hostile text around a body: writes a record that reads back, and writing it again changes nothing", () => {
    fc.assert(
      fc.property(hostileText(4_000), hostileText(4_000), (before, after) => {
        const spliced = spliceDebtBody(`${before}${newDebtBody("old", record)}${after}`, "new", record);
        expect(readDebtRecord(spliced)).toEqual(record);
        expect(spliceDebtBody(spliced, "new", record)).toBe(spliced);
      }),
      HOSTILE_RUNS,
    );
  });
});
