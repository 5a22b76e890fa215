import { parse as parseYaml } from "yaml";
import { listDirectory, readTextFile } from "./files.js";
import type { Services } from "./services.js";
import type { GitHub, RepoRef } from "./types.js";

export type TemplateKind = "issue" | "pull request";

const PULL_REQUEST_TEMPLATE = ".github/pull_request_template.md";
const ISSUE_TEMPLATE_DIR = ".github/ISSUE_TEMPLATE";
const MAX_ISSUE_TEMPLATES = 10;

/** The text an issue form pre-fills: its headings and default values (YAML forms). */
function issueFormText(yaml: string): string {
  try {
    const form = parseYaml(yaml) as { body?: { attributes?: { label?: unknown; value?: unknown } }[] } | null;
    return (form?.body ?? [])
      .flatMap((item) => [item.attributes?.label, item.attributes?.value])
      .filter((text): text is string => typeof text === "string")
      .join("\n\n");
  } catch {
    return "";
  }
}

/**
 * The repository's templates of one kind, so that text left unchanged from
 * them does not count as the author's. Cached briefly: they rarely change.
 */
export function readTemplates(octokit: GitHub, services: Services, repo: RepoRef, kind: TemplateKind): Promise<string[]> {
  const key = `${repo.owner}/${repo.repo}:${kind}`.toLowerCase();
  return services.templates.get(key, async () => {
    if (kind === "pull request") {
      const text = await readTextFile(octokit, repo, PULL_REQUEST_TEMPLATE);
      return text === undefined ? [] : [text];
    }
    const paths = (await listDirectory(octokit, repo, ISSUE_TEMPLATE_DIR))
      .filter((path) => /\.(md|ya?ml)$/i.test(path) && !/\/config\.ya?ml$/i.test(path))
      .slice(0, MAX_ISSUE_TEMPLATES);
    const texts = await Promise.all(paths.map((path) => readTextFile(octokit, repo, path)));
    return texts.flatMap((text, i) => (text === undefined ? [] : [/\.ya?ml$/i.test(paths[i] ?? "") ? issueFormText(text) : text]));
  });
}
