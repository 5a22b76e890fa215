import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { debtCommand } from "../../src/cli/debt/command.js";
import { noGh, NOW, repository, run, stopRepository, unthrottled } from "./debt-repository.js";
import { fakeIO } from "./fake-io.js";

afterEach(stopRepository);

describe("intentbot debt", () => {
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
