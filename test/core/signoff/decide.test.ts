import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/schema.js";
import { teamAreas } from "../../../src/core/signoff/areas.js";
import { decideSignoff, type Signoff, type SignoffFacts } from "../../../src/core/signoff/decide.js";

const owners: Record<string, string[]> = {
  "src/pay/charge.ts": ["@acme/payments"],
  "src/web/page.tsx": ["@acme/Web", "@ana"],
  "src/web/api.ts": ["@acme/web", "@acme/payments"],
  "README.md": ["@ana"],
};
const ownersOf = (path: string) => owners[path];
const rules = defaultConfig.signoff;
const HEAD = "head";

function facts(overrides: Partial<SignoffFacts> = {}): SignoffFacts {
  return {
    headSha: HEAD,
    areas: teamAreas(Object.keys(owners), ownersOf, {}),
    authorTeams: new Set(),
    signoffs: [],
    changedSince: new Map(),
    requestedTeams: new Set(),
    ...overrides,
  };
}

const signoff = (team: string, sha = HEAD, at = "2026-11-20T10:00:00Z"): Signoff => ({ team, user: "bo", at, sha, via: "review" });

describe("team areas", () => {
  it("maps files to normalised teams, ignores people, lists unowned files", () => {
    const areas = teamAreas(Object.keys(owners), ownersOf, {});
    expect([...areas.teams]).toEqual([
      ["@acme/payments", ["src/pay/charge.ts", "src/web/api.ts"]],
      ["@acme/web", ["src/web/page.tsx", "src/web/api.ts"]],
    ]);
    expect(areas.unowned).toEqual(["README.md"]);
  });

  it("configured areas add teams and override a CODEOWNERS team's area", () => {
    const areas = teamAreas(Object.keys(owners), ownersOf, { "acme/docs": ["*.md"], "@acme/web": ["src/web/*.tsx"] });
    expect(areas.teams.get("@acme/docs")).toEqual(["README.md"]);
    expect(areas.teams.get("@acme/web")).toEqual(["src/web/page.tsx"]);
    expect(areas.unowned).toEqual([]);
  });
});

describe("sign-off decision", () => {
  it("is not needed below minTeams", () => {
    expect(decideSignoff(facts(), { ...rules, minTeams: 3 })).toEqual({ needed: false, teamCount: 2 });
  });

  it("waits for every touched team and asks for reviews from the ones not yet requested", () => {
    const verdict = decideSignoff(facts({ requestedTeams: new Set(["@acme/web"]) }), rules);
    expect(verdict).toMatchObject({ needed: true, met: false, requestReviewsFrom: ["@acme/payments"] });
  });

  it("is met when each team signed off", () => {
    const verdict = decideSignoff(facts({ signoffs: [signoff("@acme/payments"), signoff("@acme/web")] }), rules);
    expect(verdict).toMatchObject({ needed: true, met: true, requestReviewsFrom: [] });
  });

  it("counts the author's own teams, unless configured otherwise", () => {
    const withAuthor = facts({ authorTeams: new Set(["@acme/web"]), signoffs: [signoff("@acme/payments")] });
    expect(decideSignoff(withAuthor, rules)).toMatchObject({ met: true });
    expect(decideSignoff(withAuthor, { ...rules, authorTeamsSignedOff: false })).toMatchObject({ met: false, requestReviewsFrom: ["@acme/web"] });
  });

  it("a push that changes a team's files makes its sign-off stale; other teams keep theirs", () => {
    const verdict = decideSignoff(
      facts({ signoffs: [signoff("@acme/payments", "old"), signoff("@acme/web", "old")], changedSince: new Map([["old", ["src/pay/charge.ts"]]]) }),
      rules,
    );
    expect(verdict.needed && verdict.teams.map((t) => [t.team, t.status])).toEqual([
      ["@acme/payments", "stale"],
      ["@acme/web", "signed"],
    ]);
    const relaxed = decideSignoff(facts({ signoffs: [signoff("@acme/payments", "old"), signoff("@acme/web", "old")], changedSince: new Map([["old", ["src/pay/charge.ts"]]]) }), {
      ...rules,
      staleOnPush: false,
    });
    expect(relaxed).toMatchObject({ met: true });
  });

  it("a fresh sign-off after a stale one counts", () => {
    const verdict = decideSignoff(
      facts({
        signoffs: [signoff("@acme/payments", "old", "2026-11-20T10:00:00Z"), signoff("@acme/payments", HEAD, "2026-11-21T10:00:00Z"), signoff("@acme/web")],
        changedSince: new Map([["old", ["src/pay/charge.ts"]]]),
      }),
      rules,
    );
    expect(verdict).toMatchObject({ met: true });
  });
});

describe("approvals whose membership cannot be read", () => {
  it("leave the team open (not signed), name the approvers, and a verified sign-off still wins", () => {
    const unverified = new Map([["@acme/web", ["bo"]]]);
    const open = decideSignoff(facts({ signoffs: [signoff("@acme/payments")], unverified }), rules);
    expect(open.needed && open.met).toBe(false);
    expect(open.needed && open.teams.find((t) => t.team === "@acme/web")).toMatchObject({ status: "unverified", unverified: ["bo"] });
    expect(open.needed && open.requestReviewsFrom).toContain("@acme/web");

    const signed = decideSignoff(facts({ signoffs: [signoff("@acme/payments"), signoff("@acme/web")], unverified }), rules);
    expect(signed.needed && signed.met).toBe(true);
  });
});
