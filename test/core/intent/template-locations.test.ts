import { describe, expect, it } from "vitest";
import { issueFormText, MAX_TEMPLATES, readTemplateFiles, templatePaths, type TemplateSource } from "../../../src/github/templates.js";

/** A repository as a map of file paths to text: directories are implied by the paths. */
function repository(files: Record<string, string>): TemplateSource {
  return {
    list: (dir) => {
      const prefix = dir === "" ? "" : `${dir}/`;
      const names = new Set<string>();
      for (const path of Object.keys(files)) {
        if (!path.startsWith(prefix)) continue;
        const rest = path.slice(prefix.length);
        const slash = rest.indexOf("/");
        names.add(slash < 0 ? rest : `${rest.slice(0, slash)}/`);
      }
      return Promise.resolve([...names]);
    },
    read: (path) => Promise.resolve(files[path]),
  };
}

describe("pull request templates, where GitHub finds them", () => {
  it.each([
    [".github/pull_request_template.md"],
    [".github/PULL_REQUEST_TEMPLATE.md"],
    ["pull_request_template.md"],
    ["Pull_Request_Template.md"],
    ["docs/pull_request_template.md"],
    [".github/PULL_REQUEST_TEMPLATE/bugfix.md"],
    ["docs/pull_request_template/feature.md"],
  ])("reads %s", async (path) => {
    expect(await templatePaths(repository({ [path]: "## Why", "README.md": "hi" }), "pull request")).toEqual([path]);
  });

  it("every template in the folder discounts, and nothing else is read", async () => {
    const repo = repository({
      ".github/PULL_REQUEST_TEMPLATE/a.md": "a",
      ".github/PULL_REQUEST_TEMPLATE/b.md": "b",
      ".github/PULL_REQUEST_TEMPLATE/notes.txt": "no",
      "src/pull_request_template.md": "not a place GitHub looks",
      ".github/ISSUE_TEMPLATE/bug.md": "an issue template",
    });
    expect((await templatePaths(repo, "pull request")).sort()).toEqual([".github/PULL_REQUEST_TEMPLATE/a.md", ".github/PULL_REQUEST_TEMPLATE/b.md"]);
  });

  it(`reads at most ${MAX_TEMPLATES}`, async () => {
    const files = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`.github/PULL_REQUEST_TEMPLATE/t${i}.md`, "x"]));
    expect(await templatePaths(repository(files), "pull request")).toHaveLength(MAX_TEMPLATES);
  });
});

describe("issue templates", () => {
  it("reads Markdown templates and issue forms (.yml, .yaml), not the chooser's config", async () => {
    const repo = repository({
      ".github/ISSUE_TEMPLATE/bug.md": "## Steps",
      ".github/ISSUE_TEMPLATE/feature.yml": "body: []",
      ".github/ISSUE_TEMPLATE/question.yaml": "body: []",
      ".github/ISSUE_TEMPLATE/config.yml": "blank_issues_enabled: false",
      ".github/issue_template.md": "legacy single template",
    });
    expect((await templatePaths(repo, "issue")).sort()).toEqual([
      ".github/ISSUE_TEMPLATE/bug.md",
      ".github/ISSUE_TEMPLATE/feature.yml",
      ".github/ISSUE_TEMPLATE/question.yaml",
      ".github/issue_template.md",
    ]);
  });

  it("an issue form counts with every field's text", async () => {
    const form = [
      "name: Feature request",
      "description: Suggest an idea for the CLI",
      "body:",
      "  - type: markdown",
      "    attributes: { value: 'Thanks for taking the time to fill this out!' }",
      "  - type: textarea",
      "    attributes: { label: 'Why do you need it?', description: 'The problem behind the request', placeholder: 'I keep having to…', value: 'Because …' }",
      "  - type: input",
      "    attributes: { label: Version, placeholder: 'e.g. 2.3.1' }",
      "  - type: dropdown",
      "    attributes: { label: Platform, options: [Linux, macOS] }",
      "  - type: checkboxes",
      "    attributes: { label: Terms, options: [{ label: 'I searched existing issues' }] }",
    ].join("\n");
    const [file] = await readTemplateFiles(repository({ ".github/ISSUE_TEMPLATE/feature.yml": form }), "issue");
    const text = file?.text.split("\n\n");
    expect(text).toEqual([
      "Suggest an idea for the CLI",
      "Thanks for taking the time to fill this out!",
      "### Why do you need it?",
      "The problem behind the request",
      "I keep having to…",
      "Because …",
      "### Version",
      "e.g. 2.3.1",
      "### Platform",
      "### Terms",
      "I searched existing issues",
    ]);
  });

  it("a form that is not YAML, or not a form, has no text", () => {
    expect(issueFormText("body: [unclosed")).toBe("");
    expect(issueFormText("just a string")).toBe("");
    expect(issueFormText("body:\n  - 3\n  - null\n")).toBe("");
  });
});
