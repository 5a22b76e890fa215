import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ProbotOctokit } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { debtCommand } from "../../src/cli/debt/command.js";
import type { DebtRegister } from "../../src/core/debt/register.js";
import type { GitHub } from "../../src/github/types.js";
import { ROI_NOW, threeHacks } from "../helpers/debt-roi.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { fakeIO } from "./fake-io.js";

const NOW = new Date(ROI_NOW);
const noGh = () => undefined;
let fake: FakeGitHub | undefined;
afterEach(() => fake?.stop());

function repository(config = "intent:\n  enabled: false\n"): FakeGitHub {
  const github = new FakeGitHub();
  fake = github;
  github.config = config;
  // As GitHub holds them: sealed with the app's key, which the CLI does not have.
  threeHacks(github);
  github.start();
  return github;
}

/** The app's client waits 2 s between searches (GitHub's search limit); these tests need not. */
const Unthrottled = ProbotOctokit.defaults({ throttle: { enabled: false }, retry: { enabled: false } });
const unthrottled = ({ token }: { token: string }) => new Unthrottled({ auth: { token } }) as unknown as GitHub;

async function run(args: { json?: boolean; csv?: boolean; output?: string }, client: typeof unthrottled | null = unthrottled) {
  const { io, out, err } = fakeIO({}, { GITHUB_TOKEN: "ghp_debt" });
  const code = await debtCommand("octo-org/widgets", args, io, { now: NOW, ghToken: noGh, ...(client ? { client } : {}) });
  return { code, out, err };
}

describe("intentbot debt", () => {
  it("exports the register as JSON in the dashboard's order, every column, and only reads", { timeout: 30_000 }, async () => {
    const github = repository();
    // With the client it is built with: the CLI's, throttled as the app is.
    const { code, out, err } = await run({ json: true }, null);

    expect(err).toEqual([]);
    expect(code).toBe(0);
    const register = JSON.parse(out.join("\n")) as DebtRegister;
    expect(register.items.map((i) => i.issue)).toEqual([52, 51, 50]);
    expect(register.items[1]).toEqual({
      rank: 2,
      issue: 51,
      title: "Rebuild: invites",
      url: null,
      hackPrs: [13],
      shipped: "2026-11-09",
      ageDays: 14,
      owner: "ana",
      teams: ["@acme/web"],
      estimates: { hack: "1d", hackHours: 8, rebuild: "3d", rebuildHours: 24 },
      rebuild: { when: null, by: null, overdue: false },
      interest: 2,
      window: { weeks: 2, changes: 2, bugFixes: 0 },
      weeklyCostHours: 2,
      payback: { kind: "weeks", weeks: 12, text: "12w" },
      friction: { medianDaysToMerge: 2.5, othersMedianDaysToMerge: 1, text: "2.5 d vs 1 d" },
    });
    expect(register.items[2]).toMatchObject({ issue: 50, window: { changes: 2, bugFixes: 2 }, weeklyCostHours: 1.61, payback: { kind: "weeks", weeks: 49.6 } });
    expect(register.items[0]).toMatchObject({ issue: 52, rebuild: { by: "2026-11-01", overdue: true }, payback: { kind: "unestimated", weeks: null, text: "—" } });
    expect(register).toMatchObject({
      repo: "octo-org/widgets",
      generatedAt: "2026-11-23T12:00:00.000Z",
      sort: "return",
      settings: { weeks: 12, hoursPerChange: 2, hoursPerBug: 4, bugLabels: ["bug"] },
      summary: { outstanding: 3, weeklyCostHours: 3.78, costUnknown: 0, best: { issue: 51, paybackWeeks: 12 }, estimates: { items: 2, savedHours: 80, owedHours: 104 } },
    });

    expect(github.calls.filter((call) => !call.startsWith("GET "))).toEqual([]);
    expect(github.unknown).toEqual([]);
  });

  it("writes CSV to a file, quoted, with formula-looking cells defused", async () => {
    repository();
    const dir = mkdtempSync(join(tmpdir(), "intentbot-debt-"));
    try {
      const file = join(dir, "debt.csv");
      const { code, out } = await run({ csv: true, output: file });
      expect(code).toBe(0);
      expect(out).toEqual([`intentbot: wrote ${file}`]);
      const lines = readFileSync(file, "utf8").trimEnd().split("\n");
      expect(lines[0]).toBe(
        "rank,debt_issue,title,url,hack_prs,shipped,age_days,owner,teams,hack_estimate,hack_hours,rebuild_estimate,rebuild_hours,rebuild_when,rebuild_by,overdue,interest,window_weeks,changes_in_window,bug_fixes_in_window,weekly_cost_hours,payback,payback_weeks,median_days_to_merge,others_median_days_to_merge",
      );
      expect(lines[1]).toBe(`1,52,"'=HYPERLINK(""http://evil"") csv export",,14,2026-06-01,175,ana,'@acme/web,,,,,,2026-11-01,true,1,12,1,0,0.17,—,,1,1`);
      expect(lines[2]).toBe("2,51,Rebuild: invites,,13,2026-11-09,14,ana,'@acme/web,1d,8,3d,24,,,false,2,2,2,0,2,12w,12,2.5,1");
      expect(lines).toHaveLength(4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("prints a Markdown table by default", async () => {
    repository();
    const { code, out } = await run({});
    expect(code).toBe(0);
    const text = out.join("\n");
    expect(text).toContain("# Debt register of octo-org/widgets");
    expect(text).toContain("| 2 | #51 Rebuild: invites | #13 | 2026-11-09 | ana | @acme/web | hack 1d, rebuild 3d |  | 2 | 2 · 0 in 2w | 2h/w | 12w | 2.5 d vs 1 d |");
  });

  it("refuses --json with --csv, a malformed repository, and no token", async () => {
    const { io, err } = fakeIO({}, { GITHUB_TOKEN: "t" });
    expect(await debtCommand("octo-org/widgets", { json: true, csv: true }, io, { ghToken: noGh })).toBe(2);
    expect(await debtCommand("not a repo", {}, io, { ghToken: noGh })).toBe(2);
    const none = fakeIO({}, {});
    expect(await debtCommand("octo-org/widgets", {}, none.io, { ghToken: noGh })).toBe(2);
    expect(err).toEqual(["intentbot: choose one of --json and --csv", 'intentbot: give the repository as OWNER/REPO, not "not a repo"']);
    expect(none.err).toEqual(["intentbot: no token: set GITHUB_TOKEN, or log in with the GitHub CLI (`gh auth login`)"]);
  });

  it("talks to GitHub Enterprise at GITHUB_API_URL", async () => {
    repository();
    const { io } = fakeIO({}, { GITHUB_TOKEN: "t", GITHUB_API_URL: "https://ghe.example.com/api/v3" });
    const asked: (string | undefined)[] = [];
    const code = await debtCommand("octo-org/widgets", { json: true }, io, {
      now: NOW,
      ghToken: noGh,
      // The fake answers for api.github.com only: the client is built for it once the base URL is seen.
      client: (options) => {
        asked.push(options.baseUrl);
        return unthrottled(options);
      },
    });
    expect(code).toBe(0);
    expect(asked).toEqual(["https://ghe.example.com/api/v3"]);
  });
});
