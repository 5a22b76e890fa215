import { describe, expect, it } from "vitest";
import { DeliveryFacts } from "../../src/github/facts.js";
import { MAX_FILE_PAGE_CHARS, MAX_ISSUES, ReadCaches } from "../../src/github/read-caches.js";
import { recordingClient, type Answer } from "../helpers/recording-client.js";

const TICKET = { number: 7, title: "Checkout in two currencies", body: "Why: customers paying in two currencies cannot check out." };

/** One delivery's facts on the app's caches: each delivery has its own. */
function delivery(caches: ReadCaches, answer: (method: string, path: string, ifNoneMatch: string | undefined) => Answer) {
  const client = recordingClient(answer);
  return { ...client, facts: new DeliveryFacts(client.octokit, caches) };
}

const readIssue = (client: { facts: DeliveryFacts }, number = 7, repo = "r") => client.facts.issue({ owner: "o", repo }, number, { fresh: true });

/** GitHub as it answers issues: each with an ETag of its own, and a 304 when the one sent still matches. */
const github = (_: string, path: string, ifNoneMatch: string | undefined): Answer => (ifNoneMatch === `W/"${path}"` ? { status: 304 } : { status: 200, body: { path }, etag: `W/"${path}"` });

describe("issues kept between deliveries", () => {
  it("a later delivery's read of the same issue sends its ETag, and a 304 gives the issue read before", async () => {
    const caches = new ReadCaches();
    const first = delivery(caches, () => ({ status: 200, body: TICKET, etag: 'W/"v1"' }));
    await readIssue(first);
    const later = delivery(caches, () => ({ status: 304 }));
    const again = await readIssue(later);
    expect(again).toEqual(TICKET);
    expect(first.conditional).toEqual([null]);
    expect(later.sent).toEqual(["GET /repos/o/r/issues/7"]);
    expect(later.conditional).toEqual(['W/"v1"']);
  });

  it("a changed issue (200, a new ETag) replaces the one kept", async () => {
    const caches = new ReadCaches();
    await readIssue(delivery(caches, () => ({ status: 200, body: TICKET, etag: 'W/"v1"' })));
    const edited = { ...TICKET, body: "Why: charges and the page must agree." };
    const second = delivery(caches, () => ({ status: 200, body: edited, etag: 'W/"v2"' }));
    expect(await readIssue(second)).toEqual(edited);
    const third = delivery(caches, () => ({ status: 304 }));
    expect(await readIssue(third)).toEqual(edited);
    expect([...second.conditional, ...third.conditional]).toEqual(['W/"v1"', 'W/"v2"']);
  });

  it("an issue answered without an ETag is not kept", async () => {
    const caches = new ReadCaches();
    await readIssue(delivery(caches, () => ({ status: 200, body: TICKET })));
    const later = delivery(caches, () => ({ status: 200, body: TICKET }));
    await readIssue(later);
    expect(later.conditional).toEqual([null]);
  });

  it("keeps each issue apart: the same number in another repository is read in full", async () => {
    const caches = new ReadCaches();
    const client = delivery(caches, github);
    await readIssue(client, 7, "r");
    await readIssue(client, 7, "s");
    expect(client.conditional).toEqual([null, null]);
  });

  it("a fresh read still asks GitHub, with the ETag of the read before it", async () => {
    const caches = new ReadCaches();
    const client = delivery(caches, github);
    const { sent, conditional } = client;
    await readIssue(client);
    const fresh = await readIssue(client);
    expect(fresh).toEqual({ path: "/repos/o/r/issues/7" });
    expect(sent).toEqual(["GET /repos/o/r/issues/7", "GET /repos/o/r/issues/7"]);
    expect(conditional).toEqual([null, 'W/"/repos/o/r/issues/7"']);
  });

  it(`keeps at most ${MAX_ISSUES} issues: the one read longest ago makes room, and a 304 counts as a read`, async () => {
    const caches = new ReadCaches();
    const fill = delivery(caches, github);
    for (let number = 1; number <= MAX_ISSUES; number++) await readIssue(fill, number);
    const again = delivery(caches, github);
    await readIssue(again, 1);
    await readIssue(again, MAX_ISSUES + 1);
    const last = delivery(caches, github);
    await readIssue(last, 1);
    await readIssue(last, 3);
    await readIssue(last, 2);
    expect(again.conditional).toEqual(['W/"/repos/o/r/issues/1"', null]);
    // #1 was revalidated, so #2 was the oldest when #501 came.
    expect(last.conditional).toEqual(['W/"/repos/o/r/issues/1"', 'W/"/repos/o/r/issues/3"', null]);
  });
});

describe("a pull request's files kept between deliveries", () => {
  const listFiles = (client: { facts: DeliveryFacts }) => client.facts.files({ owner: "o", repo: "r" }, 2);
  const FILES = [{ filename: "src/prices.ts", patch: "@@ -1 +1 @@\n+export const price = 42;" }, { filename: "docs/prices.md" }];
  const files = (body: unknown, etag = 'W/"f1"'): Answer => ({ status: 200, body, etag });

  it("a page of them is revalidated with its ETag, and a 304 gives the files read before", async () => {
    const caches = new ReadCaches();
    await listFiles(delivery(caches, () => files(FILES)));
    const later = delivery(caches, () => ({ status: 304 }));
    expect(await listFiles(later)).toEqual(FILES);
    expect(later.conditional).toEqual(['W/"f1"']);
  });

  it("a full page is read in full again (a page may have been added after it), and the short last page is revalidated", async () => {
    const caches = new ReadCaches();
    const next = { link: '<https://api.github.com/repos/o/r/pulls/2/files?per_page=100&page=2>; rel="next", <https://api.github.com/repos/o/r/pulls/2/files?per_page=100&page=2>; rel="last"' };
    const full = Array.from({ length: 100 }, (_, i) => ({ filename: `src/${i}.ts` }));
    const pages = (_: string, path: string, ifNoneMatch: string | undefined): Answer => {
      if (path.includes("page=2")) return ifNoneMatch === 'W/"p2"' ? { status: 304 } : files(FILES, 'W/"p2"');
      return { ...files(full, 'W/"p1"'), headers: next };
    };
    expect(await listFiles(delivery(caches, pages))).toEqual([...full, ...FILES]);
    const later = delivery(caches, pages);
    expect(await listFiles(later)).toEqual([...full, ...FILES]);
    expect(later.sent).toEqual(["GET /repos/o/r/pulls/2/files?per_page=100", "GET /repos/o/r/pulls/2/files?per_page=100&page=2"]);
    expect(later.conditional).toEqual([null, 'W/"p2"']);
  });

  it(`a page over ${MAX_FILE_PAGE_CHARS} characters is not kept, and one that grows past it is dropped`, async () => {
    const caches = new ReadCaches();
    const large = [{ filename: "generated.ts", patch: "+".repeat(MAX_FILE_PAGE_CHARS) }];
    await listFiles(delivery(caches, () => files(large)));
    const second = delivery(caches, () => files(FILES, 'W/"f2"'));
    await listFiles(second);
    const third = delivery(caches, () => files(large, 'W/"f3"'));
    await listFiles(third);
    const fourth = delivery(caches, () => files(large, 'W/"f3"'));
    await listFiles(fourth);
    expect([...second.conditional, ...third.conditional, ...fourth.conditional]).toEqual([null, 'W/"f2"', null]);
  });
});
