import { describe, expect, it } from "vitest";
import { debtRecordMarker, readDebtRecord } from "../../../src/core/debt/record.js";
import { newDebtBody, updateRecord } from "../../../src/core/hacks/debt.js";
import { readDebtBody, readHackText } from "../../../src/core/hacks/read.js";

const here = { owner: "octo-org", repo: "widgets" };
const prefixes = ["[hack]", "hack:"];

describe("a hack PR's text, read once per event", () => {
  it.each([
    ["nothing", "Update the README", "Fixes the typo.", { ways: [], title: "Update the README", fields: {}, intentBody: "Fixes the typo." }],
    [
      "title, section and fields",
      "[hack] Hard-code prices",
      "## Hack\nFor the demo.\nDebt: #45\nRebuild by: 2026-12-01",
      {
        ways: ["title", "section"],
        title: "Hard-code prices",
        fields: { debt: { ...here, number: 45 }, rebuildBy: "2026-12-01" },
        intentBody: "## Hack\nFor the demo.\nRebuild by: 2026-12-01",
      },
    ],
    ["the box", "Prices", "- [x] This is a hack", { ways: ["checkbox"], title: "Prices", fields: {}, intentBody: "- [x] This is a hack" }],
    ["a quoted field", "Prices", "> Debt: #45", { ways: [], title: "Prices", fields: {}, intentBody: "> Debt: #45" }],
  ])("%s", (_name, title, body, expected) => {
    expect(readHackText({ title, body }, prefixes, here)).toMatchObject(expected);
  });

  it("reads a missing description as an empty one", () => {
    expect(readHackText({ title: "Prices", body: null }, prefixes, here)).toEqual({ ways: [], title: "Prices", body: { checkbox: false }, fields: {}, intentBody: "" });
  });
});

describe("a debt issue's body, read once", () => {
  const record = updateRecord(undefined, { createdByApp: true, pr: { number: 12, state: "open", declared: true } });

  it("gives its record and where the app writes", () => {
    const body = newDebtBody("region", record);
    expect(readDebtBody(body)).toEqual({ record: readDebtRecord(body), pieces: ["", { slot: "region" }, "<!-- /intentbot:hack-debt -->\n\n", { slot: "record" }, ""] });
  });

  it("a body without a record has none, and the record goes at its end", () => {
    expect(readDebtBody("Edited away")).toEqual({ record: undefined, pieces: ["Edited away", "\n\n", { slot: "record" }] });
    expect(readDebtBody(`x ${debtRecordMarker(record)}`).record).toEqual(record);
  });
});
