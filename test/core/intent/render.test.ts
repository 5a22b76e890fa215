import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/schema.js";
import { decideIntent, exemptionReason, type LinkedTicket } from "../../../src/core/intent/decide.js";
import { judgeBody, templateLines } from "../../../src/core/intent/judge.js";
import { exemptCheck, intentCheck } from "../../../src/core/intent/render.js";
import { intentRules } from "../../../src/core/intent/rules.js";
import { renderedMentions } from "../../helpers/rendered.js";

describe("the intent check quotes configuration safely", () => {
  it("a label name with a mention in the exemption summary pings no one", () => {
    const rules = { bots: false, labels: ["x` @acme/security `y"], titlePatterns: [] };
    const reason = exemptionReason({ authorType: "User", labels: ["x` @acme/security `y"], title: "t" }, rules);
    const summary = exemptCheck(reason ?? "").summary;
    expect(summary).toBe("No intent needed: it has the label ``x` @acme/security `y``.");
    expect(renderedMentions(summary)).toEqual([]);
  });
});

describe("the intent check explains itself", () => {
  const verdictOf = (body: string, linked: LinkedTicket[] = []) => decideIntent({ own: judgeBody(body, intentRules(defaultConfig), templateLines([])), linked, external: [] });

  it("quotes what it took as why and who, and where it read them", () => {
    const summary = intentCheck(
      verdictOf("**Why do we need this feature?**\n\nUploads over 2 GB fail silently.\n\nScreen reader users can't tell when an upload failed."),
      "advise",
    ).summary;
    expect(summary).toContain("- **Why** (answering the prompt “Why do we need this feature?”, in this pull request): Uploads over 2 GB fail silently.");
    expect(summary).toContain("- **Who** (found in prose: “Screen reader users”, in this pull request): Screen reader users can't tell when an upload failed.");
  });

  it("names a linked issue it inherited from, and the prompt left unanswered", () => {
    const linked = { ref: "#12", intent: judgeBody("Why: uploads over 2 GB fail silently", intentRules(defaultConfig), templateLines([])) };
    const summary = intentCheck(verdictOf("**Who is this feature for?**\n\n", [linked]), "enforce").summary;
    expect(summary).toContain("- **Why** (after the label “Why”, in the linked issue #12): uploads over 2 GB fail silently");
    expect(summary).toContain("“Who is this feature for?” is left unanswered.");
  });
});
