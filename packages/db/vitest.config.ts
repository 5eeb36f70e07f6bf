import { defineConfig } from "vitest/config";

// PGlite takes ~2 s to start, more when the machine's two cores are busy with the rest of the test run.
export default defineConfig({ test: { hookTimeout: 120_000, testTimeout: 60_000 } });
