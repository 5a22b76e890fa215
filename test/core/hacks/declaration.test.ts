import { describe, expect, it } from "vitest";
import { readHackBody, textDeclarations, titlePrefix, titleWithoutPrefix } from "../../../src/core/hacks/declaration.js";

const prefixes = ["[hack]", "hack:"];

describe("hack declarations in the title and description", () => {
  it.each([
    ["[hack] Hard-code prices", ["title"]],
    ["[HACK] Hard-code prices", ["title"]],
    ["hack: skip the queue", ["title"]],
    ["  Hack: leading spaces", ["title"]],
    ["Hackathon landing page", []],
    ["Remove the [hack] from checkout", []],
  ])("title %j declares %j", (title, ways) => {
    expect(textDeclarations({ title, body: "" }, prefixes)).toEqual(ways);
  });

  it.each([
    ["## Hack\nPrices are hard-coded for the demo.", ["section"]],
    ["# Hack details\nSkip validation.", ["section"]],
    ["### hack\n", ["section"]],
    ["- [x] This is a hack", ["checkbox"]],
    ["- [X] **This is a hack.**", ["checkbox"]],
    ["* [x] This is a hack (agreed with product)", ["checkbox"]],
    ["- item\n  - [x] This is a hack", ["checkbox"]],
    ["## Hack\nWhy.\n\n- [x] This is a hack", ["section", "checkbox"]],
    ["- [ ] This is a hack", []],
    ["- [x] This is a hackathon entry", []],
    ["> ## Hack\n> quoted", []],
    ["> - [x] This is a hack", []],
    ["```\n## Hack\n- [x] This is a hack\n```", []],
    ["<!--\n## Hack\n- [x] This is a hack\n-->", []],
    ["## Hackathon\ntext", []],
    ["This is a hack, honestly.", []],
  ])("body %j declares %j", (body, ways) => {
    expect(textDeclarations({ title: "Update", body }, prefixes)).toEqual(ways);
  });

  it("takes the Hack section's text, leaving out field lines and the checkbox", () => {
    const body = [
      "## Why",
      "Customers want it.",
      "## Hack",
      "Prices are **hard-coded** for the launch demo.",
      "",
      "Rebuild by: 2026-12-01",
      "- [x] This is a hack",
      "### Sub-heading stays inside",
      "More detail.",
      "## Proper build",
      "A price service with caching.",
      "## Testing",
      "Manual.",
    ].join("\n");
    expect(readHackBody(body)).toEqual({
      section: "Prices are hard-coded for the launch demo.\n\nSub-heading stays inside\nMore detail.",
      checkbox: true,
      properBuild: "A price service with caching.",
    });
  });

  it("an empty Hack section still declares, with an empty reason", () => {
    expect(readHackBody("## Hack\n\n## Other\ntext")).toEqual({ section: "", checkbox: false, properBuild: undefined });
  });

  it("reads nothing from an empty description", () => {
    expect(readHackBody(null)).toEqual({ section: undefined, checkbox: false, properBuild: undefined });
  });

  it("strips the prefix for the debt issue's title", () => {
    expect(titlePrefix("[Hack] x", prefixes)).toBe("[hack]");
    expect(titleWithoutPrefix("[hack] Hard-code prices", prefixes)).toBe("Hard-code prices");
    expect(titleWithoutPrefix("hack:", prefixes)).toBe("hack:");
    expect(titleWithoutPrefix("Plain title", prefixes)).toBe("Plain title");
  });
});
