import type { Token } from "marked";
import { blockText, lex, stripHtmlComments } from "../markdown.js";
import { findUserStory } from "./user-story.js";

export type Field = "why" | "who";
export type StatementSource = "heading" | "label" | "user story";

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

export interface Aliases {
  why: readonly string[];
  who: readonly string[];
}

function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function fieldOfHeading(text: string, aliases: Aliases): Field | undefined {
  const heading = normalizeHeading(text);
  const matches = (alias: string) => {
    const a = normalizeHeading(alias);
    return heading === a || heading.startsWith(`${a} `);
  };
  if (aliases.why.some(matches)) return "why";
  if (aliases.who.some(matches)) return "who";
  return undefined;
}

/** Words allowed between an alias and the colon (`Who it is for:`), as many characters at most. */
const MAX_LABEL_WORDS = 24;
const isSpaceOrTab = (ch: string | undefined) => ch === " " || ch === "\t";
const isLabelWordChar = (ch: string) => isSpaceOrTab(ch) || ch === "'" || ch === "’" || /\p{L}/u.test(ch);
const isColon = (ch: string | undefined) => ch === ":" || ch === "：";
/** Characters a regex `.` never matches: a label's statement cannot run across them. */
const LINE_TERMINATOR = /[\r\u2028\u2029]/;

interface Label {
  label: string;
  text: string;
}

/**
 * `Why: …`, `**Motivation**: …`, `Who it is for: …`: an alias at the start of
 * the line (case-insensitive), optionally a few words, then a colon. Scanned
 * by hand, one pass per alias: the regex it replaces retried every split of
 * a blank run between its adjacent whitespace quantifiers.
 */
export function labelOfLine(line: string, aliases: readonly string[]): Label | undefined {
  let start = 0;
  while (start < line.length && /\s/u.test(line[start] ?? "")) start++;
  for (const alias of aliases) {
    if (alias === "" || line.slice(start, start + alias.length).toLowerCase() !== alias.toLowerCase()) continue;
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

function labelStatements(lines: readonly string[], aliases: Aliases): Statement[] {
  const fields: Field[] = ["why", "who"];
  const statements: Statement[] = [];
  let current: Statement | undefined;
  for (const line of lines) {
    const hit = fields.map((field) => [field, labelOfLine(line, aliases[field])] as const).find(([, label]) => label);
    if (hit?.[1]) {
      current = { field: hit[0], source: "label", label: hit[1].label, lines: [hit[1].text] };
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
    const story = findUserStory(line);
    if (!story) return [];
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

/**
 * Finds every candidate why/who statement in a markdown body: sections under
 * a matching heading (any level, until a heading of the same or a higher
 * level), leading labels and user-story lines. HTML comments, code blocks,
 * block quotes and raw HTML never count.
 */
export function findStatements(markdown: string | null | undefined, aliases: Aliases): Statement[] {
  const tokens = lex(stripHtmlComments((markdown ?? "").replace(/\r\n?/g, "\n")));
  const statements: Statement[] = [];
  let section: OpenSection | undefined;
  for (const token of tokens) {
    if (token.type === "heading") {
      const heading = token as Token & { depth: number; text: string };
      const field = fieldOfHeading(blockText(token), aliases);
      // A sub-heading that names no field stays part of the section around it.
      if (section && heading.depth > section.depth && !field) continue;
      section = field ? { statement: { field, source: "heading", label: blockText(token).trim(), lines: [] }, depth: heading.depth } : undefined;
      if (section) statements.push(section.statement);
      continue;
    }
    const lines = blockText(token).split("\n");
    if (section) section.statement.lines.push(...lines);
    statements.push(...labelStatements(lines, aliases), ...storyStatements(lines));
  }
  return statements;
}

/** Every line of plain text in a body, for recognising text copied from a template. */
export function allLines(markdown: string | null | undefined): string[] {
  return lex(stripHtmlComments((markdown ?? "").replace(/\r\n?/g, "\n"))).flatMap((token) => blockText(token).split("\n"));
}
