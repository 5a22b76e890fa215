/**
 * Compiles one CODEOWNERS pattern to a regular expression over repository
 * paths (no leading slash), plus the literal hints the matcher indexes by.
 */

export interface CompiledPattern {
  regex: RegExp;
  /** Anchored patterns: their leading literal path (`services/api` for `/services/api/**`), when they have one. */
  literalPrefix?: string | undefined;
  /** Unanchored patterns: a literal path segment every match contains. */
  segment?: string | undefined;
  /** Unanchored `*.ext` patterns: the extension every match's segment ends with. */
  extension?: string | undefined;
}

const SPECIAL = /[.+^${}()|[\]\\]/g;

function isLiteral(segment: string): boolean {
  return !/(^|[^\\])[*?]/.test(segment);
}

function unescape(segment: string): string {
  return segment.replace(/\\(.)/g, "$1");
}

/** One path segment's glob (no `/`) as regex source. */
function segmentSource(segment: string): string {
  let source = "";
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i] ?? "";
    if (ch === "\\" && i + 1 < segment.length) {
      source += (segment[i + 1] ?? "").replace(SPECIAL, "\\$&").replace(/[*?]/, "\\$&");
      i++;
    } else if (ch === "*") source += "[^/]*";
    else if (ch === "?") source += "[^/]";
    else source += ch.replace(SPECIAL, "\\$&");
  }
  return source;
}

export function compilePattern(pattern: string): CompiledPattern {
  const directoryOnly = pattern.endsWith("/");
  let body = pattern.replace(/\/+$/, "");
  // A slash at the start or in the middle anchors the pattern to the root, as in gitignore.
  const anchored = body.startsWith("/") || body.includes("/");
  body = body.replace(/^\/+/, "");
  const segments = body === "" ? ["**"] : body.split("/");

  let source = "";
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === "**") {
      if (last) source += i === 0 ? ".*" : "/.*";
      else source += i === 0 ? "(?:.*/)?" : "/(?:.*/)?";
      return;
    }
    if (i > 0 && segments[i - 1] !== "**") source += "/";
    source += segmentSource(segment);
  });
  // Only `**` was given, or the pattern ends with `/**`: it already reaches every depth.
  const reachesDeeper = segments.at(-1) === "**";
  // `docs/*` owns the files directly in docs/ and nothing deeper (GitHub's documented exception);
  // any other pattern that names a directory owns everything inside it.
  const directChildrenOnly = segments.length > 1 && segments.at(-1) === "*" && !directoryOnly;
  const tail = reachesDeeper || directChildrenOnly ? "" : directoryOnly ? "/.*" : "(?:/.*)?";
  const head = anchored || segments[0] === "**" ? "^" : "^(?:.*/)?";
  const regex = new RegExp(`${head}${source}${tail}$`);

  const literalSegments = segments.filter((s) => s !== "**" && isLiteral(s)).map(unescape);
  const first = segments[0];
  if (anchored && first && first !== "**" && isLiteral(first)) {
    const leading: string[] = [];
    for (const segment of segments) {
      if (segment === "**" || !isLiteral(segment)) break;
      leading.push(unescape(segment));
    }
    return { regex, literalPrefix: leading.join("/") };
  }
  const extension = segments.length === 1 && /^\*\.[^*?\\/]+$/.test(first ?? "") ? (first ?? "").slice(1) : undefined;
  return { regex, segment: literalSegments[0], extension };
}
