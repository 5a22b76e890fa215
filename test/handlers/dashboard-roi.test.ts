import { afterEach, describe, expect, it } from "vitest";
import { delivery, payload } from "../fixtures/payloads.js";
import { closeTestApps, createTestApp } from "../helpers/app.js";
import { fakeClock } from "../helpers/clock.js";
import { ROI_NOW, threeHacks } from "../helpers/debt-roi.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { BOT_LOGIN } from "../helpers/github.js";

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await closeTestApps();
  fake?.stop();
});

const labeled = () => payload("issues.labeled", { issue: { number: 50, labels: [{ name: "rebuild-debt" }], user: { login: BOT_LOGIN, type: "Bot" } }, label: { name: "rebuild-debt" } });

async function dashboardOf(config: string): Promise<{ body: string; github: FakeGitHub }> {
  const github = new FakeGitHub();
  fake = github;
  github.config = config;
  threeHacks(github);
  github.start();
  const probot = createTestApp(["dashboard"], { clock: fakeClock(ROI_NOW).clock });
  await probot.receive(delivery("issues.labeled", labeled()));
  const dashboard = [...github.issues.values()].find((issue) => issue.labels.some((l) => l.name === "intent-dashboard"));
  expect(github.unknown).toEqual([]);
  return { body: dashboard?.body ?? "", github };
}

const rows = (body: string) => body.split("\n").filter((line) => /^\| #\d+ /.test(line));

describe("debt dashboard: return on repaying each hack", () => {
  it("ranks three hacks by return, with weekly cost, payback, friction and the formula", async () => {
    const { body, github } = await dashboardOf("intent:\n  enabled: false\n");

    expect(rows(body)).toEqual([
      // Overdue first, whatever its payback; it has no estimate, and says so.
      "| #52 =HYPERLINK(\"http://evil\") csv export | #14 | 2026-06-01 | 175 d | @\u200bana | `@acme/web` |  | by 2026-11-01 ⚠️ **overdue** | 1 | 1 · 0 in 12w | 0.2h/w | — (estimate missing) | 1 d vs 1 d |",
      // 2 changes × 2h ÷ 2 weeks since it shipped = 2h/w; 24h ÷ 2h/w = 12w.
      "| #51 Rebuild: invites | #13 | 2026-11-09 | 14 d | @\u200bana | `@acme/web` | 3d |  | 2 | 2 · 0 in 2w | 2h/w | 12w | 2.5 d vs 1 d |",
      // (2 changes × 2h + 2 bug fixes × 4h: #20 labelled Bug, #21 fixes bug issue #7) ÷ 7.4 weeks = 1.6h/w; 80h ÷ 1.6h/w = 49.6w.
      "| #50 Rebuild: prices | #12 | 2026-10-02 | 52 d | @\u200bana | `@acme/web` | 2w |  | 2 | 2 · 2 in 7.4w | 1.6h/w | 49.6w | 2 d vs 1 d |",
    ]);
    expect(body).toContain(
      [
        "| Weekly cost of carrying the outstanding debt | 3.8h/w |",
        "| Best return | #51 pays back in 12w |",
        "| Hack vs rebuild estimates (2 item(s) with both) | saved 2w now, owed 2.6w |",
      ].join("\n"),
    );
    expect(body).toContain("Sorted by return: overdue first, then shortest payback, then interest, then age; `never` and `—` last.");
    expect(body).toContain("- **Weekly cost** = (changes × 2h + bug fixes × 4h) ÷ weeks in the window.");
    expect(body).toContain("a bug fix is one labelled `bug` or closing an issue labelled so.");

    // One search for the repository's merged PRs and one for its bug issues, whatever the number of items.
    const searches = github.calls.filter((call) => call === "GET /search/issues");
    expect(searches).toHaveLength(5); // open and recently closed debt, merged hacks, merged PRs in the window, bug issues
    expect(github.calls.filter((call) => call.endsWith("/commits"))).toHaveLength(3); // one per hacked file, as the interest always read
  });

  it("dashboard.sort: priority keeps the order by overdue, interest and age; the settings change the formula", async () => {
    const { body } = await dashboardOf("intent:\n  enabled: false\ndashboard:\n  sort: priority\n  roi:\n    hoursPerChange: 1\n    hoursPerBug: 0\n");

    expect(rows(body).map((row) => row.slice(0, 5))).toEqual(["| #52", "| #50", "| #51"]);
    expect(rows(body)[1]).toContain("| 2 · 2 in 7.4w | 0.3h/w | 297.6w |");
    expect(body).toContain("Sorted by priority: overdue first, then interest, then age.");
    expect(body).toContain("- **Weekly cost** = (changes × 1h + bug fixes × 0h) ÷ weeks in the window.");
  });
});
