import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["./support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Server and browser tests start processes; two cores are plenty busy with one file at a time each.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
