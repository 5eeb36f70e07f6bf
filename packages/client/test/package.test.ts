import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildAndPack,
  installedPackageJson,
  installInEmptyApp,
  lintTarball,
  runNode,
  typecheckInApp,
} from "../../domain/test/pack-helpers.ts";

/**
 * Issue 17: the client as an outside developer gets it: packed, installed with npm into an empty folder with the
 * packed domain package (its one dependency; nothing of the server's), and used from plain Node (ES modules and
 * CommonJS) and TypeScript (bundler, nodenext). The calls here go to a stand-in `fetch`; tests/integration/
 * client.test.ts calls a real server.
 */
const PKG = fileURLToPath(new URL("..", import.meta.url));
const DOMAIN = fileURLToPath(new URL("../../domain", import.meta.url));

let dir = "";
let tarball = "";
let app = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "registry-client-pack-"));
  const domain = buildAndPack(DOMAIN, dir);
  tarball = buildAndPack(PKG, dir);
  app = installInEmptyApp(dir, [domain, tarball]);
}, 300_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A stand-in fetch for the scripts: records the addresses, answers from a table of canned bodies. */
const fakeFetch = (answers: string) => `const seen = [];
const answers = ${answers};
const fetch = async (url) => {
  seen.push(url);
  const [status, body] = answers.find(([prefix]) => url.startsWith(prefix)).slice(1);
  return { ok: status === 200, status, text: async () => JSON.stringify(body) };
};`;

const item = (slug: string) => ({
  id: slug,
  slug,
  name: slug,
  gender: "unknown",
  status: "imprisoned",
  politicalPrisoner: true,
  lists: ["political-prisoners"],
  articles: [],
  updatedAt: "2026-01-01T00:00:00Z",
});

describe("@registry/client as published", { timeout: 120_000 }, () => {
  it("installs with npm next to the domain package, and needs nothing of the server", () => {
    const installed = join(app, "node_modules/@registry/client");
    const files = readdirSync(installed).sort();
    expect(files).toEqual(
      expect.arrayContaining(["CHANGELOG.md", "LICENSE", "README.md", "dist", "examples", "package.json"]),
    );
    expect(files).not.toContain("src");
    const pkg = installedPackageJson(app, "@registry/client");
    expect(pkg.license).toBe("MIT");
    expect(pkg.version).toBe("0.1.0");
    const domainVersion = installedPackageJson(app, "@registry/domain").version;
    expect(pkg.dependencies).toEqual({ "@registry/domain": `^${domainVersion}` });
    expect(readdirSync(join(app, "node_modules/@registry")).sort()).toEqual(["client", "domain"]);
    expect(existsSync(join(app, "node_modules/@trpc"))).toBe(false);
  });

  it("works from plain Node as an ES module: addresses, answers, errors and validation", () => {
    const out = runNode(
      app,
      "esm.mjs",
      `import { createClient, RegistryApiError, requestUrl } from "@registry/client";
${fakeFetch(
  JSON.stringify([
    ["https://r.example/api/v1/persons/nobody", 404, { code: "NOT_FOUND", message: "No such person" }],
    ["https://r.example/api/v1/persons?", 200, { items: [item("a-b")], next: null, total: 1 }],
    ["https://r.example/api/v1/version", 200, { version: "not a number" }],
  ]),
)}
const registry = createClient({ baseUrl: "https://r.example/", fetch });
const page = await registry.persons({ status: "imprisoned", limit: 2, q: "Асқар Қ" });
let notFound;
try { await registry.person({ slug: "nobody" }); } catch (e) { notFound = e instanceof RegistryApiError && [e.status, e.code, e.message]; }
let invalid;
try { await createClient({ baseUrl: "https://r.example", fetch, validate: true }).version(); } catch (e) { invalid = e.name; }
console.log(JSON.stringify({ seen, total: page.total, notFound, invalid, url: requestUrl("https://r.example", "massEvent", { slug: "zhanaozen-2011" }) }));`,
    );
    expect(out).toEqual({
      seen: [
        `https://r.example/api/v1/persons?status=imprisoned&limit=2&q=${encodeURIComponent("Асқар Қ")}`,
        "https://r.example/api/v1/persons/nobody",
        "https://r.example/api/v1/version",
      ],
      total: 1,
      notFound: [404, "NOT_FOUND", "No such person"],
      invalid: "ZodError",
      url: "https://r.example/api/v1/events/zhanaozen-2011",
    });
  });

  it("works from CommonJS with require, following the pages of a list", () => {
    const out = runNode(
      app,
      "cjs.cjs",
      `const { createClient } = require("@registry/client");
${fakeFetch(
  JSON.stringify([
    [
      "https://r.example/api/v1/persons?list=political-prisoners&limit=1&cursor=2",
      200,
      { items: [item("c")], next: null, total: 3 },
    ],
    [
      "https://r.example/api/v1/persons?list=political-prisoners&limit=1&cursor=1",
      200,
      { items: [item("b")], next: "2", total: 3 },
    ],
    [
      "https://r.example/api/v1/persons?list=political-prisoners&limit=1",
      200,
      { items: [item("a")], next: "1", total: 3 },
    ],
  ]),
)}
(async () => {
  const slugs = [];
  for await (const p of createClient({ baseUrl: "https://r.example", fetch }).allPersons({ list: "political-prisoners", limit: 1 })) slugs.push(p.slug);
  console.log(JSON.stringify({ slugs, calls: seen.length }));
})();`,
    );
    expect(out).toEqual({ slugs: ["a", "b", "c"], calls: 3 });
  });

  it.each(["bundler", "nodenext"] as const)(
    "type-checks in a strict TypeScript project (%s resolution): the public procedures only, typed",
    (resolution) => {
      const source = `import { createClient, RegistryApiError, type PersonDossier } from "@registry/client";
const registry = createClient({ baseUrl: "https://registry.example.org" });
export async function summary(): Promise<string> {
  const page = await registry.persons({ status: "imprisoned", limit: 5, asOf: "2021-01-01" });
  const first = page.items[0];
  if (!first) return "";
  const dossier: PersonDossier = await registry.person({ slug: first.slug });
  const stats = await registry.statistics();
  return \`\${dossier.person.id} \${stats.politicalPrisoners} \${page.next ?? "last"}\`;
}
export const isApiError = (e: unknown): boolean => e instanceof RegistryApiError && e.status === 404;
// @ts-expect-error nothing of the admin is in the client
export const admin = registry.admin;
// @ts-expect-error a status is one of the domain's, not any string
export const wrongStatus = () => registry.persons({ status: "free" });
// @ts-expect-error a person needs its slug
export const noSlug = () => registry.person();
`;
      expect(() => typecheckInApp(app, source, resolution)).not.toThrow();
    },
  );

  it("passes publint and arethetypeswrong", () => {
    const { publint, attw } = lintTarball(tarball, dir);
    expect(publint).toContain("All good");
    expect(attw).toContain("No problems found");
  });
});
