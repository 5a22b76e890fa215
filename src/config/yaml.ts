import { CST, isAlias, isMap, isScalar, isSeq, Lexer, LineCounter, parseDocument, visit, type Document, type Node, type YAMLError } from "yaml";
import type { ConfigProblem } from "./problems.js";

/**
 * Reads a config file's YAML into plain data, in one parse, with the line of
 * every key and list item. Only what a config needs is accepted: mappings,
 * lists, strings, numbers, booleans and null. Aliases, merge keys (`<<: *x`),
 * custom tags (`!!binary`) and keys that are not plain scalars are reported,
 * each with its key and line, instead of being expanded: expansion is how
 * `a: &a [*a]` became a circular value that crashed the report. The rest of
 * the file is still read (`rest`), so that its other problems are reported
 * with these. Nothing here throws for any text.
 */

/** A config is a few hundred lines; GitHub's own config files stop well below this. */
export const MAX_CONFIG_CHARACTERS = 65_536;
/** The schema is four levels deep; anything much deeper is not a config. */
export const MAX_CONFIG_DEPTH = 16;

/**
 * Anchors, aliases and tags are refused one by one, with their lines; past
 * this many the file is refused whole, before the parser builds a node (and
 * an error) for each of thousands of them.
 */
const MAX_NODE_PROPERTIES = 20;

/** Nesting marks tolerated before parsing (the parser recurses once per level). */
const MAX_NESTING_MARKS = 64;

export type PathSegment = string | number;

/** The line of each key and list item, by path; the nearest located ancestor otherwise. */
export interface LineIndex {
  lineOf(path: readonly PathSegment[]): number | undefined;
}

export type YamlProblem = Omit<ConfigProblem, "file">;

export interface ReadYaml {
  value: Record<string, unknown>;
  lines: LineIndex;
}

/** `rest`: when the file is YAML but some of its values were refused, the file without them (a refused key is left out). */
export type ReadYamlResult = ({ ok: true } & ReadYaml) | { ok: false; problems: YamlProblem[]; rest?: ReadYaml | undefined };

const PLAIN_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`));

const pathKey = (path: readonly PathSegment[]) => path.join("\u0000");

function emptyIndex(): LineIndex {
  return { lineOf: () => undefined };
}

export function readConfigYaml(text: string): ReadYamlResult {
  if (text.length > MAX_CONFIG_CHARACTERS) {
    return {
      ok: false,
      problems: [{ key: "", line: undefined, given: `${text.length} characters`, allowed: `a file of at most ${MAX_CONFIG_CHARACTERS} characters` }],
    };
  }
  if (flowDepth(text) > MAX_NESTING_MARKS || indicatorsPerLine(text) > MAX_NESTING_MARKS) {
    return { ok: false, problems: [{ key: "", line: undefined, given: "deeply nested `[`, `{`, `- `, `? ` or `: `", allowed: "the sections and keys listed in the documentation" }] };
  }
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    if (countNodeProperties(text) > MAX_NODE_PROPERTIES) {
      return {
        ok: false,
        problems: [{ key: "", line: undefined, given: `more than ${MAX_NODE_PROPERTIES} anchors, aliases or tags`, allowed: "plain values: anchors, aliases and tags are not supported" }],
      };
    }
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, merge: false, prettyErrors: false });
  } catch (error) {
    // The yaml package reports errors rather than throwing; this guards against a deep input overflowing its stack.
    return { ok: false, problems: [{ key: "", line: undefined, given: firstLine(error), allowed: "valid YAML" }] };
  }
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    return { ok: false, problems: [{ key: "", line: syntaxErrorLine(doc, syntaxError, lineCounter), given: firstLine(syntaxError), allowed: "valid YAML" }] };
  }
  if (doc.contents === null) return { ok: true, value: {}, lines: emptyIndex() };

  const lines = new Map<string, number>();
  const problems: YamlProblem[] = [];
  const lineAt = (node: { range?: readonly number[] | null | undefined } | null | undefined) => {
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  const reject = (path: readonly PathSegment[], node: Node, given: string, allowed: string): undefined => {
    problems.push({ key: path.join("."), line: lineAt(node), given, allowed });
    return undefined;
  };

  // Depth is bounded, so the recursion is too.
  const toPlain = (node: unknown, path: PathSegment[], depth: number): unknown => {
    if (node === null || node === undefined) return null;
    if (isAlias(node)) return reject(path, node, `*${node.source}`, "a value written out: anchors and aliases (`&name`, `*name`, `<<`) are not supported");
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) return reject(path, node as Node, "an unknown YAML node", "a plain value");
    if (node.tag !== undefined && !PLAIN_TAGS.has(node.tag)) return reject(path, node, `a value tagged ${node.tag}`, "a plain value without a tag");
    if (depth > MAX_CONFIG_DEPTH) return reject(path, node, `nesting deeper than ${MAX_CONFIG_DEPTH} levels`, "the sections and keys listed in the documentation");
    if (isScalar(node)) {
      const value = node.value;
      if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
      return reject(path, node, `a value of type ${typeof value}`, "a string, number, boolean or null");
    }
    if (isSeq(node)) {
      return node.items.map((item, index) => {
        const itemPath = [...path, index];
        const line = lineAt(item as Node);
        if (line !== undefined) lines.set(pathKey(itemPath), line);
        return toPlain(item, itemPath, depth + 1);
      });
    }
    // A prototype-less object: a key such as `__proto__` stays an ordinary (unknown) key.
    const object = Object.create(null) as Record<string, unknown>;
    for (const pair of node.items) {
      const keyNode = pair.key;
      if (!isScalar(keyNode) || (keyNode.tag !== undefined && !PLAIN_TAGS.has(keyNode.tag)) || typeof keyNode.value === "object") {
        reject(path, (keyNode ?? node) as Node, "a key that is not plain text", "keys written as plain text");
        continue;
      }
      const key = String(keyNode.value);
      const keyPath = [...path, key];
      // Checked here rather than by the parser, whose check compares each key with every earlier one.
      if (key in object) {
        reject(keyPath, keyNode, "a key given twice", "each key once");
        continue;
      }
      const line = lineAt(keyNode);
      if (line !== undefined) lines.set(pathKey(keyPath), line);
      const plain = toPlain(pair.value, keyPath, depth + 1);
      // A refused value leaves its key out: the schema's default stands in, and no second problem is reported for it.
      if (plain !== undefined) object[key] = plain;
    }
    return object;
  };

  const value = toPlain(doc.contents, [], 0);
  const mapping = typeof value === "object" && value !== null && !Array.isArray(value);
  const index: LineIndex = {
    lineOf(path) {
      for (let length = path.length; length > 0; length--) {
        const line = lines.get(pathKey(path.slice(0, length)));
        if (line !== undefined) return line;
      }
      return lineAt(doc.contents);
    },
  };
  if (problems.length > 0) return { ok: false, problems, rest: mapping ? { value: value as Record<string, unknown>, lines: index } : undefined };
  if (!mapping) return { ok: false, problems: [{ key: "", line: lineAt(doc.contents), given: describeKind(value), allowed: "a mapping of sections" }] };
  return { ok: true, value: value as Record<string, unknown>, lines: index };
}

/**
 * The line a syntax error is about. The parser reports an unclosed `[`, `{`
 * or quote where it gave up, often lines later (the next key, the end of the
 * file); the error is the line where that construct opened, found as the
 * innermost flow collection or quoted value ending where the error is.
 */
function syntaxErrorLine(doc: Document, error: YAMLError, lineCounter: LineCounter): number {
  const at = error.pos[0];
  let opened: number | undefined;
  // The nesting was bounded before parsing, so this walk is too.
  visit(doc, (_key, node) => {
    if (!node || typeof node !== "object" || !("range" in node) || !node.range) return;
    const unclosed = ((isMap(node) || isSeq(node)) && node.flow === true) || (isScalar(node) && (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE"));
    if (unclosed && node.range[1] === at && node.range[0] < at && (opened === undefined || node.range[0] > opened)) opened = node.range[0];
  });
  return lineCounter.linePos(opened ?? at).line;
}

/**
 * The deepest nesting of `[` and `{`, counted even inside quotes: an upper
 * bound that keeps the parser, which recurses per level, far from its stack
 * limit. A real config's brackets (in lists, in regular expressions) balance.
 */
function flowDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x5b || ch === 0x7b) deepest = Math.max(deepest, ++depth);
    else if ((ch === 0x5d || ch === 0x7d) && depth > 0) depth--;
  }
  return deepest;
}

/** Anchors (`&a`), aliases (`*a`) and tags (`!!x`), counted by the lexer alone (a fraction of a full parse). */
function countNodeProperties(text: string): number {
  let count = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === "anchor" || type === "alias" || type === "tag") count++;
  }
  return count;
}

/** The most `- `, `? ` or `: ` on one line: each may open a compact nested collection (`- - - x`). */
function indicatorsPerLine(text: string): number {
  let most = 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") count = 0;
    else if ((ch === "-" || ch === "?" || ch === ":") && (text[i + 1] === " " || text[i + 1] === "\t")) most = Math.max(most, ++count);
  }
  return most;
}

function describeKind(value: unknown): string {
  return Array.isArray(value) ? "a list" : `a ${typeof value === "object" ? "null" : typeof value} value`;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const end = message.indexOf("\n");
  return end === -1 ? message : message.slice(0, end);
}
