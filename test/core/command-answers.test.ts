import { describe, expect, it } from "vitest";
import { commandReplies, done, REACTION, refused } from "../../src/core/command-answers.js";
import { renderedMentions } from "../helpers/rendered.js";

describe("command answers", () => {
  it("show done as 🚀 and refused as 😕, for every command", () => {
    expect(REACTION[done().outcome]).toBe("rocket");
    expect(REACTION[refused("no").outcome]).toBe("confused");
    expect(done()).toEqual({ outcome: "done", reply: undefined });
  });

  it("name the commenter without mentioning them, whatever their login holds", () => {
    const reply = commandReplies.permission("phase", "@alice`<b>", "triage", "phases", "Ask a maintainer.");
    expect(reply).toContain("needs at least **triage** access to this repository (`phases.permission` in `.github/intent.yml`)");
    expect(reply).toContain("\nAsk a maintainer.");
    expect(renderedMentions(reply)).toEqual([]);
  });

  it("say where a command works, which setting turned it off, and that nothing was done", () => {
    expect(commandReplies.wrongPlace("signoff", "pull request")).toBe("`/signoff` works in a pull request's conversation, so nothing was done here.");
    expect(commandReplies.wrongPlace("phase", "issue", "Plan in the feature issue.")).toBe("`/phase` works in an issue's conversation, so nothing was done here. Plan in the feature issue.");
    expect(commandReplies.disabled("hack", "hacks")).toBe("`/hack` is turned off in this repository (`hacks.enabled: false` in `.github/intent.yml`), so nothing was done.");
    expect(commandReplies.invalidConfig("dashboard", "- `mode`: …")).toBe(
      "`/dashboard` was not carried out: intentbot cannot use this repository's `.github/intent.yml`.\n\n- `mode`: …",
    );
  });
});
