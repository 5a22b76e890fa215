import nock from "nock";
import { describe, expect, it } from "vitest";
import { auditCommand } from "../../src/cli/audit/command.js";
import { issue, noGh, NOW, RAW, REPO, STATED, TOKEN } from "./audit-repository.js";
import { fakeIO } from "./fake-io.js";

describe("intentbot audit", () => {
  it("reads at most --limit items of each list", async () => {
    const api = nock("https://api.github.com");
    api.get(`${REPO}/contents/.github%2Fintent.yml`).reply(200, "signoff:\n  enabled: false\nhacks:\n  enabled: false\n", RAW);
    api.get(`${REPO}/contents`).reply(404);
    // One page of 2, and no request for the next page even though GitHub links one.
    api
      .get(`${REPO}/issues`)
      .query({ state: "open", sort: "created", direction: "desc", per_page: 2 })
      .reply(200, [issue(9, "One", STATED), issue(10, "Two", STATED)], { link: `<https://api.github.com${REPO}/issues?page=2>; rel="next"` });
    const { io, out } = fakeIO({}, { GITHUB_TOKEN: TOKEN });
    expect(await auditCommand("octo-org/widgets", { json: true, limit: "2" }, io, { now: NOW, ghToken: noGh })).toBe(0);
    expect(JSON.parse(out.join("\n"))).toMatchObject({ read: { issues: 2, pullRequests: 0 }, intent: { issues: [] }, hacksWithoutDebt: [], signoff: [] });
  });

  it("exits 2 on a bad repository name, a bad limit, or no token", async () => {
    const bad = fakeIO({}, { GITHUB_TOKEN: TOKEN });
    expect(await auditCommand("widgets", {}, bad.io, { ghToken: noGh })).toBe(2);
    expect(bad.err).toEqual(['intentbot: give the repository as OWNER/REPO, not "widgets"']);
    const limit = fakeIO({}, { GITHUB_TOKEN: TOKEN });
    expect(await auditCommand("octo-org/widgets", { limit: "0" }, limit.io, { ghToken: noGh })).toBe(2);
    expect(limit.err).toEqual(["intentbot: --limit takes a whole number from 1 to 5000"]);
    const none = fakeIO({});
    expect(await auditCommand("octo-org/widgets", {}, none.io, { ghToken: noGh })).toBe(2);
    expect(none.err).toEqual(["intentbot: no token: set GITHUB_TOKEN, or log in with the GitHub CLI (`gh auth login`)"]);
  });

  it("takes the GitHub CLI's token when GITHUB_TOKEN is unset, and exits 2 when GitHub refuses", async () => {
    nock("https://api.github.com", { reqheaders: { authorization: "token from-gh" } })
      .get(`${REPO}/contents/.github%2Fintent.yml`)
      .reply(401, { message: "Bad credentials" });
    const { io, err } = fakeIO({});
    expect(await auditCommand("octo-org/widgets", {}, io, { ghToken: () => "from-gh" })).toBe(2);
    expect(err).toEqual([expect.stringMatching(/^intentbot: GitHub answered 401: Bad credentials/)]);
  });
});
