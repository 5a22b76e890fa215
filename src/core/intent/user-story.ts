import { isSpace } from "../scan.js";
/**
 * A user story on one line, "As a <persona>, I want … so that <benefit>",
 * read as the former regex
 * `/\bas an? ([^,.;\n]{2,120}?),?\s+I\s+(?:want|need|would like|wish|can)\b.*?\bso\s+that\s+(.+)$/iu`
 * read it, but by hand in linear time: that regex re-scanned the rest of the
 * line for every persona length at every "as a" (`as a b I want ` repeated
 * took 13 s). Unlike that regex, the persona keeps a comma between digits
 * and a dot inside a word ("maintaining 2,000 tests", "40 Next.js apps").
 * Whitespace runs and the first "so that" after each position are
 * indexed once; each "as a" then tries at most 120 persona lengths in
 * constant time each.
 */
export interface UserStory {
  persona: string;
  benefit: string;
}

const MIN_PERSONA = 2;
const MAX_PERSONA = 120;
const VERBS = ["want", "need", "would like", "wish", "can"];

/** `\b` in a JavaScript regex looks at ASCII word characters only. */
const isWordChar = (ch: string | undefined) => ch !== undefined && /\w/.test(ch);
/** Characters `.` does not match (the line is already split at `\n`). */
const isLineTerminator = (ch: string | undefined) => ch === "\r" || ch === "\u2028" || ch === "\u2029";
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";
/**
 * A dot with a word character right after it is inside a name, a version or a
 * decimal ("Next.js", "Python 3.8"), not the end of the persona's sentence
 * (sentences end at a dot before whitespace, as in prose-who.ts).
 */
const isInnerDot = (line: string, at: number) => line[at] === "." && isWordChar(line[at - 1]) && isWordChar(line[at + 1]);
/** A comma between digits groups thousands ("a QA engineer maintaining 2,000 tests"): the persona goes on. */
const isThousandsComma = (line: string, at: number) => line[at] === "," && isDigit(line[at - 1]) && isDigit(line[at + 1]);
const isPersonaChar = (line: string, at: number) => {
  const ch = line[at];
  return ch !== undefined && (ch !== "," || isThousandsComma(line, at)) && (ch !== "." || isInnerDot(line, at)) && ch !== ";" && ch !== "\n";
};

const startsWithWord = (line: string, at: number, word: string) => line.slice(at, at + word.length).toLowerCase() === word;
const isBoundaryBefore = (line: string, at: number) => !isWordChar(line[at - 1]);

export function findUserStory(line: string): UserStory | undefined {
  // Most lines hold no "as a": the indexes below cost three arrays of the line's length, read for every line of a body.
  if (!line.toLowerCase().includes("as a")) return undefined;
  const n = line.length;
  // afterSpace[i]: the first index at or after i that is not whitespace.
  const afterSpace = new Int32Array(n + 1);
  afterSpace[n] = n;
  for (let i = n - 1; i >= 0; i--) afterSpace[i] = isSpace(line.charCodeAt(i)) ? (afterSpace[i + 1] ?? n) : i;
  const skipSpace = (at: number) => afterSpace[at] ?? n;

  // `.` (in `.*?` and `(.+)`) stops at line terminators; `\s+` crosses them.
  let lastTerminator = -1;
  for (let i = 0; i < n; i++) if (isLineTerminator(line[i])) lastTerminator = i;
  const nextTerminator = new Int32Array(n + 1).fill(n);
  for (let i = n - 1; i >= 0; i--) nextTerminator[i] = isLineTerminator(line[i]) ? i : (nextTerminator[i + 1] ?? n);

  /** `so\s+that\s+(.+)$` at `at`: where the benefit starts, or -1. */
  const benefitStartAt = (at: number): number => {
    if (!startsWithWord(line, at, "so") || !isBoundaryBefore(line, at) || !isSpace(line.charCodeAt(at + 2))) return -1;
    const that = skipSpace(at + 2);
    if (!startsWithWord(line, that, "that") || !isSpace(line.charCodeAt(that + 4))) return -1;
    const text = skipSpace(that + 4);
    // Only whitespace follows: `(.+)` keeps the last whitespace character, if `\s+` can spare it.
    const benefit = text < n ? text : n - (that + 4) >= 2 ? n - 1 : -1;
    return benefit > lastTerminator ? benefit : -1;
  };
  // clauseAfter[i]: the first "so that" at or after i whose benefit runs to the end of the line.
  const clauseAfter = new Int32Array(n + 1).fill(-1);
  const benefitOf = new Int32Array(n + 1).fill(-1);
  for (let i = n - 1; i >= 0; i--) {
    const benefit = line[i] === "s" || line[i] === "S" ? benefitStartAt(i) : -1;
    benefitOf[i] = benefit;
    clauseAfter[i] = benefit >= 0 ? i : (clauseAfter[i + 1] ?? -1);
  }
  /** The benefit of the first clause `.*?` can reach from `at` (it cannot cross a line terminator), or -1. */
  const benefitAfter = (at: number): number => {
    const clause = clauseAfter[at] ?? -1;
    return clause >= 0 && clause <= (nextTerminator[at] ?? n) ? (benefitOf[clause] ?? -1) : -1;
  };

  /** `,?\s+I\s+(?:want|…)\b` at `at`: the end of the verb, or -1. */
  const verbEndAt = (at: number): number => {
    let i = line[at] === "," ? at + 1 : at;
    if (!isSpace(line.charCodeAt(i))) return -1;
    i = skipSpace(i);
    if (line[i] !== "I" && line[i] !== "i") return -1;
    if (!isSpace(line.charCodeAt(i + 1))) return -1;
    i = skipSpace(i + 1);
    const verb = VERBS.find((v) => startsWithWord(line, i, v) && !isWordChar(line[i + v.length]));
    return verb ? i + verb.length : -1;
  };

  for (let start = 0; start < n; start++) {
    if (!startsWithWord(line, start, "as a") || !isBoundaryBefore(line, start)) continue;
    const personaStart = line[start + 4] === " " ? start + 5 : (line[start + 4] === "n" || line[start + 4] === "N") && line[start + 5] === " " ? start + 6 : -1;
    if (personaStart < 0) continue;
    for (let length = 1; length <= MAX_PERSONA && isPersonaChar(line, personaStart + length - 1); length++) {
      if (length < MIN_PERSONA) continue;
      const verbEnd = verbEndAt(personaStart + length);
      const benefit = verbEnd >= 0 ? benefitAfter(verbEnd) : -1;
      if (benefit >= 0) return { persona: line.slice(personaStart, personaStart + length), benefit: line.slice(benefit) };
    }
  }
  return undefined;
}

/** "As the title says, I want …", "As the docs suggest, …": a reference to what something says, not a role. */
const SAYING = new Set(["says", "said", "say", "suggests", "suggest", "suggested", "mentions", "mentioned", "states", "stated", "shows", "showed", "explains", "explained", "describes", "described", "notes", "noted"]);
const saysSomething = (persona: string) => persona.toLowerCase().split(" ").some((word) => SAYING.has(word));

/** "As a result, I want …" is no story: phrases that start like one. */
const NOT_A_PERSONA = new Set([
  "result", "consequence", "side note", "side effect", "reminder", "workaround", "rule", "general rule", "bonus", "first step", "start", "example",
  "alternative", "follow-up", "fallback", "matter of fact", "last resort", "stopgap", "quick fix", "temporary fix", "precaution", "test", "whole", "note",
]);

/** "I want", "I'd like", "I would like": a story's request after its persona. */
const PERSONA_VERBS = ["want", "need", "would like", "'d like", "’d like", "wish", "would love", "'d love", "’d love", "expect"];
/**
 * After a comma, what a persona says of themself also makes the story:
 * "As someone who is colour-blind, I can't tell…", "As a maintainer, I often…".
 */
const PERSONA_SAYS = [...PERSONA_VERBS, "can't", "can’t", "cannot", "can", "have", "am", "use", "'d use", "’d use", "would use", "often", "keep", "spend", "run", "maintain", "work", "rely", "regularly", "usually"];

/** Where "As a …" / "As an …" / "As someone …" puts its persona. */
const PERSONA_OPENERS = [
  { opener: "as an ", keep: false },
  { opener: "as a ", keep: false },
  // "As the maintainer of a plugin that several projects use, I'd like …": a role the author holds, named with "the".
  { opener: "as the ", keep: false },
  { opener: "as someone ", keep: true },
  { opener: "as somebody ", keep: true },
];

/** The most whitespace read between the persona and "I": a long run of it is no sentence, and each persona length reads it again. */
const MAX_GAP = 8;

/** The verb "I" says at `at` (after a little whitespace), from `verbs`, or undefined. */
function sayAt(sentence: string, at: number, verbs: readonly string[]): string | undefined {
  let i = at;
  while (i < sentence.length && i - at < MAX_GAP && isSpace(sentence.charCodeAt(i))) i++;
  if (sentence[i] !== "I" && sentence[i] !== "i") return undefined;
  const rest = sentence.slice(i + 1, i + 1 + 16).toLowerCase();
  return verbs.find((v) => (v.startsWith("'") || v.startsWith("’") ? rest.startsWith(v) : rest.startsWith(` ${v}`) && !isWordChar(rest[v.length + 1])));
}

/**
 * The persona of a story without its "so that": a sentence starting "As a
 * <persona>, I want …" ("As a developer working on a large admin app, I want
 * …") names who it is for. The persona runs to the first comma (at most 120
 * characters) and "I" then says what they want, can't do or do; without a
 * comma, to the first "I want" / "I'd like" / "I need" ("As a quant analyst
 * I'd like …"). "As someone who is colour-blind" keeps "someone". One pass
 * over at most 120 characters.
 */
export function findStoryPersona(sentence: string): string | undefined {
  return readStoryPersona(sentence)?.persona;
}

/**
 * Whether the sentence is a story whose persona only wishes ("As a maintainer
 * of a small board, I want a hard cap on the blocking pool"): what follows
 * "I want" is the thing wanted, so a problem word inside it ("blocking",
 * "failing") names the feature, not a problem someone has.
 */
export function isWishStory(sentence: string): boolean {
  return readStoryPersona(sentence)?.wish ?? false;
}

function readStoryPersona(sentence: string): { persona: string; wish: boolean } | undefined {
  let at = 0;
  while (at < sentence.length && isSpace(sentence.charCodeAt(at))) at++;
  const opened = PERSONA_OPENERS.find(({ opener }) => startsWithWord(sentence, at, opener));
  if (!opened) return undefined;
  const personaStart = opened.keep ? at + 3 : at + opened.opener.length;
  const limit = Math.min(sentence.length, personaStart + MAX_PERSONA);
  // "As a backend developer on a SaaS (one schema per customer, about 900 of them), I want …": an aside's commas are the persona's.
  let aside = 0;
  for (let end = personaStart + MIN_PERSONA; end < limit; end++) {
    const ch = sentence[end];
    if (ch === "(") aside++;
    else if (ch === ")" && aside > 0) aside--;
    if (aside > 0) continue;
    if ((ch === "." && !isInnerDot(sentence, end)) || ch === ";") return undefined;
    if (isThousandsComma(sentence, end)) continue;
    const says = ch === "," ? sayAt(sentence, end + 1, PERSONA_SAYS) : isSpace(sentence.charCodeAt(end)) ? sayAt(sentence, end, PERSONA_VERBS) : undefined;
    if (says === undefined) {
      if (ch === ",") return undefined;
      continue;
    }
    const persona = sentence.slice(personaStart, end).trim();
    if (opened.opener === "as the " && saysSomething(persona)) return undefined;
    return NOT_A_PERSONA.has(persona.toLowerCase()) || hasSlot(sentence) ? undefined : { persona, wish: PERSONA_VERBS.includes(says) };
  }
  return undefined;
}

/**
 * A slot stands for a whole part of the story, so the story goes on after it
 * with punctuation, the end of the line, or its next part ("so that", "I
 * want"): "I want [goal / wish] so that [benefit]", "As a [role], I …". A
 * bracketed word that a noun follows is part of the author's text, such as a
 * table name in a code span: "I want `[profile]` overrides".
 */
function standsAlone(line: string, at: number): boolean {
  let i = at;
  while (i < line.length && i - at < MAX_SLOT && isSpace(line.charCodeAt(i))) i++;
  if (i >= line.length || !isWordChar(line[i])) return true;
  const word = line.slice(i, i + 3).toLowerCase();
  return (word.startsWith("so") || word.startsWith("i")) && !isWordChar(word[word.startsWith("so") ? 2 : 1]);
}

/** How far a template's slot may run: "[goal / wish]". */
const MAX_SLOT = 40;

/**
 * Whether a line keeps a template's unfilled slot, "[goal / wish]" or
 * "[benefit]": a bracketed phrase that is no link ("[text](url)") and no
 * checkbox ("[x]"). One pass; each "[" looks at most 40 characters ahead.
 */
export function hasSlot(line: string): boolean {
  for (let open = line.indexOf("["); open >= 0; open = line.indexOf("[", open + 1)) {
    const close = line.indexOf("]", open + 1);
    if (close < 0) return false;
    if (close - open > 2 && close - open <= MAX_SLOT && line[close + 1] !== "(" && !line.slice(open + 1, close).includes("[") && standsAlone(line, close + 1)) return true;
  }
  return false;
}
