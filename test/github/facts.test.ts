import { describe, expect, it } from "vitest";
import { DeliveryFacts } from "../../src/github/facts.js";
import { ReadCaches } from "../../src/github/read-caches.js";
import { recordingClient, type Answer } from "../helpers/recording-client.js";

const repo = { owner: "o", repo: "r" };
const issue = { ...repo, issue_number: 2 };
const COMMENTS = "GET /repos/o/r/issues/2/comments?per_page=100";

/** One delivery's facts over a GitHub that answers with `answer`. */
function delivery(answer: (method: string, path: string, ifNoneMatch: string | undefined) => Answer, caches = new ReadCaches()) {
  const client = recordingClient(answer);
  return { ...client, facts: new DeliveryFacts(client.octokit, caches) };
}

describe("the facts of one delivery", () => {
  it("a changeable read is shared, and `fresh: true` asks GitHub again and is shared from then on", async () => {
    let version = 0;
    const { facts, sent } = delivery(() => ({ status: 200, body: [{ id: 1, body: `v${++version}` }] }));
    expect(await facts.comments(issue)).toEqual([{ id: 1, body: "v1" }]);
    expect(await facts.comments(issue)).toEqual([{ id: 1, body: "v1" }]);
    expect(await facts.comments(issue, { fresh: true })).toEqual([{ id: 1, body: "v2" }]);
    expect(await facts.comments(issue)).toEqual([{ id: 1, body: "v2" }]);
    expect(sent).toEqual([COMMENTS, COMMENTS]);
  });

  it("gives each reader its own copy: a reader that changes what it got (records opened in place) changes no other's", async () => {
    const { facts } = delivery(() => ({ status: 200, body: [{ id: 1, body: "kept" }] }));
    const first = await facts.comments(issue);
    if (first[0]) first[0].body = "changed";
    expect(await facts.comments(issue)).toEqual([{ id: 1, body: "kept" }]);
  });

  it("reads what does not change during a delivery once, whoever asks: a pull request's files and reviews", async () => {
    const { facts, sent } = delivery(() => ({ status: 200, body: [{ filename: "a.ts" }] }));
    await facts.files(repo, 2);
    await facts.files(repo, 2);
    await facts.reviews(repo, 2);
    await facts.reviews(repo, 2);
    expect(sent).toEqual(["GET /repos/o/r/pulls/2/files?per_page=100", "GET /repos/o/r/pulls/2/reviews?per_page=100"]);
  });

  it("a comment the app posts, edits or deletes shows in the list read, without listing again", async () => {
    const { facts, sent } = delivery(() => ({ status: 200, body: [{ id: 1, body: "old" }] }));
    await facts.comments(issue);
    facts.wroteComment(issue, { id: 2, body: "new" } as never);
    facts.editedComment(issue, { id: 1, body: "edited" } as never);
    expect(await facts.comments(issue)).toEqual([
      { id: 1, body: "edited" },
      { id: 2, body: "new" },
    ]);
    facts.deletedComment(issue, 1);
    expect(await facts.comments(issue)).toEqual([{ id: 2, body: "new" }]);
    expect(sent).toEqual([COMMENTS]);
  });

  it("any other write to an issue drops what was read about it (the issue, its sub-issues), and nothing else", async () => {
    const { facts, sent } = delivery((_, path) => ({ status: 200, body: path.includes("sub_issues") ? [] : { number: 2 } }));
    const read = async () => {
      await facts.issue(repo, 2);
      await facts.subIssues(issue);
      await facts.issue(repo, 3);
    };
    await read();
    facts.changed(repo, 2);
    await read();
    expect(sent).toEqual(["GET /repos/o/r/issues/2", "GET /repos/o/r/issues/2/sub_issues?per_page=100", "GET /repos/o/r/issues/3", "GET /repos/o/r/issues/2", "GET /repos/o/r/issues/2/sub_issues?per_page=100"]);
  });

  it("a read that failed is not kept: the next one asks again", async () => {
    let status = 500;
    const { facts, sent } = delivery(() => ({ status, body: { message: "boom" } }));
    await expect(facts.reviews(repo, 2)).rejects.toMatchObject({ status: 500 });
    status = 200;
    await facts.reviews(repo, 2);
    expect(sent).toHaveLength(2);
  });

  it("a new delivery starts with nothing read", async () => {
    const caches = new ReadCaches();
    const first = delivery(() => ({ status: 200, body: [] }), caches);
    await first.facts.comments(issue);
    const second = delivery(() => ({ status: 200, body: [] }), caches);
    await second.facts.comments(issue);
    expect(second.sent).toEqual([COMMENTS]);
  });
});

describe("reads kept between deliveries", () => {
  it("a repository file is revalidated with its ETag, and a 304 gives the text read before", async () => {
    const caches = new ReadCaches();
    const first = delivery(() => ({ status: 200, body: "* @a", etag: '"v1"' }), caches);
    expect(await first.facts.file(repo, ".github/CODEOWNERS")).toBe("* @a");
    const later = delivery(() => ({ status: 304 }), caches);
    expect(await later.facts.file(repo, ".github/CODEOWNERS")).toBe("* @a");
    expect(first.conditional).toEqual([null]);
    expect(later.conditional).toEqual(['"v1"']);
  });

  it("a permission answer, a 404 included, is kept for the next delivery", async () => {
    const caches = new ReadCaches();
    const first = delivery(() => ({ status: 404, body: { message: "Not Found" } }), caches);
    await expect(first.facts.permission(repo, "eve")).rejects.toMatchObject({ status: 404 });
    const second = delivery(() => ({ status: 200, body: { permission: "admin" } }), caches);
    await expect(second.facts.permission(repo, "eve")).rejects.toMatchObject({ status: 404 });
    expect(second.sent).toEqual([]);
  });

  it("whether someone can be assigned is kept too", async () => {
    const caches = new ReadCaches();
    const first = delivery((_, path) => (path.endsWith("/ana") ? { status: 204 } : { status: 404, body: { message: "Not Found" } }), caches);
    expect([await first.facts.assignable(repo, "ana"), await first.facts.assignable(repo, "outsider")]).toEqual([true, false]);
    const second = delivery(() => ({ status: 500 }), caches);
    expect([await second.facts.assignable(repo, "ana"), await second.facts.assignable(repo, "outsider")]).toEqual([true, false]);
    expect(second.sent).toEqual([]);
  });
});
