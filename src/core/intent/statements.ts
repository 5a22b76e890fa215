import type { Token } from "marked";
import { blockText, lex, stripHtmlComments } from "../markdown.js";

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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `Why: …`, `**Motivation**: …`, `Who it is for: …` (a few words may follow the alias). */
function labelPattern(aliases: readonly string[]): RegExp {
  const names = aliases.map(escapeRegExp).join("|");
  return new RegExp(`^\\s*((?:${names})(?:[ \\t]+[\\p{L}'’ \\t]{1,24}?)?)[ \\t]*[:：][ \\t]*(.*)$`, "iu");
}

const USER_STORY = /\bas an? ([^,.;\n]{2,120}?),?\s+I\s+(?:want|need|would like|wish|can)\b.*?\bso\s+that\s+(.+)$/iu;

function labelStatements(lines: readonly string[], aliases: Aliases): Statement[] {
  const patterns: [Field, RegExp][] = [
    ["why", labelPattern(aliases.why)],
    ["who", labelPattern(aliases.who)],
  ];
  const statements: Statement[] = [];
  let current: Statement | undefined;
  for (const line of lines) {
    const hit = patterns.map(([field, re]) => [field, re.exec(line)] as const).find(([, m]) => m);
    if (hit?.[1]) {
      current = { field: hit[0], source: "label", label: hit[1][1]?.trim() ?? hit[0], lines: [hit[1][2] ?? ""] };
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
    const match = USER_STORY.exec(line);
    if (!match?.[1] || !match[2]) return [];
    return [
      { field: "who" as const, source: "user story" as const, label: "As a …", lines: [match[1]], wholeStatement: line },
      { field: "why" as const, source: "user story" as const, label: "… so that", lines: [match[2]], wholeStatement: line },
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
