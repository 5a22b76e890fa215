import { afterEach, describe, expect, it } from "vitest";
import { delivery, payload } from "../fixtures/payloads.js";
import { createTestApp } from "../helpers/app.js";
import { FakeGitHub } from "../helpers/fake-github.js";

/**
 * The hint in the intent comment and check, in the template's own words: the
 * templates are read from a stateful GitHub that lists directories as the
 * contents API does.
 */
let github: FakeGitHub | undefined;
afterEach(() => github?.stop());

function repository(files: Record<string, string>): FakeGitHub {
  const fake = new FakeGitHub();
  for (const [path, text] of Object.entries(files)) fake.contents.set(path, text);
  fake.start();
  github = fake;
  return fake;
}

const FEATURE_FORM = [
  "name: Feature request",
  "description: Suggest an idea",
  "body:",
  "  - type: textarea",
  "    attributes:",
  "      label: What problem does this solve?",
  "      placeholder: I'm always frustrated when…",
  "  - type: textarea",
  "    attributes:",
  "      label: Proposed solution",
  "",
].join("\n");

const PR_TEMPLATE = "## Description\n\n<!-- What does this change? -->\n\n## Who is this for?\n\n<!-- The users who asked for it. -->\n";

describe("hints in the template's own words", () => {
  it("an issue's comment quotes the form's question for the why, and gives a `## Who` snippet, since the form asks for no who", async () => {
    const fake = repository({ ".github/ISSUE_TEMPLATE/feature.yml": FEATURE_FORM, ".github/ISSUE_TEMPLATE/config.yml": "blank_issues_enabled: false\n" });
    const probot = createTestApp(["intent"]);
    const body = "### What problem does this solve?\n\n_No response_\n\n### Proposed solution\n\nA toggle in the settings.";
    fake.addIssue({ number: 1, title: "Settings toggle", body });
    await probot.receive(delivery("issues.opened", payload("issues.opened", { issue: { body, labels: [] } })));

    expect(fake.unknown).toEqual([]);
    const comment = fake.comments[0]?.body ?? "";
    expect(comment).toContain("Answer the template's question in your own words:\n- **Why**: The template asks: *What problem does this solve?*\n");
    expect(comment).toContain("Add **Who** to the description, for example:\n\n```markdown\n## Who\n");
    expect(comment).not.toContain("## Why\n");
  });

  it("a pull request's check quotes the template's who heading, and gives a `## Why` snippet, since the template asks for no why", async () => {
    const fake = repository({ ".github/pull_request_template.md": PR_TEMPLATE });
    const probot = createTestApp(["intent"]);
    const body = "## Description\n\nAdds a `--since` flag to `log export`.\n\n## Who is this for?\n\n<!-- The users who asked for it. -->\n";
    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: { body, draft: false } })));

    expect(fake.unknown).toEqual([]);
    const summary = fake.checkRuns[0]?.output?.summary ?? "";
    expect(summary).toContain("- **Who**: The template asks: *Who is this for?*");
    expect(summary).toContain("Add **Why** to the description, for example:\n\n```markdown\n## Why\n");
    expect(summary).not.toContain("## Who\n");
  });

  it("a why the author wrote as prose under the template's description heading is found, and said so", async () => {
    const fake = repository({ ".github/pull_request_template.md": PR_TEMPLATE });
    const probot = createTestApp(["intent"]);
    const body = "## Description\n\nAdds a `--since` flag. Owners of large workspaces can't export a single week, so they download everything.\n\n## Who is this for?\n\nOwners of large workspaces.\n";
    await probot.receive(delivery("pull_request.opened", payload("pull_request.opened", { pull_request: { body, draft: false } })));

    expect(fake.unknown).toEqual([]);
    expect(fake.checkRuns[0]).toMatchObject({ conclusion: "success" });
    expect(fake.checkRuns[0]?.output?.summary).toContain("- **Why** (found in prose, in this pull request): Owners of large workspaces can't export a single week, so they download everything.\n");
  });
});
