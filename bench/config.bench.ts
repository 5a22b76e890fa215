import { describe } from "vitest";
import { renderConfigProblems } from "../src/config/problems.js";
import { validateConfigText } from "../src/config/validate.js";
import { MAX_CONFIG_CHARACTERS } from "../src/config/yaml.js";
import { worstCases } from "./worst-case.js";

function validateAndRender(text: string): void {
  const result = validateConfigText(text, ".github/intent.yml");
  if (!result.ok) renderConfigProblems(result.problems);
}

const fill = (unit: string) => unit.repeat(Math.floor(MAX_CONFIG_CHARACTERS / unit.length));

// Before: 2,000 unknown keys took 471 s (the YAML was re-parsed for every problem's line).
const unknownKeys = Array.from({ length: 2_000 }, (_, i) => `key${i}: ${i}`).join("\n");
const deepBlocks = Array.from({ length: 300 }, (_, i) => `${" ".repeat(i)}k:`).join("\n");

describe("config validation, hostile files (64 KB at most)", () => {
  worstCases("config", [
    { name: "2,000 unknown keys", goalMs: 1_000, run: () => validateAndRender(unknownKeys) },
    { name: "circular anchor", goalMs: 200, run: () => validateAndRender("a: &a [*a]\n") },
    { name: "64 KB of aliases", goalMs: 2_000, run: () => validateAndRender(`a: &a x\nb: [${fill("*a, ").slice(20)}]\n`) },
    { name: "64 KB of anchors", goalMs: 2_000, run: () => validateAndRender(fill("&a ")) },
    { name: "64 KB of [", goalMs: 200, run: () => validateAndRender(fill("[")) },
    { name: "64 KB of '- '", goalMs: 200, run: () => validateAndRender(fill("- ")) },
    { name: "300 nested block mappings", goalMs: 500, run: () => validateAndRender(deepBlocks) },
    { name: "custom tag", goalMs: 200, run: () => validateAndRender("intent: !!binary AAAA\n") },
    { name: "list of 64 KB of patterns", goalMs: 2_000, run: () => validateAndRender(`intent:\n  exempt:\n    titlePatterns:\n${fill("      - (a+)+$\n").slice(60)}`) },
  ]);
});
