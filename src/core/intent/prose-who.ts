/**
 * The who stated in plain prose: "Screen reader users can't tell when…",
 * "Customers on EU Cloud who use session replay…". A sentence counts when it
 * names a group of people (a noun from the configured list) with a qualifier
 * that says which: a word before the noun that is not a determiner, pronoun,
 * quantifier or common verb ("screen reader users", "mobile developers"), or
 * a phrase after it ("customers on EU Cloud", "users who…", "developers
 * shipping…"). A bare "users" names no one in particular. Questions do not
 * state anything. Every scan is one pass over the sentence's words.
 */
export interface ProseWho {
  /** The group as written, e.g. `screen reader users`. */
  phrase: string;
  /** The sentence it was read from. */
  sentence: string;
}

/** Words that do not say which people: "the users", "our customers", "lets developers", "many teams". */
const NOT_A_QUALIFIER = new Set(
  (
    "a an the this that these those our their your my his her its all any some many most few fewer more several both each every other " +
    "no not and or but nor for of to in on at by with from as than then so if into onto over about also only just even " +
    // Conjunctions open a clause: "When moderators move…" names moderators, no kind of them.
    "when whenever while where because after before until unless once since though although " +
    "is are was were be been being am do does did has have had will would can could should may might must " +
    "we they you i he she it them us me who whom which what " +
    "let lets allow allows enable enables help helps give gives make makes tell tells show shows ask asks want wants need needs " +
    "affect affects affected impact impacts block blocks prevent prevents force forces require requires confuse confuses " +
    "notify notifies remind reminds warn warns invite invites hurt hurts annoy annoys frustrate frustrates bother bothers " +
    "such same real actual " +
    // All of a group is no kind of it: "the entire community", "the whole team" say everyone.
    "entire whole " +
    // Particles of a phrasal verb: "commenting out members", "signing up users".
    "out up down off away back"
  ).split(" "),
);

/** Adverbs that may stand between a group and what says which: "people already using …", "users still on 2.x". */
const STILL = new Set(["already", "still", "currently", "mostly", "mainly", "often", "usually"]);
/** "people like me who …", "users like us running …": the author among the group. */
const AUTHORS = new Set(["me", "us", "myself", "ourselves"]);

/** How many words stand between a group's noun (ending before `end`) and what says which: an adverb, or "like me". */
function wordsBetween(words: readonly Word[], end: number): number {
  if (words[end - 1]?.endsClause) return 0;
  if (STILL.has(words[end]?.lower ?? "")) return 1;
  if (words[end]?.lower === "like" && !(words[end]?.endsClause ?? false) && AUTHORS.has(words[end + 1]?.lower ?? "")) return 2;
  return 0;
}

/** Words after the noun that begin a phrase saying which people. */
const QUALIFYING_NEXT = new Set(["on", "of", "in", "with", "without", "who", "whose", "that", "using", "running", "behind", "from", "at", "across", "outside", "inside", "via", "under"]);

/** The most words quoted on either side of the noun. */
const MAX_QUALIFIER_WORDS = 3;
const MAX_AFTER_WORDS = 5;
/** A sentence longer than this is quoted clipped. */
const MAX_SENTENCE = 300;

export interface Word {
  text: string;
  lower: string;
  /** The word ends its clause (a comma, semicolon or colon follows). */
  endsClause: boolean;
  /** The word is part of a path, URL or identifier (a `/`, `_` or an inner `.` touches it): "doc/users/" names no one, "max_blocking_threads" states no problem. */
  inPath?: boolean;
  /** The word is a quoted label of a word or two ("the “Blocked” column"): the name of something, not what the author says of it. */
  quoted?: boolean;
}

/** Letters, digits, apostrophes and hyphens; ASCII answered without a regex (this runs once per character). */
const isWordChar = (ch: string) => {
  const code = ch.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || ch === "'" || ch === "-";
  return /[\p{L}\p{N}’]/u.test(ch);
};

/** The most words a quote may hold and be a label's name, not a message: "the “Blocked” column", "“Save draft”". */
const MAX_LABEL_WORDS = 2;

export function wordsOf(sentence: string): Word[] {
  const words: Word[] = [];
  let start = -1;
  let quoted = false;
  let quoteStart = 0;
  for (let i = 0; i <= sentence.length; i++) {
    const ch = sentence[i];
    if (ch !== undefined && isWordChar(ch)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      const text = sentence.slice(start, i);
      // A dot with no space after it joins an identifier too: "users.*.create events", "Node.js".
      const dotted = ch === "." && sentence[i + 1] !== undefined && sentence[i + 1] !== " " && sentence[i + 1] !== "\n";
      const inPath = ch === "/" || ch === "_" || dotted || sentence[start - 1] === "/" || sentence[start - 1] === "_" || (sentence[start - 1] === "." && start >= 2 && sentence[start - 2] !== " ");
      if (/[\p{L}\p{N}]/u.test(text)) words.push({ text, lower: text.toLowerCase(), endsClause: false, ...(inPath ? { inPath } : {}), ...(quoted ? { quoted } : {}) });
      start = -1;
    }
    if (ch === '"' || ch === "“" || ch === "”") {
      const opening: boolean = ch === "“" || (ch === '"' && !quoted);
      // A quote of a few words names a label ("the “Blocked” column"); a longer one (an error message) is read as words.
      if (!opening && quoted && words.length - quoteStart > MAX_LABEL_WORDS) for (let k = quoteStart; k < words.length; k++) delete words[k]?.quoted;
      quoted = opening;
      quoteStart = words.length;
    }
    const last = words[words.length - 1];
    if (last && (ch === "," || ch === ";" || ch === ":" || ch === "(" || ch === ")")) last.endsClause = true;
    const sign = signWord(ch, sentence[i - 1]);
    if (sign) words.push(sign);
  }
  return words;
}

/**
 * Signs read as words, because a measure says itself with them: "%" is
 * "percent" ("30% less memory"), "→" and "->" an arrow between a before and
 * an after ("14.2 s → 8.7 s"). Other punctuation separates words.
 */
function signWord(ch: string | undefined, before: string | undefined): Word | undefined {
  if (ch === "%") return { text: ch, lower: "percent", endsClause: false };
  if (ch === "→" || (ch === ">" && before === "-")) return { text: "→", lower: ARROW, endsClause: false };
  return undefined;
}

/** The word an arrow is read as. */
export const ARROW = "→";

const isAsciiLetter = (ch: string | undefined) => ch !== undefined && ((ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z"));

/**
 * Whether the dot at `at` closes an abbreviation of single letters, "e.g." or
 * "i.e.", which go on to an example, not to a new sentence: a letter before
 * the dot, a dot before that letter, a letter before that dot, and no letter
 * before it. Four characters looked at.
 */
const closesAbbreviation = (text: string, at: number) =>
  isAsciiLetter(text[at - 1]) && text[at - 2] === "." && isAsciiLetter(text[at - 3]) && !isAsciiLetter(text[at - 4]);

/** Sentences of a paragraph: ends at `.`, `!` or `?` followed by whitespace or the end ("e.g." and "i.e." end none). */
export function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ((ch === "." || ch === "!" || ch === "?") && (i + 1 === text.length || /\s/u.test(text[i + 1] ?? "")) && !(ch === "." && i + 1 < text.length && closesAbbreviation(text, i))) {
      sentences.push(text.slice(start, i + 1).trim());
      start = i + 1;
    }
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences.filter(Boolean);
}

/** Nouns as word sequences, indexed by their first word. */
function nounIndex(nouns: readonly string[]): Map<string, string[][]> {
  const index = new Map<string, string[][]>();
  for (const noun of nouns) {
    const parts = wordsOf(noun).map((w) => w.lower);
    const first = parts[0];
    if (!first) continue;
    index.set(first, [...(index.get(first) ?? []), parts]);
  }
  return index;
}

/** Words ending in "ly" that are no adverbs and say which people: "family members", "elderly visitors", "early adopters", "daily users". */
const LY_QUALIFIERS = new Set("family elderly early daily weekly monthly yearly hourly nightly quarterly".split(" "));
/** Counts say how many, not which: "a few thousand teams", "200 users". */
const COUNT_WORDS = new Set("two three four five six seven eight nine ten dozen dozens hundred hundreds thousand thousands million millions".split(" "));
const isCount = (lower: string) => COUNT_WORDS.has(lower) || [...lower].every((ch) => (ch >= "0" && ch <= "9") || ch === "," || ch === ".");

/** A word before the noun that says which people; adverbs ("mostly", "only") and counts do not. */
const isQualifier = (word: Word | undefined) =>
  word !== undefined && !word.endsClause && !NOT_A_QUALIFIER.has(word.lower) && (!word.lower.endsWith("ly") || LY_QUALIFIERS.has(word.lower)) && !isCount(word.lower);

/** Pronouns only ever a subject, so the word after them is a verb whatever its ending: "I think users would love it". */
const PERSONAL_SUBJECTS = new Set(["i", "i'd", "i'm", "we'd", "they'd", "she", "he"]);
/** Pronouns a verb follows as its subject: "It confused people", "This annoyed users". */
const SUBJECT_PRONOUNS = new Set(["it", "this", "that", "which", "he", "she", "they", "we", "i"]);

/**
 * "It confused people enough that …", "which annoyed users": a word in -ed
 * right after a subject pronoun is the verb and the group its object, not a
 * kind of people ("confused people"); so is any word after "I" ("I think
 * users would love it"). "The invited users" keeps its qualifier.
 */
const verbAfterSubject = (words: readonly Word[], at: number) => {
  const subject = words[at - 1]?.lower ?? "";
  return PERSONAL_SUBJECTS.has(subject) || ((words[at]?.lower.endsWith("ed") ?? false) && SUBJECT_PRONOUNS.has(subject));
};

/** Pronouns that point at a group already named: "those users", "their users", "its users". */
const POINTING = new Set(["those", "these", "their", "its"]);
/** Determiners after which a quantifier still names a part of a group: "some of the users", "most of our customers". */
const DETERMINERS = new Set(["the", "our", "your", "my", "his", "her", ...POINTING]);
/** Words saying how many of a group: "some of", "a large share of", "half of". */
const QUANTIFIERS = new Set(
  ("some many most half all share part portion majority minority fraction percent number lot lots few several thousands hundreds dozens millions none " +
    // Fractions: "about a third of the students", "a quarter of our users".
    "third thirds quarter quarters fifth fifths tenth tenths").split(" "),
);
/** Words before a quantifier that belong to the phrase: "a large share of". */
const MAX_LEAD_WORDS = 2;

/**
 * Where a pointed or quantified group starts ("those users", "some of their
 * users", "a large share of its users"), or `noun` when the group is neither:
 * a few words looked at before the noun.
 */
function pointedOrQuantified(words: readonly Word[], noun: number): number {
  const before = words[noun - 1];
  if (!before || before.endsClause || !DETERMINERS.has(before.lower)) return noun;
  const quantified = words[noun - 2]?.lower === "of" && QUANTIFIERS.has(words[noun - 3]?.lower ?? "") && !words[noun - 3]?.endsClause;
  if (!quantified) return POINTING.has(before.lower) ? noun - 1 : noun;
  let from = noun - 3;
  for (let lead = 0; lead < MAX_LEAD_WORDS && from > 0; lead++) {
    const word = words[from - 1];
    if (!word || word.endsClause || !(word.lower === "a" || isQualifier(word))) break;
    from--;
  }
  return from;
}

/**
 * Plural endings that name people by what they do or study ("technicians",
 * "journalists", "clinicians"), beside the configured nouns. Words that end
 * so but name things or are verbs are set aside: a compound of "lists"
 * ("playlists", "checklists"; but "journalists", "specialists", "novelists"
 * have `a` or `e` before it), "exists", "persists", "insists".
 */
const PEOPLE_ENDINGS = ["ians", "ists"];
const MIN_PEOPLE_WORD = 7;
function namesPeopleByEnding(lower: string): boolean {
  if (lower.length < MIN_PEOPLE_WORD || !PEOPLE_ENDINGS.some((end) => lower.endsWith(end))) return false;
  if (lower.endsWith("sists") || lower.endsWith("xists")) return false;
  if (lower.endsWith("lists")) return lower.endsWith("alists") || lower.endsWith("elists");
  return true;
}

/**
 * Nouns that only ever name people, beside the configured list (which a
 * repository may narrow to its own roles): "new hires", "volunteers at the
 * front desk", "households sharing an account". Like the endings above, a
 * qualifier is still needed. Not "parents" or "families": a node's parents,
 * font families.
 */
const PEOPLE_NOUNS = new Set(
  ("hires joiners volunteers patients colleagues coworkers co-workers relatives households residents citizens interns freelancers moderators folks " +
    // People by their craft or stage: "practitioners fine-tuning on …", "hobbyist learners", "working professionals".
    "practitioners learners professionals hobbyists enthusiasts " +
    // A community is its people: "the Korean NLP community", "communities running their own servers".
    "community communities " +
    // People by the body they work in or their office: "clinical staff who share workstations", "compliance officers preparing audits".
    "staff crews personnel officers auditors " +
    // People by what they write or run: "technical writers at companies that …", "sysadmins who manage fleets".
    "writers sysadmins webmasters makers tinkerers sub-editors kids teenagers " +
    // People by their work in a clinic, an office or a field: "nurses and ward clerks at our hospital".
    "nurses clerks doctors physicians coordinators accountants lawyers bookkeepers assistants instructors " +
    // People by how they run things: "SREs running etcd for large clusters", "self-hosters running n8n in queue mode", "the homelab crowd running …".
    "sres self-hosters selfhosters homelabbers crowd " +
    // People by their studies, their trade or their home: "undergraduates in a first course", "the paralegals at the firms",
    // "streamers running their own server", "audiobook narrators", "homeowners whose mortgage …", "DBAs coming over from Postgres".
    "undergraduates undergrads postgraduates postgrads paralegals streamers broadcasters narrators homeowners renters dbas " +
    // Young people and beginners at code: "Spanish-speaking teenagers in an after-school club", "first-time coders in workshops".
    "teenagers teens pupils coders " +
    // People by what they do in a shop, a trip or a plan: "shoppers on budget Android phones", "the maintenance planners at our plants".
    "shoppers travellers travelers commuters passengers planners").split(" "),
);

/**
 * "who" refers only to people: a plural right before it ("artists who
 * post…"), or before a place that says where they are ("field coordinators
 * in Kenya and Tanzania who run…", "editors on multilingual sites who
 * swap…"), names a group of them. The place runs to "who" without another
 * plural in lower case, which would be the one "who" refers to.
 */
function isPluralBeforeWho(words: readonly Word[], i: number): boolean {
  const word = words[i];
  if (!word || word.endsClause || word.lower.length < 4 || !word.lower.endsWith("s") || word.lower.endsWith("ss") || NOT_A_QUALIFIER.has(word.lower)) return false;
  if (words[i + 1]?.lower === "who") return true;
  if (!WHERE.has(words[i + 1]?.lower ?? "")) return false;
  for (let k = i + 2; k <= i + MAX_PLACE_WORDS && k < words.length; k++) {
    const lower = words[k]?.lower ?? "";
    if (lower === "who") return true;
    const plural = lower.endsWith("s") && !lower.endsWith("ss") && !lower.endsWith("'s") && !lower.endsWith("’s") && lower.length > 3 && !SINGULAR_IN_S.has(lower);
    if (words[k - 1]?.endsClause || (plural && words[k]?.text === lower)) return false;
  }
  return false;
}
/** Words in -s that are no plural, so a place may hold them: "editors on our news desk who …". */
const SINGULAR_IN_S = new Set(["news", "series", "status", "analytics", "physics", "mathematics", "economics", "politics"]);
/** Prepositions of a place between a group and its "who": "coordinators in Kenya who …", "editors on multilingual sites who …". */
const WHERE = new Set(["in", "on", "at", "from", "across"]);
const MAX_PLACE_WORDS = 6;

/**
 * Verbs only people do: a plural that tells, asks, complains, postpones or
 * forgets names people ("moderators of large servers told us…", "those
 * volunteers can't tell which…"), where a plural that fails or waits may be a
 * thing ("workers wait", "selectors lose specificity").
 */
const HUMAN_VERBS = phraseIndex([
  "told", "tell us", "ask", "asked", "complain", "complained", "postpone", "postponed", "forget", "forgot", "wonder", "wondered",
  "prefer", "struggle", "struggled", "can't tell", "cannot tell", "don't understand", "didn't understand", "abandon", "abandoned", "give up", "gave up",
  // Raising a subject, or voting on one: "node runners brought this up in #812", "operators voted for it".
  "brought this up", "brought it up", "brought up", "voted", "agreed",
]);
/**
 * What one person named by a listed noun goes through, and software does not:
 * "the on-call data engineer spends the night…". "The legacy reader can't
 * open it" and "the agent has to retry" are programs.
 */
const PERSON_VERBS = phraseIndex(["spends", "spent", "wastes", "wasted", "gets paged", "got paged", "gives up", "gave up", "complains", "complained", "asks", "asked"]);
/** How far a human verb may follow its plural: over a short phrase saying which ("moderators of large open communities told"). */
const MAX_TO_VERB = 6;

function phraseIndex(phrases: readonly string[]): Map<string, string[][]> {
  const index = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const parts = phrase.split(" ");
    index.set(parts[0] ?? "", [...(index.get(parts[0] ?? "") ?? []), parts]);
  }
  return index;
}

const lowerAt = (words: readonly Word[], at: number) => (words[at]?.lower ?? "").replaceAll("’", "'");
const verbAt = (words: readonly Word[], at: number, verbs: Map<string, string[][]>) =>
  (verbs.get(lowerAt(words, at)) ?? []).some((parts) => parts.every((part, k) => lowerAt(words, at + k) === part));

/** Words that give a verb another subject than the noun before them. */
const OTHER_SUBJECTS = new Set(["we", "i", "you", "he", "she", "and", "then"]);

/**
 * Whether a verb of `verbs` follows word `i` in its clause, within a few
 * words, with the word as its subject: not across a subject of its own ("When
 * the modal fires we can't tell") or a joined verb ("I mute noisy rooms and
 * then forget").
 */
function verbFollows(words: readonly Word[], i: number, verbs: Map<string, string[][]>, reach: number): boolean {
  for (let at = i + 1; at <= i + reach && at < words.length; at++) {
    if (words[at - 1]?.endsClause || OTHER_SUBJECTS.has(lowerAt(words, at))) return false;
    // "the Nordic layouts will be asked for next": a passive says what is done to the thing, not what it does.
    if (verbAt(words, at, verbs)) return verbs !== HUMAN_VERBS || !PASSIVE.has(lowerAt(words, at - 1));
  }
  return false;
}
const PASSIVE = new Set(["be", "been", "being", "is", "are", "was", "were", "get", "gets", "got"]);

/** A plural not in the list that does what only people do: "moderators … told us", "those volunteers can't tell". */
const isPluralDoingHumanThings = (words: readonly Word[], i: number) => {
  const word = words[i];
  return (
    word !== undefined && word.lower.length >= 5 && word.lower.endsWith("s") && !word.lower.endsWith("ss") && !NOT_A_QUALIFIER.has(word.lower) && verbFollows(words, i, HUMAN_VERBS, MAX_TO_VERB)
  );
};

/** One person named by a listed noun, doing what a person does: "the on-call data engineer spends…". */
const isListedPerson = (words: readonly Word[], i: number, nouns: Map<string, string[][]>) => {
  const word = words[i];
  // "the on-call data engineer spends …" is a role; "an account manager asked …" is one unnamed person.
  const onePerson = words.slice(Math.max(0, i - 3), i).some((before) => before.lower === "a" || before.lower === "an");
  return word !== undefined && !onePerson && (nouns.get(`${word.lower}s`) ?? []).some((parts) => parts.length === 1) && verbFollows(words, i, PERSON_VERBS, 1);
};

/** Words of praise a group follows with "for": "would be useful for astronomers working with …". */
const PRAISED_FOR = new Set("useful helpful handy valuable beneficial convenient great nice good essential important invaluable".split(" "));
/** What people do and programs or data do not: "astronomers working with …", "students learning …". */
const HUMAN_PARTICIPLES = new Set("working studying teaching learning researching writing trying doing maintaining analysing analyzing".split(" "));

/**
 * A plural not in the list that a praise is for, doing what people do:
 * "useful for astronomers working with unevenly sampled light curves". The
 * praise is no reason (see reasons.ts), but the group is still the who;
 * "useful for datasets containing gaps" names data.
 */
const isPluralPraisedFor = (words: readonly Word[], i: number) => {
  const word = words[i];
  return (
    word !== undefined &&
    word.lower.length >= 5 &&
    word.lower.endsWith("s") &&
    !word.lower.endsWith("ss") &&
    !word.endsClause &&
    words[i - 1]?.lower === "for" &&
    PRAISED_FOR.has(words[i - 2]?.lower ?? "") &&
    HUMAN_PARTICIPLES.has(words[i + 1]?.lower ?? "")
  );
};

/** The group noun starting at word `i`, as its words, or undefined. */
/**
 * A capitalised word right after a word in lower case is a name: "the new
 * Teams webhook format" names a product. Title case ("System
 * Administrators", an issue form's choice) and a sentence's first word are
 * read as words.
 */
const namesAProduct = (words: readonly Word[], i: number) => {
  const before = words[i - 1];
  // "Aimed at Rubyists writing …": a people word capitalised as a name of its craft is still people.
  if (namesPeopleByEnding(words[i]?.lower ?? "")) return false;
  return before !== undefined && !before.endsClause && isCapitalised(words[i]?.text ?? "") && before.text === before.lower && before.text !== before.text.toUpperCase();
};
const isCapitalised = (text: string) => text.length > 1 && text[0] !== undefined && text[0] >= "A" && text[0] <= "Z" && text.slice(1) === text.slice(1).toLowerCase();

/** Nouns after "community" that make it a thing the community has: "community call", "community forum". */
const COMMUNITY_THINGS = new Set("call calls meeting meetings forum forums chat standup sync event events page pages guidelines site server discord slack repo health edition plugin plugins version".split(" "));

function nounAt(words: readonly Word[], i: number, nouns: Map<string, string[][]>): readonly string[] | undefined {
  const word = words[i];
  if (!word || word.inPath || namesAProduct(words, i)) return undefined;
  const listed = (nouns.get(word.lower) ?? []).find((parts) => parts.every((part, k) => words[i + k]?.lower === part));
  if (listed) return listed;
  // "the last community call": a community's meeting or page, not its people.
  if ((word.lower === "community" || word.lower === "communities") && COMMUNITY_THINGS.has(words[i + 1]?.lower ?? "")) return undefined;
  const person =
    PEOPLE_NOUNS.has(word.lower) ||
    namesPeopleByEnding(word.lower) ||
    isPluralBeforeWho(words, i) ||
    isPluralDoingHumanThings(words, i) ||
    isListedPerson(words, i, nouns) ||
    isPluralPraisedFor(words, i) ||
    worksAtAnOrganisation(words, i);
  return person ? [word.lower] : undefined;
}

/** Where people work: "the claims handlers at our insurance company", "the reporters at our newsroom", "the QA testers on our payments team". */
const ORGANISATIONS = new Set(
  ("company companies firm firms newsroom newsrooms team teams lab labs hospital hospitals clinic clinics school schools university office offices agency agencies " +
    "bank banks studio studios department nonprofit charity newspaper startup organisation organization council library libraries warehouse warehouses " +
    "ministry court club association station stations store stores shop shops plant plants factory factories institute " +
    "service ngo ngos house museum practice publisher newsletter magazine").split(" "),
);
/** Endings of plurals that name doers: dispatchers, testers, auditors, secretaries, assistants. */
/** Workplaces that are also software, so only "at" places people there. */
const ONLY_AT = new Set(["service", "house"]);
const DOER_ENDINGS = ["ers", "ors", "ies", "ants"];
const AT_WORK = new Set(["at", "on", "in", "from", "of"]);
const MAX_TO_ORGANISATION = 4;
/** A plural of doers, then where they work within a few words: "Dispatchers at the taxi company", "The integration team at our company". */
function worksAtAnOrganisation(words: readonly Word[], i: number): boolean {
  const word = words[i]?.lower ?? "";
  const doers = (word.length >= 6 && DOER_ENDINGS.some((end) => word.endsWith(end))) || word === "team";
  if (!doers || words[i]?.endsClause || !AT_WORK.has(words[i + 1]?.lower ?? "")) return false;
  for (let k = i + 2; k <= i + 1 + MAX_TO_ORGANISATION && k < words.length; k++) {
    const place = words[k]?.lower ?? "";
    // "at the county ambulance service" is a workplace; "in the user service" is code.
    if (ORGANISATIONS.has(place) && (!ONLY_AT.has(place) || words[i + 1]?.lower === "at")) return true;
    if (words[k]?.endsClause) return false;
  }
  return false;
}

/** Pronouns that a "who" clause makes a group: "anyone who ships…", "those who run…". */
const GROUP_PRONOUNS = new Set(["anyone", "anybody", "everyone", "everybody", "those", "someone", "somebody"]);
/** Pronouns of anyone at all, which a place narrows: "anyone on a HiDPI laptop". Not "someone on r/KeePass": one person, where they spoke. */
const ANYONE = new Set(["anyone", "anybody"]);
/** Prepositions that place a pronoun: "anyone on …", "anybody behind …", "someone with …". */
const PLACING = new Set(["on", "with", "behind", "using", "in", "at", "under"]);
/** Words saying how many of us or you: "most of us who…", "those of you who…". Not "both": "both of us talking" is two people. */
const PART_OF = new Set(["those", "most", "many", "some", "all", "few", "several", "half", "any", "rest", "each"]);
/** The shortest participle read after a pronoun ("using"), and words ending so that are none. */
const MIN_PARTICIPLE = 5;
const NOT_A_PARTICIPLE = new Set(["being", "nothing", "anything", "something", "everything", "during", "bring"]);
/** A participle must say which: "anyone using Windows", "anyone using it behind a proxy", not "everyone using it would…". */
const IT = new Set(["it", "this", "that", "them", "these", "those"]);
const saysWhich = (words: readonly Word[], after: number) => {
  const object = words[after];
  if (!object) return false;
  return !IT.has(object.lower) || (!object.endsClause && QUALIFYING_NEXT.has(words[after + 1]?.lower ?? ""));
};
/** A "who" clause must say something of the group: at least a verb and what it acts on ("who ship errors"), not only "who can". */
const MIN_WHO_CLAUSE = 2;

/**
 * A pronoun made a group by a "who" clause: "anyone who ships validation
 * errors to Sentry", "those of us who write components in TSX", "most of us
 * who run it in CI". Where it starts and ends, or undefined; a few words
 * looked at.
 */
function pronounGroupAt(words: readonly Word[], i: number): { from: number; to: number } | undefined {
  const word = words[i];
  if (!word || word.endsClause) return undefined;
  const partOfUs = (word.lower === "us" || word.lower === "you") && words[i - 1]?.lower === "of" && PART_OF.has(words[i - 2]?.lower ?? "");
  if (!partOfUs && !GROUP_PRONOUNS.has(word.lower)) return undefined;
  const who = i + 1;
  const next = words[who]?.lower ?? "";
  // "anyone filling in a long template", "those of us maintaining charts for …": a participle says which, as "who fills in" would.
  const participle = next.length >= MIN_PARTICIPLE && next.endsWith("ing") && !NOT_A_PARTICIPLE.has(next);
  // "anyone on a HiDPI laptop running GNOME", "those of us on the security team who …": a place narrows anyone, and us (not "everyone on the team").
  const placed = (ANYONE.has(word.lower) || partOfUs) && PLACING.has(next);
  if (next !== "who" && next !== "whose" && !participle && !placed) return undefined;
  let to = who + 1;
  while (to < words.length && to - who <= MAX_AFTER_WORDS && !words[to - 1]?.endsClause) to++;
  if (participle || placed) return saysWhich(words, who + 1) ? { from: partOfUs ? i - 2 : i, to } : undefined;
  return to - who - 1 >= MIN_WHO_CLAUSE ? { from: partOfUs ? i - 2 : i, to } : undefined;
}

/** How many words may describe the author's role before its noun: "I'm a senior platform engineer …". */
const MAX_ROLE_WORDS = 3;

/**
 * The author naming their role, and saying which: "I'm a platform engineer
 * on a team moving ~200 workspaces", "I am an accountant at a small firm".
 * A role of the list (its singular) or of the people nouns, then a phrase
 * that says which, as a persona does; "I'm a developer." names no one in
 * particular. Where it starts and ends, or undefined.
 */
function selfDescribedAt(words: readonly Word[], i: number, nouns: Map<string, string[][]>): { from: number; to: number } | undefined {
  const lower = words[i]?.lower ?? "";
  const opened = lower === "i'm" || lower === "i’m" || lower === "im" ? i + 1 : lower === "i" && words[i + 1]?.lower === "am" ? i + 2 : -1;
  if (opened < 0 || (words[opened]?.lower !== "a" && words[opened]?.lower !== "an")) return undefined;
  for (let k = opened + 1; k <= opened + MAX_ROLE_WORDS && k < words.length; k++) {
    const plural = `${words[k]?.lower ?? ""}s`;
    if (!(nouns.get(plural) ?? []).some((parts) => parts.length === 1) && !PEOPLE_NOUNS.has(plural)) continue;
    const next = words[k + 1]?.lower ?? "";
    const saysWhich = !(words[k]?.endsClause ?? false) && (QUALIFYING_NEXT.has(next) || (next.length > 4 && next.endsWith("ing")));
    if (!saysWhich) return undefined;
    let to = k + 1;
    while (to < words.length && to - k <= MAX_AFTER_WORDS && !words[to - 1]?.endsClause) to++;
    return { from: opened + 1, to };
  }
  return undefined;
}

/** Nouns of the list that may name programs: "API clients", "Kafka consumers", "HTTP agents". */
const MAYBE_PROGRAMS = new Set(["clients", "consumers", "agents", "subscribers", "readers", "viewers", "callers", "workers", "servers"]);
/** Words that make such a noun a program when they stand right before it. */
const PROTOCOLS = new Set(
  "api apis http https rest grpc graphql rpc sdk sdks tcp udp websocket websockets mqtt amqp kafka smtp imap ldap oauth oidc sql jdbc odbc s3 json xml cli headless".split(" "),
);
/**
 * What befalls a program and never a person: "consumers were OOM-killed",
 * "the workers crash on start", "clients time out". Such a noun of the list
 * ("consumers", "clients") followed by one of these names processes, not
 * people ("our clients complained" still names people).
 */
const PROGRAM_FATES = phraseIndex([
  "crash", "crashes", "crashed", "crashing", "crashloop", "crashloops", "crashlooping", "oom", "oom-killed", "oom-kill", "killed", "segfault", "segfaults",
  "segfaulted", "panic", "panics", "panicked", "time out", "timed out", "times out", "deadlock", "deadlocked",
  // Retrying and reconnecting are what agents and clients do: "our Telegraf agents keep retrying".
  "keep retrying", "keeps retrying", "retry", "retries", "retried", "retrying", "reconnect", "reconnects", "reconnecting",
  // Asking a server for something, as programs do: "the backup agents request fresh STS credentials for every bucket".
  "request fresh", "request new", "request a", "poll", "polls", "polled", "polling",
]);
/** How far that fate may follow the noun: "consumers were all OOM-killed", "the clients then time out". */
const MAX_TO_FATE = 3;
/** Verbs that handle records: "fetched each team's members", "imports all users from LDAP". The people are data there. */
const DATA_VERBS = new Set(
  "fetch fetches fetched fetching query queries queried querying load loads loaded loading list lists listed listing sync syncs synced syncing import imports imported importing export exports exported exporting paginate paginates paginated batch batches batched store stores stored cache caches cached seed seeds seeded serialize serializes serialized count counts counted counting delete deletes deleted deleting".split(" "),
);
/**
 * Places people speak: "people in Discord", "users on the forum" are whoever
 * said something there, not which people the work is for ("users of `StrEnum`
 * backports" says which).
 */
const CHANNELS = new Set("discord slack gitter matrix irc twitter reddit mastodon forum forums chat discussion discussions thread threads comments standup meeting".split(" "));
/** What may follow the place: the clause's end, or a verb of saying ("people on Slack asked"); "users in chat rooms" goes on to say which. */
const SAYING = new Set(["asked", "requested", "said", "mentioned", "wanted", "suggested", "reported"]);
const AT_A_PLACE = new Set(["in", "on", "at", "from", "via"]);
/** Words that point at the place: "the forum", "that thread" (one a comment links to), "their Discord". */
const CHANNEL_ARTICLES = new Set(["the", "our", "a", "this", "that", "those", "these", "their", "your"]);
/** Words that may stand between a verb of handling records and its group: "fetched each", "imports all the", "deleted a batch of". */
const BETWEEN = new Set(["a", "an", "the", "each", "every", "all", "our", "their", "its", "some", "many", "few", "several", "couple", "two", "three", "batch", "bunch", "of"]);
const MAX_BETWEEN = 3;

/** "people in Discord", "users on the forum": the noun's only qualifier is where they spoke. */
function onlyWhereTheySpoke(words: readonly Word[], from: number, noun: number, end: number): boolean {
  if (from !== noun || !AT_A_PLACE.has(words[end]?.lower ?? "") || words[end]?.endsClause) return false;
  const place = CHANNEL_ARTICLES.has(words[end + 1]?.lower ?? "") ? end + 2 : end + 1;
  const said = words[place];
  return said !== undefined && CHANNELS.has(said.lower) && (said.endsClause || place + 1 >= words.length || SAYING.has(words[place + 1]?.lower ?? ""));
}

const MACHINE_SIZES = new Set(["kb", "mb", "gb", "tb", "kib", "mib", "gib", "tib", "vcpu", "vcpus", "cpu", "cpus", "core", "cores", "gpu", "gpus", "ram"]);
/** The people who run a project: "the MicroPython maintainers or community will implement this" names who would do the work. */
const RUNNING_A_PROJECT = new Set(["maintainers", "contributors", "committers", "devs"]);
/** "the MicroPython maintainers", "the Vite contributors": a name (capitalised, not opening the sentence), then its maintainers, with no clause saying which. */
function aProjectsOwnPeople(words: readonly Word[], from: number, noun: number, end: number): boolean {
  const name = words[from]?.text ?? "";
  const capitalised = name[0] !== undefined && name[0] >= "A" && name[0] <= "Z";
  return RUNNING_A_PROJECT.has(words[noun]?.lower ?? "") && from === noun - 1 && from > 0 && capitalised && end === noun + 1 && !DESCRIBES_GROUP.has(words[end]?.lower ?? "");
}
const DESCRIBES_GROUP = new Set(["who", "whose", "that", "of", "in", "on", "at", "using", "running"]);

const isDataVerbForm = (word: string) => DATA_VERBS.has(word) && (word.endsWith("ed") || word.endsWith("ing"));

/**
 * A group the sentence does not name as people the work is for: programs
 * ("API clients"), records a verb handles ("fetched each team's members"),
 * or whoever spoke somewhere ("a few people in Discord"). Looks at the noun
 * and at most a few words on either side of it.
 */
function notTheAudience(words: readonly Word[], from: number, noun: number, end: number): boolean {
  if (MAYBE_PROGRAMS.has(words[noun]?.lower ?? "") && (PROTOCOLS.has(words[noun - 1]?.lower ?? "") || verbFollows(words, noun, PROGRAM_FATES, MAX_TO_FATE))) return true;
  if (onlyWhereTheySpoke(words, from, noun, end) || aProjectsOwnPeople(words, from, noun, end)) return true;
  // "our 512 MB agents", "the 4 vCPU runners": sized by memory or cores, they are machines.
  for (let q = from; q < noun; q++) if (MACHINE_SIZES.has(words[q]?.lower ?? "")) return true;
  // "`/api/status` counted viewers": the verb, in the past or in -ing, may have been read as a qualifier ("store owners" has a noun).
  for (let q = from; q < noun; q++) if (isDataVerbForm(words[q]?.lower ?? "")) return true;
  let k = from - 1;
  while (k > 0 && from - 1 - k < MAX_BETWEEN && BETWEEN.has(words[k]?.lower ?? "")) k--;
  return DATA_VERBS.has(words[k]?.lower ?? "");
}

const phraseOf = (words: readonly Word[], from: number, to: number) =>
  words
    .slice(from, to)
    .map((w) => w.text)
    .join(" ");

function groupIn(written: string, nouns: Map<string, string[][]>): string | undefined {
  // A question names no one, but a statement before its colon does: "I'm asking for the developers at our company who …: could it …?"
  const sentence = written.endsWith("?") ? written.slice(0, Math.max(0, written.indexOf(": "))) : written;
  if (sentence === "") return undefined;
  const words = wordsOf(sentence);
  for (let i = 0; i < words.length; i++) {
    const pronounGroup = pronounGroupAt(words, i) ?? selfDescribedAt(words, i, nouns);
    if (pronounGroup) return phraseOf(words, pronounGroup.from, pronounGroup.to);
    const noun = nounAt(words, i, nouns);
    if (!noun) continue;
    const end = i + noun.length;
    let from = i;
    while (from > 0 && i - from < MAX_QUALIFIER_WORDS && isQualifier(words[from - 1]) && !verbAfterSubject(words, from - 1)) from--;
    if (from === i) from = pointedOrQuantified(words, i);
    // "people already using the neo look", "people like me who switched": words between the noun and what says which.
    const between = wordsBetween(words, end);
    const next = words[end + between];
    const nounEndsClause = (words[end - 1]?.endsClause ?? false) || (between > 0 && (words[end + between - 1]?.endsClause ?? false));
    const qualifiedAfter = next !== undefined && !nounEndsClause && (QUALIFYING_NEXT.has(next.lower) || (next.lower.length > 4 && next.lower.endsWith("ing")));
    if (from === i && !qualifiedAfter) continue;
    if (notTheAudience(words, from, i, end)) continue;
    let to = end;
    if (qualifiedAfter) {
      while (to < words.length && to - end < MAX_AFTER_WORDS) {
        to++;
        if (words[to - 1]?.endsClause) break;
      }
    }
    return phraseOf(words, from, to);
  }
  return undefined;
}

/** The first sentence in the paragraphs that names a qualified group of people. */
export function findWhoInProse(paragraphs: readonly string[], nouns: readonly string[]): ProseWho | undefined {
  const index = nounIndex(nouns);
  if (index.size === 0) return undefined;
  for (const paragraph of paragraphs) {
    for (const sentence of sentencesOf(paragraph)) {
      const phrase = groupIn(sentence, index);
      if (phrase) return { phrase, sentence: sentence.length > MAX_SENTENCE ? `${sentence.slice(0, MAX_SENTENCE - 1)}…` : sentence };
    }
  }
  return undefined;
}
