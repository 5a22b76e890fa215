import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTIONS, parseDashboard } from "../../../src/core/dashboard/render.js";
import { HOSTILE_RUNS, hostileText } from "../hostile-shapes.js";

const refresh = "<!-- intentbot:action:refresh -->";
const remind = "<!-- intentbot:action:remind-overdue -->";

describe("parseDashboard: ticked boxes", () => {
  it.each([
    ["a ticked box", `- [x] ${refresh} Refresh`, ["refresh"]],
    ["a capital X and a star bullet", `* [X] ${refresh}`, ["refresh"]],
    ["indented, after blank lines and spaces", `\n\n  \t- [x] ${refresh}`, ["refresh"]],
    ["after CRLF line breaks", `intro\r\n- [ ] ${remind}\r\n- [x] ${refresh}\r\n`, ["refresh"]],
    ["after a bare CR", `intro\r- [x] ${refresh}`, ["refresh"]],
    ["after a line separator", `intro\u2028- [x] ${refresh}`, ["refresh"]],
    ["both, in the actions' order", `- [x] ${refresh}\n- [x] ${remind}`, ["remind-overdue", "refresh"]],
    ["an empty box", `- [ ] ${refresh}`, []],
    ["mid-line", `see - [x] ${refresh}`, []],
    ["a plus bullet", `+ [x] ${refresh}`, []],
    ["two spaces after the bullet", `-  [x] ${refresh}`, []],
    ["no space before the marker", `- [x]${refresh}`, []],
    ["after 65,536 newlines", `${"\n".repeat(65_536)}- [x] ${refresh}`, ["refresh"]],
  ])("%s", (_, body, ticked) => {
    expect(parseDashboard(body).ticked).toEqual(ticked);
  });
});

describe("parseDashboard on hostile text", () => {
  it("never throws and returns known actions, each once", () => {
    fc.assert(
      fc.property(hostileText(), (body) => {
        const { state, ticked } = parseDashboard(body);
        expect(Array.isArray(state.history)).toBe(true);
        expect(new Set(ticked).size).toBe(ticked.length);
        for (const id of ticked) expect(Object.keys(ACTIONS)).toContain(id);
      }),
      HOSTILE_RUNS,
    );
  });
});
