import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/schema.js";
import { MAX_ESTIMATE_HOURS, MAX_LINE_NUMBER } from "../../../src/core/bounds.js";
import { readDebtRecord } from "../../../src/core/debt/record.js";
import { parseHackCommand } from "../../../src/core/hacks/command.js";
import { declarationWays, readHackBody, textDeclarations } from "../../../src/core/hacks/declaration.js";
import { addedLines, findCodeMarkers } from "../../../src/core/hacks/diff.js";
import { estimateHours, fieldOfLine, fieldsFromBody, type HackFields, withoutDebtLines } from "../../../src/core/hacks/fields.js";
import { newDebtIssue } from "../../../src/core/hacks/plan.js";
import { readHackText } from "../../../src/core/hacks/read.js";
import { HOSTILE_RUNS, hostileText, MARKDOWN_RUNS, MARKDOWN_TIMEOUT } from "../hostile-shapes.js";

const here = { owner: "octo-org", repo: "widgets" };

function expectHours(hours: number | undefined): void {
  if (hours === undefined) return;
  expect(Number.isFinite(hours)).toBe(true);
  expect(hours).toBeGreaterThanOrEqual(0);
  expect(hours).toBeLessThanOrEqual(MAX_ESTIMATE_HOURS);
}

function expectFields(fields: HackFields): void {
  if (fields.debt) {
    expect(Number.isSafeInteger(fields.debt.number) && fields.debt.number > 0).toBe(true);
    expect(fields.debt.owner).not.toBe("");
  }
  if (fields.rebuildBy) expect(fields.rebuildBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  for (const value of [fields.unreadableDebt, fields.rebuildWhen, fields.hackEstimate, fields.rebuildEstimate, fields.properBuild]) {
    if (value !== undefined) expect(value).toBe(value.trim());
  }
  expectHours(estimateHours(fields.rebuildEstimate));
}

describe("hack parsers on hostile text", () => {
  const markdown = hostileText();

  it("read a description's fields and declarations", { timeout: MARKDOWN_TIMEOUT }, () => {
    fc.assert(
      fc.property(markdown, hostileText(200), (body, title) => {
        expectFields(fieldsFromBody(body, here));
        const ways = textDeclarations({ title, body }, ["[hack]", "hack:"]);
        expect(new Set(ways).size).toBe(ways.length);
        for (const way of ways) expect(declarationWays).toContain(way);
        const hackBody = readHackBody(body);
        expect(typeof hackBody.checkbox).toBe("boolean");
      }),
      MARKDOWN_RUNS,
    );
  });

  it("read field lines and drop debt lines", () => {
    fc.assert(
      fc.property(hostileText(), (text) => {
        const found = fieldOfLine(text);
        if (found) expect(found.value).toBe(found.value.trim());
        expect(withoutDebtLines(text).length).toBeLessThanOrEqual(text.length);
      }),
      HOSTILE_RUNS,
    );
  });

  it("read a /hack command", () => {
    fc.assert(
      fc.property(hostileText(), hostileText(), (args, body) => {
        const result = parseHackCommand({ name: "hack", args, body: body.split("\n") }, here);
        if (!result.ok) return;
        expect(result.reason).toMatch(/[\p{L}\p{N}]/u);
        expectFields(result.fields);
      }),
      HOSTILE_RUNS,
    );
  });

  it("count estimates within bounds", () => {
    const digits = fc.string({ unit: fc.constantFrom("0", "1", "9", ".", ",", "e", "-", "~", " "), maxLength: 400 });
    const unit = fc.constantFrom("h", "d", "w", "mo", " hours", " months", ".", "");
    fc.assert(fc.property(fc.tuple(digits, unit), ([amount, u]) => expectHours(estimateHours(amount + u))), { numRuns: 2000 });
    fc.assert(fc.property(hostileText(), (text) => expectHours(estimateHours(text))), HOSTILE_RUNS);
  });

  it("read the lines a patch adds", () => {
    fc.assert(
      fc.property(hostileText(), fc.string({ unit: fc.constantFrom("0", "9"), minLength: 1, maxLength: 400 }), (patch, start) => {
        const patches = [patch, `@@ -1 +${start} @@\n${patch}`];
        for (const text of patches) {
          for (const { line } of addedLines(text)) {
            expect(Number.isSafeInteger(line) && line >= 1).toBe(true);
            expect(line).toBeLessThanOrEqual(MAX_LINE_NUMBER + text.length);
          }
        }
        const markers = findCodeMarkers(patches.map((p, i) => ({ filename: `f${i}`, patch: p })), "HACK:");
        expect(markers.length).toBeLessThanOrEqual(50);
        for (const marker of markers) expect(marker.text.length).toBeLessThanOrEqual(160);
      }),
      HOSTILE_RUNS,
    );
  });

  it("always yield a debt issue whose record reads back", { timeout: MARKDOWN_TIMEOUT }, () => {
    fc.assert(
      fc.property(markdown, hostileText(300), (body, title) => {
        const issue = newDebtIssue(
          {
            repo: here,
            trigger: { kind: "opened" },
            pr: { number: 12, title, body, labels: ["hack"], author: "ana", state: "open", merged: false, headSha: "abc" },
            text: readHackText({ title, body }, defaultConfig.hacks.titlePrefixes, here),
          },
          defaultConfig.hacks,
        );
        expectHours(issue.record.estimate.rebuildHours);
        expect(readDebtRecord(issue.body)).toEqual(issue.record);
      }),
      MARKDOWN_RUNS,
    );
  });
});
