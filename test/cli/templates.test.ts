import { afterEach, describe, expect, it } from "vitest";
import { decideAudit } from "../../src/cli/audit/decide.js";
import { renderAuditMarkdown } from "../../src/cli/audit/render.js";
import { defaultConfig } from "../../src/config/schema.js";
import { checkout, removeCheckouts, runCli } from "../helpers/cli.js";

afterEach(removeCheckouts);

async function templates(cwd: string, ...argv: string[]) {
  const { code, out, err } = await runCli(cwd, ["templates", ...argv]);
  return { code, out: out.join("\n"), err: err.join("\n"), json: () => JSON.parse(out.join("\n")) as Record<string, unknown> };
}

const FEATURE_FORM = "name: Feature\nbody:\n  - type: textarea\n    attributes:\n      label: What problem does this solve?\n  - type: textarea\n    attributes:\n      label: Who is this for?\n";
const BUG_FORM = "name: Bug\nbody:\n  - type: textarea\n    attributes:\n      label: What happened?\n  - type: input\n    attributes:\n      label: Version\n";
const PR_TEMPLATE = "## Description\n\n<!-- What does this change? -->\n\n**Who is this for?**\n";
const CONFIG = "blank_issues_enabled: false\n";

describe("intentbot templates", () => {
  it("lists every template the app reads, with the prompt each asks for the why and the who, and what to add", async () => {
    const dir = checkout({
      ".github/ISSUE_TEMPLATE/feature.yml": FEATURE_FORM,
      ".github/ISSUE_TEMPLATE/bug.yml": BUG_FORM,
      ".github/ISSUE_TEMPLATE/config.yml": CONFIG,
      ".github/pull_request_template.md": PR_TEMPLATE,
    });
    const result = await templates(dir);
    expect(result.code).toBe(1);
    expect(result.out).toContain(".github/ISSUE_TEMPLATE/feature.yml (issue template): asks for a why and a who\n  why: asks “What problem does this solve?”\n  who: asks “Who is this for?”");
    expect(result.out).toContain(".github/ISSUE_TEMPLATE/bug.yml (issue template): asks for neither a why nor a who\n  why: not asked; add:\n    - type: textarea\n      attributes:\n        label: Why is this needed?");
    expect(result.out).toContain(".github/pull_request_template.md (pull request template): asks for a who\n  why: not asked; add:\n    ## Why\n");
    expect(result.out).not.toContain("config.yml");
  });

  it("exits 0 when every template asks for something, and prints JSON with --json and --repo", async () => {
    const repo = checkout({ ".github/ISSUE_TEMPLATE/feature.yml": FEATURE_FORM, "docs/pull_request_template.md": PR_TEMPLATE });
    const elsewhere = checkout({});
    const result = await templates(elsewhere, "--repo", repo, "--json");
    expect(result.code).toBe(0);
    expect(result.json()).toEqual({
      ok: true,
      templates: [
        { path: ".github/ISSUE_TEMPLATE/feature.yml", kind: "issue", why: "What problem does this solve?", who: "Who is this for?", suggestions: {} },
        { path: "docs/pull_request_template.md", kind: "pull request", why: null, who: "Who is this for?", suggestions: { why: expect.stringMatching(/^## Why\n/) } },
      ],
    });
  });

  it("reads the repository's aliases from .github/intent.yml", async () => {
    const template = "## Reasoning\n\n## Served groups\n";
    const dir = checkout({ ".github/pull_request_template.md": template, ".github/intent.yml": "intent:\n  why: [reasoning]\n  who: [served groups]\n" });
    expect(await templates(dir, "--json").then((r) => r.json())).toMatchObject({ ok: true, templates: [{ why: "Reasoning", who: "Served groups" }] });
    expect((await templates(checkout({ ".github/pull_request_template.md": template }))).code).toBe(1);
  });

  it("a checkout without templates is reported, with exit 1; an invalid configuration is a usage error", async () => {
    const none = await templates(checkout({}));
    expect(none.code).toBe(1);
    expect(none.out).toContain("No issue or pull request templates in .");
    const invalid = await templates(checkout({ ".github/intent.yml": "intent:\n  minWords: lots\n" }));
    expect(invalid.code).toBe(2);
  });
});

describe("the audit's advice on templates", () => {
  const facts = (issue: string[], pullRequest: string[]) => ({
    repo: { owner: "octo-org", repo: "widgets" },
    open: [],
    files: new Map<number, string[]>(),
    mergedHacks: [],
    debtIssues: [],
    templates: { issue, pullRequest },
  });
  const NOW = new Date("2026-03-02T12:00:00Z");

  it("appears once when no template asks for a why or a who", () => {
    const report = decideAudit(facts(["## What happened?\n"], ["## Description\n"]), defaultConfig, NOW);
    expect(report.templates).toMatch(/^No issue or pull request template asks why or for whom: /);
    const markdown = renderAuditMarkdown(report, 200);
    expect(markdown.split("## Templates").length).toBe(2);
    expect(markdown).toContain(`## Templates\n\n${report.templates}\n`);
  });

  it("does not appear when any template asks", () => {
    expect(decideAudit(facts(["## What happened?\n"], ["## Why\n"]), defaultConfig, NOW).templates).toBeUndefined();
    expect(renderAuditMarkdown(decideAudit(facts([], ["## Who is this for?\n"]), defaultConfig, NOW), 200)).not.toContain("## Templates");
  });
});
