import fc from "fast-check";
import type { Token, Tokens } from "marked";
import { describe, expect, it } from "vitest";
import { MAX_BODY, hostileBodies } from "../../bench/hostile-bodies.js";
import { parseCommands } from "../../src/core/commands.js";
import { parseSignoffArgs } from "../../src/core/signoff/command.js";
import { judgeBody, templateLines } from "../../src/core/intent/judge.js";
import { MAX_EXTERNAL_MATCHES, MAX_ISSUE_REFERENCES, findReferences } from "../../src/core/intent/references.js";
import { allLines, findStatements, labelOfLine } from "../../src/core/intent/statements.js";
import { findStoryPersona, findUserStory, hasSlot } from "../../src/core/intent/user-story.js";
import { findWhyInProse, reasonCue } from "../../src/core/intent/prose-why.js";
import { asksForBody } from "../../src/core/intent/template-prompts.js";
import { blockText, countWords, inlineText, lex, maskedViews, maskIgnoredBlocks, stripHtmlComments } from "../../src/core/markdown.js";
import { MAX_INDENT, MAX_NESTING } from "../../src/core/markdown/bound.js";
import { maskHiddenInline, plainInline } from "../../src/core/markdown/inline.js";

// Every parser of Markdown, commands and intent, on any text up to GitHub's
// 65,536 characters and on shapes built to make parsers backtrack, recurse or
// allocate: none throws, and each returns a result of a sane shape.

const here = { owner: "octo-org", repo: "widgets" };
const aliases = { why: ["why", "motivation"], who: ["who", "who it is for"] };
const rules = { ...aliases, minWords: 5, placeholders: ["TBD"] };
const template = templateLines(["## Why\n\n<!-- why? -->\n"]);
const externalPatterns = ["[A-Z]+-\\d+", "(a|a)+$", "(?<=x)y", "x*"];
const known = ["phase", "hack"];

function nesting(tokens: readonly Token[]): number {
  let deepest = 0;
  for (const token of tokens) {
    if (token.type === "blockquote") deepest = Math.max(deepest, 1 + nesting((token as Tokens.Blockquote).tokens));
    if (token.type === "list") for (const item of (token as Tokens.List).items) deepest = Math.max(deepest, 1 + nesting(item.tokens));
  }
  return deepest;
}

const lines = (text: string) => text.split("\n").length;

/** Runs every parser on `body` and checks the shape of what each returns. */
function checkAllParsers(body: string) {
  const tokens = lex(body);
  for (const token of tokens) expect(typeof blockText(token)).toBe("string");
  expect(typeof inlineText(tokens)).toBe("string");

  const views = maskedViews(body);
  expect(lines(views.prose)).toBe(lines(views.ignoredBlocks));
  expect(maskIgnoredBlocks(body)).toBe(views.ignoredBlocks);
  expect(stripHtmlComments(body).length).toBeLessThanOrEqual(body.length);
  expect(countWords(body)).toBeLessThanOrEqual(body.length);
  expect(plainInline(body).length).toBeLessThanOrEqual(body.length);
  expect(lines(maskHiddenInline(body))).toBe(lines(body));

  for (const command of parseCommands(body, known)) {
    expect(known).toContain(command.name);
    expect(command.args).toBe(command.args.trim());
    expect(command.args).not.toContain("\n");
  }

  const references = findReferences(body, here, externalPatterns);
  expect(references.issues.length).toBeLessThanOrEqual(MAX_ISSUE_REFERENCES);
  for (const issue of references.issues) expect(Number.isSafeInteger(issue.number) && issue.number > 0).toBe(true);
  expect(references.external.length).toBeLessThanOrEqual(externalPatterns.length * MAX_EXTERNAL_MATCHES);

  for (const statement of findStatements(body, aliases)) {
    expect(["why", "who"]).toContain(statement.field);
    expect(statement.lines.every((line) => typeof line === "string")).toBe(true);
  }
  expect(allLines(body).every((line) => !line.includes("\n"))).toBe(true);
  const verdict = judgeBody(body, rules, template);
  for (const rejection of verdict.rejections) expect(["empty", "template", "placeholder", "too short", "link", "filler", "title", "change", "trigger", "request", "audience"]).toContain(rejection.reason);
  // The prose readers quote a bounded sentence of the body's own text.
  // The body as its own template (a repository's templates are text its owners control): every question asked is one of its lines.
  const asks = asksForBody(body, [body, "## Why\n"], aliases);
  // The question is quoted from the text as a reader sees it ("!*Why:" reads "!Why:"), so it is one of the body's plain lines.
  const plain = allLines(body).join("\n");
  for (const question of Object.values(asks)) expect(plain).toContain(question.split(" ")[0] ?? "");
  const prose = findWhyInProse([body]);
  if (prose) expect(prose.sentence.length).toBeLessThanOrEqual(300);
  if (prose) expect(body).toContain(prose.sentence.length === 300 ? prose.sentence.slice(0, -1) : prose.sentence);

  const firstLine = body.slice(0, body.indexOf("\n") >>> 0);
  const story = findUserStory(firstLine);
  if (story) expect(firstLine).toContain(story.persona);
  const persona = findStoryPersona(firstLine);
  if (persona) expect(persona.length).toBeLessThanOrEqual(120);
  if (persona) expect(firstLine).toContain(persona);
  expect(typeof hasSlot(firstLine)).toBe("boolean");
  const cue = reasonCue(firstLine);
  if (cue) expect(firstLine.toLowerCase().replaceAll("’", "'")).toContain(cue.split(" ")[0]);
  const label = labelOfLine(firstLine, aliases.why);
  if (label) expect(firstLine.endsWith(label.text)).toBe(true);
  for (const args of [firstLine, body]) {
    const signoff = parseSignoffArgs(args);
    if (signoff) expect(signoff.team).toMatch(/^@[^/]+\/[^/]+$/);
  }
}

/** Pieces that make Markdown and regex parsers work hard, repeated. */
const hostilePiece = fc.constantFrom(
  "_a", "*a", "**", "__", "~~", "[", "]", "](", "[a](", "`", "``", "<!--", "-->", "<a b=\"", "<a b='", "<?", "<![CDATA[", ">", "> ",
  "1. ", "1) ", "- ", "* ", "+ ", "  ", "    ", "\t", "\n", "\n\n", " \u2028", "\u2029", "\u00a0", "|", "|-", "-|", ":-:|",
  "fixes", "fixes ", "fixes: ", "closes #1 ", "#1", "o/r#2", "https://github.com/o/r/issues/3 ", "as a b I want ", "so that ",
  "Why", "Why:", "Who it is for:", "can't ", ", so ", "so that", "because of ", "As a x, I want ", "As an ", "those users ", "some of their ", "no tests fail", "[goal / wish] ", "As someone who ", " I'd like ", "because they asked for it ", "+1 ", "[x] ", "journalists who ", "doc/users/", "? ", ". ", "/phase", "/hack ", "@o/t ", "a.b-c", "\\", "&#64;", "🙂", "\ud800",
);
const hostileShape = fc
  .tuple(fc.array(hostilePiece, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: MAX_BODY }))
  .map(([pieces, length]) => {
    const unit = pieces.join("");
    return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  });
const mixed = fc.array(fc.oneof(hostilePiece, fc.string({ maxLength: 8 })), { maxLength: 200 }).map((parts) => parts.join(""));

describe("every parser on hostile input", () => {
  it.each(Object.entries(hostileBodies()))("the 64 KB body %s", (_, body) => {
    checkAllParsers(body);
    // Markers on a line nest at most MAX_NESTING deep; indentation adds about MAX_INDENT / 2 levels.
    expect(nesting(lex(body))).toBeLessThanOrEqual(MAX_NESTING + MAX_INDENT / 2 + 1);
  });

  it("any string", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 400 }), checkAllParsers), { numRuns: 200 });
  });

  it("any mix of delimiters and text", () => {
    fc.assert(fc.property(mixed, checkAllParsers), { numRuns: 200 });
  });

  it("pathological shapes repeated up to 65,536 characters", () => {
    fc.assert(fc.property(hostileShape, checkAllParsers), { numRuns: 25 });
  });
});
