import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  PHASES_END,
  PHASES_START,
  phasesSectionOf,
  replacePhasesSection,
} from "../../../src/core/phases/section.js";

const block = (section: string, eol = "\n") => [PHASES_START, ...section.split("\n"), PHASES_END].join(eol);

describe("replacePhasesSection", () => {
  it.each([
    [null, "S", block("S")],
    [undefined, "S", block("S")],
    ["", "S", block("S")],
    ["Intro", "S", `Intro\n\n${block("S")}`],
    ["Intro\n", "S", `Intro\n\n${block("S")}`],
    ["Intro\n\n", "S", `Intro\n\n${block("S")}`],
    ["Intro\r\nmore", "a\nb", `Intro\r\nmore\r\n\r\n${block("a\nb", "\r\n")}`],
  ])("appends to %j", (body, section, expected) => {
    expect(replacePhasesSection(body, section)).toBe(expected);
  });

  it("replaces the section in place, leaving the text around it alone", () => {
    const body = `Intro  \n\n${block("old\nlines")}\nOutro\n`;
    expect(replacePhasesSection(body, "new")).toBe(`Intro  \n\n${block("new")}\nOutro\n`);
  });

  it("writes the section with the line endings of the section it replaces", () => {
    const body = `Intro\r\n${block("old", "\r\n")}\r\nOutro`;
    expect(replacePhasesSection(body, "a\nb\r\nc")).toBe(`Intro\r\n${block("a\nb\nc", "\r\n")}\r\nOutro`);
    expect(replacePhasesSection(`Intro\r\n${block("old")}`, "new")).toBe(`Intro\r\n${block("new")}`);
  });

  it("drops blank lines around the section, and keeps one line of a section that is only line breaks", () => {
    expect(replacePhasesSection("", "\n\nS\n\n")).toBe(block("S"));
    expect(replacePhasesSection("", "\r\n\nS\n\nT\r\n")).toBe(block("S\n\nT"));
    expect(replacePhasesSection("", "\n\n\n")).toBe(block(""));
  });

  it("as the old pattern did, on any text (ends trimmed by index, not by a rescanning pattern)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab\n]{0,30}$/), (section) => {
        const old = section.replace(/^\n+|\n+$/g, "");
        expect(replacePhasesSection("", section)).toBe(block(old));
      }),
    );
  });

  it("treats a start marker without an end as text", () => {
    const body = `Intro\n${PHASES_START}\nmine`;
    const once = replacePhasesSection(body, "S");
    expect(once).toBe(`${body}\n\n${block("S")}`);
    expect(replacePhasesSection(once, "T")).toBe(`${body}\n\n${block("T")}`);
  });

  it("treats an end marker before any start as text", () => {
    const body = `${PHASES_END}\nIntro\n${block("old")}`;
    expect(replacePhasesSection(body, "new")).toBe(`${PHASES_END}\nIntro\n${block("new")}`);
  });
});

describe("phasesSectionOf", () => {
  it("returns the text between the markers", () => {
    expect(phasesSectionOf(`a\n${block("S")}\nb`)).toBe("\nS\n");
    expect(phasesSectionOf("a")).toBeUndefined();
    expect(phasesSectionOf(null)).toBeUndefined();
  });
});

describe("replacePhasesSection properties", () => {
  const text = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.array(fc.constantFrom("a", " ", "\n", "\r\n", "\r", "## Phases", "<!--", "-->", "- [ ] x"), { maxLength: 12 }).map((p) => p.join("")),
  );
  const noMarkers = text.filter((t) => !t.includes(PHASES_START) && !t.includes(PHASES_END));
  /** User text holding at most one stray marker, which can never pair up with another. */
  const userText = fc
    .tuple(noMarkers, fc.constantFrom("", PHASES_START, PHASES_END), noMarkers)
    .map(([before, marker, after]) => before + marker + after);
  const section = noMarkers;

  it("appends after the body, which stays a prefix, and is then idempotent", () => {
    fc.assert(
      fc.property(userText, section, (body, s) => {
        const once = replacePhasesSection(body, s);
        expect(once.startsWith(body)).toBe(true);
        expect(replacePhasesSection(once, s)).toBe(once);
      }),
    );
  });

  it("replaces an existing section, keeping the text before and after it byte for byte", () => {
    fc.assert(
      fc.property(userText, section, userText, section, (before, old, after, s) => {
        const body = before + replacePhasesSection("", old) + after;
        const once = replacePhasesSection(body, s);
        expect(once).toBe(before + replacePhasesSection("", s) + after);
        expect(replacePhasesSection(once, s)).toBe(once);
        expect(replacePhasesSection(once, old)).toBe(body);
      }),
    );
  });
});
