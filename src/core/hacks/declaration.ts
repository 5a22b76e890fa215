import type { Token, Tokens } from "marked";
import { blockText, inlineText, lex, stripHtmlComments } from "../markdown.js";
import { fieldOfLine } from "./fields.js";

/** The ways a pull request can be declared a hack. */
export const declarationWays = ["label", "title", "section", "checkbox", "command"] as const;
export type DeclarationWay = (typeof declarationWays)[number];

/** What a description says about the hack: its `Hack` section, the ticked box, a `Proper build` section. */
export interface HackBody {
  /** Plain text of the `Hack` section (field lines left out), or undefined when there is none. */
  section?: string | undefined;
  /** `- [x] This is a hack` is ticked. */
  checkbox: boolean;
  /** Plain text of a `Proper build` (or `Rebuild`) section. */
  properBuild?: string | undefined;
}

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

const startsWithWords = (text: string, words: string) => text === words || text.startsWith(`${words} `);

type SectionKind = "hack" | "properBuild";

function sectionOfHeading(text: string): SectionKind | undefined {
  const heading = normalize(text);
  if (startsWithWords(heading, "hack")) return "hack";
  if (startsWithWords(heading, "proper build") || heading === "rebuild" || startsWithWords(heading, "rebuild plan")) return "properBuild";
  return undefined;
}

const CHECKBOX_TEXT = "this is a hack";

function isHackCheckbox(item: Tokens.ListItem): boolean {
  if (!item.task || !item.checked) return false;
  const text = normalize(inlineText(item.tokens.filter((t) => t.type !== "list" && t.type !== "checkbox")));
  return startsWithWords(text, CHECKBOX_TEXT);
}

/** A ticked box anywhere in a list (nested lists too), never inside quotes or code. */
function hasHackCheckbox(tokens: readonly Token[]): boolean {
  return tokens.some((token) => {
    if (token.type !== "list") return false;
    return (token as Tokens.List).items.some((item) => isHackCheckbox(item) || hasHackCheckbox(item.tokens));
  });
}

/** Section lines without the field lines and the checkbox, blank runs squeezed. */
function sectionText(lines: readonly string[]): string | undefined {
  const kept = lines
    .map((line) => line.trimEnd())
    .filter((line) => !fieldOfLine(line) && normalize(line) !== CHECKBOX_TEXT);
  const text = kept
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return text === "" ? undefined : text;
}

/**
 * Reads a description the way a reader would: a heading `Hack` (any level, or
 * one starting with the word, like `Hack details`) opens the hack section,
 * which runs until a heading of the same or a higher level; `- [x] This is a
 * hack` ticks the box. HTML comments, code blocks and block quotes never count.
 */
export function readHackBody(body: string | null | undefined): HackBody {
  const tokens = lex(stripHtmlComments((body ?? "").replace(/\r\n?/g, "\n")));
  const sections: Partial<Record<SectionKind, string[]>> = {};
  let open: { kind: SectionKind; depth: number } | undefined;
  for (const token of tokens) {
    if (token.type === "heading") {
      const { depth } = token as Tokens.Heading;
      const kind = sectionOfHeading(blockText(token));
      if (open && depth > open.depth && !kind) {
        sections[open.kind]?.push(blockText(token));
        continue;
      }
      open = kind && !sections[kind] ? { kind, depth } : undefined;
      if (open) sections[open.kind] = [];
      continue;
    }
    if (open) sections[open.kind]?.push(...blockText(token).split("\n"));
  }
  return {
    section: sections.hack ? (sectionText(sections.hack) ?? "") : undefined,
    checkbox: hasHackCheckbox(tokens),
    properBuild: sections.properBuild ? sectionText(sections.properBuild) : undefined,
  };
}

/** The configured prefix a title starts with (case-insensitive), if any. */
export function titlePrefix(title: string, prefixes: readonly string[]): string | undefined {
  const lower = title.trimStart().toLowerCase();
  return prefixes.find((prefix) => lower.startsWith(prefix.toLowerCase()));
}

/** The title without its hack prefix, for the debt issue's title. */
export function titleWithoutPrefix(title: string, prefixes: readonly string[]): string {
  const prefix = titlePrefix(title, prefixes);
  const rest = prefix ? title.trimStart().slice(prefix.length).trim() : title.trim();
  return rest === "" ? title.trim() : rest;
}

/** The ways the title and description declare a hack (the label and `/hack` are read elsewhere). */
export function textDeclarations(pr: { title: string; body: string | null | undefined }, prefixes: readonly string[]): DeclarationWay[] {
  return declarationWaysOf(pr.title, prefixes, readHackBody(pr.body));
}

/** The same, from a description already read. */
export function declarationWaysOf(title: string, prefixes: readonly string[], body: HackBody): DeclarationWay[] {
  const ways: DeclarationWay[] = [];
  if (titlePrefix(title, prefixes)) ways.push("title");
  if (body.section !== undefined) ways.push("section");
  if (body.checkbox) ways.push("checkbox");
  return ways;
}
