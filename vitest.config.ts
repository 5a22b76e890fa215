import { defineConfig } from "vitest/config";

// Compiles the parse workers and makes the test apps' key once per run, not once per file.
const globalSetup = ["test/global-setup.ts"];
// Every file that mocks HTTP runs under the strict set-up: no network, every mock used.
const setupFiles = ["test/setup.ts"];

export default defineConfig({
  test: {
    projects: [
      {
        // In one process, against mocked HTTP and in-memory services: the quick loop while editing.
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.integration.test.ts", "test/end-to-end/**"],
          globalSetup,
          setupFiles,
          // The files of a worker share its modules: Probot and the app are imported once per
          // worker, not once per file (those imports took 15 s of the run). Safe because no
          // test mocks a module, nothing in src/ keeps state in a module, and the strict set-up
          // above runs again for each file. A test that needs a fresh module graph belongs in
          // the integration project.
          isolate: false,
          sequence: { groupOrder: 0 },
          benchmark: { include: [] },
        },
      },
      {
        // `npm run bench`: each bench file in a process of its own (`isolate` as by default), so
        // one file's warm-up or heap does not shift another's timings.
        test: {
          name: "bench",
          include: [],
          globalSetup,
          setupFiles,
          benchmark: { include: ["bench/**/*.bench.ts"] },
        },
      },
      {
        // Still mocked HTTP, but real Redis, real deadlines and waits (a parse stopped
        // at its deadline, a rate limit waited out) and the CLI in processes of its own:
        // `*.integration.test.ts` beside the unit tests of the same code. Run after the
        // unit tests (a later group) so they do not compete with them for the cores.
        test: {
          name: "integration",
          include: ["test/**/*.integration.test.ts"],
          exclude: ["test/end-to-end/**"],
          globalSetup,
          setupFiles,
          testTimeout: 60_000,
          sequence: { groupOrder: 1 },
          benchmark: { include: [] },
        },
      },
      {
        // The compiled server as `npm start` runs it, against a fake GitHub over loopback HTTP,
        // and the packed package installed from the npm registry: real sockets, so no nock (its
        // strict set-up would refuse them), and a minute or two, run last.
        test: {
          name: "end-to-end",
          include: ["test/end-to-end/**/*.test.ts"],
          testTimeout: 240_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 2 },
          benchmark: { include: [] },
        },
      },
    ],
  },
});
