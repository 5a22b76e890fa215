import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    benchmark: { include: ["bench/**/*.bench.ts"] },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/integration/**"], setupFiles: ["test/setup.ts"], sequence: { groupOrder: 0 } },
      },
      {
        // The compiled server as `npm start` runs it, against a fake GitHub over loopback HTTP:
        // real sockets, so no nock (its strict set-up would refuse them), and a minute or two,
        // run after the unit tests (a later group) so its processes do not slow them down.
        test: {
          name: "integration",
          include: ["test/integration/**/*.integration.test.ts"],
          testTimeout: 240_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 1 },
          benchmark: { include: [] },
        },
      },
    ],
  },
});
