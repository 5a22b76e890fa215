import { describe, expect, it } from "vitest";
import { addedLines, findCodeMarkers } from "../../../src/core/hacks/diff.js";

const patch = [
  "@@ -1,4 +1,5 @@",
  " import x from 'x';",
  "-const a = 1;",
  "+const a = 2; // HACK: hard-coded",
  "+const b = 3;",
  " ",
  " export { a };",
  "@@ -20,3 +21,4 @@ function f() {",
  "   return 1;",
  "+  // HACK: skip validation until v2",
  " }",
  "\\ No newline at end of file",
].join("\n");

describe("unified diff", () => {
  it("numbers added lines as in the new file", () => {
    expect(addedLines(patch)).toEqual([
      { line: 2, text: "const a = 2; // HACK: hard-coded" },
      { line: 3, text: "const b = 3;" },
      { line: 22, text: "  // HACK: skip validation until v2" },
    ]);
  });

  it("reads nothing from a missing patch (binary or too large)", () => {
    expect(addedLines(undefined)).toEqual([]);
    expect(addedLines("Binary files differ")).toEqual([]);
  });

  it("lists the added lines with the marker, per file", () => {
    const files = [
      { filename: "src/a.ts", patch },
      { filename: "img.png" },
      { filename: "src/b.ts", patch: "@@ -0,0 +1,2 @@\n+// hack: lower case does not count\n+// HACK:" },
    ];
    expect(findCodeMarkers(files, "HACK:")).toEqual([
      { path: "src/a.ts", line: 2, text: "const a = 2; // HACK: hard-coded" },
      { path: "src/a.ts", line: 22, text: "// HACK: skip validation until v2" },
      { path: "src/b.ts", line: 2, text: "// HACK:" },
    ]);
    expect(findCodeMarkers(files, "HACK:", 1)).toHaveLength(1);
  });

  it("ignores removed lines with the marker", () => {
    expect(findCodeMarkers([{ filename: "a", patch: "@@ -1,1 +1,1 @@\n-// HACK: gone\n+fixed" }], "HACK:")).toEqual([]);
  });
});
