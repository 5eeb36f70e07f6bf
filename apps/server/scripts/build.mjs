// Builds the server for production (ADR 016): one esbuild bundle per entry (dist/main.js, dist/cli.js) holding the
// server and the workspace packages it imports (their TypeScript sources), with every npm package left external
// (installed as this package's own dependencies: PGlite's wasm, argon2's native binding and the rest load from
// node_modules as usual). The files the code reads next to its sources (`new URL("…", import.meta.url)`) are
// copied into dist/ and their URLs rewritten to match, so dist/ runs on its own: `node dist/main.js`.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const app = fileURLToPath(new URL("..", import.meta.url));
const repo = resolve(app, "../..");
const dist = join(app, "dist");
const pkg = JSON.parse(readFileSync(join(app, "package.json"), "utf8"));

/**
 * Every file or folder the bundled code reads through `import.meta.url`, and where it goes in dist/. A URL to
 * anything else fails the build (a new asset must be listed here, not be silently missing in production).
 */
const ASSETS = {
  "apps/public/src/assets/site.css": "assets/site.css",
  "apps/public/src/assets/favicon.svg": "assets/favicon.svg",
  "apps/admin/dist/": "admin/",
  "packages/db/drizzle": "drizzle",
  "packages/dataset/data/": "dataset/data/",
  "packages/dataset/reports/": "dataset/reports/",
};
/**
 * URLs that only name sources, to fingerprint the page renderer (app.ts): not shipped (the bundle itself is
 * fingerprinted); they point at the sources from dist/, where a checkout has them.
 */
const SOURCES_ONLY = ["apps/public/src/", "packages/domain/src/"];

const URL_OF_FILE = /new URL\(\s*"([^"]+)",\s*import\.meta\.url\s*\)/g;

/** Bundles @registry/* workspace sources; leaves every other bare import to node_modules. */
const workspace = {
  name: "registry-workspace",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("@registry/") || args.path.startsWith("node:")) return undefined;
      const name = args.path.startsWith("@")
        ? args.path.split("/").slice(0, 2).join("/")
        : args.path.split("/")[0];
      if (!pkg.dependencies?.[name])
        return {
          errors: [
            {
              text: `${name} (imported by ${relative(repo, args.importer)}) must be a dependency of @registry/server: the built server loads it from node_modules`,
            },
          ],
        };
      return { path: args.path, external: true };
    });
    b.onLoad({ filter: /\.(ts|tsx)$/ }, (args) => {
      if (args.path.includes("node_modules")) return undefined;
      const source = readFileSync(args.path, "utf8");
      const errors = [];
      const contents = source.replace(URL_OF_FILE, (all, rel) => {
        // An absolute URL, or the module's own folder (in the bundle: dist/ itself).
        if (/^[a-z]+:/.test(rel) || rel === "." || rel === "./") return all;
        const target = relative(repo, resolve(dirname(args.path), rel)) + (rel.endsWith("/") ? "/" : "");
        if (SOURCES_ONLY.includes(target))
          return `new URL(${JSON.stringify(`${relative(dist, join(repo, target))}/`)}, import.meta.url)`;
        const to = ASSETS[target];
        if (!to) {
          errors.push({
            text: `${relative(repo, args.path)} reads ${target}: add it to ASSETS in build.mjs`,
          });
          return all;
        }
        return `new URL(${JSON.stringify(`./${to}`)}, import.meta.url)`;
      });
      return { contents, loader: args.path.endsWith(".tsx") ? "tsx" : "ts", errors };
    });
  },
};

rmSync(dist, { recursive: true, force: true });
const result = await build({
  absWorkingDir: app,
  entryPoints: { main: "src/main.ts", cli: "src/cli.ts" },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  jsx: "automatic",
  chunkNames: "[name]-[hash]",
  legalComments: "linked",
  metafile: true,
  logLevel: "warning",
  plugins: [workspace],
});
for (const [from, to] of Object.entries(ASSETS)) {
  const source = join(repo, from);
  if (!existsSync(source)) {
    // The admin app is built by its own package (turbo builds it first); without it the server has no /admin/.
    console.warn(`build: ${from} is missing, dist/ has no ${to}`);
    continue;
  }
  mkdirSync(dirname(join(dist, to)), { recursive: true });
  cpSync(source, join(dist, to), { recursive: true });
}
// The npm packages the bundle loads at run time: a test checks each is a dependency of this package.
const external = new Set();
for (const output of Object.values(result.metafile.outputs))
  for (const i of output.imports) if (i.external && !i.path.startsWith("node:")) external.add(i.path);
writeFileSync(join(dist, "externals.json"), `${JSON.stringify([...external].sort(), null, 2)}\n`);
console.log(`built dist/main.js and dist/cli.js (${external.size} npm imports left to node_modules)`);
