import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    benchmark: { include: ["bench/**/*.bench.ts"] },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/integration/**"], setupFiles: ["test/setup.ts"] },
      },
      {
        // The compiled server as `npm start` runs it, against a fake GitHub over loopback HTTP:
        // real sockets, so no nock (its strict set-up would refuse them), and minutes, not seconds.
        test: { name: "integration", include: ["test/integration/**/*.integration.test.ts"], testTimeout: 240_000, hookTimeout: 120_000, benchmark: { include: [] } },
      },
    ],
  },
});
