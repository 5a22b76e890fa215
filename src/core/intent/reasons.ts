import { isLetterOrDigit } from "../scan.js";
import { findUserStory, isWishStory } from "./user-story.js";
import { sentencesOf, wordsOf } from "./prose-who.js";
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
    "discussion discussed thread issue comment comments attached following mentioned as same etc context " +
    // Places a change was talked over point there too: "As discussed on the forum: <link>".
    "forum forums discord slack gitter irc chat " +
    // What is posted there: "see forum post", "see the ticket", "details in the PR".
    "post posts posted ticket tickets pr mr reply replies " +
    // A title said to speak for itself: "Title says it all.", "The title explains it all".
    "says say explains explain all too summary " +
    // Praise names no consequence: "It will make the tool better" is as empty as "better".
    "make makes making tool app application product project library software experience everyone everybody overall things thing lot much"
  ).split(" "),
);

/** Words a request adds to its title without giving a reason: "We need dark mode" for "Dark mode". */
const REQUEST_WORDS = new Set("need needs want wants like add adding added support supporting implement implementing feature request allow make new".split(" "));

/** Words that only strengthen what follows: "really nice" is as empty as "nice". */
const INTENSIFIERS = new Set("really very just quite so super truly totally".split(" "));

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";
/** A link, or a reference to an issue or pull request ("#18234", "(#12)."), which points elsewhere as a link does. */
const isUrl = (word: string) =>
  word.startsWith("http://") || word.startsWith("https://") || word.startsWith("www.") || word.includes("://") || (word.startsWith("#") && isDigit(word[1])) || (word.startsWith("(#") && isDigit(word[2]));


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

/** The shortest word whose "-full" is taken for "-ful" ("usefull"): not "full" or "awfull"-length stems of one letter. */
const MIN_FULL_WORD = 7;
/**
 * "usefull", "helpfull", "powerfull": the suffix "-ful" spelled "-full", as
 * often typed, read as "-ful" so praise misspelled is still praise.
 */
const mendFul = (word: string) => (word.length >= MIN_FULL_WORD && word.endsWith("full") ? word.slice(0, -1) : word);

/** Lower-case words, punctuation trimmed from each end, "-full" read as "-ful"; URLs kept whole. */
export function reasonWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => (isUrl(word) ? word : mendFul(trimPunctuation(word))))
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

/** Each filler list's phrases as words, read once per list: a why field's every line is tried against them. */
const fillerWords = new WeakMap<readonly string[], string[][]>();
function phrasesOf(filler: readonly string[]): string[][] {
  let phrases = fillerWords.get(filler);
  if (!phrases) fillerWords.set(filler, (phrases = filler.map(reasonWords)));
  return phrases;
}

export function reasonlessBecause(text: string, filler: readonly string[], title: string | undefined, hasCue = false): Reasonless | undefined {
  const words = reasonWords(text);
  // Nothing readable at all is the minimum word count's to report.
  if (!words.some((word) => [...word].some(isLetterOrDigit))) return undefined;
  const links = words.filter(isUrl);
  const phrases = phrasesOf(filler);
  const content = withoutPhrases(
    words.filter((word) => !isUrl(word) && !INTENSIFIERS.has(word)),
    phrases,
  ).filter((word) => !SMALL_WORDS.has(word));
  if (content.length === 0) return links.length > 0 ? "link" : "filler";
  // "See the Canny post.", "Refer to the RFC thread": a short pointer elsewhere, wherever it points.
  if (!hasCue && POINTERS.has(words[0] ?? "") && words.length <= MAX_POINTER_WORDS) return links.length > 0 ? "link" : "filler";
  if (title !== undefined && restatesTitle(content, title, hasCue)) return "title";
  // "We need this", "I want it": a request with nothing else is no reason.
  if (content.every((word) => REQUEST_WORDS.has(word) || WISH_WORDS.has(word))) return "filler";
  return undefined;
}

/** Words that open a pointer to elsewhere: "See the Canny post.", "Refer to the RFC.", "Cf. the thread". */
const POINTERS = new Set(["see", "refer", "cf", "ref"]);
/** The most words a pointer runs to: "See the Canny post for the votes" points; a longer sentence may say more. */
const MAX_POINTER_WORDS = 6;

/** Words that frame a wish or a complaint about the missing feature: "I wish I could …", "I'm always frustrated when I can't …". */
const WISH_WORDS = new Set("wish wished could can can't cannot able unable frustrated annoyed always when whenever i'm im i'd like love use using with way possible if there's option".split(" "));

/** A word as the title is compared: lower case, a plural's `s` dropped. */
const stem = (word: string) => (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word);

/** A title's words, split at punctuation too ("bind:this" is "bind" and "this"), stemmed. */
function titleWordsOf(title: string): Set<string> {
  const words = new Set<string>();
  for (const word of reasonWords(title)) {
    words.add(stem(word));
    for (const part of word.split(/[^\p{L}\p{N}]+/u)) if (part) words.add(stem(part));
  }
  return words;
}

/** The share of a statement's own words that must be the title's for it to restate the title. */
const TITLE_SHARE = 0.6;

/**
 * Whether a statement's own words (request and wish words aside) are the
 * title's again: two words written as one in the title ("skip rows" for
 * "skiprows") count. With a problem cue ("I can't bind to a snippet" under
 * "Bind to snippets") every word must be the title's, since the only problem
 * stated is the missing feature; without one, most of them.
 */
function restatesTitle(content: readonly string[], title: string, hasCue: boolean): boolean {
  const titleWords = titleWordsOf(title);
  const own = content.filter((word) => !REQUEST_WORDS.has(word) && !WISH_WORDS.has(word));
  if (own.length === 0) return false;
  let shared = 0;
  for (let i = 0; i < own.length; i++) {
    const word = own[i] ?? "";
    if (titleWords.has(stem(word))) shared++;
    else if (titleWords.has(stem(word + (own[i + 1] ?? ""))) || (i > 0 && titleWords.has(stem((own[i - 1] ?? "") + word)))) shared++;
  }
  return hasCue ? shared === own.length : shared >= TITLE_SHARE * own.length;
}

/** The share of a benefit's own words that, found in the want again, make it a restatement: half ("so that I can draw radar charts in Mermaid" after "I want a radar chart diagram type"). */
const RESTATING_SHARE = 0.5;

/** Words a story's benefit may add to its want without saying anything more: "so that I have one", "so that there is a helper", "for each file". */
const HAVING = new Set("have has get gets got there is are be can could use using each every all any".split(" "));

/**
 * A wish story's want and benefit: "As a <persona>, I want <want> so that
 * <benefit>", the persona opened by "As a" or by "As someone who …" (a wish
 * story, see user-story.ts), split at its first "so that".
 */
function wantAndBenefit(line: string): { want: string; benefit: string } | undefined {
  const story = findUserStory(line);
  if (story) return { want: line.slice(0, line.length - story.benefit.length), benefit: story.benefit };
  if (!isWishStory(line)) return undefined;
  const at = line.toLowerCase().indexOf(" so that ");
  return at < 0 ? undefined : { want: line.slice(0, at), benefit: line.slice(at + " so that ".length) };
}

/** A want's words and their parts: the flag `--git-status` is "git" and "status" too. */
function wantWordsOf(want: string): Set<string> {
  const words = new Set<string>();
  for (const word of reasonWords(want)) {
    words.add(rootOf(word));
    for (const part of word.split(/[^\p{L}\p{N}]+/u)) if (part) words.add(rootOf(part));
  }
  return words;
}

/**
 * Whether a user story's "so that" only restates its want: "As a library
 * maintainer, I want a `useId()` helper so that I have a `useId()` helper in
 * core", "As someone who reviews in the terminal, I want a `--git-status`
 * flag on `ls` so that I can see the git status in `ls`". Most of the
 * benefit's own words (small and having words aside) are the want's words
 * again. One pass over the line's words.
 */
export function benefitRestatesWant(line: string): boolean {
  const story = wantAndBenefit(line);
  if (!story) return false;
  const want = wantWordsOf(story.want);
  const own = reasonWords(story.benefit).filter((word) => !SMALL_WORDS.has(word) && !HAVING.has(word) && !REQUEST_WORDS.has(word) && !WISH_WORDS.has(word));
  if (own.length === 0) return true;
  return own.filter((word) => want.has(rootOf(word))).length >= RESTATING_SHARE * own.length;
}

/** The shortest root left once an ending is dropped: "used" is not "us". */
const MIN_ROOT = 3;
/** A doubled consonant is undoubled only on a longer root: "pinn" → "pin", but "add" stays. */
const MIN_DOUBLED_ROOT = 4;
const isConsonant = (ch: string | undefined) => ch !== undefined && ch >= "a" && ch <= "z" && !"aeiou".includes(ch);
const withoutFinalE = (word: string) => (word.length > MIN_ROOT && word.endsWith("e") ? word.slice(0, -1) : word);

/**
 * A word with its inflection dropped, so a benefit that says the want again
 * in another form matches it: "pin" and "pinned", "share" and "shared",
 * "sort" and "sorting", "issue" and "issues". A doubled consonant left by
 * the ending is undoubled ("pinned" → "pin"), and a final "e" is dropped from
 * every root alike. Not a stemmer: a few endings, looked at once.
 */
function rootOf(word: string): string {
  const plain = stem(word);
  const ending = plain.endsWith("ing") ? 3 : plain.endsWith("ed") ? 2 : 0;
  if (ending === 0 || plain.length - ending < MIN_ROOT) return withoutFinalE(plain);
  const root = plain.slice(0, -ending);
  const last = root[root.length - 1];
  const doubled = root.length >= MIN_DOUBLED_ROOT && isConsonant(last) && root[root.length - 2] === last && last !== "s" && last !== "l";
  return withoutFinalE(doubled ? root.slice(0, -1) : root);
}

/** Verbs a description of the change starts with: "Adds X", "Bumps Y", "Raises the default", "Refactors Z", "Allow X". */
const CHANGE_VERBS = new Set(
  (
    "add adds added adding bump bumps bumped raise raises raised lower lowers lowered refactor refactors refactored update updates updated " +
    "remove removes removed rename renames renamed move moves moved change changes changed replace replaces replaced introduce introduces " +
    "implement implements implemented upgrade upgrades upgraded switch switches switched increase increases increased decrease decreases " +
    "decreased set sets use uses clean cleans cleanup tweak tweaks tweaked extract extracts split splits merge merges drop drops dropped " +
    "delete deletes deleted enable enables disable disables document documents adjust adjusts " +
    // A feature request's pitch says what to do the same way: "Allow a description on header images." (Not "support":
    // as often the team, "Support keeps getting tickets about …".)
    "allow allows include includes provide provides expose exposes accept accepts publish publishes"
  ).split(" "),
);
/** Words that name what a change is before its verb: "This PR adds …". */
const CHANGE_SUBJECTS = new Set("this the pr change commit patch mr diff it".split(" "));
/**
 * A description of the change longer than this is left to the reader: it may
 * well explain itself. One sentence may run longer than several together: a
 * why of several sentences is read sentence by sentence by the audience rule
 * (judge.ts), so that "Adds X. This is for admins who …" is named for its
 * audience, not for its change.
 */
const MAX_CHANGE_WORDS = 30;
const MAX_CHANGE_WORDS_IN_SENTENCES = 16;

/** What occasioned a change, which is no product reason: "created because of a typo". */
const TRIGGERS = new Set("typo typos spelling grammar lint linter linting warning warnings nit nits whitespace formatting format style review feedback".split(" "));
/** The words around a trigger: "created because of a", "fixes a small". */
const TRIGGER_FRAME = new Set(
  "because of due to created opened made found noticed spotted caused by fix fixes fixing fixed correct corrects correcting simple small minor tiny just there was were a an the this pr in".split(" "),
);

/**
 * Words of filler phrases that are no praise: pointers ("see above", "as
 * discussed", "same as title"), votes and empty causes. Beside other words
 * they point at a reason or vote for one ("As discussed in the standup, …"),
 * which the other rules judge; only praise empties a statement.
 */
const NOT_PRAISE = new Set(["see", "discussed", "title", "+1", "too", "here", "why", "explanatory", "because", "needed", "obviously"]);

/** Verbs that report a request: "because developers asked for it" says who wanted it, not why. */
const REQUEST_VERBS = new Set(["asked", "requested", "wanted", "suggested", "demanded"]);
/** How many words a "because" clause that only reports a request may run: "because developers on Windows asked for it". */
const MAX_REQUEST_CLAUSE = 8;

/** Where or by whom it was asked: "requested in the forum", "asked for by two customers on the call". */
const WHERE_ASKED = new Set(["in", "on", "by", "from", "at", "via", "during", "for"]);
const MAX_WHERE_ASKED = 6;

/**
 * Verbs that report who opened the change: "because the Renovate bot opened
 * it", "because Dependabot created this". Only with the change itself as
 * their object: "because the importer created duplicate rows" is a problem.
 */
const OPENING_VERBS = new Set(["opened", "created", "filed", "submitted", "generated", "flagged", "raised", "proposed"]);
const THE_CHANGE = new Set(["it", "this", "one", "them", "the", "pr", "mr", "change", "patch", "bump", "upgrade"]);

/** Who opens a change that no person asked for: "generated by a bot", "opened by Renovate". */
const BOTS = new Set(["bot", "bots", "dependabot", "renovate", "automation", "ci", "workflow", "action"]);
const MAX_BOT_WORDS = 4;

/**
 * Whether the words after `at` (a "because", or -1 for the start of a
 * statement) only report what occasioned the change: a request verb, then at
 * most "for it" or where it was asked before the text ends ("because
 * developers asked for it", "Requested by a few people on the forum."), or an
 * opening verb with only the change after it.
 */
export function onlyTheOccasion(words: readonly string[], at: number): boolean {
  for (let k = at + 1; k < words.length && k <= at + MAX_REQUEST_CLAUSE; k++) {
    const rest = words.length - k - 1;
    if (REQUEST_VERBS.has(words[k] ?? "")) return rest <= 2 || (rest <= MAX_WHERE_ASKED && WHERE_ASKED.has(words[k + 1] ?? ""));
    if (OPENING_VERBS.has(words[k] ?? "") && rest <= 2 && words.slice(k + 1).every((word) => THE_CHANGE.has(word))) return true;
    // "because it is generated by a bot", "because Renovate opened it": the author is a bot.
    if (OPENING_VERBS.has(words[k] ?? "") && words[k + 1] === "by" && rest <= MAX_BOT_WORDS && BOTS.has(words[words.length - 1] ?? "")) return true;
  }
  return false;
}

/**
 * Phrases that report what occasioned a change, whatever carries them: who
 * asked or voted ("asked for by data engineers", "as agreed in the dev@
 * thread"), where it was talked over ("came up on the forum", "per the
 * discussion in #12"), or that a bot did not do it ("the update bot hasn't
 * opened it"). A sentence of such words, with no problem or benefit stated
 * (the caller found no reason cue), says what led to the change, not why it
 * is needed.
 */
const OCCASIONS = phraseIndexOf([
  "agreed", "voted", "vote", "asked for", "asked about", "requested", "as asked", "asked in review", "asked in the review",
  // Asked, said in the passive: "This was asked a few times in the chat", "It gets asked on every release".
  "was asked", "were asked", "been asked", "is asked", "gets asked", "get asked", "suggested",
  // Raised, said in the passive: "This was raised at the SIG meeting by operators …". ("raised `ValueError`" is active.)
  "was raised", "were raised", "been raised", "is raised", "got raised", "proposed", "discussed", "decided", "consensus",
  "per the discussion", "per the thread", "per discussion", "following the discussion",
  // A maintainer's leave to send it: "Matt said on the forum he would accept a PR for this".
  "accept a pr", "accept a patch", "accept prs", "accept patches", "welcome a pr", "welcomes prs", "open to a pr", "take a pr",
  "hasn't opened", "has not opened", "didn't open", "hasn't picked", "has not picked", "didn't pick", "hasn't bumped", "didn't bump",
]);
/** Verbs that report an occasion with "up" a few words on: "came up", "brought this up", "picked this one up". */
const UP_VERBS = new Set(["came", "come", "comes", "brought", "bring", "picked"]);
/** How far "up" may follow such a verb: over "this one". */
const MAX_TO_UP = 3;
/** A why of more sentences than this, or longer, is left to the other rules: it says more than what led to the change. */
const MAX_OCCASION_SENTENCES = 4;
const MAX_OCCASION_CHARS = 600;

function phraseIndexOf(phrases: readonly string[]): Map<string, string[][]> {
  const index = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const parts = phrase.split(" ");
    index.set(parts[0] ?? "", [...(index.get(parts[0] ?? "") ?? []), parts]);
  }
  return index;
}

/**
 * What follows "so" when it only reports posting the change or the issue:
 * "…, so opening an issue to track it", "so I'm filing this", "so here's a
 * PR". Posting is what the author did next, not an outcome.
 */
const POSTING = new Set("opening open opened filing file filed creating created raising raised submitting submitted sending sent tracking posting posted here here's".split(" "));
/** Words a posting may come after: "so I'm opening", "so we are filing". */
const POSTERS = new Set(["i", "i'm", "im", "we", "we're", "am", "are", "i've", "we've", "just"]);
const MAX_POSTERS = 2;

/** Whether the "so" at `at` goes on to report posting: a couple of words looked at. */
export function reportsPosting(words: readonly string[], at: number): boolean {
  let k = at + 1;
  while (k <= at + MAX_POSTERS && POSTERS.has(words[k] ?? "")) k++;
  return POSTING.has(words[k] ?? "");
}

/** Whether the words report an occasion: one look-up per word, and a few words ahead for "up". */
export function reportsOccasion(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? "";
    if ((OCCASIONS.get(word) ?? []).some((parts) => parts.every((part, k) => words[i + k] === part))) return true;
    if (UP_VERBS.has(word)) for (let k = i + 1; k <= i + MAX_TO_UP && k < words.length; k++) if (words[k] === "up") return true;
  }
  return false;
}

/** Words that join two clauses each stating something: "Storage grows by 2 TB a month, and admins have asked for a way to reclaim it." */
const JOINING = new Set(["and", "but", "while", "whereas"]);
/** Words that open a frame before the sentence's own clause: "As discussed in the standup, the sync job needs a retry option." */
const FRAMING = new Set(["as", "per", "following", "after"]);
const endsClause = (token: string) => token.endsWith(",") || token.endsWith(";") || token.endsWith(":");

/**
 * A sentence's clauses that each state something, as text: split where a
 * clause ends and "and", "but" or "while" opens the next, and after a
 * leading frame ("As agreed in the thread:", "Per the vote,"). Split at
 * whitespace, so a link stays whole. One pass.
 */
function statingClauses(sentence: string): string[] {
  const clauses: string[] = [];
  let clause: string[] = [];
  const framed = FRAMING.has(reasonWords(sentence.slice(0, sentence.indexOf(" ") >>> 0))[0] ?? "");
  for (const token of sentence.split(/\s+/u)) {
    if (token === "") continue;
    const last = clause[clause.length - 1];
    const frameEnds = framed && clauses.length === 0;
    if (last !== undefined && endsClause(last) && (frameEnds || JOINING.has(reasonWords(token)[0] ?? ""))) {
      clauses.push(clause.join(" "));
      clause = [];
    }
    clause.push(token);
  }
  if (clause.length > 0) clauses.push(clause.join(" "));
  return clauses;
}

/** Whether a clause says nothing by the other rules: a link, filler, the change described. */
const saysNothing = (text: string, filler: readonly string[]) => reasonlessBecause(text, filler, undefined) !== undefined || notAReason(text, false, filler) !== undefined;

/**
 * "This came up on the forum last week, so opening an issue to track it.",
 * "Manual bump, the update bot hasn't picked this one up yet.", "Adds the
 * flag. Requested in #812.": a why whose sentences and clauses each report
 * an occasion or say nothing more than the change, a link or filler, with
 * at least one occasion. A clause joined by "and" or after a frame must do
 * so too: "Storage grows by 2 TB a month, and admins have asked for a way
 * to reclaim it" and "As discussed in the standup, the sync job needs a
 * retry option" say more than what led to the change. A few short
 * sentences at most.
 */
const reportsOnlyOccasions = (text: string, filler: readonly string[]) => onlyClausesThat(text, filler, (clause) => reportsOccasion(reasonWords(clause)));

/**
 * Whether each sentence's clauses (see `statingClauses`) either do what
 * `states` asks or say nothing (a link, filler, the change), with at least
 * one that does. A why of one sentence of one clause that does not is left
 * to the other rules (which read clauses through here again). A few short
 * sentences at most.
 */
function onlyClausesThat(text: string, filler: readonly string[], states: (clause: string) => boolean): boolean {
  if (text.length > MAX_OCCASION_CHARS) return false;
  const sentences = sentencesOf(text);
  if (sentences.length > MAX_OCCASION_SENTENCES) return false;
  let stated = false;
  for (const sentence of sentences) {
    const clauses = statingClauses(sentence);
    for (const clause of clauses) {
      if (states(clause)) stated = true;
      else if (clauses.length === 1 && sentences.length === 1) return false;
      else if (!saysNothing(clause, filler)) return false;
    }
  }
  return stated;
}

/**
 * People named by no more than what they are, who want or would gain:
 * "Users want …", "Everyone would benefit from …", "many people would like
 * it". Who wants it, or that it pleases, is no problem stated. Not "need
 * to": "Users need to restart the server after each change" is toil.
 */
const BARE_GROUPS = new Set("users user people everyone everybody folks customers developers devs someone somebody anyone anybody community".split(" "));
/** Words that may stand before such a group in its clause: "I think many people …", "and most users …". */
const BEFORE_GROUP = new Set("i think believe guess bet am sure and but so also probably surely certainly definitely many most lots lot a of all the our some plenty".split(" "));
/** Words between the group and its verb: "would really", "will all", "would definitely", "lots of people there want it". */
const BEFORE_WANTING = new Set("would will could might do does really all definitely surely certainly also probably greatly there here".split(" "));
const WANTING = new Set("want wants wanted like love loves appreciate appreciates enjoy enjoys welcome welcomes benefit benefits need needs expect expects".split(" "));
const MAX_BEFORE_GROUP = 5;
const MAX_TO_WANTING = 3;

/** Whether a comma clause's words are a bare group wanting or gaining something: a few words looked at. */
function bareGroupWants(words: readonly string[]): boolean {
  let group = 0;
  while (group < words.length && group < MAX_BEFORE_GROUP && BEFORE_GROUP.has(words[group] ?? "")) group++;
  if (!BARE_GROUPS.has(words[group] ?? "")) return false;
  let verb = group + 1;
  while (verb <= group + MAX_TO_WANTING && BEFORE_WANTING.has(words[verb] ?? "")) verb++;
  const wanting = words[verb] ?? "";
  return WANTING.has(wanting) && !((wanting === "need" || wanting === "needs") && words[verb + 1] === "to");
}

/**
 * Whether a clause only says a bare group wants or gains the change, its
 * comma clauses each doing so or saying nothing: "That would be cool, I
 * think many people would like it."
 */
function onlyDemandClause(clause: string, filler: readonly string[]): boolean {
  let wants = false;
  let part: string[] = [];
  const parts: string[][] = [];
  for (const word of wordsOf(clause)) {
    part.push(word.text);
    if (word.endsClause) {
      parts.push(part);
      part = [];
    }
  }
  if (part.length > 0) parts.push(part);
  for (const words of parts) {
    if (bareGroupWants(reasonWords(words.join(" ")))) wants = true;
    // Filler only ("That would be cool"): the other rules would read this clause again.
    else if (reasonlessBecause(words.join(" "), filler, undefined) === undefined) return false;
  }
  return wants;
}

/**
 * "Users want `trimboth` to accept `axis=None`.", "Everyone would benefit
 * from a native JSON type.": a why whose only statement is that a bare
 * group wants or would gain it, beside clauses that say nothing.
 */
const onlyDemand = (text: string, filler: readonly string[]) => onlyClausesThat(text, filler, (clause) => onlyDemandClause(clause, filler));

/** Labels of maintenance that give no reason: "Cleanup", "Refactoring", "Chore". */
const MAINTENANCE = new Set(
  "cleanup cleanups clean-up clean up refactor refactors refactoring chore chores housekeeping maintenance tidy tidy-up tidying misc miscellaneous code internal minor polish restructure restructuring".split(" "),
);

/**
 * "Cleanup", or a template's question answered on its own line ("… why is
 * this PR needed? cleanup"): a why whose statements, questions aside, are
 * only a label of maintenance. Each line's sentences read once.
 */
function onlyMaintenanceLabel(text: string): boolean {
  if (text.length > MAX_OCCASION_CHARS) return false;
  let labelled = false;
  for (const line of text.split("\n")) {
    for (const sentence of sentencesOf(line)) {
      if (sentence.endsWith("?")) continue;
      const words = reasonWords(sentence).filter((word) => !SMALL_WORDS.has(word) && !CHANGE_SUBJECTS.has(word));
      if (!words.every((word) => MAINTENANCE.has(word))) return false;
      if (words.length > 0) labelled = true;
    }
  }
  return labelled;
}

/** How far after "because of" / "due to" the trigger may be named: "because of a typo in the help text". */
const TRIGGER_REACH = 3;

/**
 * "created because of a typo in the help text", "due to a lint warning": a
 * cause that is only a trigger, with other words after it. Any other
 * "because" in a statement without a reason cue is one the cue reader set
 * aside ("because of the size", "because developers asked for it": see
 * prose-why.ts): a cause or a request, with no outcome.
 */
function occasionedOnly(words: readonly string[]): boolean {
  for (let i = 0; i + 1 < words.length; i++) {
    const cause = (words[i] === "because" && words[i + 1] === "of") || (words[i] === "due" && words[i + 1] === "to");
    if (!cause) continue;
    for (let k = i + 2; k < words.length && k <= i + 1 + TRIGGER_REACH; k++) if (TRIGGERS.has(words[k] ?? "")) return true;
  }
  return words.includes("because");
}

/** Words that rank a thing without saying what depends on it: "Timers are core.", "This is essential." */
/** Not "required" or "needed": "After each change a restart is required" states a cost. */
const IMPORTANCE = new Set("core essential important crucial fundamental vital key central critical".split(" "));
const COPULAS = new Set(["is", "are", "was", "were", "be", "it's", "that's", "feels", "seems", "seem"]);
/** A short sentence, or it may say more than the rank: "Timers are core to every test that debounces input" is left to the other rules. */
const MAX_IMPORTANCE_WORDS = 8;

/**
 * "Timers are core.", "This is really important.": a statement that only
 * ranks its subject, ending on the rank after "is" / "are" (intensifiers
 * between), names no consequence. The last few words are looked at.
 */
function assertsImportanceOnly(words: readonly string[]): boolean {
  if (words.length > MAX_IMPORTANCE_WORDS || !IMPORTANCE.has(words[words.length - 1] ?? "")) return false;
  let k = words.length - 2;
  while (k > 0 && INTENSIFIERS.has(words[k] ?? "")) k--;
  return COPULAS.has(words[k] ?? "");
}

/** Verbs of praise by comparison: "It would make PyTorch even more complete." */
const MAKING = new Set(["make", "makes", "making", "made"]);
/** How far "more" may follow: over the thing made and an intensifier ("make the Job API even more"). */
const MAX_TO_MORE = 5;

/**
 * "It would make PyTorch even more complete", "makes the library more
 * polished": the thing made more of some quality, with no consequence named
 * (the caller found no reason cue), is praise as "better" is, whatever the
 * adjective. A few words looked at after each verb of making.
 */
function praisesByComparison(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!MAKING.has(words[i] ?? "")) continue;
    for (let k = i + 1; k <= i + MAX_TO_MORE && k + 1 < words.length; k++) if (words[k] === "more") return true;
  }
  return false;
}

/**
 * A why field that states no reason although it has words: only a
 * description of the change ("Raises the default.") or only what occasioned
 * it ("created because of a typo"). A sentence with a reason cue (see
 * prose-why.ts) is never either.
 */
export function notAReason(text: string, hasCue: boolean, filler: readonly string[] = []): "change" | "trigger" | "filler" | "request" | "link" | undefined {
  if (hasCue) return undefined;
  const written = reasonWords(text);
  const words = written.filter((word) => !isUrl(word));
  if (words.length === 0) return undefined;
  const content = words.filter((word) => !TRIGGER_FRAME.has(word) && !SMALL_WORDS.has(word));
  if (content.length > 0 && content.every((word) => TRIGGERS.has(word))) return "trigger";
  if (occasionedOnly(words) || onlyTheOccasion(words, -1) || reportsOnlyOccasions(text, filler)) return "trigger";
  if (assertsImportanceOnly(words) || deniesAProblem(words)) return "filler";
  // "+1 from our team", "Me too, we'd use it": a vote, not a reason.
  if (words[0] === "+1" || (words[0] === "me" && words[1] === "too") || (words[0] === "same" && words[1] === "here")) return "filler";
  // "Same as #3870, which got closed as stale. +1": a pointer to where it was asked before.
  if (words[0] === "same" && words[1] === "as" && isUrl(written[2] ?? "")) return "link";
  // "It will make the Job API better", "Makes the API more ergonomic": praise of anything, with no consequence.
  // Naming whom it pleases adds none: "Useful for teams whose CI runs on ARM runners" says for whom, not why.
  const phrases = phrasesOf(filler).filter((phrase) => phrase.length > 0 && phrase.every((part) => !NOT_PRAISE.has(part)));
  if (words.some((_, i) => phrases.some((phrase) => phrase.every((part, k) => words[i + k] === part)))) return "filler";
  if (praisesByComparison(words)) return "filler";
  if (onlyDemand(text, filler) || asksOnlyForTheChange(text)) return "request";
  if (opensWithChange(words) && words.length <= (sentencesOf(text).length > 1 ? MAX_CHANGE_WORDS_IN_SENTENCES : MAX_CHANGE_WORDS)) return "change";
  // "So that headers can be set on the download URL.": a purpose alone with no cue in it (no one's, no problem) is what the change does.
  if (words[0] === "so" && sentencesOf(text).length === 1) return "change";
  if (describesOnlyTheChange(text, filler) || onlyMaintenanceLabel(text)) return "change";
  return undefined;
}

/** How far into a sentence its "should" may come to say what the product should do: "vllm serve should print …". */
const MAX_TO_SHOULD = 8;

/**
 * "vllm serve should print the resolved config at startup.", "Could the
 * addon page get a section on monorepos?", "\"arguements\" should be
 * \"arguments\"": a why whose every sentence asks for the change, as a
 * question or as what something should do, with no reason (the caller found
 * no cue). At most a few short sentences.
 */
function asksOnlyForTheChange(text: string): boolean {
  if (text.length > MAX_OCCASION_CHARS) return false;
  const sentences = sentencesOf(text);
  if (sentences.length > MAX_OCCASION_SENTENCES) return false;
  return sentences.every((sentence) => sentence.endsWith("?") || reasonWords(sentence).slice(0, MAX_TO_SHOULD).includes("should"));
}

/** Words that label what follows as the change proposed: "Proposal: …", "Suggestion: …". */
const PITCHES = new Set(["proposal", "suggestion", "proposed", "requesting"]);

/**
 * Whether lower-cased words open with what the change does: "Adds X", "This PR
 * bumps Y", "Support for the QUALIFY clause" ("support for" names the change;
 * "Support keeps getting tickets" does not).
 */
export function opensWithChange(words: readonly string[]): boolean {
  // "Proposal: store the state per profile …" names what follows as the change.
  if (PITCHES.has(words[0] ?? "")) return true;
  // "Please add a share sheet …" asks for the change the same way.
  let first = words[0] === "please" ? 1 : 0;
  while (first < words.length - 1 && CHANGE_SUBJECTS.has(words[first] ?? "")) first++;
  return CHANGE_VERBS.has(words[first] ?? "") || (words[first] === "support" && words[first + 1] === "for");
}

/**
 * "Nothing is broken, just an API idea.", "No problem as such, only a
 * thought.": a why that opens by saying nothing is wrong, with no cue
 * after it (the caller found none), gives no reason; "Nothing is broken
 * yet, but …" has its cue and is not read here. Only the first words.
 */
const DENIALS = phrasesOf([
  "nothing is broken", "nothing is wrong", "nothing's broken", "nothing's wrong", "no problem", "no problems", "not a problem", "not a bug", "no bug", "no issue", "not an issue",
  // No problem at all, in other words: "Not related to a problem.", "None, just an idea."
  "not related to a problem", "not related to any problem", "none just an idea", "just an idea", "only an idea", "it's just an idea", "it is just an idea", "everything works",
  // A problem said to be small: "Not a big one.", "Not a big deal."
  "not a big one", "not a big deal", "not a huge deal", "not much of a problem",
  // No problem behind it, in more words: "There's no problem behind this one.", "Not fixing a problem.", "This isn't a bug report."
  "there's no problem", "there is no problem", "there's no bug", "there is no bug", "no problem to report", "nothing to fix",
  "not fixing a problem", "not fixing a bug", "not fixing anything", "this isn't a bug", "this is not a bug", "isn't a bug", "nothing is blocking", "nothing blocks",
  // Nothing failing, or no problem of the author's: "Nothing fails today.", "Nothing is failing.", "It doesn't solve a problem of mine."
  "nothing fails", "nothing is failing", "nothing's failing", "nothing failed", "nothing is missing", "nothing's missing",
  "it doesn't solve a problem", "it does not solve a problem", "doesn't solve a problem", "does not solve a problem", "it doesn't fix a problem", "doesn't fix a problem",
  "this isn't fixing anything", "isn't fixing anything", "it doesn't fix anything", "doesn't fix anything", "this fixes nothing", "it fixes nothing", "fixes nothing",
  // A reassurance about the change: "No behaviour change.", "No functional changes."
  "no behaviour change", "no behavior change", "no behaviour changes", "no behavior changes", "no functional change", "no functional changes", "no user-facing change", "no user-facing changes", "no production code", "no code change", "no code changes",
]);
/** Verbs and objects of a denial in any person: "It's not fixing a problem of mine.", "It isn't solving a problem of ours." */
const FIXING = new Set(["fixing", "solving", "fix", "solve", "fixes", "solves", "addressing", "address"]);
const A_PROBLEM = new Set(["problem", "bug", "issue", "anything"]);
const NEGATORS = new Set(["not", "isn't", "doesn't", "don't", "aren't", "wasn't", "isn’t", "doesn’t"]);
/** A short sentence that negates fixing a problem: the negation, its verb within 2 words, then the problem within 3 more. */
function deniesFixing(words: readonly string[]): boolean {
  if (words.length > MAX_DENIAL_WORDS) return false;
  for (let i = 0; i < words.length; i++) {
    if (!NEGATORS.has(words[i] ?? "")) continue;
    for (let v = i + 1; v <= i + 2 && v < words.length; v++) {
      if (FIXING.has(words[v] ?? "") && words.slice(v + 1, v + 4).some((word) => A_PROBLEM.has(word))) return true;
    }
  }
  return false;
}
const MAX_DENIAL_WORDS = 10;
const deniesAProblem = (written: readonly string[]) => {
  if (deniesFixing(written)) return true;
  // "None, just an idea.": a placeholder before the denial says no more.
  const words = PLACEHOLDER_WORDS.has(written[0] ?? "") && written.length > 1 ? written.slice(1) : written;
  // "Not really a problem.", "Not exactly a bug": an intensifier inside the denial denies as much.
  const plain = words.filter((word, i) => i > 2 || !(INTENSIFIERS.has(word) || word === "exactly" || word === "actually" || word === "much"));
  // "None really, it's just an idea.": an intensifier before the denial, which keeps its own words.
  let first = 0;
  while (first < words.length - 1 && INTENSIFIERS.has(words[first] ?? "")) first++;
  const lead = words.slice(first);
  return DENIALS.some((phrase) => [plain, words, lead].some((read) => phrase.every((part, k) => read[k] === part)));
};
const PLACEHOLDER_WORDS = new Set(["none", "n/a", "na", "nope"]);

/** Words that open what an option does once given: "When set, Helm skips …", "If enabled, the job …". */
const CONDITIONS = new Set(["when", "if", "once"]);
const OPTION_STATES = new Set("set enabled disabled passed given specified true false on off used present provided configured".split(" "));
/** A description longer than this many sentences is left to the other rules. */
const MAX_DESCRIPTION_SENTENCES = 3;

/** "When set, Helm skips the check", "If enabled, the sync runs nightly": what the option does, which is the change again. */
function describesTheOption(sentence: string): boolean {
  const words = wordsOf(sentence);
  const opening = words[0]?.lower ?? "";
  const state = words[1];
  return CONDITIONS.has(opening) && state !== undefined && OPTION_STATES.has(state.lower) && (state.endsClause || words[2]?.endsClause === true);
}

/**
 * "Adds `--take-ownership` to `helm install`. When set, Helm skips the
 * ownership check and adopts existing resources.": a description of the
 * change (a short sentence opening with a change verb), then of what the
 * option does when given, and nothing more. A few sentences, each read once.
 */
function describesOnlyTheChange(text: string, filler: readonly string[]): boolean {
  if (text.length > MAX_OCCASION_CHARS) return false;
  const sentences = sentencesOf(text);
  if (sentences.length < 2 || sentences.length > MAX_DESCRIPTION_SENTENCES) return false;
  const [first, ...rest] = sentences;
  return notAReason(first ?? "", false, filler) === "change" && rest.every(describesTheOption);
}
