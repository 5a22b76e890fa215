import type { Word } from "./prose-who.js";
import { isDigits, measuresTime } from "./measurements.js";

/**
 * Failures stated in a project's own terms rather than in the phrase table's
 * words: an exception raised ("raised `RecursionError`", "which is a SyntaxError"), an HTTP error
 * status answered ("rejects it with a 422", "returned a 504"), a wait
 * measured ("saw startup take 6 s"), a value off by an amount ("off by an
 * hour"), trouble that recurs ("keep opening issues"). Each looks at its word and at most four after or two before it:
 * constant work per word, no regex.
 */

/** Verbs an exception follows: "raised `ValueError`", "throws a `NullPointerException`". */
const RAISING = new Set("raise raises raised raising throw throws threw thrown throwing hit hits get gets got getting".split(" "));
/**
 * Verbs that say code is or becomes an exception: "which is a SyntaxError",
 * "turns it into a TypeError", "produces a RangeError". Not "adds" or
 * "with": "Adds a ValidationError class", "replaces Error with a
 * ValidationError" describe the change.
 */
const BECOMING = new Set("is was becomes became become into produces produced produce gives gave causes caused".split(" "));
/** Verbs of running into a limit: "hit the 60 s proxy timeout", "hits the rate limit". */
const HITTING = new Set(["hit", "hits", "hitting", "exceeds", "exceeded", "exceeding"]);
/** Limits run into: the nouns a few words after such a verb. */
const LIMITS = new Set(["timeout", "timeouts", "limit", "limits", "quota", "quotas", "ceiling", "cap"]);
const MAX_TO_LIMIT = 5;
/** Verbs that report an error met, not one a change adds: "copying it gives Error: unknown field", "I get an error". */
const GIVING = new Set(["gives", "gave", "get", "gets", "got", "getting", "see", "saw", "seeing"]);
const isError = (word: string | undefined) => word === "error" || word === "errors";
/** How many words may name the kind of error after its article: "get an MPS dtype error". */
const MAX_ERROR_KIND = 2;
function errorWithin(words: readonly string[], from: number): boolean {
  for (let k = from; k <= from + MAX_ERROR_KIND && k < words.length; k++) if (isError(words[k])) return true;
  return false;
}

/** Words an error status follows, directly or after "a": "rejects it with a 422", "returned a 504", "answers 503". */
const ANSWERING = new Set("with returns returned returning return gets got get getting responds responded respond answers answered answer serves served throws fails failed".split(" "));
const ARTICLES = new Set(["a", "an", "the", "http"]);
/** Verbs a measured wait follows: "startup took 6 s", "takes over 10 minutes", "each login spent about 1.8 s in that query". */
const TAKING = new Set(["take", "takes", "took", "taking", "taken", "spend", "spends", "spent", "spending"]);
/** How many words a wait's amount may come after its verb: "took well over 10 minutes". */
const MAX_TO_AMOUNT = 3;
/**
 * "off by" and an amount says a value is wrong by that much: "the window was
 * off by an hour", "off by one", "off by 2 px". "Off by default" is a setting.
 */
const AMOUNTS = new Set(["a", "an", "one", "two", "half", "several", "exactly", "about", "roughly", "almost", "nearly"]);
const isAmount = (word: string) => AMOUNTS.has(word) || (word[0] !== undefined && word[0] >= "0" && word[0] <= "9");
/**
 * "keep" before a verb in -ing says something happens again and again:
 * "users keep opening issues", "the job keeps failing". Opening its clause,
 * with no subject, before a verb of making progress, it bids the authors go
 * on ("…, keep going!", "Keep improving it"): encouragement. ("Keep
 * getting a 500" has no subject either, and is trouble.)
 */
const KEEPING = new Set(["keep", "keeps", "kept"]);
const MIN_ING_WORD = 5;
const PROGRESSING = new Set(["going", "rocking", "improving", "building", "shipping", "developing", "working"]);
/**
 * What goes on working is no trouble, whoever says it ("A plain string keeps working as it does today", "which we'd keep
 * using otherwise"); people who keep asking for it are its occasion.
 */
const STILL_FINE = new Set(["working", "functioning", "passing", "succeeding", "compiling", "asking", "requesting", "using"]);
/** "Keep going" goes on, unless it goes wrong: "the server keeps going down". */
const GOING_WRONG = new Set(["down", "offline", "wrong", "missing", "away", "off", "stale"]);

/**
 * What should have happened and did not: "the results list was never
 * updated", "a firing alert was not delivered", "the cache isn't cleared on
 * logout", "it just isn't refetched". The verbs a product owes its user, and
 * any other in -ed but those that reassure about a change ("is not changed",
 * "are not affected", "isn't needed"); in a condition ("exits non-zero when
 * the file isn't formatted") it is what a feature tests, not a fault.
 */
const OWED = new Set(
  "updated delivered sent saved applied received called rendered shown displayed loaded cleared freed closed deleted removed triggered fired written flushed persisted refreshed notified paged synced respected honoured honored invoked executed restored".split(" "),
);
/** Words before "not" or "never" that make the owed verb a passive: "was not delivered", "is never called". */
const BEING = new Set(["was", "were", "is", "are", "been", "be", "get", "gets", "got"]);
const NOT_DONE = new Set(["wasn't", "weren't", "isn't", "aren't", "never"]);

/** Whether the word at `i` denies that something owed was done: "was not delivered", "never updated", "isn't cleared". */
function owedButNotDone(words: readonly string[], i: number): boolean {
  const word = words[i] ?? "";
  const denied = NOT_DONE.has(word) || (word === "not" && BEING.has(words[i - 1] ?? ""));
  if (!denied || conditional(words, i)) return false;
  const next = (BEING.has(words[i + 1] ?? "") ? words[i + 2] : words[i + 1]) ?? "";
  return OWED.has(next) || (next.length > 5 && next.endsWith("ed") && !REASSURED.has(next));
}
/** "exits non-zero when the file isn't formatted": a condition a feature tests, not something that went wrong. */
const CONDITIONS = new Set(["when", "if", "unless", "whether", "whenever"]);
const MAX_TO_CONDITION = 4;
function conditional(words: readonly string[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - MAX_TO_CONDITION; k--) if (CONDITIONS.has(words[k] ?? "")) return true;
  return false;
}
const REASSURED = new Set("changed affected modified touched needed required used impacted included intended expected planned recommended meant supposed designed related tested merged reviewed considered covered exposed altered".split(" "));

/** "nobody in the call heard the speaker", "no one could log in": what nobody managed, in the past. */
const MANAGED = new Set(["heard", "saw", "could", "got", "received", "knew", "answered", "replied", "responded", "found"]);
const MAX_TO_MANAGED = 4;
/** What nobody managed, as the cue to report ("nobody heard"), or undefined. */
function nobodyCould(words: readonly string[], read: readonly Word[], i: number): string | undefined {
  const from = words[i] === "nobody" ? i + 1 : words[i] === "no" && words[i + 1] === "one" ? i + 2 : -1;
  if (from < 0) return undefined;
  for (let k = from; k < from + MAX_TO_MANAGED && k < words.length; k++) {
    if (MANAGED.has(words[k] ?? "")) return `${from === i + 1 ? "nobody" : "no one"} ${words[k] ?? ""}`;
    if (read[k]?.endsClause) return undefined;
  }
  return undefined;
}
/** "three of them asked in the forum why no numbers show up": people asking why is confusion. */
const ASKING = new Set(["asked", "asking", "ask", "asks", "wondered", "wondering"]);
const MAX_TO_WHY = 8;
function askedWhy(words: readonly string[], read: readonly Word[], i: number): boolean {
  if (!ASKING.has(words[i] ?? "")) return false;
  for (let k = i + 1; k <= i + MAX_TO_WHY && k < words.length; k++) {
    if (words[k] === "why") return true;
    if (read[k]?.endsClause) return false;
  }
  return false;
}

const isUpper = (ch: string | undefined) => ch !== undefined && ch >= "A" && ch <= "Z";
const isLowerOrDigit = (ch: string | undefined) => ch !== undefined && ((ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9"));

/** `RecursionError`, `TypeError`, `NullPointerException`: a capitalised name ending so, as the word was written. */
function namesException(text: string): boolean {
  const suffix = text.endsWith("Error") ? "Error" : text.endsWith("Exception") ? "Exception" : "";
  return suffix !== "" && text.length > suffix.length + 1 && isUpper(text[0]) && isLowerOrDigit(text[text.length - suffix.length - 1]);
}

/** `422`, `504`: a client or server error status. */
const isErrorStatus = (word: string) => word.length === 3 && isDigits(word) && (word[0] === "4" || word[0] === "5");

/** The failure shape at word `i` (lower-cased `words`, `read` as written), as the cue to report, or undefined. */
export function failureShapeAt(words: readonly string[], read: readonly Word[], i: number): string | undefined {
  const word = words[i] ?? "";
  if (namesException(read[i]?.text ?? "")) {
    if (RAISING.has(words[i - 1] ?? "")) return `${words[i - 1]} ${word}`;
    const verb = ARTICLES.has(words[i - 1] ?? "") ? words[i - 2] : words[i - 1];
    if (BECOMING.has(verb ?? "")) return `${verb} ${word}`;
  }
  if (isErrorStatus(word) && (ANSWERING.has(words[i - 1] ?? "") || (ARTICLES.has(words[i - 1] ?? "") && ANSWERING.has(words[i - 2] ?? "")))) return word;
  if (TAKING.has(word)) {
    for (let k = i + 1; k <= i + MAX_TO_AMOUNT && k < words.length; k++) if (measuresTime(words, k)) return word;
  }
  if (HITTING.has(word)) {
    for (let k = i + 1; k <= i + MAX_TO_LIMIT && k < words.length; k++) if (LIMITS.has(words[k] ?? "")) return `${word} ${words[k]}`;
  }
  if (GIVING.has(word) && (isError(words[i + 1]) || (ARTICLES.has(words[i + 1] ?? "") && errorWithin(words, i + 2)))) return `${word} error`;
  if (owedButNotDone(words, i)) return `${word} ${BEING.has(words[i + 1] ?? "") ? words[i + 2] : words[i + 1]}`;
  const next = words[i + 1] ?? "";
  if (word === "off" && next === "by" && isAmount(words[i + 2] ?? "")) return "off by";
  const bidding = (i === 0 || read[i - 1]?.endsClause === true) && PROGRESSING.has(next);
  const fine = STILL_FINE.has(next) || (next === "going" && !GOING_WRONG.has(words[i + 2] ?? ""));
  // "a setting for webhook targets to keep retrying": what the feature should do, not trouble that recurs.
  const wanted = words[i - 1] === "to";
  if (KEEPING.has(word) && !bidding && !fine && !wanted && next.length >= MIN_ING_WORD && next.endsWith("ing")) return `${word} ${next}`;
  const unmanaged = nobodyCould(words, read, i);
  if (unmanaged) return unmanaged;
  if (askedWhy(words, read, i)) return `${word} why`;
  return undefined;
}
