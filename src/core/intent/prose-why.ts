import { sentencesOf, wordsOf, type Word } from "./prose-who.js";
import { isWishStory } from "./user-story.js";
import { failureShapeAt } from "./failure-shapes.js";
import { BEFORE_AND_AFTER, measuredGainAt } from "./measurements.js";
import { benefitRestatesWant, onlyTheOccasion, opensWithChange, reportsPosting } from "./reasons.js";

/**
 * The why stated in plain prose, wherever it is written: a sentence that
 * states a problem or a benefit ("Owners of shared drives can't move files,
 * so they have to copy them by hand", "the page is blank", "loses a day's
 * data") or links the change to an outcome ("because …", "so that …",
 * "otherwise …", "which means …", "to avoid …"). A sentence that only says
 * what the change does ("Adds X", "Raises the default") states no reason.
 *
 * Hand-written rules over the sentence's words, not a language library: a
 * bounded phrase table looked up by each word's first letters, one pass per
 * sentence (docs/intent.md gives the measurements behind that choice).
 */
export interface ProseWhy {
  /** The sentence it was read from, clipped. */
  sentence: string;
  /** The words that make it a reason, e.g. `can't` or `so that`. */
  cue: string;
}

/** Someone cannot do something, has to work around it, loses something; something fails, is slow, confusing, blank or broken. */
const PROBLEM_PHRASES = [
  "can't", "cannot", "can not", "couldn't", "could not", "unable to", "not able to", "no way to", "there's no way", "impossible",
  "isn't possible", "is not possible", "not possible", "hard to", "difficult to", "struggle", "struggles", "struggling",
  "have to", "has to", "had to", "having to", "forced to", "by hand", "work around", "works around", "worked around", "working around", "workaround", "workarounds",
  "fall back", "falls back", "resort to",
  "lose", "loses", "lost", "losing", "discarded", "waste", "wastes", "wasted", "wasting", "time-consuming", "tedious", "painful", "pain point",
  "frustrating", "frustrated", "annoying", "error-prone", "costly", "costs", "expensive",
  "fail", "fails", "failed", "failing", "failure", "failures", "crash", "crashes", "crashed", "crashing", "hang", "hangs", "hanging",
  "freeze", "freezes", "froze", "frozen", "freezing", "stalls", "stalled", "times out", "timed out", "time out", "timing out", "slow", "slower", "slowly", "sluggish", "blank", "empty page", "broken", "breaks", "broke",
  "corrupt", "corrupted", "corrupts", "blurry", "pixelated", "garbled", "confusing", "confused", "confuses", "unclear", "misleading", "unreadable", "unusable", "inaccessible",
  "wrong", "incorrect", "incorrectly", "leak", "leaks", "leaking", "flaky", "outage", "outages", "regression", "errors out", "throws",
  "doesn't work", "does not work", "don't work", "do not work", "didn't work", "stops working", "stopped working", "not working",
  "doesn't support", "does not support", "not supported", "unsupported", "doesn't show", "does not show", "doesn't load", "does not load",
  "doesn't respect", "does not respect", "ignores", "ignored", "ignoring", "blocked", "blocking", "complain", "complained", "complaints",
  "vulnerable", "vulnerability", "insecure", "leaked",
  // Not knowing, or being misled: "don't know the setting exists", "silently treated as", "surprising", "three conflicting answers".
  // Not "hides", "hidden" or "exposes": a change says them of what it does as often as a report of what goes wrong ("a setting
  // that hides Town Square", `position="hidden"`, "when node exposes it"); measured, they only ever made a change a reason.
  "don't know", "doesn't know", "do not know", "does not know", "didn't know", "unaware", "silently",
  "forces", "breaking change", "surprising", "surprised", "unexpected", "unexpectedly", "conflicting", "inconsistent", "bugs", "buggy",
  // Running out of something: "pushed the process past its memory limit and it was killed", "panicked".
  "killed", "out of memory", "memory limit", "oom", "oom-killed", "panic", "panics", "panicked", "segfault", "segfaults",
  "deadlock", "deadlocks", "deadlocked", "oomkilled",
  // A process or build that stops for good: "the build died with this", "the worker dies after an hour".
  "died", "dies", "dying",
  // Work cut short or shut out: "the whole transfer aborts", "Dropbox escalates to a lockout", "the browser gives up".
  "aborts", "aborted", "aborting", "lockout", "locked out", "gives up", "gave up", "give up", "infinite loop", "redirect loop", "loops forever",
  // Out of reach: "the page is just unreachable", "the API is unavailable for minutes", "the UI goes unresponsive".
  "unreachable", "unavailable", "unresponsive",
  // A budget used up: "eats the data cap", "drains the battery overnight", "wake to a flat battery".
  "eats", "eating", "eat into", "eats into", "burns through", "drains", "drained", "draining", "flat battery", "dead battery",
  "used up", "uses up", "knows the pain", "a pain", "the pain",
  // Alerts that cry wolf, and a service that falls over: "false alerts every few minutes", "monitors went down".
  "false alert", "false alerts", "false alarm", "false alarms", "false positive", "false positives", "false negative", "false negatives", "went down", "goes down",
  // A check that flapped, and people woken by it: "two monitors flapped every few minutes and woke me up twice" (not "session flaps", a metric).
  "flapped", "flapping", "woke me", "woke us", "wakes me", "wakes us", "woken up",
  // Text that does not fit: "its last character is cut off", "the label is truncated" (not "a note truncated to one line", which a change shows).
  "cut off", "is truncated", "are truncated", "was truncated", "were truncated", "gets truncated", "get truncated",
  // What cannot be seen or heard for something else, or does nothing: "white on white, effectively invisible", "drowns out everything
  // else the screen reader says", "the setting has no effect", "the clipboard flickers", "quite disorienting".
  "invisible", "drowns out", "drown out", "has no effect", "had no effect", "have no effect", "flicker", "flickers", "flickering", "disorienting",
  // A process that will not run, or runs flat out: "the DHCP server refuses to start", "pinned istiod at 4 cores", "maxed out the CPU".
  "refuses to", "refused to", "refuse", "refused", "pinned at", "pegged at", "pins a core", "pegs a core", "maxes out", "maxed out",
  // Work done twice, and people woken for it: "the workflow executes twice", "the on-call SREs get paged for it".
  "executes twice", "runs twice", "ran twice", "fires twice", "fired twice", "get paged", "gets paged", "got paged",
  // Something that is no longer there: "a chunk of scrollback is just gone", "the last 200 lines disappear".
  "is gone", "are gone", "just gone", "disappear", "disappears", "disappeared", "vanish", "vanishes", "vanished",
  // Work or cost nobody needs: "paying for image pulls we don't need", "rebuilds it unnecessarily".
  "don't need", "do not need", "unnecessary", "unnecessarily", "needlessly", "redundant", "wasteful",
  "before anyone noticed", "without anyone noticing", "without noticing", "before we noticed", "before i noticed", "before they noticed", "before noticing",
  // Time a person lost to it: "developers spent most of Monday closing them".
  "spent most of", "spent hours", "spent days", "spent a day", "spent the day", "spent the whole",
  // Time doubled: "close to double the time the backup window takes", "twice as long".
  "double the time", "doubles the time", "doubled the time", "twice as long", "twice the time", "twice as slow",
  // Work held back or hung: "a throttled API key", "short tasks stuck behind long ones", "the menu stopped responding"; a fault found late: "nobody noticed".
  "throttled", "rate-limited", "rate limited", "stuck", "halved", "stopped responding", "stops responding", "stop responding", "nobody noticed", "no one noticed",
  // A cost people bear: "readers on mobile data pay for every image on the page".
  "pay for", "pays for", "paying for",
  // Copies that stop matching, and input turned away: "the two drift apart", "LocalStack rejects such definitions".
  "drift apart", "drifts apart", "drifted apart", "out of sync", "rejects", "rejected", "rejecting",
  // A workaround named as the one way there is: "the only way to see what a trigger returned is to set the log level to debug".
  "only way to", "only way is", "only way out",
  // Work done by hand each time it is needed: "I dig for the URL every time I need a thumbnail".
  "every time i need", "every time we need", "each time i need", "each time we need",
  // Round 24: giving up, hearing nothing, refusing, a battery run flat.
  "giving up", "hear nothing", "heard nothing", "see nothing", "saw nothing", "refusing to", "ran flat", "runs flat", "run flat", "went flat",
];

/** A causal link to an outcome, or a benefit stated as one. */
const CAUSE_PHRASES = [
  "because", "so that", "otherwise", "which means", "this means", "that means", "meaning that", "to avoid", "to prevent", "avoids", "prevents",
  "in order to", "as a result", "leads to", "led to", "results in", "resulting in", "causes", "caused", "causing",
  "saves", "save time", "faster", "speeds up", "reduces", "no longer", "without having to",
  "ended up", "end up", "ends up",
];

/** Ways of working that say who a group is when its "who" clause names them: "writers who maintain pages by hand". */
const HABITS = new Set(["by hand", "manually"]);
const KIND_DETERMINERS = new Set(["the", "those", "these"]);
/** Words that open a condition. */
const CONDITION_OPENERS = new Set(["when", "if", "whenever", "once"]);
/** The longest leading condition read as one: "When a handler panics," … */
const MAX_CONDITION_WORDS = 14;
/** Where a sentence's leading condition ends ("When a handler panics, …": 3), or 0 when it opens otherwise or the condition runs on. */
function leadingConditionEnd(text: string, read: readonly Word[], words: readonly string[]): number {
  if (!CONDITION_OPENERS.has(words[0] ?? "")) return 0;
  // Only a comma closes a condition: "When docked I have to choose: …" says what the author must do.
  const mark = [",", ";", ":"].map((ch) => text.indexOf(ch)).filter((at) => at >= 0);
  if (mark.length === 0 || text[Math.min(...mark)] !== ",") return 0;
  for (let k = 0; k < MAX_CONDITION_WORDS && k < words.length - 1; k++) if (read[k]?.endsClause) return k + 1;
  return 0;
}
/** How far into the main clause its modal may come: "the log line could include …". */
const MAX_TO_WISH = 5;
const WISHING_MODALS = new Set(["could", "should", "would", "might", "can", "will"]);
/** States an option is in: "When it is set, …", "If it's enabled and …". */
const OPTION_STATES = new Set(["set", "enabled", "disabled", "on", "off", "true", "false", "configured", "given", "passed", "specified"]);
/** Whether a leading condition puts an option in a state ("When it is set and …"): the sentence then says what the option does. */
function describesAnOption(words: readonly string[], conditionEnd: number): boolean {
  for (let k = 1; k < conditionEnd - 1; k++) if ((words[k] === "is" || words[k] === "are" || words[k] === "it's") && OPTION_STATES.has(words[k + 1] ?? "")) return true;
  return false;
}
/** How far before "ignoring" a "by" makes it part of a method: "by calling it and ignoring …". */
const MAX_TO_METHOD = 4;
/** "completions written by hand": how the change's own files were made, not work someone is stuck with. */
const AUTHORED = new Set(["written", "wrote", "crafted", "drawn", "tuned", "curated"]);
/** Words that make a way of working a burden even inside a "who" clause: "admins who have to edit it by hand". */
const BURDENS = new Set(["have", "has", "had", "must", "need", "needs", "forced", "still"]);
/** How far back a "who" may open the clause a habit describes. */
const MAX_WHO_CLAUSE = 8;

/** Whether the word at `at` lies in a "who" clause with no burden in it: "operators who configure Envoy by hand". */
function describesAGroup(words: readonly string[], at: number): boolean {
  for (let k = at - 1; k >= 0 && k >= at - MAX_WHO_CLAUSE; k--) {
    const word = words[k] ?? "";
    if (BURDENS.has(word)) return false;
    if (word === "who") return true;
  }
  return false;
}

/** Failure words that also name a kind of thing, and the nouns after them that make them do so: "a failure hook", "crash handler". */
const FAULT_NOUNS = new Set(["failure", "failures", "crash", "error", "errors", "leak", "timeout", "panic"]);
const KINDS_OF_THING = new Set("hook hooks handler handlers callback callbacks mode modes case cases state states path paths policy policies message messages notification notifications report reports page pages screen boundary boundaries code codes rate threshold".split(" "));

/** Failures named as things a feature records: "record a failure", "report crashes". */
const RECORDED = new Set(["failure", "failures", "crash", "crashes", "leak", "leaks", "regression", "outage", "outages"]);
const RECORDING = new Set("record records recording report reports reporting log logs logging mark marks count counts show shows surface surfaces print prints display displays collect collects track tracks detect detects flag flags".split(" "));
const ARTICLES = new Set(["a", "an", "the", "each", "every", "any", "all"]);

/** Words that, right before a failure word, turn it into a reassurance: "doesn't break anything", "no failures". */
const NEGATIONS = new Set(["not", "no", "never", "doesn't", "don't", "won't", "didn't", "shouldn't", "nothing", "nothing's", "isn't", "aren't", "without", "none"]);
const DENIED_REPORTS = new Set(["bug", "problem", "issue", "regression"]);
const opensNotABug = (words: readonly string[]) => words[0] === "not" && (words[1] === "a" || words[1] === "an") && DENIED_REPORTS.has(words[2] ?? "");
/** Words that open a wish for the feature: "I'd like an option …", "I want …", "It would be nice …". */
const WISH_OPENERS = [["i'd", "like"], ["i", "would", "like"], ["i", "want"], ["we'd", "like"], ["we", "want"], ["it", "would", "be"], ["please", "add"]];
/** How far before a failure word its "when" or "if" may be, in a wish: "… go on with the next batch when one fails". */
const MAX_TO_WHEN = 3;
const opensWithAWish = (words: readonly string[]) => WISH_OPENERS.some((opener) => opener.every((part, k) => words[k] === part));
/** A failure word in a "when" / "if" clause of a sentence that opens with a wish (`wish`, read once per sentence): when the wished-for feature acts, not a fault. */
function conditionOfAWish(words: readonly string[], i: number, wish: boolean): boolean {
  if (!wish) return false;
  for (let k = i - 1; k >= 0 && k >= i - MAX_TO_WHEN; k--) if (words[k] === "when" || words[k] === "if" || words[k] === "whenever") return true;
  return false;
}
/** Words that turn a sentence opened by "Nothing …" into a report after all: "Nothing is saved, but the form says it was". */
const CONTRASTS = new Set(["but", "yet", "except", "until", "although", "though", "however", "unless"]);
/**
 * "Nothing in the current docs is wrong or missing for me.": a sentence that
 * opens with "nothing" negates the failure words that follow it, up to the
 * first contrast ("Nothing fails, but the page is broken"). Where the denial
 * ends, or 0 when the sentence opens otherwise: one pass, once per sentence.
 */
function denialEnd(words: readonly string[]): number {
  // "Not a bug, so no program.": a sentence that opens by saying it reports no bug denies as "Nothing …" does.
  if (words[0] !== "nothing" && words[0] !== "nothing's" && !opensNotABug(words)) return 0;
  const contrast = words.findIndex((word) => CONTRASTS.has(word));
  return contrast < 0 ? words.length : contrast;
}
/** Failure words a reassurance negates; other cues ("no way to", "no longer") carry their own negation. */
const NEGATABLE = new Set([
  "breaking", "break", "breaks", "broke", "broken", "fail", "fails", "failed", "failing", "failure", "failures", "regression", "crash", "crashes",
  // "Nothing is wrong with the current behaviour", "Nothing is blocking anyone."
  "wrong", "blocking", "blocked",
  // "shows no leaks or memory corruption", "no errors": a clean report.
  "leak", "leaks", "leaking", "corruption", "corrupted", "errors",
]);

type PhraseIndex = Map<string, string[][]>;

function phraseIndex(phrases: readonly string[]): PhraseIndex {
  const index: PhraseIndex = new Map();
  for (const phrase of phrases) {
    const parts = phrase.split(" ");
    const first = parts[0] ?? "";
    index.set(first, [...(index.get(first) ?? []), parts]);
  }
  return index;
}

const CUES = phraseIndex([...PROBLEM_PHRASES, ...CAUSE_PHRASES]);
const CAUSES = phraseIndex(CAUSE_PHRASES);
const PROBLEMS = phraseIndex(PROBLEM_PHRASES);

/** Typographic apostrophes read as `'`, so "can’t" is "can't". */
const lowerOf = (word: Word) => word.lower.replaceAll("’", "'");

/**
 * The first cue in a sentence's words, or undefined. "because of …" names a
 * cause, not an outcome ("created because of a typo"), so it is no cue on its
 * own. Each word tries the few phrases that start with it: linear.
 */
export function reasonCue(text: string): string | undefined {
  return cueIn(text, CUES, true);
}

/** Only a causal link ("so that", "because", "to avoid"): in a wish, a problem word names what is wanted. */
export function causeCue(text: string): string | undefined {
  return cueIn(text, CAUSES, false);
}

/**
 * The cue of a sentence that is a wish story ("As a maintainer, I want a cap
 * on the pool so that …"): only its causal link, and none when what follows
 * "so that" only restates the want ("… a `useId()` helper so that I have a
 * `useId()` helper in core").
 */
export function wishCue(sentence: string): string | undefined {
  return restatesTheWant(sentence) ? undefined : causeCue(sentence);
}

/** How a story's benefit says only what its author could then do: "so that I can …", "so that I'm able to …". */
const CAPABILITIES = ["i can ", "i'm able to ", "i am able to ", "i could ", "i'll be able to ", "i will be able to ", "we can ", "we could ", "i get ", "we get "];

/** How a story's benefit opens when it says only what a thing would then be: "so that the property has a default value". */
const THING_BENEFITS = ["it ", "its ", "the ", "they ", "this ", "a ", "an ", "all ", "every ", "each "];
/** Words that make a benefit a problem avoided: "so that the package isn't twice the size", "so that the event is not sent twice". */
const AVOIDING = new Set([...NEGATIONS, "stop", "stops"]);
const avoidsSomething = (benefit: string) => wordsOf(benefit).some((word) => AVOIDING.has(lowerOf(word)) || lowerOf(word).endsWith("n't"));

/**
 * Whether a wish story's "so that" only restates its want: in its words
 * (`benefitRestatesWant`: "… a `useId()` helper so that I have a `useId()`
 * helper"), or as what the author could then do, with no problem named in it
 * ("I want to reorder my services by drag and drop so that I can change the
 * order of my services", "… so that I can serve my API over HTTP/3"), or as
 * what a thing would then be ("… pin my report so that it shows up first").
 * A benefit that names a problem, or one avoided, is a reason ("so that I can
 * stop copying each file by hand", "so that the page-view event is not sent
 * twice").
 */
export function restatesTheWant(sentence: string): boolean {
  if (benefitRestatesWant(sentence)) return true;
  const lower = sentence.toLowerCase().replaceAll("’", "'");
  const at = lower.indexOf(" so that ");
  if (at < 0) return false;
  const benefit = lower.slice(at + " so that ".length);
  const ofAThing = THING_BENEFITS.some((opener) => benefit.startsWith(opener));
  if (!ofAThing && !CAPABILITIES.some((opener) => benefit.startsWith(opener))) return false;
  return cueIn(benefit, PROBLEMS, true) === undefined && !(ofAThing && avoidsSomething(benefit));
}

/** The cue of one sentence: a wish story's (`wishCue`), or any problem or causal link. */
export const sentenceCue = (sentence: string) => (isWishStory(sentence) ? wishCue(sentence) : onlyWantedSoThat(sentence) ? undefined : reasonCue(sentence));

/**
 * "I want to export a clip as a GIF so that I can get the clip as a GIF.",
 * "It would be nice to have a helper that wraps it so that the code after
 * each await runs as an action": a sentence, story or not, whose "so that"
 * only restates what is wanted (see `restatesTheWant`), with no other cue
 * before or after it.
 */
export function onlyWantedSoThat(sentence: string): boolean {
  const at = sentence.toLowerCase().indexOf(" so that ");
  if (at < 0 || !restatesTheWant(sentence)) return false;
  return reasonCue(sentence.slice(0, at)) === undefined && reasonCue(sentence.slice(at + " so that ".length)) === undefined;
}

/**
 * Verbs of the problem table that also say what a change does to the product:
 * "Ignores `.DS_Store` files", "Forces a full rebuild". Opening a sentence with no subject (or "This PR"), they
 * describe the change, and only a problem named later in it is a reason
 * ("Ignores the banner that breaks the layout on phones").
 */
const DESCRIBING_VERBS = new Set(["ignores", "ignoring", "forces", "throws", "aborts", "refuses", "rejects"]);
/** Words that name what a change is before its verb: "This PR ignores …". Not "it": "It ignores the proxy setting" is a bug report. */
const CHANGE_SUBJECTS = new Set(["this", "the", "pr", "change", "patch", "commit"]);
const MAX_CHANGE_SUBJECT = 2;

/** Where a sentence's verb is when it describes the change: its first word, or after "This PR" / "The patch". */
function describingVerbAt(words: readonly string[]): number {
  let first = 0;
  while (first < MAX_CHANGE_SUBJECT && CHANGE_SUBJECTS.has(words[first] ?? "")) first++;
  return DESCRIBING_VERBS.has(words[first] ?? "") ? first : -1;
}

/** Work repeated item by item: avoiding it is a benefit ("instead of editing them one by one"). */
const TOIL = phraseIndex(["one by one", "one at a time", "by hand", "manually", "individually", "each time", "every time", "over and over", "again and again"]);
/** How far after "instead of" / "rather than" the toil may be named: "instead of editing all of them one by one". */
const MAX_TO_TOIL = 6;

/** Work put on someone else: "instead of asking every user to add a wrapper". */
const IMPOSING = new Set(["asking", "making", "forcing", "requiring", "expecting"]);
/** How far after the imposing verb its "to" may come: "asking every plugin user to". */
const MAX_TO_BURDEN = 4;

/** "instead of editing them one by one", "rather than copying each file by hand": a benefit stated as toil avoided. */
function avoidsToil(words: readonly string[], at: number): boolean {
  const alternative = (words[at] === "instead" && words[at + 1] === "of") || (words[at] === "rather" && words[at + 1] === "than");
  if (!alternative) return false;
  if (IMPOSING.has(words[at + 2] ?? "") && words.slice(at + 3, at + 3 + MAX_TO_BURDEN).includes("to")) return true;
  for (let k = at + 2; k < words.length && k <= at + 1 + MAX_TO_TOIL; k++) {
    if ((TOIL.get(words[k] ?? "") ?? []).some((parts) => parts.every((part, n) => words[k + n] === part))) return true;
  }
  return false;
}

/**
 * `shapes`: failures in a project's own terms count too (see failure-shapes.ts), and benefits or costs measured (measurements.ts).
 * `purposes`: "so" read as "so that" is a cue too.
 */
function cueIn(text: string, cues: PhraseIndex, shapes: boolean, purposes = true): string | undefined {
  const read = wordsOf(text);
  const words = read.map(lowerOf);
  const describing = describingVerbAt(words);
  const noProblem = onceOnly(() => cueIn(text, PROBLEMS, true, false) === undefined);
  const purposeOnly = cues === CUES && opensWithChange(words) ? noProblem : () => false;
  const purposeAlone = cues === CUES ? noProblem : () => false;
  const denied = denialEnd(words);
  const conditionEnd = leadingConditionEnd(text, read, words);
  // "When it is set and none of the feeds return any items, the widget isn't rendered.": what the option does.
  if (describesAnOption(words, conditionEnd)) return undefined;
  const wish = opensWithAWish(words);
  const wishedAfter = onceOnly(() => words.slice(conditionEnd, conditionEnd + MAX_TO_WISH).some((word) => WISHING_MODALS.has(word)));
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? "";
    // A word in a path or identifier, or a quoted label ("the “Blocked” column header"), names something: no problem.
    if (read[i]?.inPath || read[i]?.quoted || i === describing) continue;
    // A failure in a leading condition is when the wished-for feature acts: "When a handler panics, the log line could include the route".
    if (i < conditionEnd && wishedAfter()) continue;
    // "Adds `completions()` so a plugin can return candidates": what the change lets its code do, with no problem in the sentence.
    if (word === "so" && purposeOfAThing(words, i) && purposeOnly()) continue;
    // "So that headers can be set on the download URL.": a purpose standing alone, of no one, with no problem in it, says what the change does.
    if (word === "so" && i === 0 && !PEOPLE_SUBJECTS.has(words[words[1] === "that" ? 2 : 1] ?? "") && purposeAlone()) continue;
    // "Not a bug, so no program.": what follows from reporting no bug is no outcome either.
    if (word === "so" && opensNotABug(words)) continue;
    if (word === "so" && purposes && soThat(read, words, i)) return "so";
    if ((word === "instead" || word === "rather") && cues === CUES && avoidsToil(words, i)) return `${word} ${words[i + 1] ?? ""}`;
    // "the same order submitted twice", "charged twice": something done twice that happened once.
    if (word === "twice" && cues !== CAUSES && doneTwice(words[i - 1] ?? "")) return `${words[i - 1] ?? ""} twice`;
    if (word === "instead" && words[i + 1] === "of" && cues === CUES && happenedInstead(words, i, describing)) return "instead of";
    const shaped = shapes ? (failureShapeAt(words, read, i) ?? measuredGainAt(words, i)) : undefined;
    if (shaped) return shaped;
    for (const parts of cues.get(word) ?? []) {
      if (!parts.every((part, k) => words[i + k] === part)) continue;
      if (word === "because" && (words[i + 1] === "of" || onlyTheOccasion(words, i))) continue;
      // "love the theme otherwise": closing its clause, "otherwise" means "apart from that", not "or else".
      if (word === "otherwise" && (i === words.length - 1 || read[i]?.endsClause)) continue;
      // "so that cy.viewport('tablet') picks up our names": an outcome for code is how the change works, not why.
      if (word === "so" && words[i + 1] === "that" && read[i + 2]?.inPath) continue;
      // "Corresponding issue (leave blank if none)", "completes the blank in", "(blank allowed)": a blank to fill, not a blank page.
      if (word === "blank" && (LEAVING.has(words[i - 1] ?? "") || words[i + 1] === "allowed" || (words[i - 1] === "the" && !NOUN_AFTER_BLANK.has(words[i + 1] ?? "")))) continue;
      // "where the logs end up": a place, not an outcome.
      if (word.startsWith("end") && parts[1] === "up" && words.slice(Math.max(0, i - MAX_TO_WHERE), i).includes("where")) continue;
      // "doesn't break", "no tests fail": a negation a word or two before.
      if (NEGATABLE.has(word) && (NEGATIONS.has(words[i - 1] ?? "") || NEGATIONS.has(words[i - 2] ?? "") || i < denied)) continue;
      // "not only after the slow ones", "return the failed batches": "slow" or "failed" naming a kind of thing, after a determiner, is no complaint.
      if ((word === "slow" || word === "slower" || word === "failed" || word === "failing") && KIND_DETERMINERS.has(words[i - 1] ?? "")) continue;
      // "the CSS that has to go into the page": what a thing must be, not a burden on anyone.
      if ((word === "has" || word === "have") && parts[1] === "to" && (words[i - 1] === "that" || words[i - 1] === "which")) continue;
      // "I'd like CreateInBatches to go on with the next batch when one fails": a condition of the wished-for feature.
      if (conditionOfAWish(words, i, wish)) continue;
      // "by calling produceWithPatches and ignoring the second element": a way to do it, not a fault.
      if (word === "ignoring" && words.slice(Math.max(0, i - MAX_TO_METHOD), i).includes("by")) continue;
      // "operators who configure Envoy by hand": how a group named by its "who" clause works, not a problem it has.
      if (HABITS.has(parts.join(" ")) && (describesAGroup(words, i) || AUTHORED.has(words[i - 1] ?? ""))) continue;
      // "a failure hook", "the crash handler": a failure word naming a kind of thing the change adds.
      if (FAULT_NOUNS.has(word) && KINDS_OF_THING.has(words[i + 1] ?? "")) continue;
      // "should record a failure and keep going", "report crashes to Sentry": a failure as what a feature records is no failure here.
      if (RECORDED.has(word) && (RECORDING.has(words[i - 1] ?? "") || (ARTICLES.has(words[i - 1] ?? "") && RECORDING.has(words[i - 2] ?? "")))) continue;
      return parts.join(" ");
    }
  }
  return undefined;
}

/** Subjects of a "so" clause that are the change or what it touches, not people: "so it can be scanned", "so they show up". */
const THING_SUBJECTS = new Set(["it", "they", "this", "these"]);
/** How far into a "so" clause its passive may start: "so results can be narrowed", "so that the embedding matrix can be created". */
const MAX_TO_PASSIVE = 5;

/**
 * Whether the "so" at `at` opens a clause about a thing the change touches:
 * its subject is "it" or "they", or its verb is passive ("so results can be
 * narrowed to a tag"). "so screen reader users know what it shows" has people
 * doing something: a reason.
 */
function purposeOfAThing(words: readonly string[], at: number): boolean {
  const start = words[at + 1] === "that" ? at + 2 : at + 1;
  if (THING_SUBJECTS.has(words[start] ?? "")) return true;
  // "so import './util.ts' is emitted as …": a passive in the present says what the change makes the thing do too.
  return words.slice(start, start + MAX_TO_PASSIVE).some((word, k, clause) => word === "be" || word === "been" || (PRESENT_BEING.has(word) && isParticiple(clause[k + 1] ?? "")));
}
const PRESENT_BEING = new Set(["is", "are", "gets", "get"]);
const isParticiple = (word: string) => word.length > 4 && (word.endsWith("ed") || word.endsWith("en"));

/** A verb in the past before "twice": "submitted twice", "charged twice" (not "need" or "click twice", which say what to do). */
const doneTwice = (word: string) => word.length > 4 && word.endsWith("ed") && word !== "needed";

/** Subjects of a "so that" clause that are people: "So that admins can see who changed it" is a reason. */
const PEOPLE_SUBJECTS = new Set(["i", "we", "you", "they", "people", "users", "anyone", "everyone", "nobody", "someone", "admins", "developers", "customers", "maintainers", "operators", "readers", "reviewers", "contributors"]);

/** A value worked out the first time it is asked for, then kept: one more pass over a sentence at most. */
function onceOnly(work: () => boolean): () => boolean {
  let value: boolean | undefined;
  return () => (value ??= work());
}

/** Words before "blank" that make it a field to fill: "leave blank if none". */
const LEAVING = new Set(["leave", "left", "leaving", "keep", "kept"]);
/** What a blank thing may be after "the": "the blank page" is a fault; "the blank in" is a gap to fill. */
const NOUN_AFTER_BLANK = new Set(["page", "pages", "screen", "screens", "window", "windows", "tab", "tabs", "panel", "output", "preview", "view", "space", "area", "canvas", "pdf", "image", "file"]);
/** How far before "end up" a "where" makes it a place. */
const MAX_TO_WHERE = 3;

/** Past tenses of verbs that report what happened, beside any verb in -ed: "focus went to the first widget instead of …". */
const HAPPENED = new Set("went got gave took came ran sent wrote made became fell showed shown stayed kept left found hit".split(" "));
/** How far before "instead of" what happened may be reported. */
const MAX_HAPPENED_BEFORE = 10;

/**
 * "Focus went to the first focusable widget instead of the one that had it",
 * "the backend retried after its own sleep instead of the header's": what
 * happened, in the past, where something else should have: a report of a
 * fault. A change that does one thing instead of another ("Uses a shared
 * client instead of a new one per request") is in the present and is the
 * change; a sentence opening with a change verb is too.
 */
function happenedInstead(words: readonly string[], at: number, describing: number): boolean {
  if (describing >= 0 || opensWithChange(words)) return false;
  for (let k = at - 1; k >= 0 && k >= at - MAX_HAPPENED_BEFORE; k--) if (HAPPENED.has(words[k] ?? "") || pastAfterSubject(words, k)) return true;
  return false;
}

/** Words a verb in the past follows as its subject or auxiliary: "it retried", "was dismissed". */
const BEFORE_PAST = new Set(["it", "they", "he", "she", "we", "i", "which", "that", "who", "was", "were", "had", "has", "have", "been"]);
/** Determiners a subject's noun follows: "the backend retried". */
const DETERMINERS = new Set(["the", "a", "an", "its", "their", "our", "my", "this", "every", "each"]);

/**
 * A word in -ed used as a verb in the past: after a subject pronoun or an
 * auxiliary ("it retried", "was dismissed"), or after a determiner and its
 * noun ("the backend retried"). Right after a determiner, or with no subject
 * before it, it describes a noun ("the returned descriptor", "Indent
 * generated files").
 */
function pastAfterSubject(words: readonly string[], k: number): boolean {
  const word = words[k] ?? "";
  if (word.length <= 4 || !word.endsWith("ed")) return false;
  return BEFORE_PAST.has(words[k - 1] ?? "") || (DETERMINERS.has(words[k - 2] ?? "") && !DETERMINERS.has(words[k - 1] ?? ""));
}

/** Verbs a "so …" clause's outcome takes: "so night-shift workers stop squinting", "so admins can". */
const OUTCOME_VERBS = new Set(["can", "can't", "cannot", "could", "don't", "won't", "will", "no", "stop", "stops", "get", "see", "know", "need", "needn't"]);

/** How small the work would be: "so this would be a small addition", "so it should be easy to add". */
const EFFORTLESS = new Set(["small", "simple", "easy", "trivial", "quick", "straightforward", "cheap", "minor", "tiny"]);
const MODALS = new Set(["would", "should", "will", "might"]);

/** "…, so this would be a small addition to core": what the change would cost to make, not an outcome. */
function judgesTheEffort(words: readonly string[], at: number): boolean {
  if ((words[at + 1] !== "this" && words[at + 1] !== "it") || !MODALS.has(words[at + 2] ?? "")) return false;
  // "so it should only be one extra field in the request": how little it takes.
  const be = ONLY.has(words[at + 3] ?? "") ? at + 4 : at + 3;
  if (words[be] !== "be") return false;
  return be > at + 3 || EFFORTLESS.has(words[be + 1] ?? "") || ((words[be + 1] === "a" || words[be + 1] === "an") && EFFORTLESS.has(words[be + 2] ?? ""));
}
const ONLY = new Set(["only", "just"]);

/** How far into a "so" clause "the same" or "unchanged" may say nothing changes: "so existing configs render the same". */
const MAX_TO_SAME = 6;
/** "Default is unset, so existing configs render the same.", "…, so nothing changes for existing instances.": a reassurance. */
function reassures(read: readonly Word[], words: readonly string[], at: number): boolean {
  if (words[at + 1] === "nothing" && (words[at + 2] === "changes" || words[at + 2] === "breaks")) return true;
  for (let k = at + 1; k <= at + MAX_TO_SAME && k < words.length; k++) {
    if (words[k] === "unchanged") return true;
    // "render the same." or "the same as before", not "the same network".
    if (words[k] === "the" && words[k + 1] === "same" && (read[k + 1]?.endsClause || k + 2 >= words.length || SAME_AS.has(words[k + 2] ?? ""))) return true;
  }
  return false;
}
const SAME_AS = new Set(["as", "for", "way", "afterwards", "before", "too", "either"]);
/** "…, so there may be French speakers on the team who could review it": a guess, not an outcome. */
const guesses = (words: readonly string[], at: number) => words[at + 1] === "there" && MAYBE.has(words[at + 2] ?? "") && words[at + 3] === "be";
const MAYBE = new Set(["may", "might", "could"]);

/** How far into a "so" clause the template may be named: "so I've skipped the template". */
const MAX_TO_TEMPLATE = 5;
/** "Docs only, so I've skipped the template.": what the author did with the form, not an outcome of the change. */
const aboutTheTemplate = (words: readonly string[], at: number) => words.slice(at + 1, at + 1 + MAX_TO_TEMPLATE).includes("template");

/** "…, so they have to…" (after a comma) or "so <someone> can …": "so" as "so that", not "so much" or "so opening an issue". */
function soThat(read: readonly Word[], words: readonly string[], at: number): boolean {
  if (reportsPosting(words, at) || judgesTheEffort(words, at) || aboutTheTemplate(words, at) || reassures(read, words, at) || guesses(words, at)) return false;
  if (at > 0 && read[at - 1]?.endsClause) return true;
  return OUTCOME_VERBS.has(words[at + 2] ?? "") || OUTCOME_VERBS.has(words[at + 3] ?? "");
}

const MAX_SENTENCE = 300;

/** Words that set a failure before the change: "before the fix the function was cut off at 10 s". */
const BEFORE_THE_FIX = phraseIndex(
  [
    "before the fix", "before this fix", "before the change", "before this change", "before this pr", "before this patch", "without the fix", "without this fix", "without this change", "without this pr", "previously",
    // The branch a test plan compares with: "on master the build dies with a RangeError; with this branch it finishes".
    "on master", "on main", "on trunk", "on develop", "on the main branch", "on the master branch", "on the current release", "currently",
  ],
);

/**
 * "Before: the first requests failed …": a test plan's label, its own clause
 * at the sentence's start, that sets what follows before the change (its
 * "After:" then reports the fix). "Before merging, …" is no label.
 */
function labelledBefore(sentence: string): boolean {
  const first = wordsOf(sentence)[0];
  return first !== undefined && first.endsClause && first.lower === "before";
}

/**
 * A failure with its cause, or set before the change, in one sentence
 * ("installing failed half the time because the request timed out", "before
 * the fix the page returned a 504", "Before: every upload failed"), or an
 * amount measured before and after ("9 fps before, 24 fps after"): how a
 * test plan reports the problem the change fixes. A reassurance names
 * neither ("ran the suite; nothing breaks").
 */
export function findExplainedFailure(paragraphs: readonly string[]): ProseWhy | undefined {
  for (const paragraph of paragraphs) {
    for (const sentence of sentencesOf(paragraph)) {
      if (sentence.endsWith("?")) continue;
      const problem = cueIn(sentence, PROBLEMS, true);
      // "9 fps before, 24 fps after": the measured gain is the reason, with no failure word.
      if (problem === BEFORE_AND_AFTER) return { sentence: clip(sentence), cue: problem };
      if (problem && (causeCue(sentence) || cueIn(sentence, BEFORE_THE_FIX, false) || labelledBefore(sentence))) return { sentence: clip(sentence), cue: problem };
    }
  }
  return undefined;
}

const clip = (sentence: string) => (sentence.length > MAX_SENTENCE ? `${sentence.slice(0, MAX_SENTENCE - 1)}…` : sentence);

/**
 * The first sentence of the paragraphs that states a reason. Questions state
 * nothing ("Is your feature request related to a problem?").
 */
export function findWhyInProse(paragraphs: readonly string[]): ProseWhy | undefined {
  for (const paragraph of paragraphs) {
    for (const sentence of sentencesOf(paragraph)) {
      if (sentence.endsWith("?")) continue;
      const cue = sentenceCue(sentence);
      if (cue) return { sentence: clip(sentence), cue };
    }
  }
  return undefined;
}
