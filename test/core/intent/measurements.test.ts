import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/schema.js";
import { judgeBody, templateLines } from "../../../src/core/intent/judge.js";
import { findWhyInProse } from "../../../src/core/intent/prose-why.js";
import { intentRules } from "../../../src/core/intent/rules.js";

const rules = intentRules(defaultConfig);
const why = (body: string) => judgeBody(body, rules, templateLines([])).why;

describe("benefits and costs stated with measurements", () => {
  it.each([
    ["a cost moving from one measure to another", "On the nightly export the render step goes from 12.5 s to 3.1 s with the new cache.", "goes from"],
    ["a size that drops", "With streaming, the worker's peak heap dropped from 2 GB to 300 MB on the sample archive.", "dropped from"],
    ["a share of the time", "Resolving symlinks accounts for about 40% of the indexing time on large monorepos.", "40 of"],
    ["a share written in words", "Hashing is 60 percent of the CPU on our upload nodes.", "percent of"],
    ["a duration it would finish in", "With a thread pool my nightly reindex would finish in about 15 minutes on the build box.", "finish in"],
    ["a page that loads in a measured time", "With the index in place the dashboard loads in 300 ms even for the largest tenants.", "loads in"],
    ["a count of a cost instead of another", "The settings screen then needs one network request instead of five separate ones when it opens.", "instead of"],
    ["fewer of a cost", "Batching the writes means fewer round trips for every sync of a large album.", "fewer round"],
  ])("reads %s as a reason", (_shape, body, cue) => {
    expect(why(body)).toMatchObject({ source: "prose", text: body });
    expect(findWhyInProse([body])?.cue).toBe(cue);
  });

  it.each([
    ["a setting changed from one value to another", "Raises the default request timeout from 30 s to 60 s in the client."],
    ["a range with no movement", "The retry window accepts values from 5 s to 90 s in the settings file."],
    ["a share of no cost", "About 40% of the examples in the guide now use the new syntax."],
    ["a load with no measure", "The preview loads in the background after the first paint."],
    ["a count of no cost instead of another", "Indent generated files with 4 spaces instead of 2 to match the style guide."],
    ["a count compared with nothing counted before it", "Show the summary table instead of three separate charts on the overview page."],
  ])("finds no reason in %s", (_shape, body) => {
    expect(why(body)).toBeUndefined();
  });
});
