import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../../src/config/schema.js";
import type { Action } from "../../../src/core/actions.js";
import { teamAreas } from "../../../src/core/signoff/areas.js";
import { planSignoff, type GatheredSignoff, type SignoffEvidence } from "../../../src/core/signoff/plan.js";
import { SIGNOFF_NO_LONGER_NEEDED } from "../../../src/core/signoff/render.js";
import { latestVerdicts, reviewSignoffs, type Membership, type Review } from "../../../src/core/signoff/reviews.js";
import { commandSignoffsMarker } from "../../../src/core/signoff/state.js";

const repo = { owner: "acme", repo: "shop" };
const HEAD = "head";
const owners: Record<string, string[]> = { "src/pay/charge.ts": ["@acme/payments"], "src/web/page.tsx": ["@acme/web"], "src/ext/x.ts": ["@partner/ext"] };
const areasOf = (files: string[]) => teamAreas(files, (path) => owners[path], {});
const config = { signoff: { ...defaultConfig.signoff, minTeams: 2 }, mode: "advise" as const };

const review = (user: string, state: string, at = "2026-11-20T10:00:00Z", commitId = HEAD): Review => ({ user, state, submittedAt: at, commitId });
const members = (entries: Record<string, Record<string, Membership> | undefined>) => new Map(Object.entries(entries).map(([login, teams]) => [login, new Map(Object.entries(teams ?? {}))]));

function gathered(evidence: Partial<SignoffEvidence> | undefined, files = ["src/pay/charge.ts", "src/web/page.tsx"], requestedTeams: string[] = []): GatheredSignoff {
  return {
    repo,
    pr: { number: 5, author: "ana", headSha: HEAD, requestedTeams },
    areas: areasOf(files),
    evidence: evidence && { comment: null, reviews: [], memberships: new Map(), changedSince: new Map(), ...evidence },
  };
}

const types = (actions: readonly Action[]) => actions.map((a) => a.type);

describe("each reviewer's latest verdict", () => {
  it.each([
    { reviews: [review("bo", "APPROVED"), review("bo", "COMMENTED")], latest: [["bo", "APPROVED"]] },
    { reviews: [review("bo", "APPROVED"), review("bo", "DISMISSED")], latest: [["bo", "DISMISSED"]] },
    { reviews: [review("bo", "CHANGES_REQUESTED"), review("cy", "APPROVED"), review("bo", "APPROVED")], latest: [["bo", "APPROVED"], ["cy", "APPROVED"]] },
    { reviews: [review("bo", "PENDING")], latest: [] },
  ])("$latest", ({ reviews, latest }) => {
    expect([...latestVerdicts(reviews)].map(([user, r]) => [user, r.state])).toEqual(latest);
  });

  it("an approval by a member signs off for the team; the author's own approval and a non-member's do not; an unreadable membership is named", () => {
    const reviews = [review("bo", "APPROVED"), review("ana", "APPROVED"), review("eve", "APPROVED"), review("ux", "APPROVED")];
    const memberships = members({ bo: { "@acme/payments": "member" }, ana: { "@acme/web": "member" }, eve: {}, ux: { "@acme/web": "unreadable" } });
    const { signoffs, unverified } = reviewSignoffs(reviews, "ana", ["@acme/payments", "@acme/web"], memberships);
    expect(signoffs).toEqual([{ team: "@acme/payments", user: "bo", at: "2026-11-20T10:00:00Z", sha: HEAD, via: "review" }]);
    expect([...unverified]).toEqual([["@acme/web", ["ux"]]]);
  });
});

describe("the sign-off plan", () => {
  it("below minTeams: a passing check, and the comment (if any) says it is no longer needed", () => {
    const { verdict, actions } = planSignoff(gathered(undefined, ["src/pay/charge.ts"]), config);
    expect(verdict).toEqual({ needed: false, teamCount: 1 });
    expect(actions).toEqual([
      { type: "check", repo, headSha: HEAD, result: expect.objectContaining({ conclusion: "success", title: "No cross-team sign-off needed" }) },
      { type: "sticky-comment", issue: { ...repo, number: 5 }, topic: "signoff", body: SIGNOFF_NO_LONGER_NEEDED, create: false },
    ]);
  });

  it.each([
    { case: "nothing signed: both asked", requested: [], reviews: [], memberships: {}, title: "Waiting for 2 of 2 teams", asked: ["payments", "web"] },
    { case: "a team already asked is not asked again", requested: ["web"], reviews: [], memberships: {}, title: "Waiting for 2 of 2 teams", asked: ["payments"] },
    { case: "a member's approval and the author's team", requested: [], reviews: [review("bo", "APPROVED")], memberships: { bo: { "@acme/payments": "member" }, ana: { "@acme/web": "member" } }, title: "All 2 teams signed off", asked: undefined },
    { case: "a dismissed approval counts no more", requested: [], reviews: [review("bo", "APPROVED"), review("bo", "DISMISSED")], memberships: { bo: { "@acme/payments": "member" } }, title: "Waiting for 2 of 2 teams", asked: ["payments", "web"] },
  ] as const)("$case", ({ requested, reviews, memberships, title, asked }) => {
    const { actions } = planSignoff(gathered({ reviews, memberships: members(memberships) }, undefined, [...requested]), config);
    expect(types(actions)).toEqual(["check", "sticky-comment", ...(asked ? ["request-team-reviews"] : [])]);
    expect(actions[0]).toMatchObject({ result: { title } });
    expect(actions[2]).toEqual(asked ? { type: "request-team-reviews", pr: { ...repo, number: 5 }, teams: asked } : undefined);
  });

  it("writes the comment found under the lock, with the command sign-offs it keeps and the new one", () => {
    const comment = { id: 9, body: `<!-- intentbot:signoff -->\n${commandSignoffsMarker([{ team: "@acme/web", user: "wu", at: "2026-11-19T10:00:00Z", sha: HEAD, via: "command" }])}` };
    const input = { ...gathered({ comment }), newSignoff: { team: "@acme/payments", user: "bo", at: "2026-11-21T10:00:00Z", sha: HEAD, via: "command" as const } };
    const { verdict, actions } = planSignoff(input, config);
    expect(verdict).toMatchObject({ needed: true, met: true });
    expect(actions[1]).toMatchObject({ type: "sticky-comment", topic: "signoff", create: true, found: comment });
    expect((actions[1] as { body: string }).body).toContain('"user":"bo"');
    expect((actions[1] as { body: string }).body).toContain('"user":"wu"');
  });

  it("a sign-off on a commit whose later changes touch the team's files is stale", () => {
    const input = gathered({ reviews: [review("bo", "APPROVED", undefined, "old")], memberships: members({ bo: { "@acme/payments": "member" } }), changedSince: new Map([["old", ["src/pay/charge.ts"]]]) });
    const { verdict } = planSignoff(input, config);
    expect(verdict.needed && verdict.teams.map((t) => [t.team, t.status])).toEqual([
      ["@acme/payments", "stale"],
      ["@acme/web", "waiting"],
    ]);
  });

  it("asks no review of another organisation's team", () => {
    const { actions } = planSignoff(gathered({}, ["src/pay/charge.ts", "src/ext/x.ts"]), config);
    expect(actions.at(-1)).toEqual({ type: "request-team-reviews", pr: { ...repo, number: 5 }, teams: ["payments"] });
  });
});
