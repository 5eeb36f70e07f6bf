// One build of the domain's dist/ at a time in this checkout: turbo runs builds and the pack tests side by side,
// and a build of the client compiles against the domain's dist/, which a pack test may be rebuilding. Used by
// scripts/build.mjs and test/pack-helpers.ts.
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const DOMAIN = fileURLToPath(new URL("..", import.meta.url));
const LOCK = join(
  tmpdir(),
  `registry-pack-${createHash("sha256").update(DOMAIN).digest("hex").slice(0, 12)}`,
);

/** Waits for the lock (at most four minutes) and takes it; returns the function that lets it go. */
export function acquireBuildLock() {
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      return () => rmSync(LOCK, { recursive: true, force: true });
    } catch {
      try {
        // A lock older than four minutes belongs to a build or test that died: take it over.
        if (Date.now() - statSync(LOCK).mtimeMs > 240_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // gone meanwhile
      }
      if (Date.now() > deadline) throw new Error(`waited too long for ${LOCK}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}
