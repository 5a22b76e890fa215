import { MAX_BODY_LENGTH } from "../markdown/bound.js";
import { isLetterOrDigit, skipSpaces } from "../scan.js";

/** GitHub's closing keywords: a merged PR whose description says `Fixes #12` closes issue 12. */
const KEYWORDS = ["closes", "closed", "close", "fixes", "fixed", "fix", "resolves", "resolved", "resolve"];
/** Enough to classify a PR; a description naming more is not read further. */
const MAX_CLOSED = 20;

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";

/** The issue number of `#12` or `owner/repo#12` (this repository only) at `at`, or undefined. */
function referenceAt(text: string, at: number, repo: string): number | undefined {
  let hash = at;
  if (text[at] !== "#") {
    if (text.slice(at, at + repo.length + 1) !== `${repo}#`) return undefined;
    hash = at + repo.length;
  }
  let end = hash + 1;
  while (end - hash <= 9 && isDigit(text[end])) end++;
  if (end === hash + 1 || isLetterOrDigit(text[end])) return undefined;
  const issue = Number(text.slice(hash + 1, end));
  return issue > 0 ? issue : undefined;
}

/**
 * The issues of `repo` (`owner/name`) a PR description closes with GitHub's
 * keywords (`Closes #12`, `fixes: owner/name#3`), read in one linear pass.
 */
export function closedIssues(body: string | null | undefined, repo: string): number[] {
  const text = (body ?? "").slice(0, MAX_BODY_LENGTH).toLowerCase();
  const ownRepo = repo.toLowerCase();
  const found = new Set<number>();
  for (let at = 0; at < text.length && found.size < MAX_CLOSED; at++) {
    if (!"cfr".includes(text.charAt(at)) || isLetterOrDigit(text[at - 1])) continue;
    const keyword = KEYWORDS.find((k) => text.startsWith(k, at));
    if (!keyword) continue;
    let next = at + keyword.length;
    if (text[next] === ":") next++;
    const start = skipSpaces(text, next);
    if (start === next) continue;
    const issue = referenceAt(text, start, ownRepo);
    if (issue !== undefined) found.add(issue);
    at = start - 1;
  }
  return [...found];
}
