import { describe, expect, it } from "vitest";
import { teamAreas } from "../../../src/core/signoff/areas.js";

const noCodeowners = () => undefined;

describe("configured team areas", () => {
  it("match globs against whole paths: `*` within a segment, `**` across", () => {
    const files = ["README.md", "docs/guide.md", "src/billing/a.ts", "src/billing/deep/b.ts", "src/web/page.tsx"];
    const areas = teamAreas(files, noCodeowners, { "@acme/docs": ["**/*.md"], "@acme/payments": ["src/billing/**"], "@acme/root": ["*.md"] });
    expect(areas.teams.get("@acme/docs")).toEqual(["README.md", "docs/guide.md"]);
    expect(areas.teams.get("@acme/payments")).toEqual(["src/billing/a.ts", "src/billing/deep/b.ts"]);
    expect(areas.teams.get("@acme/root")).toEqual(["README.md"]);
    expect(areas.unowned).toEqual(["src/web/page.tsx"]);
  });

  it("a glob built to backtrack (over 20 s with picomatch) is answered at once", () => {
    const areas = teamAreas([`${"a".repeat(30)}/${"a".repeat(60)}`], noCodeowners, { "@acme/x": [`**/${"*a".repeat(12)}*b`] });
    expect(areas.unowned).toHaveLength(1);
  });

  it("a glob over the length bound matches nothing instead of running", () => {
    const areas = teamAreas(["a"], noCodeowners, { "@acme/x": ["*".repeat(2_000)] });
    expect(areas.unowned).toEqual(["a"]);
  });
});
