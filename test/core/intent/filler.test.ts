import { describe, expect, it } from "vitest";
import { configSchema, defaultConfig } from "../../../src/config/schema.js";
import { judgeBody, templateLines, type BodyIntent } from "../../../src/core/intent/judge.js";
import { intentRules } from "../../../src/handlers/intent/gather.js";

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
    ["useful, and for whom", "## Motivation\n\nUseful for teams whose CI runs on ARM runners."],
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
