import { describe, expect, it } from "vitest";
import { DeliveryReads, freshUnderLocks } from "../../src/github/delivery-reads.js";
import { KeyedLocks } from "../../src/github/locks.js";
import { ReadCaches } from "../../src/github/read-caches.js";
import type { GitHub } from "../../src/github/types.js";
import { recordingClient } from "../helpers/recording-client.js";

const REPO = "/repos/o/r";
const COMMENTS = `GET ${REPO}/issues/2/comments?per_page=100`;

const listComments = (octokit: GitHub) => octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { owner: "o", repo: "r", issue_number: 2, per_page: 100 });

describe("reads shared within a delivery", () => {
  it("a second handler gets the first one's read; the first one's own re-read asks GitHub again", async () => {
    const { octokit, sent } = recordingClient(() => ({ status: 200, body: [{ id: 1 }] }));
    const reads = new DeliveryReads(new ReadCaches());
    reads.share(octokit, {});
    await reads.asHandler("a", () => listComments(octokit));
    const shared = await reads.asHandler("b", () => listComments(octokit));
    await reads.asHandler("a", () => listComments(octokit));
    expect(shared.data).toEqual([{ id: 1 }]);
    expect(sent).toEqual([COMMENTS, COMMENTS]);
  });

  it("reads nothing changes during a delivery (a pull request's files) once, whoever asks", async () => {
    const { octokit, sent } = recordingClient(() => ({ status: 200, body: [{ filename: "a.ts" }] }));
    const reads = new DeliveryReads(new ReadCaches());
    reads.share(octokit, {});
    const files = () => octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", { owner: "o", repo: "r", pull_number: 2, per_page: 100 });
    await reads.asHandler("a", files);
    await reads.asHandler("a", files);
    await reads.asHandler("b", files);
    expect(sent).toHaveLength(1);
  });

  it("a comment the app posts shows in the list another handler gets, without listing again", async () => {
    const { octokit, sent } = recordingClient((method) => (method === "POST" ? { status: 201, body: { id: 2, body: "new" } } : { status: 200, body: [{ id: 1, body: "old" }] }));
    const reads = new DeliveryReads(new ReadCaches());
    reads.share(octokit, {});
    await reads.asHandler("a", () => listComments(octokit));
    await reads.asHandler("a", () => octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { owner: "o", repo: "r", issue_number: 2, body: "new" }));
    const seen = await reads.asHandler("b", () => listComments(octokit));
    expect(seen.data).toEqual([
      { id: 1, body: "old" },
      { id: 2, body: "new" },
    ]);
    expect(sent).toEqual([COMMENTS, `POST ${REPO}/issues/2/comments`]);
  });

  it("a write to an issue drops what was read about it", async () => {
    const { octokit, sent } = recordingClient(() => ({ status: 200, body: { number: 2 } }));
    const reads = new DeliveryReads(new ReadCaches());
    reads.share(octokit, {});
    const issue = () => octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}", { owner: "o", repo: "r", issue_number: 2 });
    await reads.asHandler("a", issue);
    await reads.asHandler("a", () => octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", { owner: "o", repo: "r", issue_number: 2, body: "x" }));
    await reads.asHandler("b", issue);
    expect(sent).toEqual([`GET ${REPO}/issues/2`, `PATCH ${REPO}/issues/2`, `GET ${REPO}/issues/2`]);
  });

  it("a read under a lock asks GitHub, whatever was read before the lock", async () => {
    const { octokit, sent } = recordingClient(() => ({ status: 200, body: [] }));
    const reads = new DeliveryReads(new ReadCaches());
    const delivery = reads.share(octokit, {});
    const locks = freshUnderLocks(new KeyedLocks(), delivery);
    await reads.asHandler("a", () => listComments(octokit));
    await reads.asHandler("b", () => locks.run("comments", () => listComments(octokit)));
    expect(sent).toEqual([COMMENTS, COMMENTS]);
  });

  it("a later delivery on the same client starts with nothing read", async () => {
    const { octokit, sent } = recordingClient(() => ({ status: 200, body: [] }));
    const reads = new DeliveryReads(new ReadCaches());
    reads.share(octokit, { delivery: 1 });
    await reads.asHandler("a", () => listComments(octokit));
    reads.share(octokit, { delivery: 2 });
    await reads.asHandler("b", () => listComments(octokit));
    expect(sent).toEqual([COMMENTS, COMMENTS]);
  });
});

describe("reads kept between deliveries", () => {
  const readFile = (octokit: GitHub) => octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { owner: "o", repo: "r", path: ".github/CODEOWNERS" });

  it("a repository file is revalidated with its ETag, and a 304 gives the text read before", async () => {
    const { octokit, conditional } = recordingClient((_, path) => (path.includes("contents") ? { status: 200, body: { text: "* @a" }, etag: '"v1"' } : { status: 404 }));
    const reads = new DeliveryReads(new ReadCaches());
    reads.share(octokit, { delivery: 1 });
    await readFile(octokit);
    const later = recordingClient(() => ({ status: 304 }));
    reads.share(later.octokit, { delivery: 2 });
    const again = await readFile(later.octokit);
    expect(again.data).toEqual({ text: "* @a" });
    expect(conditional).toEqual([null]);
    expect(later.conditional).toEqual(['"v1"']);
  });

  it("a permission answer, a 404 included, is kept for the next delivery", async () => {
    const reads = new DeliveryReads(new ReadCaches());
    const permission = (octokit: GitHub) => octokit.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", { owner: "o", repo: "r", username: "eve" });
    const first = recordingClient(() => ({ status: 404, body: { message: "Not Found" } }));
    reads.share(first.octokit, { delivery: 1 });
    await expect(permission(first.octokit)).rejects.toMatchObject({ status: 404 });
    const second = recordingClient(() => ({ status: 200, body: { permission: "admin" } }));
    reads.share(second.octokit, { delivery: 2 });
    await expect(permission(second.octokit)).rejects.toMatchObject({ status: 404 });
    expect(second.sent).toEqual([]);
  });
});
