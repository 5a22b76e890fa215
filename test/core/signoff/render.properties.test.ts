import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { decideSignoff, Signoff, TeamStatus, TeamVerdict } from "../../../src/core/signoff/decide.js";
import { CHECK_SUMMARY_LIMIT, COMMENT_LIMIT, signoffCheck, signoffComment } from "../../../src/core/signoff/render.js";
import { keptCommandSignoffs, readCommandSignoffs } from "../../../src/core/signoff/state.js";
import { escapeTableCode } from "../../../src/core/sanitize.js";

type Needed = Extract<ReturnType<typeof decideSignoff>, { needed: true }>;

/** What is added after rendering (the topic marker and the record's seal) stays under this. */
const ENVELOPE = 512;
const PIECES = ["a", "src", "/", "|", "`", "``", "\\", "@", "<!--", "-->", "<", ">", "é", "\ud83d\ude00", " ", "*", "[", "]", "&", "x".repeat(40)];
const hostile = (maxLength: number) => fc.array(fc.constantFrom(...PIECES), { maxLength }).map((parts) => parts.join(""));

/** Team names as CODEOWNERS and the config allow them: `@org/slug`, organisation logins up to 39 characters. */
const word = (max: number) => fc.stringMatching(new RegExp(`^[a-z0-9][a-z0-9._-]{0,${max - 1}}$`));
const teamName = fc.tuple(word(39), word(60)).map(([org, slug]) => `@${org}/${slug}`);

const signoff = (team: string, note: string): Signoff => ({ team, user: "reviewer-with-a-long-login-name", at: "2026-12-01T10:00:00Z", sha: "a".repeat(40), via: "command", note });

const team = fc.record({
  status: fc.constantFrom<TeamStatus>("signed", "author", "unverified", "stale", "waiting"),
  fileCount: fc.integer({ min: 0, max: 3000 }),
  path: hostile(30),
  note: hostile(60),
  unverified: fc.integer({ min: 1, max: 200 }),
});

function verdictOf(names: readonly string[], teams: readonly (typeof team extends fc.Arbitrary<infer T> ? T : never)[], unownedCount: number): Needed {
  const verdicts = names.map((name, i): TeamVerdict => {
    const t = teams[i % teams.length];
    if (!t) throw new Error("no team");
    const files = Array.from({ length: t.fileCount }, (_, n) => `${t.path}/${n}.ts`);
    const base = { team: name, status: t.status, files };
    if (t.status === "signed" || t.status === "stale") return { ...base, signoff: signoff(name, t.note) };
    if (t.status === "unverified") return { ...base, unverified: Array.from({ length: t.unverified }, (_, n) => `approver-${n}`) };
    return base;
  });
  return { needed: true, teams: verdicts, unowned: Array.from({ length: unownedCount }, (_, n) => `unowned/${n}|\`.md`), met: false, requestReviewsFrom: [] };
}

describe("the sign-off comment and check, for any number of teams and files", () => {
  it("fit GitHub's limits and name every team", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(teamName, { minLength: 1, maxLength: 200 }),
        fc.array(team, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 3000 }),
        fc.array(hostile(400), { maxLength: 300 }),
        (names, teams, unowned, notes) => {
          const verdict = verdictOf(names, teams, unowned);
          const commands = keptCommandSignoffs(
            notes.map((note, i) => ({ ...signoff(names[i % names.length] ?? "", note), at: `2026-12-01T10:00:${String(i % 60).padStart(2, "0")}Z` })),
            new Set(names),
          );
          const comment = signoffComment(verdict, commands);
          const summary = signoffCheck(verdict, "advise").summary;
          expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT - ENVELOPE);
          expect(summary.length).toBeLessThanOrEqual(CHECK_SUMMARY_LIMIT);
          for (const name of names) {
            expect(comment).toContain(`| ${escapeTableCode(name, 100)} |`);
            expect(summary).toContain(`| ${escapeTableCode(name, 100)} |`);
          }
          // The record survives the bound: what was kept reads back.
          expect(readCommandSignoffs(comment)).toEqual(commands);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("a 3,000-file pull request across 50 teams shows counts and the first paths of each", () => {
    const names = Array.from({ length: 50 }, (_, i) => `@acme/team-${i}`);
    const verdict: Needed = {
      needed: true,
      teams: names.map((name, i) => ({ team: name, status: "waiting", files: Array.from({ length: 60 }, (_, n) => `services/team-${i}/src/module-${n}/handler.ts`) })),
      unowned: [],
      met: false,
      requestReviewsFrom: [],
    };
    const comment = signoffComment(verdict, []);
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT - ENVELOPE);
    expect(comment).toContain("| `@acme/team-0` | ⏳ waiting |  | <details><summary>60 files</summary>`services/team-0/src/module-0/handler.ts`<br>");
    expect(comment).toMatch(/and \d+ more<\/details> \|/);
  });

  it("past what a table can hold, it keeps the teams still to sign off and says how many it leaves out", () => {
    const names = Array.from({ length: 2000 }, (_, i) => `@an-organisation-with-a-long-name/team-number-${i}-of-the-monorepo`);
    const verdict: Needed = {
      needed: true,
      teams: names.map((name, i) => ({ team: name, status: i % 2 === 0 ? "signed" : "waiting", files: ["a.ts"], ...(i % 2 === 0 ? { signoff: signoff(name, "") } : {}) })),
      unowned: [],
      met: false,
      requestReviewsFrom: [],
    };
    const comment = signoffComment(verdict, []);
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT - ENVELOPE);
    expect(comment).toContain("| `@an-organisation-with-a-long-name/team-number-1-of-the-monorepo` | ⏳ waiting |");
    expect(comment).toMatch(/…and 1,\d{3} more teams \(\d+ still to sign off\)/);
  });
});

describe("the command sign-offs the comment keeps", () => {
  it("the newest per touched team, whatever was commented", () => {
    const older = { ...signoff("@acme/web", "first"), at: "2026-12-01T09:00:00Z" };
    const newer = { ...signoff("@acme/web", "second"), at: "2026-12-01T11:00:00Z" };
    const elsewhere = signoff("@acme/gone", "no longer touched");
    expect(keptCommandSignoffs([newer, older, elsewhere], new Set(["@acme/web"]))).toEqual([newer]);
  });
});
