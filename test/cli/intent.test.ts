import { afterEach, describe, expect, it } from "vitest";
import { checkout, removeCheckouts, runCli } from "../helpers/cli.js";

afterEach(removeCheckouts);

async function intent(cwd: string, ...argv: string[]) {
  const { code, out, err } = await runCli(cwd, ["intent", ...argv]);
  return { code, out: out.join("\n"), err: err.join("\n"), json: () => JSON.parse(out.join("\n")) as Record<string, unknown> };
}

const PR_TEMPLATE = "## Why\n\nDescribe the problem this solves.\n\n## Who\n\nDescribe who it is for.\n";
const FILLED = "## Why\n\nDescribe the problem this solves.\nExports time out for workspaces above 10k rows.\n\n## Who\n\nFinance admins closing the month.\n";

describe("intentbot intent", () => {
  it.each([".github/PULL_REQUEST_TEMPLATE.md", "pull_request_template.md", "docs/pull_request_template.md", ".github/PULL_REQUEST_TEMPLATE/feature.md"])(
    "reads the PR template at %s: unchanged fails (exit 1), answered passes (exit 0)",
    async (path) => {
      const dir = checkout({ [path]: PR_TEMPLATE, "unchanged.md": PR_TEMPLATE, "filled.md": FILLED });
      const unchanged = await intent(dir, "--json", "unchanged.md");
      expect(unchanged.code).toBe(1);
      expect(unchanged.json()).toMatchObject({ met: false, why: null, who: null, templates: [path] });
      const filled = await intent(dir, "--json", "filled.md");
      expect(filled.code).toBe(0);
      expect(filled.json()).toMatchObject({ met: true, why: { text: "Exports time out for workspaces above 10k rows.", source: "heading" }, who: { source: "heading" } });
    },
  );

  it("with --kind issue reads the issue forms, and reports a prose who and the prompt left unanswered", async () => {
    const form = "name: Feature\nbody:\n  - type: textarea\n    attributes:\n      label: Why do you need this?\n      value: Describe the problem.\n  - type: textarea\n    attributes:\n      label: Anything else?\n";
    const body = "### Why do you need this?\n\nDescribe the problem.\n\n### Anything else?\n\nScreen reader users ask for this every week.\n";
    const dir = checkout({ ".github/ISSUE_TEMPLATE/feature.yml": form, "issue.md": body });
    const result = await intent(dir, "--kind", "issue", "issue.md");
    expect(result.code).toBe(1);
    expect(result.out).toContain("templates: .github/ISSUE_TEMPLATE/feature.yml");
    expect(result.out).toContain("who (found in prose: “Screen reader users”): Screen reader users ask for this every week.");
    expect(result.out).toContain("“Why do you need this?” is left unanswered: what follows it is the template's own text.");
    expect(result.out).toContain("The template asks for the why: “Why do you need this?”");
  });

  it("reads the body from any path and the repository from --repo; the PR templates do not discount an issue", async () => {
    const repo = checkout({ ".github/pull_request_template.md": PR_TEMPLATE });
    const elsewhere = checkout({ "body.md": PR_TEMPLATE });
    expect((await intent(elsewhere, "--repo", repo, "body.md")).code).toBe(1);
    expect((await intent(elsewhere, "--repo", repo, "--kind", "issue", "body.md")).code).toBe(0);
  });

  it("reads .github/intent.yml from the repository, or --config", async () => {
    const body = "## Motivation\nExports time out for big workspaces.\n\nScreen reader users can't tell when the export finished.\n";
    const dir = checkout({ ".github/intent.yml": "intent:\n  who:\n    prose: false\n", "body.md": body, "on.yml": "intent: {}\n" });
    expect((await intent(dir, "body.md")).code).toBe(1);
    expect((await intent(dir, "--config", "on.yml", "body.md")).code).toBe(0);
  });

  it("passes --title on: a why that restates it is rejected", async () => {
    const dir = checkout({ "body.md": "Why: add CSV export for invoices\n\nWho: finance admins closing the month\n" });
    const result = await intent(dir, "--title", "Add CSV export for invoices", "--json", "body.md");
    expect(result.code).toBe(1);
    expect(result.json().rejections).toEqual(["“Why” only restates the title: say why it matters."]);
  });

  it.each([
    [["missing.md"], "cannot read missing.md"],
    [["--kind", "bug", "body.md"], "--kind takes issue or pr"],
    [["--config", "bad.yml", "body.md"], "intent.minWords"],
    [["--config", "absent.yml", "body.md"], "cannot read absent.yml"],
    // A mistyped repository would otherwise be judged with no templates and the default config.
    [["--repo", "no-such-dir", "body.md"], "intentbot: --repo no-such-dir is not a directory"],
    [["--repo", "body.md", "body.md"], "intentbot: --repo body.md is not a directory"],
    [[], "missing required argument"],
  ])("exits 2 on %j", async (argv, message) => {
    const dir = checkout({ "body.md": FILLED, "bad.yml": "intent:\n  minWords: many\n" });
    const result = await intent(dir, ...argv);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
  });
});
