// Builds the published form of @registry/domain: ES modules and CommonJS, each with declarations and source
// maps, from the same sources (the monorepo itself runs the TypeScript sources directly). Another package built
// the same way (@registry/client) passes its folder: `node build.mjs <package folder>`.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// One build at a time in this checkout (turbo runs builds and the pack tests side by side, and a build of the
// client compiles against the domain's dist/, which a pack test may be rebuilding): the same lock as
// test/pack-helpers.ts, unless the caller already holds it (REGISTRY_BUILD_LOCKED=1).
const DOMAIN = fileURLToPath(new URL("..", import.meta.url));
const lock = join(
  tmpdir(),
  `registry-pack-${createHash("sha256").update(DOMAIN).digest("hex").slice(0, 12)}`,
);
const locked = process.env.REGISTRY_BUILD_LOCKED !== "1";
if (locked) {
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      try {
        // A lock older than four minutes belongs to a build or test that died: take it over.
        if (Date.now() - statSync(lock).mtimeMs > 240_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // gone meanwhile
      }
      if (Date.now() > deadline) throw new Error(`waited too long for ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  process.on("exit", () => rmSync(lock, { recursive: true, force: true }));
}

const root = process.argv[2] ? resolve(process.argv[2]) : fileURLToPath(new URL("..", import.meta.url));
const tsc = join(root, "node_modules/typescript/bin/tsc");
rmSync(join(root, "dist"), { recursive: true, force: true });
for (const config of ["tsconfig.build.json", "tsconfig.cjs.json"])
  execFileSync(process.execPath, [tsc, "-p", join(root, config)], { stdio: "inherit" });
// TypeScript rewrites "./x.ts" to "./x.js" in the JavaScript but not in the declarations: do the same there.
for (const dir of ["dist/esm", "dist/cjs"])
  for (const file of readdirSync(join(root, dir)))
    if (file.endsWith(".d.ts")) {
      const path = join(root, dir, file);
      writeFileSync(
        path,
        readFileSync(path, "utf8").replace(/(from\s+["']\.{1,2}\/[^"']+)\.ts(["'])/g, "$1.js$2"),
      );
    }
// The package is "type": "module": the CommonJS folder says otherwise for its .js and .d.ts files.
writeFileSync(join(root, "dist/cjs/package.json"), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);
console.log("built dist/esm and dist/cjs");
