// Builds the published form of @registry/domain: ES modules and CommonJS, each with declarations and source
// maps, from the same sources (the monorepo itself runs the TypeScript sources directly). Another package built
// the same way (@registry/client) passes its folder: `node build.mjs <package folder>`.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { acquireBuildLock } from "./build-lock.mjs";

// The build lock, unless the caller already holds it (REGISTRY_BUILD_LOCKED=1: a pack test).
if (process.env.REGISTRY_BUILD_LOCKED !== "1") process.on("exit", acquireBuildLock());

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
