import fc from "fast-check";

/**
 * What happens to one issue or pull request in a product team's repository,
 * from its opening to its end, as plain data. A workload is a seeded sample
 * of these (fast-check's `sample` with a fixed seed: the same workload on
 * every run), weighted as such a repository's traffic is: mostly ordinary
 * pull requests and issues, comments without commands, pushes and reviews;
 * now and then a hack or a slash command.
 */
export type Story = IssueStory | PullRequestStory | HackStory;

export interface IssueStory {
  kind: "issue";
  /** The body states why and who when opened; if not, whether the author edits it in later. */
  stated: boolean;
  statedLater: boolean;
  /** People's comments, none of them a command. */
  comments: number;
  /** A person adds a triage label (`bug`, `enhancement`). */
  triaged: boolean;
  closed: boolean;
}

export interface PullRequestStory {
  kind: "pull request";
  /** Whose areas the files touch: one team's, two teams' (a sign-off), or docs that a person owns. */
  areas: "one team" | "two teams" | "docs";
  /** Where the why and who are: the body, an issue it closes, or nowhere. */
  intent: "body" | "linked issue" | "none";
  /** Opened as a draft, then marked ready for review. */
  draft: boolean;
  pushes: number;
  /** Review requests and assignments: GitHub sends them, the app ignores them. */
  requests: number;
  /** A person adds a label that is not `hack` (`enhancement`, `needs-design`). */
  labeled: boolean;
  comments: number;
  /** A `/signoff @team` comment from a member of one of the teams (two teams' areas only). */
  signoffCommand: boolean;
  commentReviews: number;
  approvals: number;
  /** The author rewrites the description once. */
  edited: boolean;
  end: "merged" | "closed" | "open";
}

export interface HackStory {
  kind: "hack";
  /** How it is declared a hack: the label when opening, the label a moment later, `[hack]` in the title, or a `/hack` comment. */
  declared: "label when opened" | "label after opening" | "title" | "command";
  pushes: number;
  comments: number;
  merged: boolean;
}

const issue: fc.Arbitrary<IssueStory> = fc.record({
  kind: fc.constant("issue" as const),
  stated: fc.boolean(),
  statedLater: fc.boolean(),
  comments: fc.integer({ min: 0, max: 4 }),
  triaged: fc.boolean(),
  closed: fc.boolean(),
});

const pullRequest: fc.Arbitrary<PullRequestStory> = fc.record({
  kind: fc.constant("pull request" as const),
  areas: fc.constantFrom("one team" as const, "one team" as const, "two teams" as const, "docs" as const),
  intent: fc.constantFrom("body" as const, "linked issue" as const, "linked issue" as const, "none" as const),
  // One in four opened as a draft, marked ready for review later.
  draft: fc.constantFrom(false, false, false, true),
  pushes: fc.integer({ min: 0, max: 4 }),
  requests: fc.integer({ min: 0, max: 2 }),
  labeled: fc.boolean(),
  comments: fc.integer({ min: 0, max: 3 }),
  signoffCommand: fc.boolean(),
  commentReviews: fc.integer({ min: 0, max: 2 }),
  approvals: fc.integer({ min: 0, max: 2 }),
  edited: fc.boolean(),
  end: fc.constantFrom("merged" as const, "merged" as const, "merged" as const, "closed" as const, "open" as const),
});

const hack: fc.Arbitrary<HackStory> = fc.record({
  kind: fc.constant("hack" as const),
  declared: fc.constantFrom("label when opened" as const, "label after opening" as const, "title" as const, "command" as const),
  pushes: fc.integer({ min: 0, max: 2 }),
  comments: fc.integer({ min: 0, max: 2 }),
  merged: fc.boolean(),
});

/** `count` stories, the same for the same seed. */
export function sampleStories(seed: number, count: number): Story[] {
  return fc.sample(fc.oneof({ arbitrary: pullRequest, weight: 5 }, { arbitrary: issue, weight: 4 }, { arbitrary: hack, weight: 1 }), { seed, numRuns: count });
}
