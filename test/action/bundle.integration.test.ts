import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { bundle } from "../../scripts/bundle.js";
import { payload } from "../fixtures/payloads.js";
import { FakeGitHub, type FakeIssue } from "../helpers/fake-github.js";
import { OWNER, REPO } from "../helpers/github.js";

const run = promisify(execFile);
const root = join(import.meta.dirname, "../..");
const temp = mkdtempSync(join(tmpdir(), "intentbot-bundle-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe("the committed Action bundle", () => {
  it("is what `npm run bundle` builds from the sources now", async () => {
    const fresh = join(temp, "fresh");
    await bundle(fresh);
    const committed = join(root, "dist");
    expect(readdirSync(committed).sort(), "dist/ holds other files than the bundle: run `npm run bundle` and commit dist/").toEqual(readdirSync(fresh).sort());
    for (const file of readdirSync(fresh)) {
      const same = readFileSync(join(committed, file)).equals(readFileSync(join(fresh, file)));
      expect(same, `dist/${file} is stale: run \`npm run bundle\` and commit dist/`).toBe(true);
    }
  });

  it("runs with plain node from action.yml and dist/ alone (no node_modules) on a recorded event, writing through GITHUB_API_URL", async () => {
    const action = join(temp, "action");
    cpSync(join(root, "action.yml"), join(action, "action.yml"));
    cpSync(join(root, "dist"), join(action, "dist"), { recursive: true });
    const { runs } = parse(readFileSync(join(action, "action.yml"), "utf8")) as { runs: { using: string; main: string } };
    expect(runs).toEqual({ using: "node24", main: "dist/index.js" });

    const fake = new FakeGitHub({ botLogin: "github-actions[bot]" });
    const event = payload("issues.opened", { issue: { number: 7, body: "Please fix the login page.", labels: [] } });
    fake.issues.set(7, { ...(event.issue as object), number: 7, body: "Please fix the login page.", labels: [] as FakeIssue["labels"], state: "open" } as FakeIssue);
    const eventPath = join(temp, "event.json");
    writeFileSync(eventPath, JSON.stringify({ ...event, installation: undefined }));
    const server = await fake.listen();
    try {
      // As the runner starts a JavaScript action: `node` on `main`, the inputs as INPUT_<NAME>.
      const { stdout } = await run(process.execPath, [join(action, runs.main)], {
        cwd: action,
        env: {
          PATH: process.env.PATH,
          GITHUB_EVENT_NAME: "issues",
          GITHUB_EVENT_PATH: eventPath,
          GITHUB_API_URL: server.url,
          GITHUB_RUN_ID: "9001",
          GITHUB_RUN_ATTEMPT: "1",
          "INPUT_GITHUB-TOKEN": "ghs_workflowtoken",
          "INPUT_RECORD-SECRET": "a repository secret",
          INPUT_FEATURES: "intent",
          LOG_LEVEL: "fatal",
        },
      });
      expect(stdout).not.toContain("::error");
    } finally {
      await server.close();
    }

    expect(fake.unknown).toEqual([]);
    expect(fake.writes()).toEqual([`POST /repos/${OWNER}/${REPO}/labels`, `POST /repos/${OWNER}/${REPO}/issues/7/labels`, `POST /repos/${OWNER}/${REPO}/issues/7/comments`]);
    expect(fake.issues.get(7)?.labels).toEqual([{ name: "needs-intent" }]);
    expect(fake.comments).toMatchObject([{ issue: 7, user: { login: "github-actions[bot]" } }]);
    expect(fake.comments[0]?.body.startsWith("<!-- intentbot:intent -->\n### This issue does not yet say **why** or **who**")).toBe(true);
  });
});
