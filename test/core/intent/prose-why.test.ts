import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/schema.js";
import { judgeBody, templateLines } from "../../../src/core/intent/judge.js";
import { decideIntent } from "../../../src/core/intent/decide.js";
import { findWhyInProse, reasonCue } from "../../../src/core/intent/prose-why.js";
import { intentCheck } from "../../../src/core/intent/render.js";
import { intentRules } from "../../../src/core/intent/rules.js";

const rules = intentRules(defaultConfig);
const why = (body: string, templates: string[] = [], title?: string) => judgeBody(body, rules, templateLines(templates), title).why;

/** A development set: bodies written in the style of real projects' templates, each with the sentence a reader takes as the why. */
describe("a why written as prose, under a heading that does not ask for one, or none", () => {
  it.each([
    [
      "Description heading",
      "## Description\n\nAdd a `--since` flag to `log export`. Owners of large workspaces currently can't export a single week, so they have to download everything and filter it by hand.",
      "Owners of large workspaces currently can't export a single week, so they have to download everything and filter it by hand.",
    ],
    [
      "Summary heading",
      "### Summary\n\nRetry uploads with exponential backoff. On flaky hotel Wi-Fi the first failure aborts the whole sync and people lose their drafts.",
      "On flaky hotel Wi-Fi the first failure aborts the whole sync and people lose their drafts.",
    ],
    ["Proposed change", "## Proposed change\n\nCache the parsed schema between requests, because every request currently re-parses a 4 MB file.", "Cache the parsed schema between requests, because every request currently re-parses a 4 MB file."],
    ["Feature description (issue form)", "### Feature description\n\nA keyboard shortcut to toggle the sidebar. Right now the sidebar is slow to close with a trackpad.", "Right now the sidebar is slow to close with a trackpad."],
    ["What does this PR do?", "## What does this PR do?\n\nMoves the token check before the cache lookup so that revoked tokens stop working immediately.", "Moves the token check before the cache lookup so that revoked tokens stop working immediately."],
    ["no heading at all", "Windows users whose path contains `#` get a blank page because the URL is not escaped.", "Windows users whose path contains # get a blank page because the URL is not escaped."],
    ["otherwise", "Pin the resolver to 3.2. Otherwise the nightly build picks up 3.3 and stops compiling.", "Otherwise the nightly build picks up 3.3 and stops compiling."],
    ["which means", "The importer reads the whole CSV into memory, which means files over 2 GB kill the worker.", "The importer reads the whole CSV into memory, which means files over 2 GB kill the worker."],
    ["to avoid", "Batch the webhook writes to avoid hitting the secondary rate limit.", "Batch the webhook writes to avoid hitting the secondary rate limit."],
    ["a comma and so", "The settings page has no search, so admins scroll through 200 toggles.", "The settings page has no search, so admins scroll through 200 toggles."],
    ["so someone can", "Expose the queue depth so operators can alert before jobs back up.", "Expose the queue depth so operators can alert before jobs back up."],
    ["a workaround", "Until now we worked around it with a cron job that restarts the daemon.", "Until now we worked around it with a cron job that restarts the daemon."],
    ["loses time", "Reviewers waste ten minutes per PR finding the changed screenshots.", "Reviewers waste ten minutes per PR finding the changed screenshots."],
    ["confusing", "The error message is confusing: it names a file the user never opened.", "The error message is confusing: it names a file the user never opened."],
    ["a list item", "## Changes\n\n- Adds a `timeout` option\n- Without it, a stuck DNS lookup hangs the CLI forever", "Without it, a stuck DNS lookup hangs the CLI forever"],
    ["a benefit", "Reuse the connection pool, which saves roughly 300 ms per request on cold starts.", "Reuse the connection pool, which saves roughly 300 ms per request on cold starts."],
    ["work cut short", "Read Retry-After before retrying. After three retries the whole transfer aborts.", "After three retries the whole transfer aborts."],
    ["a loop", "Skip the trailing-slash redirect when a file matched. Sites whose folder and page share a name get a redirect loop.", "Sites whose folder and page share a name get a redirect loop."],
    ["out of reach", "Serve the status page from the edge. During a deploy the dashboard is unreachable for a minute.", "During a deploy the dashboard is unreachable for a minute."],
    ["trouble that keeps going wrong", "Retry the health check. The server keeps going down at night.", "The server keeps going down at night."],
    ["a budget used up", "Allow a per-repo interval. Fetching every minute used up 3 GB of my monthly allowance in a week.", "Fetching every minute used up 3 GB of my monthly allowance in a week."],
    ["a battery left flat", "Let the timer end. If the charger slips, they come back to a dead battery.", "If the charger slips, they come back to a dead battery."],
    ["alerts that cry wolf", "Decompress before matching. Two monitors flapped every few minutes and woke me up twice.", "Two monitors flapped every few minutes and woke me up twice."],
    ["text shortened by a fault", "Measure the label in ems. On phones the label is truncated after three letters.", "On phones the label is truncated after three letters."],
    ["something no longer there", "Reflow the lines on resize. After a resize a chunk of scrollback is just gone.", "After a resize a chunk of scrollback is just gone."],
    ["a limit run into", "Queue the bulk edit. On 500 documents the request hit the 60 s proxy timeout.", "On 500 documents the request hit the 60 s proxy timeout."],
    ["an error met", "Update the example. Copying it gives Error: unknown field from the v2 CLI.", "Copying it gives Error: unknown field from the v2 CLI."],
    ["what happened where something else should have", "Restore focus on resume. When the modal was dismissed, focus went to the first widget instead of the one that had it.", "When the modal was dismissed, focus went to the first widget instead of the one that had it."],
    ["a fault in the past after its subject", "Read the header. The backend retried after its own short sleep instead of the one the server asked for.", "The backend retried after its own short sleep instead of the one the server asked for."],
    ["what cannot be seen", "Follow the palette. On light terminals the labels were white on white, effectively invisible.", "On light terminals the labels were white on white, effectively invisible."],
    ["a setting that does nothing", "Size the executor from the setting. The thread setting had no effect on embed requests.", "The thread setting had no effect on embed requests."],
    ["work done twice", "Unregister the old webhook first. During reactivation the workflow executes twice.", "During reactivation the workflow executes twice."],
    ["a failure beside a kind of thing", "Run the hook once. The failure hook ran twice, so Slack got every alert two times.", "The failure hook ran twice, so Slack got every alert two times."],
    ["a quoted message", "Retry the upload. The page shows \"upload failed, try again\" after every retry.", "The page shows \"upload failed, try again\" after every retry."],
    ["a server that will not run", "Open the interface through bpf. On FreeBSD 14 the DHCP server refuses to start at all.", "On FreeBSD 14 the DHCP server refuses to start at all."],
    ["a process flat out", "Debounce status writes. On a large mesh istiod sat pinned at 4 cores all day.", "On a large mesh istiod sat pinned at 4 cores all day."],
    ["a mistake noticed late", "Add a dry run. A broad rule opened 312 wrong PRs before we noticed and reverted.", "A broad rule opened 312 wrong PRs before we noticed and reverted."],
    ["a day lost to it", "Add a dry run. Developers spent most of Monday closing the PRs it opened.", "Developers spent most of Monday closing the PRs it opened."],
    ["text that does not fit", "Count emoji as two columns. The last character of the status line was cut off.", "The last character of the status line was cut off."],
    ["a group that has to work by hand", "Generate the reference. Admins who have to edit every page by hand lose a day each release.", "Admins who have to edit every page by hand lose a day each release."],
    ["an outcome for code that is a failure", "Pin the loader. We need it so that pkg/loader stops leaking file handles.", "We need it so that pkg/loader stops leaking file handles."],
    ["a cost nobody needs", "Skip the pull when the digest is local. Those of us on metered links are paying for image pulls we don't need.", "Those of us on metered links are paying for image pulls we don't need."],
    ["work done needlessly", "Cache the manifest. The CLI re-reads every manifest unnecessarily on each call.", "The CLI re-reads every manifest unnecessarily on each call."],
    ["a header ignored", "The backend retried after its own short sleep, ignoring the Retry-After header.", "The backend retried after its own short sleep, ignoring the Retry-After header."],
  ])("finds it under %s", (_shape, body, sentence) => {
    expect(why(body)).toMatchObject({ source: "prose", text: sentence });
  });

  it.each([
    ["a description of the change alone", "## Description\n\nAdds a `--since` flag to `log export`."],
    ["a bump", "Bumps eslint from 8.56 to 9.0."],
    ["otherwise closing its sentence", "It'd be cool, love the theme otherwise ❤️"],
    ["otherwise closing its clause", "A dark variant would be nice, great work otherwise, thanks."],
    ["raises a default", "## Summary\n\nRaises the default timeout to 30 s."],
    ["a refactor", "Refactors the parser into smaller modules and renames `doIt` to `parseLine`."],
    ["a question", "## Description\n\nShould the sync retry when it fails?"],
    ["a reassurance", "Tested locally; nothing breaks and no tests fail."],
    ["code", "```\nthe build fails because of the cache\n```"],
    ["a quote", "> The build fails because the cache is stale."],
    ["an HTML comment", "<!-- Explain why: what fails without this change? -->\nAdds a cache."],
    ["a testing section", "## Description\n\nAdds a cache.\n\n## How was this tested?\n\nRan the suite; the flaky upload test still fails on CI sometimes."],
    ["the cause of a typo fix", "Fixes a typo, created because of a copy-paste slip."],
    ["a testing section's reassurance with a cause", "## Summary\n\nAdds a cache.\n\n## Test plan\n\nNo tests fail, because the cache is off by default."],
  ])("does not take %s as a why", (_shape, body) => {
    expect(why(body)).toBeUndefined();
  });

  it("takes a failure and its cause from a testing section", () => {
    const body = "## Summary\n\nRaises the proxy's idle timeout to 90 s.\n\n## Test plan\n\nOn the staging mirror, uploads failed every third try because the proxy dropped idle connections. With 90 s, 50 of 50 passed.";
    expect(why(body)).toMatchObject({ source: "prose", text: "On the staging mirror, uploads failed every third try because the proxy dropped idle connections." });
  });

  it("does not read text left unchanged from the template", () => {
    const template = "## Description\n\nDescribe what fails without this change, and because of what.\n";
    expect(why("## Description\n\nDescribe what fails without this change, and because of what.\n", [template])).toBeUndefined();
    expect(why("## Description\n\nThe export fails for workspaces with more than 10,000 files.\n", [template])).toMatchObject({ source: "prose" });
  });

  it("a why stated under its own heading wins over prose", () => {
    const body = "## Description\n\nThe export fails for big workspaces.\n\n## Motivation\n\nSupport keeps getting tickets about partial exports from large customers.";
    expect(why(body)).toMatchObject({ source: "heading", label: "Motivation" });
  });

  it("takes prose when the why field holds filler", () => {
    const body = "## Why\n\nIt would make the tool better.\n\n## Details\n\nThe export fails for workspaces with more than 10,000 files.";
    const result = judgeBody(body, rules, templateLines([]));
    expect(result.why).toMatchObject({ source: "prose", text: "The export fails for workspaces with more than 10,000 files." });
    expect(result.rejections.filter((r) => r.field === "why")).toEqual([]);
  });

  it("clips a long sentence it quotes", () => {
    const found = findWhyInProse([`The export fails ${"again and ".repeat(60)}again.`]);
    expect(found?.sentence.length).toBe(300);
    expect(found?.sentence.endsWith("…")).toBe(true);
  });

  it.each([
    ["can’t", "Owners can’t move files."],
    ["because", "Needed because the old API is gone."],
    [undefined, "Created because of a typo."],
    [undefined, "No tests fail."],
    ["no longer", "Builds no longer fail on ARM."],
    [undefined, "So much for that."],
    ["discarded", "Pressing Escape closed the dialog, which discarded the draft."],
    ["blurry", "Icons are blurry at 150% scaling."],
    [undefined, "Discards stale cache entries on start."],
    [undefined, "Reads the on_failure_callback setting."],
    ["fails", "The on_failure_callback setting fails to load."],
  ])("names the cue %j in %j", (cue, sentence) => {
    expect(reasonCue(sentence)).toBe(cue === "can’t" ? "can't" : cue);
  });
});

describe("a why found in prose, as the check shows it", () => {
  it("is quoted escaped and bounded, and can mention no one", () => {
    const body = `Ping @octocat: the export fails \`<b>\` every night for ${"very ".repeat(80)}large workspaces.`;
    const own = judgeBody(body, rules, templateLines([]));
    const summary = intentCheck(decideIntent({ own, linked: [], external: [] }), "advise").summary;
    const line = summary.split("\n").find((l) => l.startsWith("- **Why**")) ?? "";
    expect(line.startsWith("- **Why** (found in prose, in this pull request): Ping @\u200boctocat: the export fails &lt;b&gt; every night")).toBe(true);
    expect(line.endsWith("…")).toBe(true);
    expect(line.length).toBeLessThan(300);
  });
});

describe("problems of not knowing, being misled, and being forced", () => {
  it.each([
    ["Teams migrating old projects don't know the flag exists, and their dates are silently parsed as UTC."],
    ["Every other loader accepts a URL here, which makes this one surprising."],
    ["Newcomers get three conflicting answers in the forum."],
    ["Each plugin copies the same parser, with slightly different bugs."],
    ["The callback-only API forces every caller to nest three levels deep."],
  ])("finds %j", (sentence) => {
    expect(why(sentence)).toMatchObject({ source: "prose" });
  });

  it.each([["This is not a breaking change."], ["Adds a `--json` flag; no breaking change."], ["Bumps the parser to 3.2."]])("finds no reason in %j", (sentence) => {
    expect(why(sentence)).toBeUndefined();
  });
});

describe("failures in a project's own terms", () => {
  it.each([
    ["an exception raised", "## Summary\n\nCalling `load()` on an empty archive raised `IndexError`.", "raised indexerror"],
    ["code that is an exception", "## Summary\n\nThe generator dropped the parentheses in `(a ?? b) || c`, which is a SyntaxError.", "is syntaxerror"],
    ["code turned into one", "## Summary\n\nThe minifier turns the default export into a ReferenceError at load.", "into referenceerror"],
    ["an exception thrown", "Saving a draft with an emoji in the title throws a `SerializationException`.", "throws"],
    ["an error status answered", "Uploads over 8 MB are answered with a 413 by the ingress.", "413"],
    ["an error status returned", "## Changes\n\nThe health endpoint returned a 503 whenever the cache was cold.", "503"],
    ["a wait measured", "Opening the settings page takes 40 s on a workspace with 3,000 members.", "takes"],
    ["a wait with its unit glued on", "Each lint run took 900ms per file on the monorepo.", "took"],
    ["trouble that recurs", "New contributors keep running the wrong formatter and the CI job rejects their commits.", "keep running"],
    ["running out of memory", "Before this, importing a 2 GB dump ran the worker out of memory.", "out of memory"],
    ["a process killed", "The sidecar was killed by the scheduler after every deploy.", "killed"],
    ["an outcome nobody wanted", "Half the invoices ended up in the archive folder before anyone noticed.", "ended up"],
  ])("finds %s", (_shape, body, cue) => {
    const found = why(body);
    expect(found).toMatchObject({ source: "prose" });
    expect(findWhyInProse([found?.text ?? ""])?.cue).toBe(cue);
  });

  it.each([
    ["an exception class added", "Adds an `ArchiveError` base class."],
    ["an exception named, not raised", "Renames `ParseError` to `SyntaxError` in the docs."],
    ["an exception class added", "Adds a ValidationError class for config errors."],
    ["an exception swapped for another", "Replaces the generic Error with a ValidationError."],
    ["a status code as a page", "Adds a 404 page to the docs site."],
    ["a number that is no status", "Bumps the retry limit to 500 with a 250 ms pause."],
    ["a step that takes no measure", "The migration takes the lock before it copies rows."],
    ["keep before a noun", "Keep the existing option names."],
    ["what keeps working", "A plain string keeps working as it does today."],
    ["how a group works, in its who clause", "Written for operators who configure the proxy by hand and are new to descriptors."],
    ["praise for a group that works by hand", "Would be handy for technical writers who maintain reference pages by hand."],
    ["an outcome for code, after so that", "Register custom presets so that cy.viewport('tablet') picks up our own names."],
    ["text a change shows shortened", "Adds Notes to the table columns, showing the latest note truncated to one line with the full text in a tooltip."],
    ["a limit a change sets", "Adds a 60 s timeout to the bulk edit request."],
    ["an error a change returns", "Return an error when the token is missing."],
    ["flaps as a metric's name", "A BGP dashboard with peer state, advertised routes per peer and session flaps, enabled with the others."],
    ["a change that does one thing instead of another", "Uses a shared client with keep-alive instead of a new client per request."],
    ["a change whose words end in -ed", "Adds overloads so the returned descriptor keeps the getter's type instead of Any."],
    ["a failure word naming a kind of thing", "Adds an example flow with retries and a failure hook that posts to Slack."],
    ["a bot as the cause", "When first opened this PR will not have CI run because it is generated by a bot."],
    ["a quoted label", "Make the \"Blocked\" column header in the clients table clickable."],
    ["a label in curly quotes", "Rename the “Failed” tab to “Errors”."],
    ["a change that refuses something", "Refuses to start when the config file is missing a listener."],
    ["what keeps going", "The soft assertion should record a failure and keep going."],
    ["a failure a feature reports", "The worker pool should report crashes to Sentry with the job id."],
  ])("finds no reason in %s", (_shape, body) => {
    expect(why(body)).toBeUndefined();
  });

  it("takes a failure set before the fix from a testing section, but not a plain failure there", () => {
    const before = "## Summary\n\nPasses `timeout` through.\n\n## Testing\n\nOn a staging site, before the fix the export was cut off at 30 s and returned a 504.";
    expect(why(before)).toMatchObject({ source: "prose", text: "On a staging site, before the fix the export was cut off at 30 s and returned a 504." });
    const plain = "## Summary\n\nPasses `timeout` through.\n\n## Testing\n\nThe export test still fails on Windows runners.";
    expect(why(plain)).toBeUndefined();
  });

  it.each([
    ["the branch it compares with", "On master the build dies with a stack overflow; with this branch it finishes in 2 s."],
    ["what happens today", "Currently the export stalls at 99% on folders over 2 GB."],
  ])("takes a failure set on %s from a testing section", (_shape, failure) => {
    expect(why(`## Summary\n\nReplaces the recursive walk with a stack.\n\n## Test\n\n${failure}`)).toMatchObject({ source: "prose", text: failure });
  });

  it("but not the branch named beside a reassurance", () => {
    expect(why("## Summary\n\nReplaces the recursive walk with a stack.\n\n## Test\n\nOn master and on this branch nothing fails.")).toBeUndefined();
  });
});

describe("a user story whose benefit restates its want", () => {
  it("is no reason, under a why heading or in prose", () => {
    const story = "As a plugin author, I want a `registerHook()` function so that there is a `registerHook()` function in core.";
    expect(why(`## What problem does this solve?\n\n${story}`)).toBeUndefined();
    expect(why(story)).toBeUndefined();
  });

  it.each([
    ["As a shop owner, I want to archive orders in the order table, so that archived orders are kept in the table."],
    ["As a translator, I want to star strings in the editor, so that starred strings stay starred in the editor."],
  ])("in another form of the want's words is no reason: %j", (story) => {
    expect(why(`## What problem does this solve?\n\n${story}`)).toBeUndefined();
    expect(why(story)).toBeUndefined();
  });

  it("a benefit that says what it makes possible is a reason", () => {
    const story = "As a plugin author, I want a `registerHook()` function so that my plugin runs before the router resolves a page.";
    expect(why(`## What problem does this solve?\n\n${story}`)).toMatchObject({ source: "heading" });
    expect(why(story)).toMatchObject({ field: "why", text: "my plugin runs before the router resolves a page." });
  });
});

describe("a lead-in to someone else's words", () => {
  it("is no reason, and the quote it introduces is not the author's", () => {
    expect(why("## Motivation\n\nQuoting the forum thread:\n\n> Exports fail for every workspace over 2 GB.\n\nSee above.")).toBeUndefined();
  });

  it("the author's own sentence after the quote is", () => {
    const body = "## Motivation\n\nFrom the forum thread:\n\n> Exports fail for every workspace over 2 GB.\n\nOur support team answers that question twice a week, because the size limit is not documented.";
    expect(why(body)).toMatchObject({ field: "why" });
  });
});

describe("a change described by its effect on the product", () => {
  it.each([
    ["Hides drafts from the activity feed unless the filter is on."],
    ["This PR exposes the retry count on the job page."],
    ["## Summary\n\nIgnores `.DS_Store` files when it scans a folder."],
    ["Ignoring `.DS_Store` files when it scans a folder."],
    ["Aborts the sync cleanly when the token is revoked."],
    ["Adds a config setting that hides Town Square from the sidebar for non-admins."],
    ["Adds a docstring example for st.navigation(position=\"hidden\") with a login gate."],
    ["Support HTTP/3 (QUIC) when node exposes it."],
  ])("is no reason: %j", (body) => {
    expect(why(body)).toBeUndefined();
  });

  it.each([
    ["Hides the banner that breaks the layout on small phones.", "breaks"],
    ["The export exposes API tokens in the log, so anyone with log access can read them.", "so"],
    ["It ignores the proxy setting in the config file.", "ignores"],
    ["Aborts the sync when the disk fills up, which corrupted the index before.", "corrupted"],
  ])("a problem named in it is: %j", (body, cue) => {
    expect(findWhyInProse([why(body)?.text ?? ""])?.cue).toBe(cue);
  });
});

describe("what occasioned a change", () => {
  it.each([
    ["an opener with because", "Bumps eslint to 9.2, because Dependabot opened it."],
    ["a request, under a why heading", "## Motivation\n\nSuggested by two people on the forum."],
    ["a request with who asked it", "## Motivation\n\nA few customers asked for it."],
  ])("is no reason: %s", (_shape, body) => {
    expect(why(body)).toBeUndefined();
  });

  it.each([
    ["an opener whose object is a problem", "Rebuilds the index, because the importer created duplicate rows on every run."],
    ["a request beside a consequence", "## Motivation\n\nRequested by support after three customers lost their drafts on logout."],
  ])("a reason beside it still is: %s", (_shape, body) => {
    expect(why(body)).toMatchObject({ field: "why" });
  });
});

describe("a benefit stated as toil avoided", () => {
  it.each([
    ["I'd like to rename 200 tags at once instead of renaming them one at a time."],
    ["Let the import take a folder, rather than picking each file manually."],
  ])("is a reason: %j", (body) => {
    expect(why(body)).toMatchObject({ source: "prose" });
  });

  it.each([["Use a map instead of a list for the lookup table."], ["Rather than a new flag, this reuses `--quiet`."]])("an alternative alone is not: %j", (body) => {
    expect(why(body)).toBeUndefined();
  });
});

describe("an assertion of importance", () => {
  it.each([["## Pitch\n\nCaching is essential."], ["## Motivation\n\nThis is really important."], ["## Pitch\n\nSearch is key!"]])("is no reason: %j", (body) => {
    expect(why(body)).toBeUndefined();
  });

  it.each([
    ["## Pitch\n\nCaching is essential for the offline mode the mobile app ships."],
    ["## Motivation\n\nAfter each config change a restart is required."],
    ["## Pitch\n\nCaching is essential, so every cold start hits the database."],
  ])("a statement that says more is left to the other rules: %j", (body) => {
    expect(why(body)).toMatchObject({ field: "why" });
  });
});

describe("where it is used and by whom", () => {
  it("is the audience, not a reason", () => {
    const result = judgeBody("## Motivation\n\nWe run it on the ward tablets, and the people using them are mostly night nurses.", rules, templateLines([]));
    expect(result.why).toBeUndefined();
    expect(result.rejections).toContainEqual({ field: "why", label: "Motivation", reason: "audience" });
    expect(result.who).toMatchObject({ source: "prose" });
  });

  it.each([
    ["a problem beside it", "## Motivation\n\nWe run it on the ward tablets, and night nurses can't read the small print."],
    ["a clause that says more than who they are", "## Motivation\n\nWe run it on the ward tablets, and night nurses on those tablets miss the second alarm."],
  ])("is a reason with %s", (_shape, body) => {
    expect(why(body)).toMatchObject({ field: "why" });
  });
});

describe("failure words and shapes", () => {
  it.each([
    ["Fixes a panic when the config file is empty.", "panic"],
    ["Two workers grabbing the same lock end in a deadlock.", "deadlock"],
    ["Since the clocks changed the report window is off by an hour.", "off by"],
    ["The page count was off by one on the last page.", "off by"],
  ])("%j states a problem", (sentence, cue) => {
    expect(reasonCue(sentence)).toBe(cue);
  });

  it.each([["The new toggle is off by default."], ["The switch sits off by the side of the panel."], ["Hop off by the north gate."]])("%j states none", (sentence) => {
    expect(reasonCue(sentence)).toBeUndefined();
  });

  it("a panic named under a heading that asks for none is the why", () => {
    expect(why("### Purpose\n\nFixes a panic when a peer sends an empty folder list:\n\n```\npanic: index out of range\n```")).toMatchObject({ source: "heading" });
  });
});

describe("a test plan's Before: and After:", () => {
  const change = "Lowers the default pool size to 8.\n\n## Testing\n\n";
  it("the failure labelled Before is the why", () => {
    const body = `${change}Ran it on a staging box. Before: after a night idle, every first request failed with a broken pipe. After: no errors in a week.`;
    expect(why(body)).toMatchObject({ source: "prose", text: "Before: after a night idle, every first request failed with a broken pipe." });
  });

  it.each([
    ["a failure without the label", `${change}Ran it on a staging box. Every first request failed with a broken pipe in one run, a flaky host.`],
    ["the label before a reassurance", `${change}Before: all green. After: all green.`],
    ["'before' opening a clause, not a label", `${change}Before merging it, the suite failed once on a flaky host.`],
  ])("%s is not", (_shape, body) => {
    expect(why(body)).toBeUndefined();
  });
});

describe("an abbreviation inside a sentence", () => {
  it("does not end it: a wish with an example is still only a wish", () => {
    const result = judgeBody("## Use case\n\nAs a kiosk vendor I want to lock the window size, e.g. `app.lockSize(800, 600)` in the setup.", rules, templateLines([]));
    expect(result.why).toBeUndefined();
    expect(result.rejections).toContainEqual({ field: "why", label: "Use case", reason: "request" });
  });

  it("a wish followed by a sentence of its own is read as two", () => {
    expect(why("## Use case\n\nAs a kiosk vendor I want to lock the window size. Staff resize it by accident and customers can't reach the pay button.")).toMatchObject({ source: "heading" });
  });
});

describe("an occasion, whatever verb or preposition carries it", () => {
  it.each([
    ["a vote and a link", "## Motivation\n\nAs voted in the steering meeting: https://example.org/minutes/14"],
    ["a bot that has not opened it", "## Motivation\n\nManual upgrade, the release bot hasn't picked it up this week."],
    ["where it came up, then posting", "## Motivation\n\nThis came up twice in the user forum, so I'm opening a ticket for it."],
    ["who asked, however long the group", "## Motivation\n\nThis was requested by a handful of analysts porting their old spreadsheet macros to the new report builder."],
    ["a change then an occasion", "## Motivation\n\nAdds an export button to the invoice list and to the order history pages. Brought up at the community call in March."],
    ["per a discussion", "## Motivation\n\nPer the discussion at the March planning call."],
  ])("is no reason: %s", (_shape, body) => {
    expect(why(body)).toBeUndefined();
  });

  it.each([
    ["an occasion beside a problem", "## Motivation\n\nThis came up in the forum because exports fail for every workspace over 2 GB."],
    ["a measured cost joined to who asked", "## Motivation\n\nThe archive grows by 40 GB a week from drafts nobody opens again, and volunteers have asked for a way to prune it."],
    ["a posting after an outcome", "## Motivation\n\nExports were cut off at 30 s, so support told customers to split them."],
  ])("a reason beside it still is: %s", (_shape, body) => {
    expect(why(body)).toMatchObject({ field: "why" });
  });
});

describe("praise by comparison", () => {
  it.each([["Please add a `median()` helper. It would make the stats module even more complete."], ["Makes the plugin API more polished."]])("is no reason: %j", (text) => {
    expect(why(`## Motivation\n\n${text}`)).toBeUndefined();
  });

  it("with a consequence named it is one", () => {
    expect(why("## Motivation\n\nIt would make the stats module more complete, because analysts can't compute a median without pandas today.")).toMatchObject({ field: "why" });
  });
});

describe("a change and what its option does", () => {
  it("is no reason", () => {
    expect(why("## Motivation\n\nAdds `--dry-run` to `sync` and `mirror`. When set, the command prints each planned copy and deletion and writes nothing to the target.")).toBeUndefined();
  });

  it("a reason after it is one", () => {
    expect(why("## Motivation\n\nAdds `--dry-run` to `sync`. When set, the command writes nothing. Operators can't check a plan before it deletes files.")).toMatchObject({ field: "why" });
  });
});

describe("a process that dies", () => {
  it("is a problem, in a caption over a log too", () => {
    expect(why("Before this change, starting the worker without a GPU died like this:\n\n```\nfatal: no device\n```")).toMatchObject({ source: "prose" });
    expect(reasonCue("The nightly import dies after an hour.")).toBe("dies");
  });

  it("a reassurance about a test plan names none", () => {
    expect(reasonCue("The nightly import runs in an hour.")).toBeUndefined();
  });
});

describe("a wish story opened by \"As someone who\"", () => {
  it("whose benefit restates the want is no reason", () => {
    expect(why("As someone who triages issues all day, I want `list` to have a `--labels` flag so that I can see the labels of every issue in the `list` output.")).toBeUndefined();
  });

  it("whose benefit says what it makes possible is one", () => {
    expect(why("As someone who triages issues all day, I want `list` to have a `--labels` flag so that I stop opening each issue in the browser to sort it.")).toMatchObject({ field: "why" });
  });
});

describe("a story whose benefit says half its want again", () => {
  it("is no reason: the other half is a verb and a place", () => {
    expect(why("### Is your feature request related to a problem?\n\nAs a diagram author, I want a radar chart diagram type so that I can draw radar charts in Mermaid.")).toBeUndefined();
  });

  it("a benefit with more words of its own is one", () => {
    expect(why("### Is your feature request related to a problem?\n\nAs a diagram author, I want a radar chart so that reviewers can compare release latencies at a glance.")).toMatchObject({ field: "why" });
  });
});

describe("a story whose benefit is only what its author could then do", () => {
  it.each([
    ["As a platform engineer, I want to reorder my services by drag and drop so that I can change the order of my services."],
    ["As a Gin user, I want HTTP/3 support out of the box so that I can serve my API over HTTP/3."],
    ["As someone using the CLI, I'd like z.enum to accept an enum object, so that I'm able to pass an enum to it directly."],
  ])("is no reason: %j", (story) => {
    expect(why(`### Problem\n\n${story}`)).toBeUndefined();
  });

  it("a capability that names a problem is one", () => {
    expect(why("### Problem\n\nAs a release manager, I want a bulk retag command so that I can stop retagging forty images by hand every Friday.")).toMatchObject({ field: "why" });
  });
});

describe("a change whose \"so\" clause only says what a thing then does (round 17)", () => {
  it.each([
    ["Add a copy button to each code sample so it can be pasted into a terminal."],
    ["Adds the three Solarized palettes to the theme folder, so they appear in the theme picker."],
    ["Allow a `--tag` filter on the search page so that hits can be narrowed to one tag."],
    ["Please add a share button to the viewer so a scan can be sent from the phone."],
  ])("is how the change works, not why: %j", (body) => {
    expect(why(body)).toBeUndefined();
  });

  it.each([
    ["a person does something", "Allow alt text on banners so that screen reader users know what the banner shows."],
    ["a problem in the clause", "Add a retry to the upload so it no longer fails on hotel Wi-Fi."],
    ["a problem earlier in the sentence", "Adds a cache of the parsed schema, which was slow to load, so it can be reused."],
    ["a sentence that is no change", "The export runs at night so it can be read in the morning, and it times out."],
  ])("still reads a reason when %s", (_shape, body) => {
    expect(why(body)).toMatchObject({ field: "why" });
  });
});

describe("an alternative that puts work on someone else (round 17)", () => {
  it("is a benefit: instead of asking every user to do it", () => {
    expect(reasonCue("Plugins can ship their completions themselves instead of asking every user to write a wrapper per command.")).toBe("instead of");
  });

  it("an alternative that asks nothing of anyone is not", () => {
    expect(reasonCue("Reads the limit from the config instead of asking the server.")).toBeUndefined();
  });
});

describe("a story whose benefit is only what a thing would then be (round 17)", () => {
  it.each([
    ["As a budget user, I want to star a report so that it appears first on the reports page."],
    ["As a map maker, I want the label editor to keep my last expression so that the expression is still there next time."],
  ])("is no reason: %j", (story) => {
    expect(why(`### Problem\n\n${story}`)).toBeUndefined();
  });

  it.each([
    ["a problem avoided", "As a library author, I want shared chunks between the two builds so that the package isn't twice the size it needs to be."],
    ["a problem named", "As an analyst, I want the dashboard cached so that the page no longer times out on Mondays."],
  ])("is a reason with %s", (_shape, story) => {
    expect(why(`### Problem\n\n${story}`)).toMatchObject({ field: "why" });
  });
});

describe("round 18: a why sub-heading inside a why field", () => {
  const form = (why: string) => `### Your use case\n\n#### What would you like to do?\n\nPin a message to the top of a channel.\n\n#### Why would you like to do it?\n\n${why}\n\n#### How would you like to achieve it?\n\nA pin button in the message menu.`;

  it("is the prompt answered: praise under it is no reason, whatever the field around it says", () => {
    expect(why(form("Because it would be nice to have."))).toBeUndefined();
  });

  it("a reason under it is the why", () => {
    expect(why(form("New members never see the rules: they scroll away within minutes in busy channels."))).toMatchObject({ label: "Why would you like to do it?" });
  });
});

describe("round 18: a why field that only asks for the change", () => {
  it.each([
    ["what the product should do", "## Why\n\nThe serve command should print the resolved config as YAML at startup."],
    ["a question", "## Why\n\nCould the testing guide get a section on monorepos with one shared workspace file?"],
    ["a correction", '## Why\n\nIn the second paragraph, "recieve" should be "receive".'],
  ])("is no reason: %s", (_shape, body) => {
    expect(why(body)).toBeUndefined();
  });

  it("with a reason beside it is one", () => {
    expect(why("## Why\n\nThe serve command should print the resolved config, because nobody can tell which file it read.")).toMatchObject({ field: "why" });
  });
});

describe("round 18: words that name no problem where they stand", () => {
  it.each([
    ["a field to leave blank", "Related issue (leave blank if none): #812"],
    ["a blank to fill", "The phrase completes the blank in the sentence above."],
    ["where something ends up", "The page explains where the logs end up on each platform."],
    ["a proposal's alternative", "Proposal: keep the toggle per profile instead of in the global file."],
    ["how small the work would be", "The analyser already has the length, so this would be a small addition."],
  ])("%s", (_shape, sentence) => {
    expect(reasonCue(sentence)).toBeUndefined();
  });

  it.each([
    ["a blank page", "After login the dashboard shows a blank page.", "blank"],
    ["the blank page", "Reloading shows the blank page again.", "blank"],
    ["what people ended up doing", "We ended up restarting the pod by hand.", "ended up"],
    ["a proposal with its reason", "Proposal: keep the toggle per profile, because the global file is overwritten on every sync.", "because"],
  ])("still reads %s", (_shape, sentence, cue) => {
    expect(reasonCue(sentence)).toBe(cue);
  });
});

describe("round 18: costs and refusals in more words", () => {
  it.each([
    ["a refusal", "The admission controller refused the image.", "refused"],
    ["load that drove a measure up", "Polling it every few seconds pushed the server's CPU to 90%.", "pushed to"],
    ["a multiple of the time", "Integrating it took about five times as long.", "five times"],
    ["a multiple, slower", "The new parser is 3 times slower on large files.", "3 times"],
    ["time doubled", "That is close to double the time the backup window allows.", "double the time"],
    ["a cost people bear", "Readers on mobile data pay for every image on the page.", "pay for"],
  ])("%s is a reason", (_shape, sentence, cue) => {
    expect(reasonCue(sentence)).toBe(cue);
  });

  it.each([
    ["a setting pushed", "Pushes the default timeout to 60 s."],
    ["a count of tries", "It retries five times as a rule."],
  ])("%s is not", (_shape, sentence) => {
    expect(reasonCue(sentence)).toBeUndefined();
  });
});

describe("round 18: a story whose benefit is what all of a thing would do", () => {
  it("restates the want", () => {
    expect(why("### Problem\n\nAs a map author, I want a default icon per layer group so that all markers in the group use that icon.")).toBeUndefined();
  });

  it("a benefit that avoids a problem is a reason", () => {
    expect(why("### Problem\n\nAs a map author, I want a default icon per layer group so that all markers stop jumping when the map is zoomed.")).toMatchObject({ field: "why" });
  });
});

describe("round 19: no problem, then only whom it is for", () => {
  it.each([
    ["There's no problem behind this one. The guide would be for people who self-host a wiki for their household."],
    ["Nothing is blocking anyone. I'm raising this for marketing teams that run their campaigns in another tool."],
    ["Nothing is wrong with the current behaviour. I have bootcamp instructors in mind here, the ones who hand each cohort a starter file."],
    ["Not fixing a problem. It's aimed at people trying out the queue-based deployment for the first time."],
    ["This isn't a bug report. I'm filing it on behalf of the students in my web course, who build their projects with it."],
    ["Built for our support engineers who handle replay tickets."],
    ["The people who'd use this are platform engineers who run one shared cluster for many teams."],
  ])("is no reason: %j", (answer) => {
    expect(why(`## Why\n\n${answer}`)).toBeUndefined();
  });

  it.each([
    ["a problem after the denial", "Nothing is blocking anyone yet, but the export fails for every team over forty boards."],
    ["something wrong", "Something is wrong with the current behaviour: the sync drops every other row."],
    ["a group and what they lose", "Built for our support engineers, who lose an hour a day re-opening replays."],
  ])("a reason stays one: %s", (_shape, answer) => {
    expect(why(`## Why\n\n${answer}`)).toMatchObject({ field: "why" });
  });
});

describe("round 19: headings", () => {
  it("\"How should the problem be solved?\" asks for the solution", () => {
    expect(why("### How should the problem be solved?\n\nSupport the v1 route kind from the gateway API.")).toBeUndefined();
  });

  it("\"What problem does this solve?\" still asks why", () => {
    expect(why("### What problem does this solve?\n\nEvery deploy waits ten minutes for a lock nobody holds.")).toMatchObject({ source: "heading" });
  });

  it("\"Describe the benefits …\" asks why, and a vote with a pointer in it says nothing", () => {
    const found = judgeBody("### Describe the benefits this would bring to existing users\n\nSee the discussion in #3342, lots of people there want it.", rules, templateLines([]));
    expect(found.why).toBeUndefined();
    expect(found.who).toBeUndefined();
  });
});

describe("round 19: more that names no problem, and more that does", () => {
  it.each([
    ["a passive five words into a so clause", "Adds a dtype argument to the layer's build so that the embedding matrix can be created with it."],
    ["publishing as the change", "Publish an SVG sprite at a stable path, so it can be referenced from a use element."],
    ["an option of a column", "New colour column (blank allowed) on the tenant table."],
    ["going on using", "We would keep using the starter blog otherwise."],
  ])("%s", (_shape, sentence) => {
    expect(why(sentence)).toBeUndefined();
  });

  it.each([
    ["a throttled key", "About 600 requests in an hour and the API key was throttled.", "throttled"],
    ["work stuck", "Short tasks sit stuck behind long ones for twenty minutes.", "stuck"],
    ["a menu that stopped responding", "The header menu stopped responding to clicks on cached pages.", "stopped responding"],
    ["a fault nobody noticed", "Nobody noticed the one hydration warning in the middle of forty.", "nobody noticed"],
    ["a delay measured", "Agent replies were delayed by up to 40 minutes during a campaign.", "delayed by"],
    ["going on using the wrong thing", "The import keeps using the wrong column for totals.", "wrong"],
  ])("%s is a reason", (_shape, sentence, cue) => {
    expect(reasonCue(sentence)).toBe(cue);
  });

  it("a story whose benefit is what the author would then get restates the want", () => {
    expect(why("### Problem\n\nAs a platform user, I want to duplicate an application with its provider, so that I get a copy of both.")).toBeUndefined();
  });
});

describe("round 20: a why field of a purpose alone, a pointer, an audience", () => {
  it.each([
    ["a purpose standing alone, of a thing", "So that headers can be set on the cask download URL."],
    ["a purpose standing alone, of a tool", "So that the graph command can write a Mermaid file."],
    ["a pointer to where it was asked before", "Same as #3870, which got closed as stale. +1"],
    ["an intensifier before the denial", "None really, it's just an idea."],
    ["nothing wrong, then whom it is for", "Everything works as it is; I'm filing this for the technical artists at our studio who write shaders by hand."],
    ["a group with a further clause", "Mostly for people teaching it in university courses, whose students do all their exercises in notebooks."],
    ["whom the author has in mind", "The people I have in mind are developers who host their apps on Azure."],
  ])("is no reason: %s", (_shape, answer) => {
    expect(why(`## Why\n\n${answer}`)).toBeUndefined();
  });

  it.each([
    ["a purpose of people", "So that admins can see who changed a setting."],
    ["a purpose with a problem", "So that the upload no longer fails on hotel Wi-Fi."],
    ["a pointer with the problem", "Same as #3870: the export still fails for every team over forty boards."],
  ])("a reason stays one: %s", (_shape, answer) => {
    expect(why(`## Why\n\n${answer}`)).toMatchObject({ field: "why" });
  });
});

describe("round 20: work done twice, a rate halved", () => {
  it.each([
    ["an order submitted twice", "Many press it again, which meant the same order submitted twice.", "submitted twice"],
    ["a rate halved", "With 2,000 checks per enemy per frame the frame rate halved.", "halved"],
  ])("%s is a reason", (_shape, sentence, cue) => {
    expect(reasonCue(sentence)).toBe(cue);
  });

  it.each([["Click the row twice to edit it."], ["Only needed twice a year."]])("what to do twice is not: %j", (sentence) => {
    expect(reasonCue(sentence)).toBeUndefined();
  });
});

describe("round 21: a why field of a denial and whom it is for, in other words", () => {
  it.each([
    ["on whose behalf", "Nothing fails today. I'm asking on behalf of the volunteer coaches in our league who plan the season with it."],
    ["filed for a group", "Nothing's broken. I'm filing this for the nurses on our night shift who chart on tablets."],
    ["no problem of the author's", "It doesn't solve a problem of mine. I'm asking for the librarians at our college, who catalogue donations with it."],
    ["a guide for a group", "This guide is for operators moving an existing cluster to the managed control plane."],
    ["a request from a group", "The request comes from the translators in our volunteer group who review strings on their phones."],
    ["a request alone", "Requesting a strict mode for units when reading tables."],
  ])("is no reason: %s", (_shape, answer) => {
    expect(why(`## Why\n\n${answer}`)).toBeUndefined();
  });

  it.each([
    ["a group that suffers something, in no cue's words", "Moderators of busy forums get 200 separate notifications for one thread and miss the ones from other threads."],
    ["a denial, then a contrast", "Nothing fails, but the export is broken on Windows for the translators in our group."],
  ])("a reason stays one: %s", (_shape, answer) => {
    expect(why(`## Why\n\n${answer}`)).toMatchObject({ field: "why" });
  });

  it.each([["Nothing in the current docs is wrong or missing for me."], ["Nothing is failing for us."]])("a sentence opening with nothing denies its failure words: %j", (sentence) => {
    expect(reasonCue(sentence)).toBeUndefined();
  });
});

describe("round 21: a purpose that only restates the want, and what the change makes a thing do", () => {
  it.each([
    ["a want whose purpose is having it", "## Why\n\nI want to export a review clip as an animated GIF so that I can get the clip as a GIF."],
    ["praise of a helper whose purpose is what it does", "It would be nice to have a helper that wraps the callback so that the code after each await runs inside the action."],
    ["a change whose so clause is a present passive", "Add an option matching the compiler's flag, so import './util.ts' is emitted as import './util.js'."],
    ["what the author did with the template", "Docs only, so I've skipped the template."],
  ])("is no reason: %s", (_shape, body) => {
    expect(why(body)).toBeUndefined();
  });

  it.each([
    ["a want whose purpose ends toil", "## Why\n\nI want to export a review clip as an animated GIF so that I can stop screen-recording it by hand."],
    ["a helper whose purpose avoids a failure", "It would be nice to have a helper that wraps the callback so that the code after each await doesn't throw in strict mode."],
    ["a change whose so clause has people", "Add an option matching the compiler's flag, so people can stop renaming imports by hand."],
  ])("a reason stays one: %s", (_shape, body) => {
    expect(why(body)).toMatchObject({ field: "why" });
  });
});

describe("round 21: failures in other words", () => {
  it.each([
    ["A firing alert was not delivered during the restart.", "not delivered"],
    ["The results list was never updated.", "never updated"],
    ["The cache isn't cleared on logout.", "isn't cleared"],
    ["LocalStack rejects such definitions.", "rejects"],
    ["The two copies drift apart within a sprint.", "drift apart"],
  ])("%j is a reason", (sentence, cue) => {
    expect(reasonCue(sentence)).toBe(cue);
  });

  it.each([["The public API is not changed."], ["Existing configs are not affected."], ["Rejects empty names with a clear message."]])("%j is not", (sentence) => {
    expect(reasonCue(sentence)).toBeUndefined();
  });

  it("a paragraph after a checklist's boxes is prose like any other", () => {
    const body = "### Code change checklist\n\n- [x] Added unit tests\n\nThe heap climbed by about 40 MB an hour until the tab crashed after a morning of use.";
    expect(why(body)).toMatchObject({ source: "prose" });
  });

  it("a paragraph under a heading about testing is still only checks", () => {
    expect(why("### Testing\n\n- [x] Added unit tests\n\nThe heap climbed by about 40 MB an hour until the tab crashed after a morning of use.")).toBeUndefined();
  });
});

describe("round 22: failures and costs in other words", () => {
  it.each([
    ["owed work in any verb, not done", "The query is clearly active, it just isn't refetched.", "isn't refetched"],
    ["a middleware never attached", "If you follow the guide with routes, the middleware is never attached and every app is served without authentication.", "never attached"],
    ["time spent on a measure", "On our instance each login spent about 1.8 s in that query.", "spent"],
    ["the only way there is", "Right now the only way to see what a trigger returned is to set the log level to debug.", "only way to"],
    ["a service rejecting input", "Loki started rejecting the logs of everything else.", "rejecting"],
    ["an error of a named kind", "People copy the CUDA examples and get an MPS dtype error on the first frame.", "get error"],
    ["a measure moving after 'this change'", "With this change steady-state memory goes from ~1.7 GiB to ~600 MiB on the same cluster.", "goes from"],
    ["pods OOMKilled", "Our pods were OOMKilled at the 2Gi limit every few hours.", "oomkilled"],
    ["a service ignoring, in the present", "The proxy is ignoring the Retry-After header.", "ignoring"],
  ])("%s is a reason", (_shape, sentence, cue) => {
    expect(reasonCue(sentence)).toBe(cue);
  });

  it.each([
    ["a condition a feature tests", "Add a --check flag that exits non-zero when the file isn't formatted."],
    ["a reassurance in -ed", "The public API is not modified and existing configs are not impacted."],
    ["a value set after 'the change'", "The change raises the default timeout from 30 s to 60 s."],
    ["a clean report", "Attached Valgrind output that shows no leaks or memory corruption was found."],
    ["a method with ignoring in it", "Yes, by calling produceWithPatches and ignoring the second element."],
    ["files written by hand", "Adds fish completions for the exp subcommands, written by hand in scripts/completion/dvc.fish."],
  ])("%s is not", (_shape, sentence) => {
    expect(reasonCue(sentence)).toBeUndefined();
  });

  it("a heading's bracketed aside does not make it a heading about checks", () => {
    const body = "## Proposed changes (including videos or screenshots)\n\nSome customers had visitors waiting ten minutes, until someone transferred the chat by hand.";
    expect(why(body)).toMatchObject({ source: "prose" });
    expect(why("## Screenshots (if any)\n\nThe page went blank until someone reloaded it by hand.")).toBeUndefined();
  });

  it("a role named with 'the' is a persona, and its wish alone no reason", () => {
    const found = judgeBody("### Problem\n\nAs the maintainer of a plugin that several projects use for their releases, I'd like to declare its settings in a schema file.", rules, templateLines([]));
    expect(found.why).toBeUndefined();
    expect(found.who).toBeDefined();
  });

  it("a reference to what something says is no persona", () => {
    expect(judgeBody("As the title says, I want a dark mode for the editor.", rules, templateLines([])).who).toBeUndefined();
  });
});

describe("round 23: conditions, reassurances, guesses and effort", () => {
  it.each([
    ["a failure in the condition of a wished-for feature", "When a handler panics, the log line could include the request method and the route."],
    ["an option put in a state", "When it is set and none of the feeds return any items, the widget isn't rendered."],
    ["a default that changes nothing", "Default is unset, so existing configs render the same."],
    ["nothing changes", "0 means unlimited, which stays the default, so nothing changes for existing instances."],
    ["a guess", "Hurl is developed in France, so there may be French speakers on the team who could review it."],
    ["how little it takes", "The API already returns sunrise and sunset, so it should only be one extra field in the request."],
    ["what a setting should keep doing", "A setting for webhook targets to keep retrying the connection at startup."],
    ["slow as a kind of test", "An option that prints the duration after every test and not only after the slow ones."],
    ["a sentence that opens by setting a value", "Change the max_request_duration value in the example server config in website/content/docs/configuration/index.mdx from 90s to 300s."],
  ])("is no reason: %s", (_shape, sentence) => {
    expect(reasonCue(sentence)).toBeUndefined();
  });

  it.each([
    ["a failure in the main clause after a condition", "When the upload fails, the draft can be lost.", "lost"],
    ["a failure in a condition whose main clause reports, not wishes", "When the upload fails, the draft is gone.", "fails"],
    ["a condition with no comma that is the failure", "If one receiver cannot bind its port the collector exits, which takes every pipeline down.", "cannot"],
    ["a condition closed by a colon", "When docked I have to choose: either the touchpad crawls or the wheel jumps.", "have to"],
    ["the same network, not the same result", "It listened on 0.0.0.0, so anyone on the same network could open it.", "so"],
    ["nobody managed it", "Nobody in the call heard the speaker until they rejoined.", "nobody heard"],
    ["people asking why", "Three of them asked in the forum this month why no numbers show up.", "asked why"],
    ["work done by hand each time it is needed", "Right now I dig for the URL every time I need a thumbnail.", "every time i need"],
    ["trouble that recurs", "The agents keep retrying until the buffer fills.", "keep retrying"],
  ])("%s is a reason", (_shape, sentence, cue) => {
    expect(reasonCue(sentence)).toBe(cue);
  });

  it.each([
    ["a denial in other words, then whom it is for", "## Product Impact\n\nThis isn't fixing anything on our side. The request comes from the lab technicians at the two hospitals where our analyzer is installed."],
    ["a bare persona's use", "## Product Impact\n\nAs a developer, I'd use it on the settings page of my app."],
  ])("a why field with %s is no reason", (_shape, body) => {
    expect(why(body)).toBeUndefined();
  });

  it("a heading asking why it belongs in the project does not ask for the why", () => {
    expect(why("### Why should this be in core?\n\nIt reuses the same file resolution as a normal run.")).toBeUndefined();
    expect(why("### Why is this needed?\n\nIt reuses the same file resolution as a normal run, and the CI fails without it.")).toBeDefined();
  });
});

describe("round 24: denials in any person, conditions of a wish, kinds of things", () => {
  it.each([
    ["not fixing a problem of the author's", "## Why\n\nIt's not fixing a problem of mine. The request comes from the volunteers at our town's repair café."],
    ["not solving a problem of ours", "## Why\n\nIt isn't solving a problem of ours. The request comes from the case workers at a legal-aid NGO I build tools for."],
  ])("a why field of %s, then whom it is for, is no reason", (_shape, body) => {
    expect(why(body)).toBeUndefined();
  });

  it("a denial with a reason after it keeps the reason", () => {
    expect(why("## Why\n\nIt's not fixing a problem of mine, but the export fails for the volunteers at our repair café.")).toBeDefined();
  });

  it.each([
    ["a failure in a wish's condition", "I'd like an option for CreateInBatches to go on with the next batch when one fails."],
    ["the failed things a feature returns", "Return the failed batches at the end."],
    ["what a thing has to be", "A guide showing the CSS that has to go into the page."],
    ["what follows from reporting no bug", "Not a bug, so no program."],
  ])("is no reason: %s", (_shape, sentence) => {
    expect(reasonCue(sentence)).toBeUndefined();
  });

  it.each([
    ["a failure in a condition of a report", "When one batch fails the whole import stops.", "fails"],
    ["the failing test that breaks something", "The failing test breaks every nightly build.", "breaks"],
    ["people who have to", "Admins who have to edit it by hand lose an hour.", "have to"],
    ["giving up", "They reloaded two or three times before giving up.", "giving up"],
    ["a battery run flat", "One of them ran flat in the middle of a client meeting.", "ran flat"],
    ["hearing nothing", "Screen reader users hear nothing between pressing Upload and the end.", "hear nothing"],
  ])("%s is a reason", (_shape, sentence, cue) => {
    expect(reasonCue(sentence)).toBe(cue);
  });
});
