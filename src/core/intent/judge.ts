import { countWords } from "../markdown.js";
import { withoutBrackets } from "./brackets.js";
import { notAReason, reasonlessBecause, reasonWords } from "./reasons.js";
import { findWhoInProse, sentencesOf, wordsOf } from "./prose-who.js";
import { findExplainedFailure, findWhyInProse, onlyWantedSoThat, reasonCue, restatesTheWant, wishCue } from "./prose-why.js";
import { findStoryPersona, hasSlot, isWishStory } from "./user-story.js";
import type { TemplateAsks } from "./template-prompts.js";
import { allLines, readBody, type Aliases, type Field, type Statement, type StatementSource } from "./statements.js";

export interface IntentRules extends Aliases {
  minWords: number;
  placeholders: readonly string[];
  /** Phrases that give no reason ("would be nice", "+1"); a statement of only these, links and small words is rejected. */
  filler?: readonly string[] | undefined;
  /** The who read from a sentence naming a qualified group of people (see prose-who.ts); off when absent. */
  whoProse?: { enabled: boolean; nouns: readonly string[] } | undefined;
  /** The repository's name: in its own tracker, a persona of its users ("As a mypy user") names no one in particular. */
  project?: string | undefined;
}

/** A why or who that counts. */
export interface Finding {
  field: Field;
  source: StatementSource;
  label: string;
  text: string;
}

/** A candidate that does not count, and why, so the bot can say what to fix. */
export interface Rejection {
  field: Field;
  label: string;
  reason: "empty" | "template" | "placeholder" | "too short" | "link" | "filler" | "title" | "change" | "trigger" | "request" | "audience" | "anyone";
  words?: number;
}

export interface BodyIntent {
  why?: Finding | undefined;
  who?: Finding | undefined;
  rejections: Rejection[];
  /** What the template the body was written from asks for each field, in its words (for the hint). */
  asks?: TemplateAsks | undefined;
}

/** A line as template text is compared: lower case, punctuation and whitespace runs one space. */
export const normalizeLine = (line: string) =>
  line
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, " ")
    .trim();

/** Strips a template's YAML front matter (markdown issue templates start with one). */
export function stripFrontMatter(template: string): string {
  return template.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, "");
}

/** Lines that appear in the repository's templates: text left unchanged from them is not the author's. */
export function templateLines(templates: readonly string[]): Set<string> {
  const lines = new Set<string>();
  for (const template of templates) {
    for (const line of allLines(stripFrontMatter(template))) {
      const normalized = normalizeLine(line);
      if (normalized) lines.add(normalized);
    }
  }
  return lines;
}

function judge(statement: Statement, rules: IntentRules, template: ReadonlySet<string>, title: string | undefined): Finding | Rejection {
  const own = statement.lines.map((l) => l.trim()).filter((l) => l !== "");
  const reject = (reason: Rejection["reason"], words?: number): Rejection => ({ field: statement.field, label: statement.label, reason, ...(words === undefined ? {} : { words }) });
  if (own.length === 0) return reject("empty");
  const fromTemplate = own.filter((line) => !template.has(normalizeLine(line)));
  if (fromTemplate.length === 0) return reject("template");
  // "[x] Bug fix": a ticked choice of the template's, not a statement.
  const authored = fromTemplate.filter((line) => !isCheckboxLine(line));
  if (authored.length === 0) return reject("template");
  const placeholders = new Set(rules.placeholders.map(normalizeLine));
  const isPlaceholder = (line: string) => placeholders.has(normalizeLine(line)) || normalizeLine(line) === "";
  if (placeholders.has(normalizeLine(authored.join("\n"))) || authored.every(isPlaceholder)) return reject("placeholder");
  // Lines that are each a placeholder or filler ("See above", "None") say nothing; the rest is judged.
  const filler = rules.filler ?? [];
  const meant = authored.filter((line) => !isPlaceholder(line) && reasonlessBecause(line, filler, undefined) !== "filler");
  const said = statement.field === "why" ? withoutLeadIn(meant) : meant;
  if (meant.length > 0 && said.length === 0) return reject("filler");
  const text = (said.length > 0 ? said : authored).join("\n");
  // "As a maintainer, I want a cap on the blocking pool": the wish's own words are no problem; only a causal link is a reason.
  const oneWhySentence = statement.field === "why" && sentencesOf(text).length === 1;
  const wishOnly = oneWhySentence && isWishStory(text);
  const cue = statement.field === "why" && (wishOnly ? wishCue(text) : reasonCue(text)) !== undefined;
  // "I want to export a clip as a GIF so that I can get the clip as a GIF.": the purpose is the want again.
  if (oneWhySentence && statement.source !== "user story" && onlyWantedSoThat(text)) return reject("request");
  // "… I want a `useId()` helper so that I have a `useId()` helper": the benefit only says what is wanted.
  if (statement.source === "user story" && statement.field === "why" && restatesTheWant(statement.wholeStatement ?? "")) return reject("request");
  const reasonless = reasonlessBecause(text, filler, statement.field === "why" ? title : undefined, cue);
  if (reasonless) return reject(reasonless);
  // A user story's benefit is a reason by its form; any other why must say more than what the change does or who wants it.
  if (statement.field === "why" && statement.source !== "user story") {
    const notReason = notAReason(text, cue, filler) ?? (cue ? undefined : wantOrAudienceOnly(text, rules, filler));
    if (notReason) return reject(notReason);
  }
  // "All users.", "us, and probably others", "Everyone would benefit": an answer to who that names anyone at all.
  if (statement.field === "who" && statement.source !== "user story" && (answersAnyone(text) || answersOwnTeam(text))) return reject("anyone");
  // "As a developer, I want …": a persona of anyone names no one in particular, as a bare "developers" does.
  if (statement.source === "user story" && statement.field === "who" && namesAnyone(text, rules.project)) return reject("anyone");
  // A persona is short ("As an admin"); the story around it is the statement.
  const words = countWords(statement.wholeStatement ?? text);
  // Asked who, an answer naming a group ("Administrators", a dropdown's choice) is the who however short.
  // Only a short answer is tried: at most `minWords` words (≤ 100) against the configured nouns.
  const answersWho = () => statement.field === "who" && statement.source !== "user story" && namesGroup(text, rules.whoProse?.nouns ?? []);
  if (words < rules.minWords && !answersWho()) return reject("too short", words);
  return { field: statement.field, source: statement.source, label: statement.label, text };
}

/** Words of an answer to "who" that name no one in particular: pronouns, bare groups, hedges and words of wanting. */
const ANYONE_ANSWER = new Set(
  ("me us i we myself ourselves you others everyone everybody anyone anybody someone people person users user developers developer devs customers " +
    "all any every most many some lots lot of the a and or probably maybe likely surely definitely basically pretty much " +
    "would will benefit benefits love like want need it this from").split(" "),
);
/** Whether an answer is only such words. */
const answersAnyone = (text: string) => {
  const words = reasonWords(text);
  return words.length > 0 && words.every((word) => ANYONE_ANSWER.has(word));
};

/** The author's own people, as an answer to who: "Me and my team", "Our SRE team mostly." */
const OWN = new Set(["my", "our"]);
const OWN_GROUPS = new Set("team teams company org organisation organization department group colleagues coworkers co-workers squad lab office".split(" "));
/** Words an answer may add to its own team: "mostly", "mainly", "just". */
const HEDGES = new Set(["mostly", "mainly", "primarily", "just", "only", "especially", "probably"]);
/** How many words may name the team: "our SRE team", "my data platform team". */
const MAX_OWN_GROUP_WORDS = 4;

/** Whether an answer to who names only the author's own team or company, beside pronouns: the author is not an audience. */
const answersOwnTeam = (text: string) => {
  const words = reasonWords(text).filter((word) => !ANYONE_ANSWER.has(word) && !HEDGES.has(word));
  return words.length >= 2 && words.length <= MAX_OWN_GROUP_WORDS && OWN.has(words[0] ?? "") && OWN_GROUPS.has(words[words.length - 1] ?? "");
};

/** Personas that are anyone at all: "As a user", "As a developer", "As someone". */
const ANYONE = new Set("user users developer developers dev devs person people customer customers someone somebody anyone anybody human individual".split(" "));
/** "As a developer", or in the project's own tracker "As a Cypress user": anyone who would write there. */
function namesAnyone(persona: string, project: string | undefined): boolean {
  const words = wordsOf(persona).map((word) => word.lower).filter((word) => word !== "a" && word !== "an");
  if (words.length === 1) return ANYONE.has(words[0] ?? "");
  if (project === undefined) return false;
  // "As a developer using UnoCSS", "As a user of Vite": anyone of the project's users, said after the noun.
  if (ANYONE.has(words[0] ?? "") && words.length >= 3 && PROJECT_JOINS.has(words[1] ?? "") && namesProject(words.slice(2).join(""), project)) return true;
  // "As an AdGuard Home user" in AdGuardHome: the project's name may be written in words.
  return ANYONE.has(words[words.length - 1] ?? "") && namesProject(words.slice(0, -1).join(""), project);
}

/** "mypy" in python/mypy, "fish" in fish-shell/fish-shell, "adguardhome" (AdGuard Home) in AdGuardHome: the repository's name, without its dashes, or its first part. */
function namesProject(word: string, project: string): boolean {
  const name = project.toLowerCase();
  const parts = name.split(/[-_.]/u);
  const first = parts[0] ?? "";
  // "antd" in ant-design: the first part and the next part's initial, as a project abbreviates itself.
  const abbreviated = parts.length > 1 && first.length >= MIN_PROJECT_PART && word === first + (parts[1]?.[0] ?? "");
  return word === name || word === name.replace(/[-_.]/gu, "") || (first.length >= MIN_PROJECT_PART && word === first) || abbreviated;
}
/** Words that join a persona's noun to the project it uses: "a developer using UnoCSS", "a user of Vite". */
const PROJECT_JOINS = new Set(["using", "of", "on", "with"]);
const MIN_PROJECT_PART = 3;

/**
 * "From the discussion:", "Quoting the forum thread:": a last line ending in a
 * colon introduces what follows it (a quote, code) and is not read here; with
 * no reason of its own, it says nothing.
 */
function withoutLeadIn(lines: readonly string[]): readonly string[] {
  const last = lines[lines.length - 1];
  return last !== undefined && last.trimEnd().endsWith(":") && reasonCue(last) === undefined ? lines.slice(0, -1) : lines;
}

/** `[x] Bug fix`, `[ ] Feature`: a template's choice ticked or not. */
const isCheckboxLine = (line: string) => {
  const trimmed = line.trimStart();
  return trimmed.length >= 3 && trimmed[0] === "[" && trimmed[2] === "]" && " xX".includes(trimmed[1] ?? "");
};

/** Words that may frame a group without saying anything of it: "Mostly for artists who post here." */
/** "This would help …", "This is for …": saying that a group gains, without saying what they gain, frames the group too. */
/** "Intended for …", "Aimed at …": saying whom a change is meant for frames the group as well. */
/** "Written with … in mind": the words around a group that say it is the audience. */
/** "Built for …", "Made for …", "I'm raising this for …": saying what it was made or asked for frames the group too. */
const AUDIENCE_FRAME = new Set(
  "for mostly mainly only just especially primarily e g eg it's it is this these are our the a all any would will be help helps intended meant aimed targeted at one written with in mind built made designed i'm raising".split(" "),
);
const MAX_FRAME_WORDS = 4;

/**
 * A why with no reason cue that is only a request in a story's form ("As a
 * developer shipping on iOS, I need the safe area insets.") or only names an
 * audience ("Cluster admins on bare metal.", "Mostly for artists who post
 * here."): who wants it, not why. Each sentence is read alone: one that only
 * names the audience may stand beside ones that say nothing more than the
 * change, a link or filler ("Adds the option. This is for power users who
 * tune their setups.", "For engineers who run the importer. Context in
 * #12."). A few short sentences at most; each is read once by each rule.
 */
function wantOrAudienceOnly(text: string, rules: IntentRules, filler: readonly string[]): Rejection["reason"] | undefined {
  const sentences = sentencesOf(text);
  if (sentences.length === 1 && findStoryPersona(text) !== undefined) return "request";
  if (sentences.length <= MAX_AUDIENCE_SENTENCES && sentences.every((sentence) => sentence.length <= MAX_AUDIENCE_SENTENCE)) {
    // The audience if a sentence names one; else what the first sentence is ("Moves the helpers, as asked in review. No behaviour change.").
    let named = false;
    let said: Rejection["reason"] | undefined;
    let read = true;
    for (const sentence of sentences) {
      if (onlyNamesAudience(sentence, rules) || onlyNamesBeneficiary(sentence) || namesWhomFor(sentence, rules)) named = true;
      else {
        const nothing = reasonlessBecause(sentence, filler, undefined) ?? notAReason(sentence, false, filler);
        if (nothing === undefined) {
          read = false;
          break;
        }
        said ??= nothing;
      }
    }
    if (read && named) return "audience";
    if (read && sentences.length > 1) return said;
  }
  // One pass for a group first: most whys name none, and the clauses need not be read.
  return findWhoInProse([text], rules.whoProse?.nouns ?? []) !== undefined && usageAndAudienceOnly(text, rules) ? "audience" : undefined;
}

/** Words that make the group after them whom the work is for or from: "on behalf of the …", "is for …", "comes from …". */
const FOR_WHOM = new Set(["for", "of", "from", "at"]);
/** Words between such a word and the group: "for the", "from some of our". */
const GROUP_LEAD = new Set(["the", "our", "my", "their", "some", "a", "an", "of", "those", "these", "many", "all"]);

/**
 * "I'm asking on behalf of the amateur astronomers in our club who reduce
 * their photometry with astropy.", "The request comes from the language
 * teachers in our district who …", "This guide is for developers moving an
 * app to prebuild.": a sentence with no cue (the caller found none) whose
 * group is whom the work is for, named after "for", "of" or "from". A group
 * that is the subject ("Moderators of busy forums get 200 notifications for
 * one thread and miss the rest") is doing or suffering something, which may
 * be the reason in words no cue names, and is left to the other rules.
 */
function namesWhomFor(sentence: string, rules: IntentRules): boolean {
  const group = findWhoInProse([sentence], rules.whoProse?.nouns ?? []);
  if (!group) return false;
  const words = wordsOf(sentence).map((word) => word.lower);
  const first = wordsOf(group.phrase)[0]?.lower;
  const at = words.indexOf(first ?? "");
  let before = at - 1;
  while (before >= 0 && GROUP_LEAD.has(words[before] ?? "") && !FOR_WHOM.has(words[before] ?? "")) before--;
  return at > 0 && FOR_WHOM.has(words[before] ?? "");
}

/** Words that say whose a beneficiary is: "For our CI runners.", "For the docs team." */
const OWNERS = new Set(["our", "the", "my", "their", "your", "all"]);
/** The most words a beneficiary may run to after its owner: more may say what it gains ("for the build farm that times out"). */
const MAX_BENEFICIARY_WORDS = 3;

/**
 * "For our CI runners.", "Mostly for the docs team.": a sentence that only
 * says whom or what the change is for, people or not, with a couple of
 * framing words before it. A group of people is read by `onlyNamesAudience`;
 * this reads the rest. "For security reasons" has no owner and is left to the
 * other rules.
 */
function onlyNamesBeneficiary(sentence: string): boolean {
  const words = wordsOf(sentence).map((word) => word.lower);
  // "N/A, this would be for DBAs …": a placeholder before the frame says nothing more.
  let at = 0;
  while (at < words.length && LEADING_PLACEHOLDERS.has(words[at] ?? "")) at++;
  const opened = at;
  while (at < opened + MAX_FRAME_WORDS && words[at] !== "for" && AUDIENCE_FRAME.has(words[at] ?? "")) at++;
  // "It's mostly birdsong recordists who'd use this", "The main audience I have in mind is instructors who teach …": a plural the
  // frame leads to, and whom a "who" clause describes, is the group, whatever noun it is.
  if (words[at] !== "for") return (at > opened || audienceIs(words, at) > 0) && pluralBeforeWho(words, Math.max(at, audienceIs(words, at)));
  const rest = words.length - at - 2;
  if (OWNERS.has(words[at + 1] ?? "") && rest >= 1 && rest <= MAX_BENEFICIARY_WORDS) return true;
  // "For technical writers at companies that publish …": a plural among the first words names a group, whatever else describes it.
  for (let k = at + 1; k <= at + MAX_GROUP_HEAD && k < words.length; k++) if (isPluralGroup(words[k] ?? "")) return true;
  return false;
}

/** Words that only hold a field's place before what it says: "N/A, this would be for …". */
const LEADING_PLACEHOLDERS = new Set(["n", "a", "na", "none", "no"]);
/** "The main audience I have in mind is …": where what follows the "is" starts, or 0 when the sentence does not open so. */
function audienceIs(words: readonly string[], at: number): number {
  const lead = words.slice(at, at + MAX_AUDIENCE_LEAD + 3);
  // "The people who'd use this are platform engineers who …": whoever would use it, named after "are".
  const users = lead.findIndex((word, k) => word === "use" && WOULD.has(lead[k - 1] ?? "") && (lead[k + 1] === "this" || lead[k + 1] === "it"));
  // "The people I have in mind are developers who …": whom the author has in mind, named after "are".
  const inMind = lead.findIndex((word, k) => word === "in" && lead[k + 1] === "mind");
  const named = users >= 0 ? users : inMind >= 0 ? inMind + 1 : words.slice(at, at + MAX_AUDIENCE_LEAD).indexOf("audience");
  if (named < 0) return 0;
  for (let k = at + named + 1; k < at + MAX_AUDIENCE_LEAD + 4 && k < words.length; k++) if (words[k] === "is" || words[k] === "are") return k + 1;
  return 0;
}
const MAX_AUDIENCE_LEAD = 3;
const WOULD = new Set(["who'd", "who’d", "would", "who'll"]);
/** Relative words a group's "who" clause opens with. */
const WHO_WORDS = new Set(["who", "who'd", "who'll", "who've", "who’d", "whose"]);
/** Whether a plural among the first words from `from` is followed by its "who": "birdsong recordists who'd use this". */
function pluralBeforeWho(words: readonly string[], from: number): boolean {
  for (let k = from; k < from + MAX_GROUP_HEAD && k < words.length; k++) if (isPluralGroup(words[k] ?? "") && WHO_WORDS.has(words[k + 1] ?? "")) return true;
  return false;
}

/** How far after "for" a group's plural may come: "for Ukrainian-speaking site owners". */
const MAX_GROUP_HEAD = 4;
/** Plurals after "for" that name no group: "For security reasons", "For more details". */
const NOT_GROUPS = new Set(["reasons", "purposes", "details", "docs", "details", "tests", "things", "years", "days", "weeks", "months", "hours", "minutes", "seconds", "times", "files", "is", "was", "has", "does", "this", "its", "us"]);
const isPluralGroup = (word: string) => word.length > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("'s") && !NOT_GROUPS.has(word);

/** A why of more sentences than this, or of a longer one, is left to the other rules: it says more than an audience. */
const MAX_AUDIENCE_SENTENCES = 4;
const MAX_AUDIENCE_SENTENCE = 300;
/** Words that open a clause describing the group: "users who …", "teams whose …", "anyone running …". */
const DESCRIBING = new Set(["who", "whose", "that", "which"]);

/**
 * Whether a sentence only names a group: its words outside the group are a
 * couple of framing words ("This is for …", "Mostly for …"). A clause that
 * describes the group ("who tune their setups from the advanced dialog")
 * belongs to it to the clause's end, however long; the who reader quotes only
 * its first words.
 */
function onlyNamesAudience(written: string, rules: IntentRules): boolean {
  const sentence = withoutAsides(written);
  const group = findWhoInProse([sentence], rules.whoProse?.nouns ?? []);
  if (!group) return false;
  const read = wordsOf(sentence);
  const words = read.map((word) => word.lower);
  const phrase = wordsOf(group.phrase).map((word) => word.lower);
  const at = words.findIndex((_, i) => phrase.every((part, k) => words[i + k] === part));
  if (at < 0) return false;
  let to = at + phrase.length;
  const describes = phrase.some((word) => DESCRIBING.has(word) || (word.length > 4 && word.endsWith("ing")));
  if (describes) while (to < words.length && !read[to - 1]?.endsClause) to++;
  // "…, whose students do all their exercises in Colab": a further clause describing the group belongs to it too.
  while (to < words.length && read[to - 1]?.endsClause && (words[to] === "who" || words[to] === "whose")) {
    to++;
    while (to < words.length && !read[to - 1]?.endsClause) to++;
  }
  const outside = [...words.slice(0, at), ...words.slice(to)];
  return outside.length <= MAX_FRAME_WORDS && outside.every((word) => AUDIENCE_FRAME.has(word) || word.endsWith("ly"));
}

/**
 * The sentence without its bracketed asides: "Mostly for people with low
 * vision (my dad is one of them)." names the group alone; the aside says who
 * the author knows in it, not what they gain. A closing ", like …" is an
 * aside too ("…, like the planners I build this app for"). One pass over the
 * characters.
 */
function withoutAsides(sentence: string): string {
  const kept = withoutBrackets(sentence);
  // "…, like the logistics planners I build this app for": an example of the group, an aside as a bracket is.
  const like = kept.indexOf(", like ");
  return like < 0 ? kept : kept.slice(0, like);
}

/** Subjects of a usage clause: "We use it…", "Our clinic runs it…", "I deploy it…". */
const FIRST_PERSON = new Set(["we", "i", "our", "my"]);
const USING = new Set("use uses used run runs ran deploy deploys deployed ship ships host hosts hosted embed embeds embedded".split(" "));
/** Words a usage clause's subject may take before its verb: "our front desk team uses". */
const MAX_SUBJECT_WORDS = 3;
/** Saying where and by whom it is used takes a clause or two; a longer statement says more, and is left as it is. */
const MAX_USAGE_CLAUSES = 6;
/** The verbs of a clause that only says who someone is: "the people at the desk are mostly volunteers". */
const BEING = new Set(["is", "are", "was", "were"]);

/** A text's clauses, as lower-case words: split at sentence ends and at commas, semicolons and colons. */
function clausesOf(text: string): string[][] {
  const clauses: string[][] = [];
  for (const sentence of sentencesOf(text)) {
    let clause: string[] = [];
    for (const word of wordsOf(sentence)) {
      clause.push(word.lower);
      if (word.endsClause) {
        clauses.push(clause);
        clause = [];
      }
    }
    if (clause.length > 0) clauses.push(clause);
  }
  return clauses;
}

/** "We use it in a kiosk app", "and our clinic runs it on tablets": a first-person subject, then a verb of using. */
function saysWhereUsed(clause: readonly string[]): boolean {
  const start = clause[0] === "and" || clause[0] === "but" ? 1 : 0;
  if (!FIRST_PERSON.has(clause[start] ?? "")) return false;
  for (let verb = start + 1; verb <= start + MAX_SUBJECT_WORDS && verb < clause.length; verb++) if (USING.has(clause[verb] ?? "")) return true;
  return false;
}

/**
 * "We use it in a kiosk app, and the people using the kiosks are mostly
 * elderly visitors.": one clause says where the author uses it, the others
 * only who the users are ("… are …" naming a group). Where and by whom it is
 * used is the audience, not a reason (the caller has found no reason cue in
 * the text). One pass over the words, and the who reader once per clause.
 */
function usageAndAudienceOnly(text: string, rules: IntentRules): boolean {
  const clauses = clausesOf(text);
  if (clauses.length > MAX_USAGE_CLAUSES) return false;
  let used = false;
  let named = false;
  for (const clause of clauses) {
    if (saysWhereUsed(clause)) used = true;
    else if (clause.some((word) => BEING.has(word)) && findWhoInProse([clause.join(" ")], rules.whoProse?.nouns ?? [])) named = true;
    else return false;
  }
  return used && named;
}

/** Whether the text names one of the group nouns, plural or singular ("Administrators", "an admin"): a few short words, compared as words. */
function namesGroup(text: string, nouns: readonly string[]): boolean {
  const words = wordsOf(text).map((word) => word.lower);
  return nouns.some((noun) => {
    const parts = wordsOf(noun).map((word) => word.lower);
    const last = parts.length - 1;
    return words.some((_, i) => parts.every((part, k) => words[i + k] === part || (k === last && `${words[i + k] ?? ""}s` === part)));
  });
}

/** How many statements of one field are judged at most. */
const MAX_STATEMENTS_PER_FIELD = 32;

/**
 * What a body states of why and who, judged by the rules; the first valid
 * statement of each wins. With no why stated, a sentence of the author's
 * prose that states a problem, a benefit or a consequence is the why; with
 * no who, one that names a qualified, pointed or counted group of people.
 * `title`, when given, rejects a why that only restates it.
 */
export function judgeBody(body: string | null | undefined, rules: IntentRules, template: ReadonlySet<string>, title?: string): BodyIntent {
  const result: BodyIntent = { rejections: [] };
  const reading = readBody(body, rules);
  /** Lines of why statements rejected for what they say: read again as prose, they would say the same. */
  const judged = new Set(template);
  const tried = { why: 0, who: 0 };
  for (const statement of reading.statements) {
    // A body of thousands of prompts is hostile: past the first few of a field, more say nothing new.
    if (result[statement.field] || tried[statement.field]++ >= MAX_STATEMENTS_PER_FIELD) continue;
    const verdict = judge(statement, rules, template, title);
    if ("reason" in verdict) {
      result.rejections.push(verdict);
      if (statement.field === "why" && SAID_NOTHING.has(verdict.reason)) for (const line of statement.lines) judged.add(normalizeLine(line));
    } else result[statement.field] = verdict;
  }
  if (!result.why) result.why = whyInProse(reading.reasonProse, rules, judged, findWhyInProse) ?? whyInProse(reading.checksProse, rules, judged, findExplainedFailure);
  if (!result.who && rules.whoProse?.enabled) result.who = whoInProse(reading.prose, rules, template);
  result.rejections = result.rejections.filter((r) => !result[r.field]);
  return result;
}

/** Rejections for what a statement says, not for where it came from. */
const SAID_NOTHING = new Set<Rejection["reason"]>(["filler", "title", "change", "trigger", "request", "audience"]);

/** "As a <role> I want [goal / wish] so that [benefit]": a template's story pasted with its slots unfilled says nothing. */
const isSlottedStory = (line: string) => line.trimStart().toLowerCase().startsWith("as a") && hasSlot(line);

/** The author's own paragraphs: lines left unchanged from the template are not read. */
const ownParagraphs = (prose: readonly string[][], template: ReadonlySet<string>) =>
  prose.map((lines) => lines.filter((line) => !template.has(normalizeLine(line)) && !isSlottedStory(line)).join(" "));

/**
 * The who from the author's own sentences. A qualified group is specific on
 * its own, so a short answer ("Data engineers on the EU cluster", an issue
 * form's answer under any label) counts without the minimum word count.
 */
function whoInProse(prose: readonly string[][], rules: IntentRules, template: ReadonlySet<string>): Finding | undefined {
  const found = findWhoInProse(ownParagraphs(prose, template), rules.whoProse?.nouns ?? []);
  return found && { field: "who", source: "prose", label: found.phrase, text: found.sentence };
}

/**
 * The why from the author's own sentences: the first that states a problem, a
 * benefit or a consequence (`findWhyInProse`), or, under a heading about
 * testing, a failure with its cause (`findExplainedFailure`).
 */
function whyInProse(prose: readonly string[][], rules: IntentRules, template: ReadonlySet<string>, find: typeof findWhyInProse): Finding | undefined {
  const found = find(ownParagraphs(prose, template));
  if (!found || countWords(found.sentence) < rules.minWords) return undefined;
  return { field: "why", source: "prose", label: "", text: found.sentence };
}
