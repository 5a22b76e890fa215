import { isSpaceOrTab, skipSpaces } from "../scan.js";
import type { Token, Tokens } from "marked";
import { blockText, isComparisonTable, lex, stripHtmlComments } from "../markdown.js";
import { boldPrompt, colonPrompt, promptMatcher, type Aliases, type PromptMatcher } from "./prompts.js";
import { findStoryPersona, findUserStory, hasSlot } from "./user-story.js";
import { withoutBrackets } from "./brackets.js";

export type Field = "why" | "who";
/** Where a statement was read: a `#` heading, a bold-only prompt paragraph, a `Label:` line, a user story, a sentence of prose. */
export type StatementSource = "heading" | "prompt" | "label" | "user story" | "prose";

/** A candidate statement of why or who, before it is judged. */
export interface Statement {
  field: Field;
  source: StatementSource;
  /** The heading or label text as the author wrote it, e.g. `Motivation`. */
  label: string;
  /** The statement's lines (plain text). */
  lines: string[];
  /** The text whose words count towards the minimum, when it is more than `lines` (a user story). */
  wholeStatement?: string;
}

/** How a heading or prompt is matched to a field: see prompts.ts. */
export type { Aliases } from "./prompts.js";

/** Words allowed between an alias and the colon (`Who it is for:`), as many characters at most. */
const MAX_LABEL_WORDS = 24;
const isLabelWordChar = (ch: string) => isSpaceOrTab(ch) || ch === "'" || ch === "’" || /\p{L}/u.test(ch);
const isColon = (ch: string | undefined) => ch === ":" || ch === "：";
/** Characters a regex `.` never matches: a label's statement cannot run across them. */
const LINE_TERMINATOR = /[\r\u2028\u2029]/;

const lowerAll = (aliases: readonly string[]) => aliases.map((alias) => alias.toLowerCase());

interface Label {
  label: string;
  text: string;
}

/**
 * `Why: …`, `**Motivation**: …`, `Who it is for: …`: an alias at the start of
 * the line (case-insensitive), optionally a few words, then a colon. Scanned
 * by hand, one pass per alias: the regex it replaces retried every split of
 * a blank run between its adjacent whitespace quantifiers. `lowered`: the
 * aliases in lower case, which a caller reading many lines passes once.
 */
export function labelOfLine(line: string, aliases: readonly string[], lowered: readonly string[] = lowerAll(aliases)): Label | undefined {
  const start = skipSpaces(line);
  const first = (line[start] ?? "").toLowerCase();
  for (const [i, alias] of aliases.entries()) {
    const lower = lowered[i] ?? "";
    // The first character first: every line of a body is tried against every alias.
    if (alias === "" || !lower.startsWith(first) || line.slice(start, start + alias.length).toLowerCase() !== lower) continue;
    let colon = start + alias.length;
    while (colon < line.length && isLabelWordChar(line[colon] ?? "")) colon++;
    if (!isColon(line[colon])) continue;
    let wordsStart = start + alias.length;
    let wordsEnd = colon;
    const spaceAfterAlias = isSpaceOrTab(line[wordsStart]);
    while (wordsStart < wordsEnd && isSpaceOrTab(line[wordsStart])) wordsStart++;
    while (wordsEnd > wordsStart && isSpaceOrTab(line[wordsEnd - 1])) wordsEnd--;
    const words = [...line.slice(wordsStart, wordsEnd)];
    if (words.length > 0 && (!spaceAfterAlias || words.length > MAX_LABEL_WORDS)) continue;
    let text = colon + 1;
    while (isSpaceOrTab(line[text])) text++;
    if (LINE_TERMINATOR.test(line.slice(text))) continue;
    return { label: line.slice(start, colon).trim(), text: line.slice(text) };
  }
  return undefined;
}

function labelStatements(lines: readonly string[], aliases: Aliases, fieldOfPrompt: PromptMatcher): Statement[] {
  const fields: Field[] = ["why", "who"];
  const lowered = { why: lowerAll(aliases.why), who: lowerAll(aliases.who) };
  const statements: Statement[] = [];
  let current: Statement | undefined;
  for (const [index, line] of lines.entries()) {
    const hit = fields.map((field) => [field, labelOfLine(line, aliases[field], lowered[field])] as const).find(([, label]) => label);
    // Only a block's first line: inside a paragraph, "…for these users:" introduces a list, not a prompt.
    const prompt = hit || index > 0 ? undefined : colonPrompt(line);
    const promptField = prompt === undefined ? undefined : fieldOfPrompt(prompt);
    if (hit?.[1]) {
      current = { field: hit[0], source: "label", label: hit[1].label, lines: [hit[1].text] };
      statements.push(current);
    } else if (prompt !== undefined && promptField) {
      // "What this PR does / why we need it:" — the alias need not come first when nothing follows the colon.
      current = { field: promptField, source: "label", label: prompt, lines: [] };
      statements.push(current);
    } else if (current && line.trim() !== "") {
      // A label's statement runs on over the following lines of its paragraph.
      current.lines.push(line);
    }
  }
  return statements;
}

function storyStatements(lines: readonly string[]): Statement[] {
  return lines.flatMap((line) => {
    // "As a developer using Vite I want [goal / wish] so that [benefit]": the template's story, its slots unfilled.
    const story = hasSlot(line) ? undefined : findUserStory(line);
    if (!story) {
      // "As a developer working on a large admin app, I want …" names who, even without a "so that".
      const persona = findStoryPersona(line);
      return persona ? [{ field: "who" as const, source: "user story" as const, label: "As a …", lines: [persona], wholeStatement: line }] : [];
    }
    return [
      { field: "who" as const, source: "user story" as const, label: "As a …", lines: [story.persona], wholeStatement: line },
      { field: "why" as const, source: "user story" as const, label: "… so that", lines: [story.benefit], wholeStatement: line },
    ];
  });
}

interface OpenSection {
  statement: Statement;
  depth: number;
}

/** Each list item's lines; a task item ("- [x] I notified the maintainers") is a checklist, not a statement. */
function listProse(list: Tokens.List): string[][] {
  return list.items.filter((item) => !item.task).flatMap((item) => item.tokens.map(blockText).join("\n").split("\n").map((line) => [line]));
}

/** Below every `#` heading: a bold prompt's section ends at any heading or the next prompt. */
const PROMPT_DEPTH = 7;

/** The candidate statements of a body, and its prose for finding a who in plain sentences. */
export interface BodyReading {
  statements: Statement[];
  /** Each paragraph's lines, and each list item's line, outside code, quotes, HTML and comments. */
  prose: string[][];
  /** The prose that may state a reason: not under a heading about testing or a checklist ("tests pass, nothing fails" is no reason). */
  reasonProse: string[][];
  /** The prose under a heading about testing, logs or a checklist: only a failure explained there is a reason. */
  checksProse: string[][];
}

/** Headings whose text reports how a change was checked, not why it was made. */
const NOT_A_REASON_HEADING = new Set(["test", "tests", "tested", "testing", "checklist", "verification", "verified", "verify", "qa", "screenshots", "logs", "log"]);
/** What a heading asks, without its bracketed aside: "Proposed changes (including videos or screenshots)" is about the changes. */
const headingWords = (heading: string) => withoutBrackets(heading).toLowerCase().split(/[^\p{L}]+/u);
const asksForChecks = (words: readonly string[]) => words.some((word) => NOT_A_REASON_HEADING.has(word));
/** "Code change checklist": a heading over boxes to tick, and nothing about testing, whose paragraphs are the author's own. */
const onlyAChecklist = (words: readonly string[]) => words.every((word) => word === "checklist" || !NOT_A_REASON_HEADING.has(word));

const blankStatement = (statement: Statement) => statement.lines.every((line) => line.trim() === "");

/**
 * Reads a markdown body: sections under a matching heading (any level, until
 * a heading of the same or a higher level) or bold-only prompt paragraph,
 * labels, prompt lines ending in a colon, and user-story lines. A label or
 * prompt with nothing after it takes the next paragraph or list as its
 * answer. HTML comments, code blocks, block quotes and raw HTML never count.
 */
export function readBody(markdown: string | null | undefined, aliases: Aliases): BodyReading {
  const tokens = lex(stripHtmlComments((markdown ?? "").replace(/\r\n?/g, "\n")));
  const statements: Statement[] = [];
  const prose: string[][] = [];
  const fieldOfPrompt = promptMatcher(aliases);
  let section: OpenSection | undefined;
  /** Sections whose own prompt a sub-heading asks again: read under the sub-heading only. */
  const superseded = new Set<Statement>();
  /** A label whose answer did not follow on its own line: the next block answers it. */
  let awaiting: Statement | undefined;
  const reasonProse: string[][] = [];
  const checksProse: string[][] = [];
  /** Under a heading about testing, until the next heading of the same or a higher level. */
  let checksDepth: number | undefined;
  /** Whether that heading only heads a checklist: its boxes are checks, a paragraph after them is prose like any other. */
  let checklistOnly = false;
  const openSection = (field: Field | undefined, source: StatementSource, label: string, depth: number) => {
    section = field ? { statement: { field, source, label, lines: [] }, depth } : undefined;
    if (section) statements.push(section.statement);
  };
  for (const token of tokens) {
    if (token.type === "space") continue;
    if (token.type === "heading") {
      awaiting = undefined;
      const depth = (token as Token & { depth: number }).depth;
      const label = blockText(token).trim();
      const field = fieldOfPrompt(label);
      if (checksDepth !== undefined && depth <= checksDepth) checksDepth = undefined;
      const asked = checksDepth === undefined && !field ? headingWords(label) : [];
      if (asksForChecks(asked)) {
        checksDepth = depth;
        checklistOnly = onlyAChecklist(asked);
      }
      // "### Your use case" then "#### Why would you like to do it?": the sub-heading asking the same field is the prompt answered.
      if (section && depth > section.depth && field === section.statement.field) superseded.add(section.statement);
      // A sub-heading that names no field stays part of the section around it.
      if (!(section && depth > section.depth && !field)) openSection(field, "heading", label, depth);
      continue;
    }
    let lines = blockText(token).split("\n");
    const prompt = token.type === "paragraph" ? boldPrompt(token.raw.slice(0, token.raw.indexOf("\n") >>> 0)) : undefined;
    if (prompt !== undefined) {
      const field = fieldOfPrompt(prompt);
      if (field || !section || section.depth >= PROMPT_DEPTH) {
        awaiting = undefined;
        openSection(field, "prompt", lines[0]?.trim() || prompt, PROMPT_DEPTH);
        lines = lines.slice(1);
      }
    }
    if (awaiting && token.type !== "html" && token.type !== "code" && token.type !== "blockquote") {
      awaiting.lines.push(...lines);
      awaiting = undefined;
    }
    if (section) section.statement.lines.push(...lines);
    const labels = labelStatements(lines, aliases, fieldOfPrompt);
    statements.push(...labels, ...storyStatements(lines));
    const last = labels[labels.length - 1];
    if (last && blankStatement(last)) awaiting = last;
    // Other tables are forms and checklists ("| Breaking change? | No |"), not prose; a before-and-after table reports a measure.
    const blockProse = token.type === "paragraph" ? [lines] : isComparisonTable(token) ? lines.slice(1).map((row) => [row]) : token.type === "list" ? listProse(token as Tokens.List) : [];
    prose.push(...blockProse);
    (checksDepth === undefined || (checklistOnly && token.type === "paragraph") ? reasonProse : checksProse).push(...blockProse);
  }
  return { statements: statements.filter((statement) => !superseded.has(statement)), prose, reasonProse, checksProse };
}

/** Every candidate why/who statement in a markdown body (see `readBody`). */
export function findStatements(markdown: string | null | undefined, aliases: Aliases): Statement[] {
  return readBody(markdown, aliases).statements;
}

/** Every line of plain text in a body, for recognising text copied from a template. */
export function allLines(markdown: string | null | undefined): string[] {
  return lex(stripHtmlComments((markdown ?? "").replace(/\r\n?/g, "\n"))).flatMap((token) => blockText(token).split("\n"));
}
