import { parse as parseYaml } from "yaml";
import { readDirectory, readTextFile, type RepositoryFiles } from "./files.js";
import type { TtlCache } from "./ttl-cache.js";
import type { RepoRef } from "./types.js";
import { repoKey } from "../core/repo.js";
import { countWords } from "../core/markdown.js";

export type TemplateKind = "issue" | "pull request";

/**
 * Where templates are read from: a repository on GitHub, or a checkout on
 * disk (`intentbot intent`), so that both read the same paths.
 */
export interface TemplateSource {
  /** A directory's entries by name, directories with a trailing `/`; [] when it does not exist. */
  list: (dir: string) => Promise<string[]>;
  /** A file's text, or undefined when it does not exist. */
  read: (path: string) => Promise<string | undefined>;
}

/** GitHub looks for templates in the root, `.github/` and `docs/`. */
const TEMPLATE_DIRS = [".github", "docs"];
/** Templates read per kind: enough for any real repository, and a bound on requests. */
export const MAX_TEMPLATES = 10;

const FILE_NAME: Record<TemplateKind, string> = { "pull request": "pull_request_template.md", issue: "issue_template.md" };
const FOLDER_NAME: Record<TemplateKind, string> = { "pull request": "pull_request_template/", issue: "issue_template/" };
const isTemplateInFolder = (kind: TemplateKind, name: string) => {
  const lower = name.toLowerCase();
  if (kind === "pull request") return lower.endsWith(".md");
  // An issue template folder's config.yml sets up the chooser; it is no template.
  return /\.(md|ya?ml)$/.test(lower) && !/^config\.ya?ml$/.test(lower);
};
const join = (dir: string, name: string) => (dir === "" ? name : `${dir}/${name}`);

/**
 * The paths of a repository's templates of one kind, where GitHub finds
 * them: `pull_request_template.md` (any case) in the root, `.github/` or
 * `docs/`, and every template in a `PULL_REQUEST_TEMPLATE/` folder there;
 * likewise `issue_template.md` and the `ISSUE_TEMPLATE/` folder (Markdown
 * templates and YAML issue forms).
 */
export async function templatePaths(source: TemplateSource, kind: TemplateKind): Promise<string[]> {
  const root = await source.list("");
  const dirs = ["", ...TEMPLATE_DIRS.filter((dir) => root.includes(`${dir}/`))];
  const listings = [root, ...(await Promise.all(dirs.slice(1).map((dir) => source.list(dir))))];
  const paths: string[] = [];
  const folders: string[] = [];
  listings.forEach((entries, i) => {
    const dir = dirs[i] ?? "";
    for (const entry of entries) {
      if (entry.toLowerCase() === FILE_NAME[kind]) paths.push(join(dir, entry));
      else if (entry.toLowerCase() === FOLDER_NAME[kind]) folders.push(join(dir, entry.slice(0, -1)));
    }
  });
  const inFolders = await Promise.all(folders.map(async (folder) => (await source.list(folder)).filter((name) => isTemplateInFolder(kind, name)).map((name) => join(folder, name))));
  return [...paths, ...inFolders.flat()].slice(0, MAX_TEMPLATES);
}

/** Every field's text in an issue form's shape, as far as it is one; anything else is skipped. */
interface FormField {
  type?: unknown;
  attributes?: { label?: unknown; description?: unknown; placeholder?: unknown; value?: unknown; options?: unknown };
}

const texts = (...values: unknown[]): string[] => values.filter((value): value is string => typeof value === "string");

/**
 * The text an issue form puts before its author (YAML forms): every field's
 * label (as the heading GitHub renders it as), description, placeholder and pre-filled value, the markdown blocks,
 * and the options of checkboxes (a dropdown's option is in a body only when chosen). An author who leaves any of it
 * unchanged has not written it.
 */
/** The fewest words of a dropdown option that is a sentence the form wrote, not a name the author picked. */
const MIN_SENTENCE_OPTION = 6;

export function issueFormText(yaml: string): string {
  try {
    const form = parseYaml(yaml) as { description?: unknown; body?: unknown } | null;
    const fields = Array.isArray(form?.body) ? (form.body as FormField[]) : [];
    return [
      ...texts(form?.description),
      ...fields.flatMap((field) => {
        const a = field?.attributes ?? {};
        // A dropdown's option appears in a body only when the author chose it: a short one is their answer ("Who is this for?" →
        // "Administrators"). A sentence the form wrote for them to pick ("No, I don't have the time and I'm okay to wait for the
        // community / maintainers …") is still the form's words.
        const choice = field?.type === "dropdown";
        const all = Array.isArray(a.options) ? (a.options as unknown[]).flatMap((option) => texts(option, (option as { label?: unknown } | null)?.label)) : [];
        const options = choice ? all.filter((option) => countWords(option) >= MIN_SENTENCE_OPTION) : all;
        // GitHub shows each answer under its label as a `###` heading: read it so, as a question the form asks.
        return [...texts(a.label).map((label) => `### ${label}`), ...texts(a.description, a.placeholder, a.value), ...options];
      }),
    ].join("\n\n");
  } catch {
    return "";
  }
}

/** A repository's templates of one kind, each with its path (issue forms as their text), in the order found. */
export async function readTemplateFiles(source: TemplateSource, kind: TemplateKind): Promise<{ path: string; text: string }[]> {
  const paths = await templatePaths(source, kind);
  const files = await Promise.all(paths.map((path) => source.read(path)));
  return files.flatMap((text, i) => {
    const path = paths[i] ?? "";
    return text === undefined ? [] : [{ path, text: /\.ya?ml$/i.test(path) ? issueFormText(text) : text }];
  });
}

/**
 * The repository's templates of one kind, so that text left unchanged from
 * them does not count as the author's. Cached briefly, and directory listings
 * too, so both kinds share them: templates rarely change.
 */
export function readTemplates(files: RepositoryFiles, cache: TtlCache<string[]>, repo: RepoRef, kind: TemplateKind): Promise<string[]> {
  const key = repoKey(repo);
  const source: TemplateSource = {
    list: (dir) => cache.get(`${key}:dir:${dir}`, async () => (await readDirectory(files, repo, dir)).map((entry) => (entry.type === "dir" ? `${entry.name}/` : entry.name))),
    read: (path) => readTextFile(files, repo, path),
  };
  return cache.get(`${key}:${kind}`, async () => (await readTemplateFiles(source, kind)).map((file) => file.text));
}
