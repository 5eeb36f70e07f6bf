import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { acquireBuildLock } from "../scripts/build-lock.mjs";

/**
 * Helpers of the pack tests (issue 17, ADR 014): a package built, packed with pnpm (which writes the published
 * exports and replaces `catalog:` and `workspace:` versions), installed with npm into an empty folder, and
 * checked there as an outside developer would: plain Node, TypeScript, publint, arethetypeswrong. Used by
 * @registry/domain and @registry/client.
 */
export const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 240_000 });

/** The domain package's folder: its TypeScript, publint and arethetypeswrong serve every pack test. */
const DOMAIN = fileURLToPath(new URL("..", import.meta.url));
const bin = (name: string) => join(DOMAIN, "node_modules/.bin", name);
const TSC = join(DOMAIN, "node_modules/typescript/bin/tsc");

/** Runs `fn` holding the build lock (scripts/build-lock.mjs), so no build rebuilds the domain's dist/ meanwhile. */
function withBuildLock<T>(fn: () => T): T {
  const release = acquireBuildLock();
  try {
    return fn();
  } finally {
    release();
  }
}

/** Builds the package in `dir` (its `scripts/build.mjs`) and packs it into `dest`; returns the tarball's path. */
export function buildAndPack(dir: string, dest: string): string {
  return withBuildLock(() => pack(dir, dest));
}

function pack(dir: string, dest: string): string {
  // This test holds the build lock already: the build script must not wait for it.
  execFileSync(process.execPath, [join(dir, "scripts/build.mjs")], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 240_000,
    env: { ...process.env, REGISTRY_BUILD_LOCKED: "1" },
  });
  const before = new Set(readdirSync(dest));
  // The pnpm that runs this test (CI starts it through npx, so it may not be on PATH by that name).
  const execpath = process.env.npm_execpath;
  if (execpath && /pnpm/.test(execpath) && /\.c?js$/.test(execpath))
    run(process.execPath, [execpath, "pack", "--pack-destination", dest], dir);
  else run("pnpm", ["pack", "--pack-destination", dest], dir);
  const file = readdirSync(dest).find((f) => f.endsWith(".tgz") && !before.has(f));
  if (!file) throw new Error(`pnpm pack wrote no tarball for ${dir}`);
  return join(dest, file);
}

/** An empty npm project in `dir/app` with the tarballs installed (as `npm install a.tgz b.tgz` would). */
export function installInEmptyApp(dir: string, tarballs: string[]): string {
  const app = join(dir, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "outside-app", private: true }));
  run("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock", ...tarballs], app);
  return app;
}

/** The installed package's package.json. */
export const installedPackageJson = (app: string, name: string) =>
  JSON.parse(
    run(
      process.execPath,
      ["-p", "JSON.stringify(require('./package.json'))"],
      join(app, "node_modules", name),
    ),
  ) as { version: string; license: string; dependencies?: Record<string, string> };

/** Runs a script in the app with plain Node and parses the JSON it prints. */
export function runNode(app: string, file: string, source: string, args: string[] = []): unknown {
  writeFileSync(join(app, file), source);
  return JSON.parse(run(process.execPath, [file, ...args], app)) as unknown;
}

/** `tsc --noEmit` on a strict project holding `source`, with bundler or nodenext resolution; throws on errors. */
export function typecheckInApp(app: string, source: string, resolution: "bundler" | "nodenext"): void {
  writeFileSync(join(app, "check.ts"), source);
  writeFileSync(
    join(app, `tsconfig.${resolution}.json`),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "ES2022",
        module: resolution === "bundler" ? "ESNext" : "NodeNext",
        moduleResolution: resolution === "bundler" ? "Bundler" : "NodeNext",
        skipLibCheck: false,
        types: [],
      },
      files: ["check.ts"],
    }),
  );
  // tsc exits non-zero (and execFileSync throws with its output) on any error.
  run(process.execPath, [TSC, "-p", `tsconfig.${resolution}.json`], app);
}

/** publint (strict) and arethetypeswrong on a tarball: their verdicts. */
export function lintTarball(tarball: string, cwd: string) {
  return {
    publint: run(bin("publint"), [tarball, "--strict"], cwd),
    attw: run(bin("attw"), [tarball, "--format", "table"], cwd),
  };
}
