import { describe, expect, it } from "vitest";
import { configSchema, defaultConfig } from "../../../src/config/schema.js";
import { judgeBody, templateLines, type BodyIntent } from "../../../src/core/intent/judge.js";
import { intentRules } from "../../../src/core/intent/rules.js";

const rules = intentRules(defaultConfig);
const judged = (body: string, title?: string, r = rules): BodyIntent => judgeBody(body, r, templateLines([]), title);

describe("filler in a why field", () => {
  it.each([
    ["praise", "## Why\n\nIt will make the tool better.", "filler"],
    ["praise, twice", "**Why is this needed**:\nThat would be nice and helpful.", "filler"],
    ["would make it better", "Motivation: would make it better", "filler"],
    ["useful", "## Motivation\n\nThis is really useful.", "filler"],
    ["see above", "## Why\n\nSee above, as discussed.", "filler"],
    ["+1", "## Why\n\n+1 me too", "filler"],
    ["a restatement of the change", "## Why\n\nRaises the default.", "change"],
    ["what the PR does", "## Motivation\n\nThis PR adds a retry option to the uploader.", "change"],
    ["the change's trigger", "## Why\n\nCreated because of a typo.", "trigger"],
    ["a typo fix", "Why: fixes a small typo in the docs", "trigger"],
  ])("rejects %s", (_shape, body, reason) => {
    const result = judged(body);
    expect(result.why).toBeUndefined();
    expect(result.rejections).toContainEqual(expect.objectContaining({ field: "why", reason }));
  });

  it("rejects a restatement of the title", () => {
    expect(judged("## Why\n\nWe need a higher default timeout.", "Higher default timeout").rejections).toContainEqual(expect.objectContaining({ reason: "title" }));
  });

  it.each([
    ["praise with a consequence", "## Why\n\nIt would make the tool better for admins, who cannot see failed jobs today."],
    ["a change with its reason", "## Why\n\nRaises the default because large repositories time out at 10 s."],
    ["a longer change description that explains itself", "## Motivation\n\nAdds a retry to the uploader so people on trains do not have to start their upload again."],
    ["a typo that confuses", "## Why\n\nThe typo in the flag name makes the command fail for everyone who copies it from the docs."],
  ])("accepts %s", (_shape, body) => {
    expect(judged(body).why).toMatchObject({ field: "why" });
  });

  it("the list is configurable: a repository may take praise words back", () => {
    const lenient = intentRules(configSchema.parse({ intent: { filler: ["+1"] } }));
    expect(judged("## Why\n\nThat would be nice and helpful.", undefined, lenient).why).toMatchObject({ source: "heading" });
  });
});

describe("a why field that says who wants it, or what, but not why", () => {
  it.each([
    ["praise of a named part", "## Why\n\nIt will make the Scheduler API better.", "filler"],
    ["praise in other words", "**Why is this needed?**\n\nMakes the config loader more intuitive.", "filler"],
    ["a vote with a team", "## Why\n\n+1 from our whole department, we'd open it daily.", "filler"],
    ["a request alone", "## Motivation\n\n+1, we want this", "filler"],
    ["a pitch that only says what to do", "### Pitch\n\nAllow a caption on profile banners.", "change"],
    ["a long description of the change", "## Why\n\nAdds a `--restart` flag to `machine os apply` that restarts the machine once the new image has been applied and the old one is removed.", "change"],
    ["a trigger with more words", "## Why\n\nOpened because of a lint warning in the release script.", "trigger"],
    ["a request as the cause", "## Motivation\n\nThis change was made because the mobile team asked for it.", "trigger"],
    ["a story's role and wish", "## Problem\n\nAs a plugin author targeting Android, I need the keyboard height.", "request"],
    ["a story's role and wish without a comma", "## Problem\n\nAs a data scientist I'd like groupby().nth() to accept a list.", "request"],
    ["only an audience", "## Why is this needed?\n\nPlatform engineers on night shifts.", "audience"],
    ["only an audience with who", "## Use case\n\nPeople who read on e-ink screens.", "audience"],
    ["only an audience named by who", "## Motivation\n\nMostly for gardeners who keep seed records.", "audience"],
    ["a wish that restates the title", "## Problem\n\nI wish I could pin tabs to the left when using split view.", "title"],
    ["help for a group, and no more", "## Motivation\n\nThis would help teams running nightly imports.", "audience"],
    ["a group it is for", "### Problem\n\nThis is for maintainers of small plugin registries.", "audience"],
    ["where it was raised and by whom", "## Motivation\n\nThis was raised at the plugin working group by maintainers of large plugin registries.", "trigger"],
    ["a denial of any problem", "## Problem\n\nNothing is broken, just an idea for the settings page.", "filler"],
    ["a denial of any bug", "## Motivation\n\nNot a bug, only a thought about the export menu.", "filler"],
    ["a group it is intended for", "### Use case\n\nIntended for maintainers of large recipe wikis.", "audience"],
    ["a group it is aimed at", "### Use case\n\nAimed at teachers who grade essays on tablets.", "audience"],
    ["a group with an aside on who the author knows in it", "## Context\n\nMostly for people with hand tremors (my aunt is one of them).", "audience"],
    ["a request and where it was made", "## Why\n\nAdded the toggle because it was requested on the mailing list.", "trigger"],
    ["a wish whose words name a problem", "## Problem\n\nAs a maintainer of a tiny router board, I want a strict limit on the blocking queue.", "request"],
    ["a wish with a bracketed word", "### Problem\n\nAs a game modder shipping several packs, I want `[mods]` tables merged by key.", "request"],
    // Praise says nothing more for naming whom it pleases.
    ["useful, and for whom", "## Motivation\n\nUseful for teams whose CI runs on ARM runners.", "filler"],
    ["praise with its audience", "## Motivation\n\nMore intuitive for teachers grading on phones.", "filler"],
    ["an audience, then a wish and praise", "## Problem\n\nFor night nurses who chart on tablets all shift, a bigger save button would be great.", "filler"],
    ["praise misspelled", "## Problem\n\nWould be helpfull for a lot of users.", "filler"],
    // Each sentence read alone: one names an audience, the others only the change or a pointer.
    ["the change, then the audience", "## Purpose\n\nAdds a `maxRetries` field to the sync settings page. This is for admins who run mirrors on rented boxes at night.", "audience"],
    ["a long change, then the audience", "## Purpose\n\nAdds a `--restart` flag to `machine os apply` that restarts the machine after the new image has been applied. This is for desktop users on Windows who manage their machine from the GUI.", "audience"],
    ["the audience, then a pointer", "## Use case\n\nFor maintainers of large plugin registries. Context is in #4521.", "audience"],
    // A place it was talked over, and a link: only the trigger.
    ["a pointer to the forum and a link", "### Purpose\n\nAs discussed on the forum: https://forum.example.org/t/retention/118", "link"],
    ["a reference alone", "## Why\n\nSee #4521 and #4522.", "link"],
    ["a denial with an intensifier, then an audience and praise", "### Is your feature request related to a problem?\n\nNot really a problem. For content editors who manage image-heavy collections, a masonry option would be welcome.", "filler"],
    ["praise for fun", "### Context\n\nWould be fun!", "filler"],
    ["a group this one is for", "### Motivation\n\nThis one is for the dashboard authors at our Latin American offices who build dashboards in Spanish.", "audience"],
    ["support for a feature", "### Describe the use case\n\nSupport for the QUALIFY clause on Select, filtering on window function results.", "change"],
    ["a change asked for in review, and a reassurance", "### Rationale of this PR\n\nMoves the helpers from shared into fs, as asked in the review of #1677. No behaviour change.", "trigger"],
    ["sentences that each only describe the change", "### Rationale of this PR\n\nMoves the path helpers from the shared crate into the fs crate. Renames two of them to match the fs naming. No behaviour change.", "change"],
    ["a denial with so much", "### Please describe the problem you're trying to solve\n\nNot so much a problem. It's for people who come over from ranger.", "filler"],
    ["a group framed in four words", "### What is the problem you're trying to solve\n\nThis is mainly for people running containerd on Windows Server nodes with Hyper-V isolation.", "audience"],
    ["a group written in mind", "### Motivation and Context\n\nWritten with backend developers in mind who are new to Vue and connect data tables to an API.", "audience"],
    ["a group with an example after like", "### What problem does this feature solve?\n\nMostly for people who plan in ISO week numbers, like the logistics planners I build this app for.", "audience"],
    ["a problem said to be small, then a group", "### What is the impact of not solving this?\n\nNot a big one. It's mostly for people who travel with a laptop and keep an exit node running at home.", "filler"],
    ["a placeholder then a denial", "### What is the problem you're trying to solve?\n\nNone, just an idea.", "filler"],
    ["a denial, then who keeps asking", "### Is your feature request related to a problem?\n\nNot related to a problem. I'm filing this for the developers porting WPF apps who keep asking for it in the chat.", "filler"],
    ["what a reviewer asked, and a reassurance", "### Context\n\nFollow-up to #28811: renames the test helper as @bamboo asked in review there. No production code touched.", "trigger"],
    ["the summary again", "### Why should this be worked on?\n\nSame as summary.", "filler"],
    ["a group framed without for, described by who'd", "### Problem to be solved\n\nIt's mostly birdsong recordists who'd use this, people who pull one frequency band out of long field recordings.", "audience"],
    ["a placeholder before the group", "### Is your feature request related to a problem?\n\nN/A, this would be for DBAs coming over from Postgres who already know the meta-commands.", "audience"],
    ["the audience in mind", "### Motivation\n\nThe main audience I have in mind is instructors who teach scraping in classroom workshops.", "audience"],
    ["a pointer and a vote", "### Use Cases\n\nSame as #14420, would love this too 👍", "link"],
    ["a pointer to a place the filler list does not know", "### Motivation\n\nSee the Canny post.", "filler"],
    ["the title said to speak for itself", "### What is the problem this feature will solve?\n\nTitle says it all.", "filler"],
    ["a pointer to a post", "### What problem are you trying to solve?\n\nsee forum post", "filler"],
    ["a maintainer's leave to send it", "### Reason for the feature request\n\nMatt said on the forum he would accept a PR for this: https://forum.example.org/t/24117", "trigger"],
    ["only what it is for, not people", "### Reason for the feature request\n\nFor our CI runners.", "audience"],
    ["only what it is for, framed", "## Motivation\n\nMostly for the docs team.", "audience"],
    ["a group named by a plural after for, nouns the who reader does not know", "### Motivation\n\nFor technical writers at companies that publish their API reference in two languages from one tree.", "audience"],
  ])("rejects %s", (_shape, body, reason) => {
    const titles: Record<string, string> = { "a wish that restates the title": "Pin tabs left in split view" };
    const result = judged(body, titles[_shape]);
    expect(result.why).toBeUndefined();
    expect(result.rejections).toContainEqual(expect.objectContaining({ field: "why", reason }));
  });

  it("rejects a complaint that is only the missing feature, and does not read it again as prose", () => {
    const result = judged("### Describe the problem\n\nI'm annoyed when I can't nest folders.", "Nest folders");
    expect(result.why).toBeUndefined();
    expect(result.rejections).toContainEqual(expect.objectContaining({ field: "why", reason: "title" }));
  });

  it("sets aside ticked choices and lines of filler, and judges what is left", () => {
    expect(judged("## Purpose of this PR\n\n[X] Bug fix").rejections).toContainEqual(expect.objectContaining({ field: "why", reason: "template" }));
    expect(judged("## Use cases\n\n1. Builds\n2. See above\n3. None").rejections).toContainEqual(expect.objectContaining({ field: "why", reason: "too short" }));
  });

  it("a heading that asks for the solution does not ask for the why", () => {
    const result = judged("### What solution are you proposing for the problem?\n\nAccept globs in `include` as well.");
    expect(result.why).toBeUndefined();
  });

  it.each([
    ["a story's wish with its consequence", "## Problem\n\nAs a plugin author targeting Android, I need the keyboard height. Without it, every plugin that shows a text field covers it with the keyboard and has to guess an offset."],
    ["an audience and their problem", "## Why is this needed?\n\nNight-shift nurses on tablets can't read the grey-on-white labels."],
    ["a cause that is a reason", "## Motivation\n\nBecause the mobile team asked for it: offline mode loses every draft written on the train."],
    ["a wish with its consequence", "## Problem\n\nI wish I could pin tabs in split view, because I lose my reference docs every time the layout resets."],
    ["a vote with a reason", "## Why\n\n+1: our nightly export fails every night since the limit was lowered."],
    ["a pitch with its reason", "### Pitch\n\nAllow a caption on profile banners, so screen reader users know what the banner shows."],
    ["a pointer beside what it points at", "## Why\n\nAs discussed in the standup, the nightly sync job needs a retry option."],
    ["an audience and what they need", "## Why\n\nAsk the sales team: buyers at the fair need printed prices."],
    ["where it was raised, and what it costs", "## Motivation\n\nThis was raised at the plugin working group because every release fails on registries over 2 GB."],
    ["support as a team, and its problem", "### Describe the use case\n\nSupport keeps getting tickets because the export drops the last row."],
    ["a change, a reassurance, and a cost", "### Rationale of this PR\n\nMoves the helpers into fs. No behaviour change. Builds of fs alone took 4 minutes longer because of the shared crate."],
    ["a denial, then the problem to come", "## Problem\n\nNothing is broken yet, but the export fails once the archive passes 2 GB next month."],
    ["a group it is intended for, and what they lose", "## Use case\n\nIntended for maintainers of large recipe wikis, who lose edits when two of them save at once."],
    ["an aside that says what the group loses", "## Context\n\nMostly for people with hand tremors, who can't hit the tiny close button (it is 8 px wide)."],
    ["help for a group, and what they lose", "## Motivation\n\nThis would help teams running nightly imports, who lose a night when one fails."],
    ["a request and the problem behind it", "## Why\n\nAdded the toggle because it was requested by admins who can't find the old menu."],
    ["a wish with its cause", "## Problem\n\nAs a maintainer of a tiny router board, I want a strict limit on the blocking queue, because the board runs out of memory."],
    ["a persona who can't", "## Problem\n\nAs a maintainer of a tiny router board, I can't stop the blocking queue from growing."],
    ["praise misspelled, with a consequence", "## Problem\n\nWould be helpfull, since reviewers can't see the diff otherwise."],
    ["the change, the audience, and what they lose", "## Purpose\n\nAdds a `maxRetries` field to the sync settings page. This is for admins who run mirrors on flaky links. Each dropped link costs them a night's sync."],
    ["a pointer with the problem it points at", "### Motivation\n\nSee the Canny post: exports fail for big teams."],
    ["a long sentence opening with see", "### Motivation\n\nSee how every board with more than forty columns scrolls sideways on a laptop screen."],
    ["a post's words that are a problem", "### What problem are you trying to solve?\n\nUsers can't post images in replies."],
    ["leave to send it, and the problem", "### Reason for the feature request\n\nMatt said he would accept a PR: every reload loses the open connections."],
    ["what it is for, and what it loses", "### Reason for the feature request\n\nFor our CI runners, which time out after 10 minutes."],
    ["a group named after for, and what they lose", "### Motivation\n\nFor technical writers, whose builds time out when two locales share one tree."],
    ["a reason with no owner", "## Motivation\n\nFor security reasons the key must not be logged, and today it is."],
    ["the audience, then a sentence of more than a pointer", "## Use case\n\nFor maintainers of large plugin registries. Their nightly index job rebuilds every package."],
    ["a pointer to the forum beside a problem", "### Purpose\n\nAs discussed on the forum, retention runs every hour and fills the disk."],
  ])("accepts %s", (_shape, body) => {
    expect(judged(body, "Pin tabs in split view").why).toMatchObject({ field: "why" });
  });
});

describe("demand, praise and labels in a why field (round 8)", () => {
  it.each([
    ["a bare group's demand", "## Motivation\n\nUsers want the exporter to accept a date range like the importer does.", "request"],
    ["a bare group's gain", "## Why\n\nEveryone would benefit from a built-in rate limiter instead of the plugin.", "request"],
    ["praise, then a bare group liking it", "## Why\n\nThat would be cool, I think many people would like it.", "filler"],
    ["people who would love it", "## Why is this needed?\n\nPeople would really love this.", "request"],
    ["a maintenance label", "## Why\n\nRefactoring", "change"],
    ["a template's question answered with a label", "Motivation: Refactor\nIf this is not a bug fix, why is the change needed? Which use cases does it solve? refactor", "change"],
    ["asked, in the passive", "## Motivation\n\nThis was asked several times in the community chat last month.", "trigger"],
    ["encouragement after praise", "## Use case\n\nWould be really nice to have! Best editor I ever used, keep going folks.", "filler"],
  ])("rejects %s", (_shape, body, reason) => {
    const result = judged(body);
    expect(result.why).toBeUndefined();
    expect(result.rejections).toContainEqual(expect.objectContaining({ field: "why", reason }));
  });

  it.each([
    ["a group that needs to work around it", "## Why\n\nUsers need to restart the server after every config change to pick it up."],
    ["a qualified group's demand, with its problem", "## Motivation\n\nUsers want the exporter to accept a date range, because a full export of a large workspace times out."],
    ["a maintenance label with a reason", "## Why\n\nCleanup, because the old loader reads every config file twice."],
    ["trouble that recurs after a comma", "## Why\n\nI retried with a fresh token, keep hitting the same wall on every upload."],
  ])("accepts %s", (_shape, body) => {
    expect(judged(body).why).toMatchObject({ field: "why" });
  });
});
