import type { Signoff } from "./decide.js";

/** A review as GitHub lists it, reduced to what sign-off reads. */
export interface Review {
  user: string | undefined;
  /** GitHub's state: APPROVED, CHANGES_REQUESTED, DISMISSED, COMMENTED, PENDING. */
  state: string;
  submittedAt: string;
  commitId: string;
}

/** Whether a user is an active member of a team, as read; `unreadable` when the app may not see the team's members. */
export type Membership = "member" | "not a member" | "unreadable";

/** Per login, its membership of each touched team that was read. */
export type Memberships = ReadonlyMap<string, ReadonlyMap<string, Membership>>;

/**
 * Each reviewer's latest verdict, in the order reviewers first gave one:
 * comments (and pending reviews) change no one's verdict; approvals, change
 * requests and dismissals do.
 */
export function latestVerdicts(reviews: readonly Review[]): Map<string, Review> {
  const latest = new Map<string, Review>();
  for (const review of reviews) {
    if (review.user && review.state !== "COMMENTED" && review.state !== "PENDING") latest.set(review.user, review);
  }
  return latest;
}

/** Those whose latest verdict approves, the author aside (an author's approval signs off nothing): their memberships decide. */
export function approvers(reviews: readonly Review[], author: string | undefined): string[] {
  return [...latestVerdicts(reviews)].filter(([user, review]) => review.state === "APPROVED" && user !== author).map(([user]) => user);
}

/**
 * Approving reviews (each reviewer's latest) by members of the touched teams
 * as sign-offs, and per team the approvers whose membership could not be read.
 */
export function reviewSignoffs(
  reviews: readonly Review[],
  author: string | undefined,
  teams: readonly string[],
  memberships: Memberships,
): { signoffs: Signoff[]; unverified: Map<string, string[]> } {
  const latest = latestVerdicts(reviews);
  const signoffs: Signoff[] = [];
  const unverified = new Map<string, string[]>();
  for (const user of approvers(reviews, author)) {
    const review = latest.get(user);
    for (const team of teams) {
      const membership = memberships.get(user)?.get(team);
      if (membership === "member") signoffs.push({ team, user, at: review?.submittedAt ?? "", sha: review?.commitId ?? "", via: "review" });
      if (membership === "unreadable") unverified.set(team, [...(unverified.get(team) ?? []), user]);
    }
  }
  return { signoffs, unverified };
}
