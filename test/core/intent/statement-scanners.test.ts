import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { labelOfLine } from "../../../src/core/intent/statements.js";
import { findUserStory } from "../../../src/core/intent/user-story.js";

// The regexes the scanners replaced: on short lines they are fast, and they
// define what the scanners must find. The user story's persona has since
// learned to keep a comma between digits and a dot inside a word ("2,000
// tests", "Next.js apps"), which the lookarounds here add.
const FORMER_USER_STORY = /\bas an? ((?:[^,.;\n]|(?<=\d),(?=\d)|(?<=\w)\.(?=\w)){2,120}?),?\s+I\s+(?:want|need|would like|wish|can)\b.*?\bso\s+that\s+(.+)$/iu;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const formerLabel = (aliases: readonly string[]) =>
  new RegExp(`^\\s*((?:${aliases.map(escapeRegExp).join("|")})(?:[ \\t]+[\\p{L}'’ \\t]{1,24}?)?)[ \\t]*[:：][ \\t]*(.*)$`, "iu");

const piece = fc.constantFrom(
  "as a", "As an", "as  a", "has a", " ", "  ", "\t", ",", ".", ";", "I", "i", "want", "need", "would like", "wish", "can", "wanted",
  "so", "that", "so that", "So  That", "x", "admin", "b", "\u2028", "\u00a0", "Why", "why", "WHO", "who it is for", "Motivation",
  ":", "：", "'", "’", "é", "🙂", "*", "1",
);
const noise = fc.array(fc.oneof({ weight: 4, arbitrary: piece }, { weight: 1, arbitrary: fc.string({ maxLength: 3 }) }), { maxLength: 6 }).map((parts) => parts.join(""));
const someNoise = fc.oneof({ weight: 3, arbitrary: fc.constantFrom("", " ", " x ") }, { weight: 1, arbitrary: noise });
const space = fc.oneof({ weight: 4, arbitrary: fc.constant(" ") }, { weight: 1, arbitrary: fc.constantFrom("  ", "\t", "", "\u2028", " \u00a0") });
/** Lines shaped like a user story or a label, each slot sometimes broken, with noise between. */
const story = fc
  .tuple(
    someNoise,
    fc.constantFrom("as a ", "As an ", "as a ", "as a", "has a "),
    fc.constantFrom("admin", "b", "busy parent", "x", "", "a, b", "I want x", "tester of 2,000 apps", "Next.js dev", "1,", "a.", ".b", "1.2,3"),
    fc.constantFrom(",", "", "."),
    space,
    fc.constantFrom("I", "i", "we"),
    space,
    fc.constantFrom("want", "need", "would like", "wish", "can", "wanted"),
    someNoise,
    fc.constantFrom(" so that", " So  That", " so", " also that", "so that"),
    space,
    someNoise,
  )
  .map((parts) => parts.join(""));
const label = fc
  .tuple(space, fc.constantFrom("Why", "why", "Motivation", "who it is for", "Whyever"), fc.constantFrom("", " ", " a few words", "\tit's ok", " " + "a".repeat(24), " " + "a".repeat(25), " 1"), space, fc.constantFrom(":", "：", ""), space, noise)
  .map((parts) => parts.join(""));
const line = fc.oneof({ weight: 3, arbitrary: story }, { weight: 2, arbitrary: label }, { weight: 1, arbitrary: noise });

describe("findUserStory", () => {
  it("finds what the former regex found, on any short line", () => {
    fc.assert(
      fc.property(line, (text) => {
        const match = FORMER_USER_STORY.exec(text);
        expect(findUserStory(text)).toEqual(match?.[1] && match[2] ? { persona: match[1], benefit: match[2] } : undefined);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["As an admin, I want exports so that audits pass", { persona: "admin", benefit: "audits pass" }],
    ["as a busy parent i would like reminders so  that I never miss one", { persona: "busy parent", benefit: "I never miss one" }],
    ["As a user I want things", undefined],
    ["has a user I want x so that y", undefined],
    ["As a tester keeping 3,500 cases green, I want sharding so that runs end by noon", { persona: "tester keeping 3,500 cases green", benefit: "runs end by noon" }],
    ["As an owner of 12 Vue.js sites I want one config so that upgrades take an hour", { persona: "owner of 12 Vue.js sites", benefit: "upgrades take an hour" }],
    ["As an admin, 3 I want x so that y", undefined],
    ["As an admin. I want x so that y", undefined],
  ])("%j", (text, story) => {
    expect(findUserStory(text)).toEqual(story);
  });
});

describe("labelOfLine", () => {
  const aliases = ["why", "motivation", "who it is for"];
  it("finds what the former regex found, on any short line", () => {
    const former = formerLabel(aliases);
    fc.assert(
      fc.property(line, (text) => {
        const match = former.exec(text);
        expect(labelOfLine(text, aliases)).toEqual(match ? { label: (match[1] ?? "").trim(), text: match[2] ?? "" } : undefined);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["Why: because", { label: "Why", text: "because" }],
    ["  Motivation behind it ：  reasons", { label: "Motivation behind it", text: "reasons" }],
    ["Whyever: no", undefined],
    [`Why ${"a".repeat(25)}: too many words`, undefined],
  ])("%j", (text, label) => {
    expect(labelOfLine(text, aliases)).toEqual(label);
  });
});
