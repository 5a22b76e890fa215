import { debtRecordMarker, type DebtRecord } from "../../src/core/debt/record.js";
import type { FakeGitHub, FakeIssue } from "./fake-github.js";
import { BOT_LOGIN, OWNER, REPO } from "./github.js";
import { sealed } from "./records.js";

/**
 * A repository with three hacks of different estimates and the PRs that
 * changed their files since, for the ROI tests of the dashboard and of
 * `intentbot debt` (now: 2026-11-23T12:00Z, a 12-week window from 2026-08-31T12:00Z).
 *
 * - #50 (hack #12, shipped 2026-10-02, 7.4 weeks ago): hack 2d, rebuild 2w; changed by #20 (labelled Bug, 3 days to merge) and #21 (fixes bug issue #7, 1 day).
 * - #51 (hack #13, shipped 2026-11-09, 2 weeks ago): hack 1d, rebuild 3d; changed by #22 (4 days) and #23 (1 day).
 * - #52 (hack #14, shipped 2026-06-01): no rebuild estimate, overdue since 2026-11-01; changed by #24 (1 day) in the window.
 * - #30 changed nothing hacked (half a day to merge).
 */
export const ROI_NOW = Date.parse("2026-11-23T12:00:00Z");

function debtRecord(pr: number, mergedAt: string, file: string, patch: Partial<DebtRecord>): DebtRecord {
  return {
    kind: "debt",
    version: 1,
    createdByApp: true,
    hackPrs: [{ number: pr, state: "merged", mergedAt, declared: true }],
    owner: "ana",
    estimate: {},
    files: [file],
    teams: ["@acme/web"],
    ...patch,
  };
}

function debtIssue(number: number, title: string, record: DebtRecord, bodyOf: (text: string) => string): FakeIssue {
  // The repository a record is sealed for is read from the issue's own URL.
  return {
    repository_url: `https://api.github.com/repos/${OWNER}/${REPO}`,
    number,
    id: 9000 + number,
    node_id: `I_${number}`,
    title,
    body: bodyOf(`Rebuild\n${debtRecordMarker(record)}`),
    state: "open",
    state_reason: null,
    closed_at: null,
    labels: [{ name: "rebuild-debt" }],
    assignees: [],
    user: { login: BOT_LOGIN, type: "Bot" },
  };
}

function merged(fake: FakeGitHub, number: number, createdAt: string, mergedAt: string, patch: Partial<FakeIssue> = {}): void {
  fake.addPullRequest({ number, title: `PR ${number}`, state: "closed", closed_at: mergedAt, created_at: createdAt, merged: true, pull_request: { merged_at: mergedAt }, ...patch });
}

/** Fills the fake; `bodyOf` seals the records as the app would (the app test) or leaves them as read by a token (the CLI). */
export function threeHacks(fake: FakeGitHub, bodyOf: (text: string) => string = sealed): void {
  const hack = { labels: [{ name: "hack" }] };
  merged(fake, 12, "2026-09-30T10:00:00Z", "2026-10-02T10:00:00Z", hack);
  merged(fake, 13, "2026-11-08T12:00:00Z", "2026-11-09T12:00:00Z", hack);
  merged(fake, 14, "2026-05-30T12:00:00Z", "2026-06-01T12:00:00Z", hack);
  fake.issues.set(50, debtIssue(50, "Rebuild: prices", debtRecord(12, "2026-10-02T10:00:00Z", "src/prices.ts", { estimate: { hack: "2d", rebuild: "2w", rebuildHours: 80 } }), bodyOf));
  fake.issues.set(51, debtIssue(51, "Rebuild: invites", debtRecord(13, "2026-11-09T12:00:00Z", "src/invite.ts", { estimate: { hack: "1d", rebuild: "3d", rebuildHours: 24 } }), bodyOf));
  fake.issues.set(52, debtIssue(52, "=HYPERLINK(\"http://evil\") csv export", debtRecord(14, "2026-06-01T12:00:00Z", "src/csv.ts", { rebuildBy: "2026-11-01" }), bodyOf));

  merged(fake, 20, "2026-11-07T10:00:00Z", "2026-11-10T10:00:00Z", { labels: [{ name: "Bug" }] });
  merged(fake, 21, "2026-11-19T12:00:00Z", "2026-11-20T12:00:00Z", { body: "Tidy the price table.\n\nFixes #7" });
  fake.issues.set(7, { ...debtIssue(7, "Prices wrong on Sundays", debtRecord(1, "2026-01-01", "x", {}), () => ""), state: "closed", closed_at: "2026-11-20T12:00:00Z", labels: [{ name: "bug" }], user: { login: "bo", type: "User" } });
  merged(fake, 22, "2026-11-12T12:00:00Z", "2026-11-16T12:00:00Z");
  merged(fake, 23, "2026-11-17T12:00:00Z", "2026-11-18T12:00:00Z");
  merged(fake, 24, "2026-09-01T12:00:00Z", "2026-09-02T12:00:00Z");
  merged(fake, 30, "2026-11-02T00:00:00Z", "2026-11-02T12:00:00Z");

  const commit = (pr: number, path: string, date: string, squash = true) =>
    fake.commits.push({ paths: [path], message: squash ? `Change (#${pr})` : `Merge pull request #${pr} from octo/branch`, date });
  commit(12, "src/prices.ts", "2026-10-02T10:00:00Z");
  commit(13, "src/invite.ts", "2026-11-09T12:00:00Z");
  commit(14, "src/csv.ts", "2026-06-01T12:00:00Z");
  commit(20, "src/prices.ts", "2026-11-10T10:00:00Z");
  commit(21, "src/prices.ts", "2026-11-20T12:00:00Z", false);
  commit(22, "src/invite.ts", "2026-11-16T12:00:00Z");
  commit(23, "src/invite.ts", "2026-11-18T12:00:00Z");
  commit(24, "src/csv.ts", "2026-09-02T12:00:00Z");
  commit(30, "src/other.ts", "2026-11-02T12:00:00Z");
}
