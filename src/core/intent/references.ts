import { maskIgnoredBlocks, stripHtmlComments } from "../markdown.js";
import { compileUserRegex } from "../user-regex.js";

export interface IssueReference {
  owner: string;
  repo: string;
  number: number;
  /** Named with a closing keyword (`Closes #12`). */
  closing: boolean;
}

export interface References {
  issues: IssueReference[];
  /** External ticket keys or URLs, as written. */
  external: string[];
}

// `Fixes #1`, `Fixes: #1`, `Fixes : #1`, written so that no two quantifiers
// can share a character: `\s*:?\s+` retried every split of a long blank run.
const CLOSING = String.raw`(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)(?::\s+|\s+(?::\s+)?)`;
const NAME = String.raw`[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})`;
const REPO_NAME = String.raw`[A-Za-z0-9._-]{1,100}`;
const REFERENCE = new RegExp(
  String.raw`(?<closing>\b${CLOSING})?(?:https://github\.com/(?<urlOwner>${NAME})/(?<urlRepo>${REPO_NAME})/(?:issues|pull)/(?<urlNumber>\d+)\b|(?<![\w/&.-])(?:(?<owner>${NAME})/(?<repo>${REPO_NAME}))?#(?<number>\d+)\b)`,
  "gi",
);

export const MAX_ISSUE_REFERENCES = 10;
/** Matches read per configured external pattern, so one pattern cannot flood a comment. */
export const MAX_EXTERNAL_MATCHES = 20;

/**
 * The tickets a body links: GitHub issues and PRs (`#12`, `owner/repo#12`,
 * issue URLs, with or without closing keywords) and external tickets matching
 * the configured patterns (at most MAX_EXTERNAL_MATCHES each). Code, quotes and
 * HTML comments are not read.
 */
export function findReferences(
  body: string | null | undefined,
  here: { owner: string; repo: string },
  externalPatterns: readonly string[] = [],
): References {
  const text = maskIgnoredBlocks(stripHtmlComments((body ?? "").replace(/\r\n?/g, "\n")));
  const byKey = new Map<string, IssueReference>();
  for (const match of text.matchAll(REFERENCE)) {
    const g = match.groups ?? {};
    const owner = g.urlOwner ?? g.owner ?? here.owner;
    const repo = g.urlRepo ?? g.repo ?? here.repo;
    const number = Number(g.urlNumber ?? g.number);
    if (!Number.isSafeInteger(number) || number <= 0) continue;
    const key = `${owner}/${repo}#${number}`.toLowerCase();
    const existing = byKey.get(key);
    if (existing) existing.closing ||= Boolean(g.closing);
    else if (byKey.size < MAX_ISSUE_REFERENCES) byKey.set(key, { owner, repo, number, closing: Boolean(g.closing) });
  }
  const external = new Set<string>();
  for (const pattern of externalPatterns) {
    // Patterns come from configuration: a linear-time engine, and one that does not compile is
    // skipped here (config validation reports it).
    const compiled = compileUserRegex(pattern);
    if (!compiled.ok) continue;
    for (const match of compiled.regex.matches(text, MAX_EXTERNAL_MATCHES)) external.add(match);
  }
  // Closing references first: they name the issue the change is for.
  const issues = [...byKey.values()].sort((a, b) => Number(b.closing) - Number(a.closing));
  return { issues, external: [...external] };
}

/** Whether two references name the same repository (GitHub's names ignore case). */
export function sameRepository(a: { owner: string; repo: string }, b: { owner: string; repo: string }): boolean {
  return a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase();
}

/** `#45` in its own repository, `owner/repo#45` elsewhere. */
export function referenceLabel(ref: { owner: string; repo: string; number: number }, here: { owner: string; repo: string }): string {
  return sameRepository(ref, here) ? `#${ref.number}` : `${ref.owner}/${ref.repo}#${ref.number}`;
}
