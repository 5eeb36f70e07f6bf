import { mkdtempSync, readdirSync, rmSync } from "node:fs";
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
} from "./pack-helpers.ts";

/**
 * Issue 17: the package as an outside developer gets it. Built, packed with pnpm (which writes the published
 * exports and replaces the catalog's versions), installed with npm into an empty folder, and used from plain
 * Node (ES modules and CommonJS) and from TypeScript (bundler and nodenext resolution). publint and
 * arethetypeswrong check the tarball.
 */
const PKG = fileURLToPath(new URL("..", import.meta.url));

let dir = "";
let tarball = "";
let app = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "registry-domain-pack-"));
  tarball = buildAndPack(PKG, dir);
  app = installInEmptyApp(dir, [tarball]);
}, 300_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const cite = [{ source: "r", lines: [1, 1] }];
const kase = {
  id: "c-1",
  slug: "c-1",
  title: { en: "Posts about the DCK (2020)", ru: "Посты о ДВК (2020)" },
  defendants: ["p-1"],
  measures: [{ person: "p-1", kind: "pre-trial-detention", from: { date: "2020-06-06" }, citations: cite }],
  citations: cite,
};

describe("@registry/domain as published", { timeout: 120_000 }, () => {
  it("installs with npm with its files, a licence and zod as its only dependency", () => {
    const installed = join(app, "node_modules/@registry/domain");
    const files = readdirSync(installed).sort();
    expect(files).toEqual(
      expect.arrayContaining(["CHANGELOG.md", "LICENSE", "README.md", "dist", "package.json", "schema"]),
    );
    expect(files).not.toContain("src");
    const pkg = installedPackageJson(app, "@registry/domain");
    expect(pkg.license).toBe("MIT");
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(["zod"]);
    expect(pkg.dependencies?.zod).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("works from plain Node as an ES module: validates a record and derives a cited status", () => {
    const out = runNode(
      app,
      "esm.mjs",
      `import { CaseSchema, PersonSchema, statusAsOf, textIn } from "@registry/domain";
const kase = CaseSchema.parse(${JSON.stringify(kase)});
const bad = PersonSchema.safeParse({ id: "p-1", slug: "p-1", names: [] });
const s = statusAsOf("p-1", { cases: [kase], events: [], reports: [] }, "2020-07-01");
console.log(JSON.stringify({ ok: bad.success, status: s.status, since: s.since, cited: s.citations.length, ru: textIn(kase.title, "ru").text }));`,
    );
    expect(out).toEqual({
      ok: false,
      status: "pre-trial-detention",
      since: "2020-06-06",
      cited: 1,
      ru: "Посты о ДВК (2020)",
    });
  });

  it("works from CommonJS with require, and matches Cyrillic and Latin spellings by name keys", () => {
    const out = runNode(
      app,
      "cjs.cjs",
      `const { namesMeet, formatArticle } = require("@registry/domain");
const schema = require("@registry/domain/schema/person-dossier.schema.json");
console.log(JSON.stringify({
  meet: namesMeet("Асқар Қайырбек", "Askar Kayyrbek"),
  apart: namesMeet("Асқар Қайырбек", "Aset Abishev"),
  article: formatArticle({ code: "criminal", article: "405", part: "2" }, "ru"),
  schema: schema.$schema,
}));`,
    );
    expect(out).toEqual({
      meet: true,
      apart: false,
      article: "ст. 405 ч. 2 УК РК",
      schema: "https://json-schema.org/draft/2020-12/schema",
    });
  });

  it.each(["bundler", "nodenext"] as const)(
    "type-checks in a strict TypeScript project (%s resolution)",
    (resolution) => {
      const source = `import { PersonSchema, type Person, type LocalizedText, textIn } from "@registry/domain";
const p: Person = PersonSchema.parse({ id: "p-1", slug: "p-1", names: [{ text: "Aset Abishev", script: "latin", primary: true }] });
const t: LocalizedText = { en: "x" };
export const out: string = textIn(t, "kk").text + p.id;
// @ts-expect-error a status is one of the domain's, not any string
export const wrong: import("@registry/domain").Status = "free";
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
