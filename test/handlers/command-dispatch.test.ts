import { afterEach, describe, expect, it } from "vitest";
import { closeTestApps, createTestApp } from "../helpers/app.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { BOT_LOGIN, OWNER, REPO } from "../helpers/github.js";
import { delivery, payload } from "../fixtures/payloads.js";

/** The dispatcher's answers against a stateful GitHub: the replies and reactions it leaves on the command comment. */
const PATH = `/repos/${OWNER}/${REPO}`;
const CODEOWNERS = "* @ana\n/src/pay/ @octo-org/payments\n/src/web/ @octo-org/web\n";
const COMMENT = 77;
const REACTIONS = `${PATH}/issues/comments/${COMMENT}/reactions`;

let fake: FakeGitHub | undefined;
afterEach(async () => {
  await closeTestApps();
  fake?.stop();
});

function repository(config: string): FakeGitHub {
  const github = new FakeGitHub();
  github.config = config;
  github.start();
  fake = github;
  return github;
}

function comment(body: string) {
  return delivery(
    "issue_comment.created",
    payload("issue_comment.created", {
      issue: { number: 2, pull_request: { url: `https://api.github.com${PATH}/pulls/2` } },
      comment: { id: COMMENT, body, user: { login: "wu", type: "User" }, created_at: "2026-11-22T09:00:00Z" },
      sender: { login: "wu", type: "User" },
    } as never),
  );
}

const replies = (github: FakeGitHub) => github.comments.filter((c) => c.body.startsWith(`<!-- intentbot:reply:${COMMENT}:`)).map((c) => c.body);
const reactions = (github: FakeGitHub) => github.reactions.filter((r) => r.comment === COMMENT && r.user.login === BOT_LOGIN).map((r) => r.content);

describe("the command dispatcher", () => {
  it("answers each command of a comment in its own reply", async () => {
    const github = repository("hacks:\n  enabled: false\nsignoff:\n  enabled: false\n");
    await createTestApp(["hacks", "signoff"]).receive(comment("/signoff @octo-org/web\n\n/hack for the fair"));

    expect(replies(github).sort()).toEqual([
      "<!-- intentbot:reply:77:hack -->\n`/hack` is turned off in this repository (`hacks.enabled: false` in `.github/intent.yml`), so nothing was done.",
      "<!-- intentbot:reply:77:signoff -->\n`/signoff` is turned off in this repository (`signoff.enabled: false` in `.github/intent.yml`), so nothing was done.",
    ]);
    // Each command reacts; GitHub keeps one 😕 of the bot's.
    expect(github.writes(REACTIONS)).toEqual([`POST ${REACTIONS}`, `POST ${REACTIONS}`]);
    expect(reactions(github)).toEqual(["confused"]);
  });

  it("says when a command failed, and the run that later succeeds takes the failure back", async () => {
    const github = repository("signoff:\n  minTeams: 2\n");
    github.contents.set(".github/CODEOWNERS", CODEOWNERS);
    github.teamMembers.add("web:wu");
    const probot = createTestApp(["signoff"]);

    // The pull request cannot be read yet: the delivery fails, so that it is retried.
    await expect(probot.receive(comment("/signoff @octo-org/web"))).rejects.toThrow();
    const failed = "<!-- intentbot:reply:77:signoff -->\nSomething went wrong while carrying out this `/signoff`, and intentbot will try again. If nothing changes, edit this comment or comment the command again: nothing is done twice.";
    expect(replies(github)).toEqual([failed]);
    expect(reactions(github)).toEqual(["confused"]);

    // The retry signs off: its answer replaces the failure's, and the 😕 is taken back.
    github.addPullRequest({ number: 2, title: "Charge fees" });
    github.files.set(2, [
      { filename: "src/pay/charge.ts", status: "modified" },
      { filename: "src/web/page.tsx", status: "modified" },
    ]);
    await probot.receive(comment("/signoff @octo-org/web"));
    expect(replies(github)).toEqual(["<!-- intentbot:reply:77:signoff -->\nThis `/signoff` was carried out on a later try; the earlier failure is resolved."]);
    expect(reactions(github)).toEqual(["rocket"]);
  });

});
