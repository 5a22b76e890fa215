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
    ["a cost moved by a change described at length", "Caching them per line cuts formatting the whole stdlib tree from 41 s to 33 s on the wheel build.", "tree from"],
    ["a share of the time", "Resolving symlinks accounts for about 40% of the indexing time on large monorepos.", "40% of"],
    ["a share of a core", "An idle session with twelve tabs took 7% of a core on my laptop.", "7% of"],
    ["a share that is itself a cost", "On my laptop an idle window takes 3% CPU for the blinking cursor.", "3% cpu"],
    ["a unit said once, with the first amount", "Re-geocoding after an import went from about 55 minutes to about 12.", "went from"],
    ["a measure that moved by itself", "With sixty torrents and the peers tab open, memory grew by 180 MB over an evening.", "grew by"],
    ["a rate that dropped to an amount", "On a large line the frame rate dropped to about 4 fps on every hover.", "dropped to"],
    ["a share of the bill", "Probe requests are about 60% of the ingest bill for our cluster.", "60% of"],
    ["microseconds", "Dispatch overhead for a 300-argument function drops from 41 µs to 27 µs.", "drops from"],
    ["a measure down to a bare number", "Importing a 300k-entry memory went from about 40 minutes down to 3.", "went from"],
    ["a measure turned into another", "With the extended protocol this turned a 2 ms point lookup on the users table into a 1.8 s scan.", "into"],
    ["a share written in words", "Hashing is 60 percent of the CPU on our upload nodes.", "60% of"],
    ["an amount on each side of an arrow", "Warm store, lockfile present, large repo: 14.2s → 8.7s (median of 5).", "→"],
    ["an arrow after a count of changed things", "Before/after on that site (3 changed pages): 71s → 6s for that step.", "→"],
    ["an arrow typed as two signs", "Peak heap on the sample archive: 2 GB -> 300 MB.", "→"],
    ["a share faster", "With the cache warm, cold starts are about 30% faster on the smallest instances.", "30% faster"],
    ["a multiple smaller", "The new encoding makes the snapshot files 3x smaller on disk.", "3x smaller"],
    ["a share more of a rate", "That's about 9% more requests per core on the JSON benchmark.", "9% more"],
    ["a duration it would finish in", "With a thread pool my nightly reindex would finish in about 15 minutes on the build box.", "finish in"],
    ["a page that loads in a measured time", "With the index in place the dashboard loads in 300 ms even for the largest tenants.", "loads in"],
    ["a count of a cost instead of another", "The settings screen then needs one network request instead of five separate ones when it opens.", "instead of"],
    ["fewer of a cost", "Batching the writes means fewer round trips for every sync of a large album.", "fewer round"],
    ["an amount measured before and after", "Scrolled the long timeline on an old phone: 11 fps before, 50 fps after the fix.", "before and after"],
    ["a size saved by a verb", "Inlining the lookup table trims 40 kB off the firmware image on the smallest boards.", "trims"],
    ["a size less after its amount", "The new encoder leaves the bundle 120 kB smaller for every visitor on a slow line.", "smaller"],
    ["an application frozen for a while", "Importing the palette froze the editor for about 20 seconds on my laptop.", "froze"],
  ])("reads %s as a reason", (_shape, body, cue) => {
    expect(why(body)).toMatchObject({ source: "prose", text: body });
    expect(findWhyInProse([body])?.cue).toBe(cue);
  });

  it.each([
    ["a setting changed from one value to another", "Raises the default request timeout from 30 s to 60 s in the client."],
    ["a range with no movement", "The retry window accepts values from 5 s to 90 s in the settings file."],
    ["a range of a setting, far from its verb", "The new option takes any duration from 5 s to 90 s."],
    ["a limit moved", "Moves the upload size limit from 10 MB to 25 MB."],
    ["a drop to no amount", "The menu item dropped to the bottom of the list."],
    ["a turn into no measure", "This turned a 2 ms lookup helper into a public function."],
    ["a share of no cost", "About 40% of the examples in the guide now use the new syntax."],
    ["a share of no cost before its noun", "The new palette uses 40% opacity for disabled buttons."],
    ["a setting from one amount to a bare number", "Raises the default timeout from 30 s to 60."],
    ["a load with no measure", "The preview loads in the background after the first paint."],
    ["a count of no cost instead of another", "Indent generated files with 4 spaces instead of 2 to match the style guide."],
    ["a count compared with nothing counted before it", "Show the summary table instead of three separate charts on the overview page."],
    ["a test run before and after with no amounts", "Ran the whole suite before and after the change on the build box."],
    ["a saving verb with no amount", "The formatter now trims trailing whitespace from every line it writes."],
    ["an amount with no word of less after it", "The new encoder writes a bundle of 120 kB for the landing page."],
    ["a setting moved along an arrow", "Raises the default request timeout 30 s → 60 s for the upload client."],
    ["an arrow between names", "Renames the option: max_conn → max_connections in the config reference."],
    ["an arrow between versions", "Bumps the bundled sqlite 3.45 -> 3.46 for the new JSON functions."],
    ["a share more of no rate", "Adds 20% more padding to the cards on the overview page."],
  ])("finds no reason in %s", (_shape, body) => {
    expect(why(body)).toBeUndefined();
  });

  it("reads a before-and-after table as the reason, a row at a time", () => {
    const body = "### Description\n\nOnly generate server sourcemaps when asked.\n\n| | before | after |\n|---|---|---|\n| dev cold start (900 components) | 41.2s | 17.6s |\n| RSS after first request | 2.3 GB | 1.4 GB |";
    expect(why(body)).toMatchObject({ source: "prose", text: "dev cold start (900 components) 41.2s before 17.6s after" });
  });

  it("reads no other table as prose: a form's answers are not sentences", () => {
    expect(why("| Q | A |\n|---|---|\n| Breaking change? | No |\n| Tests fail? | No |")).toBeUndefined();
    expect(why("| | old | new |\n|---|---|---|\n| cold start | 41.2s | 17.6s |")).toBeUndefined();
  });

  it("reads an amount measured before and after under a test plan as the reason", () => {
    const body = "Adds a frame cache to the map canvas.\n\n## Testing\n\nPanned the city basemap on an old laptop: 8 fps before, 30 fps after.";
    expect(judgeBody(body, rules, templateLines([])).why).toMatchObject({ source: "prose", text: "Panned the city basemap on an old laptop: 8 fps before, 30 fps after." });
    expect(judgeBody(body.replace("8 fps before, 30 fps after", "looks the same before and after"), rules, templateLines([])).why).toBeUndefined();
  });
});
