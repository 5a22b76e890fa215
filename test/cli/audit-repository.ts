import nock from "nock";

export const TOKEN = "ghp_audittoken";
export const REPO = "/repos/octo-org/widgets";
export const RAW = { "content-type": "application/vnd.github.v3.raw; charset=utf-8" };
export const STATED = "## Why\nRefunds take a week by email today.\n\n## Who\nSupport agents handling refunds daily.";
export const NOW = new Date("2026-03-02T12:00:00Z");
export const noGh = () => undefined;

export const issue = (number: number, title: string, body: string, extra: Record<string, unknown> = {}) => ({
  number,
  title,
  body,
  labels: [],
  user: { login: "ana", type: "User" },
  state: "open",
  ...extra,
});
export const pr = (number: number, title: string, body: string, extra: Record<string, unknown> = {}) => issue(number, title, body, { pull_request: { merged_at: null }, draft: false, ...extra });

/** Every call the audit makes, in order, each with the token; only GETs, so nothing can be written. */
export function mockRepository(rateLimited: boolean) {
  const api = nock("https://api.github.com", { reqheaders: { authorization: `token ${TOKEN}` } });
  api.get(`${REPO}/contents/.github%2Fintent.yml`).reply(404);
  api.get("/repos/octo-org/.github/contents/.github%2Fintent.yml").reply(404);
  // One listing of the root and of .github serves both kinds of template.
  api.get(`${REPO}/contents`).reply(200, [{ type: "dir", path: ".github", name: ".github" }]);
  api.get(`${REPO}/contents/.github`).reply(200, [{ type: "dir", path: ".github/ISSUE_TEMPLATE", name: "ISSUE_TEMPLATE" }]);
  api.get(`${REPO}/contents/.github%2FISSUE_TEMPLATE`).reply(200, [{ type: "file", path: ".github/ISSUE_TEMPLATE/feature.md", name: "feature.md" }]);
  api.get(`${REPO}/contents/.github%2FISSUE_TEMPLATE%2Ffeature.md`).reply(200, "---\nname: Feature\n---\n## Why\n\n## Who\n", RAW);
  api
    .get(`${REPO}/issues`)
    .query({ state: "open", sort: "created", direction: "desc", per_page: 100 })
    .reply(200, [
      issue(1, "Dark mode", "## Why\n\n## Who\n"),
      issue(2, "Faster refunds", STATED),
      pr(3, "Refund button", "Closes #2"),
      pr(4, "[hack] refund by hand", STATED),
      pr(5, "WIP", "", { draft: true }),
    ]);
  api
    .get("/search/issues")
    .query({ q: 'repo:octo-org/widgets is:pr is:merged label:"hack"', per_page: 100 })
    .reply(200, {
      total_count: 2,
      items: [
        pr(6, "[hack] CSV export", `${STATED}\nDebt: #7`, { state: "closed", pull_request: { merged_at: "2026-02-01T10:00:00Z" }, labels: [{ name: "hack" }] }),
        pr(8, "[hack] cron in a lambda", STATED, { state: "closed", pull_request: { merged_at: "2026-02-10T10:00:00Z" }, labels: [{ name: "hack" }] }),
      ],
    });
  api
    .get("/search/issues")
    .query({ q: 'repo:octo-org/widgets is:issue is:open label:"rebuild-debt"', per_page: 100 })
    .reply(200, { total_count: 1, items: [issue(7, "Rebuild the CSV export", "Do it properly.", { labels: [{ name: "rebuild-debt" }] })] });
  api.get(`${REPO}/contents/.github%2FCODEOWNERS`).reply(200, "/billing/ @acme/payments\n/web/ @acme/web\n", RAW);
  if (rateLimited) {
    // A primary rate limit in the middle: the call waits until the reset GitHub names, then is retried.
    api
      .get(`${REPO}/pulls/3/files`)
      .query({ per_page: 100 })
      .reply(403, { message: "API rate limit exceeded" }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + 1) });
  }
  api
    .get(`${REPO}/pulls/3/files`)
    .query({ per_page: 100 })
    .reply(200, [{ filename: "billing/refund.ts" }, { filename: "web/refund.tsx", previous_filename: "web/old.tsx" }]);
  api.get(`${REPO}/pulls/4/files`).query({ per_page: 100 }).reply(200, [{ filename: "billing/manual.ts" }]);
  return api;
}
