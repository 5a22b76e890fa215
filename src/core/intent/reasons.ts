import { isLetterOrDigit } from "../scan.js";
/**
 * A statement that gives no reason: only a link, only filler ("would be
 * nice", "+1", "see above"), or only the title's words again. Words are
 * compared in lower case with their punctuation dropped (`+` kept, for
 * "+1"); one pass over the words, and each filler phrase is tried at each
 * word (both lists are short and bounded by the configuration's limits).
 */
export type Reasonless = "link" | "filler" | "title";

/** Words that carry no reason on their own: articles, pronouns, pointers to elsewhere ("see the paper", "details here"). */
const SMALL_WORDS = new Set(
  (
    "a an the it it's its this that these those is are be been would will could should i we you our my me us " +
    "think just really very so to have has and also please for of in on at here there more info information details detail " +
    "see read refer check per cf ref link links url paper article docs doc documentation above below earlier before title description " +
    "discussion discussed thread issue comment comments attached following mentioned as same etc"
  ).split(" "),
);

/** Words a request adds to its title without giving a reason: "We need dark mode" for "Dark mode". */
const REQUEST_WORDS = new Set("need needs want wants like add adding added support supporting implement implementing feature request allow make new".split(" "));

/** Words that only strengthen what follows: "really nice" is as empty as "nice". */
const INTENSIFIERS = new Set("really very just quite so super truly totally".split(" "));

const isUrl = (word: string) => word.startsWith("http://") || word.startsWith("https://") || word.startsWith("www.") || word.includes("://");


/**
 * A word with punctuation trimmed from each end (a leading `+` kept, for
 * "+1"). Scanned by hand: an anchored `[^\p{L}\p{N}]+$` retries from every
 * character of a long punctuation run.
 */
function trimPunctuation(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && !isLetterOrDigit(word[start]) && word[start] !== "+") start++;
  while (end > start && !isLetterOrDigit(word[end - 1])) end--;
  return word.slice(start, end);
}

/** Lower-case words, punctuation trimmed from each end; URLs kept whole. */
export function reasonWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => (isUrl(word) ? word : trimPunctuation(word)))
    .filter((word) => word !== "");
}

/** Removes each occurrence of any phrase (as a word sequence) from `words`. */
function withoutPhrases(words: readonly string[], phrases: readonly (readonly string[])[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < words.length; ) {
    const phrase = phrases.find((p) => p.length > 0 && p.every((part, k) => words[i + k] === part));
    if (phrase) i += phrase.length;
    else kept.push(words[i++] ?? "");
  }
  return kept;
}

export function reasonlessBecause(text: string, filler: readonly string[], title: string | undefined): Reasonless | undefined {
  const words = reasonWords(text);
  // Nothing readable at all is the minimum word count's to report.
  if (!words.some((word) => [...word].some(isLetterOrDigit))) return undefined;
  const links = words.filter(isUrl);
  const phrases = filler.map(reasonWords);
  const content = withoutPhrases(
    words.filter((word) => !isUrl(word) && !INTENSIFIERS.has(word)),
    phrases,
  ).filter((word) => !SMALL_WORDS.has(word));
  if (content.length === 0) return links.length > 0 ? "link" : "filler";
  if (title !== undefined) {
    const titleWords = new Set(reasonWords(title));
    const own = content.filter((word) => !REQUEST_WORDS.has(word));
    if (own.length > 0 && own.every((word) => titleWords.has(word))) return "title";
  }
  return undefined;
}
