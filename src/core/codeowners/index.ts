export { compileCodeowners, type CodeownersMatcher } from "./matcher.js";
export { parseCodeowners, type LineError, type Rule } from "./parse.js";

/** Where GitHub looks for CODEOWNERS, in its order: the first file found is used. */
export const CODEOWNERS_PATHS = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"] as const;
