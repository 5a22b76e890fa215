import { describe, expect, it } from "vitest";
import { exemptionReason } from "../../../src/core/intent/decide.js";
import { exemptCheck } from "../../../src/core/intent/render.js";
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
