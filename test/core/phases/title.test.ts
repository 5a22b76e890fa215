import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_NAME_LENGTH } from "../../../src/core/phases/limits.js";
import { MAX_TITLE_LENGTH, phaseTitle } from "../../../src/core/phases/title.js";

describe("phaseTitle", () => {
  it("joins the parent's title and the phase", () => {
    expect(phaseTitle("Team invites", 2, "External invite")).toBe("Team invites — Phase 2: External invite");
  });

  it("keeps titles on one line", () => {
    expect(phaseTitle(" Team\ninvites ", 1, "A\tB")).toBe("Team invites — Phase 1: A B");
  });

  it("leaves out an empty parent title", () => {
    expect(phaseTitle("  ", 1, "A")).toBe("Phase 1: A");
  });

  it("shortens the parent's title first", () => {
    const title = phaseTitle("P".repeat(300), 3, "N".repeat(MAX_NAME_LENGTH));
    expect(title).toHaveLength(MAX_TITLE_LENGTH);
    expect(title).toMatch(/^P+… — Phase 3: N{200}$/);
  });

  it("never splits a character made of two UTF-16 units", () => {
    const title = phaseTitle("🙂".repeat(200), 1, "A");
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(title).toMatch(/^(🙂)+… — Phase 1: A$/u);
  });

  it("always fits GitHub's limit and, for names the parser allows, keeps the whole phase", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 400 });
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 999_999_999 }), text, (parent, number, name) => {
        const title = phaseTitle(parent, number, name);
        expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
        expect(title).not.toMatch(/[\n\r\t]/);
        const phase = `Phase ${number}: ${name.replace(/\s+/g, " ").trim()}`;
        if ([...name].length <= MAX_NAME_LENGTH && phase.length + 3 + 24 <= MAX_TITLE_LENGTH) {
          expect(title.endsWith(phase)).toBe(true);
        }
      }),
    );
  });
});
