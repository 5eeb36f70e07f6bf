import type { Database } from "@registry/db";
import { createTestDb } from "@registry/db/testing";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCuratedDataset } from "../support/dataset.ts";
import { startHttpApp, type HttpApp } from "../support/http-app.ts";

/**
 * Issue 17: every open-data file, fetched over HTTP from the curated registry, validates against the schema it
 * names (ajv, strict, draft 2020-12), carries its licence, data version and date, and the data package lists it.
 */
let database: Database;
let app: HttpApp;
beforeAll(async () => {
  database = await createTestDb();
  await loadCuratedDataset(database);
  app = await startHttpApp(database);
}, 180_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

const getJson = async (path: string) => {
  const r = await fetch(app.url + path);
  expect(r.status, path).toBe(200);
  return (await r.json()) as Record<string, unknown>;
};

describe("the open-data files and their schemas", () => {
  it("validates every JSON file against its schema, strictly", async () => {
    const pkg = await getJson("/data/datapackage.json");
    const resources = pkg.resources as { name: string; path: string; format: string; schema: unknown }[];
    expect(resources.map((r) => r.path).sort()).toEqual(
      ["cases", "events", "mass-events", "officials", "organisations", "persons", "recognitions", "sources"]
        .flatMap((k) => [`${k}.csv`, `${k}.json`])
        .sort(),
    );
    expect(pkg.licenses).toEqual([expect.objectContaining({ name: "CC-BY-4.0" })]);
    for (const r of resources.filter((x) => x.format === "json")) {
      const file = await getJson(`/data/${r.path}`);
      const schema = await getJson(`/data/${String(r.schema)}`);
      expect(file.schema, r.path).toBe(`/data/${String(r.schema)}`);
      const ajv = new Ajv2020({ strict: true, allErrors: true });
      addFormats.default(ajv);
      const validate = ajv.compile(schema);
      const ok = validate(file);
      expect(validate.errors?.slice(0, 5) ?? [], r.path).toEqual([]);
      expect(ok).toBe(true);
      expect(file.licence).toBe("CC-BY-4.0");
      expect(file.version).toBe(Number(pkg.version));
      expect(String(file.date)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const key = r.name === "mass-events" ? "massEvents" : r.name;
      expect((file[key] as unknown[]).length, r.path).toBeGreaterThan(0);
    }
  }, 120_000);

  it("refuses what the domain refuses: a malformed partial date fails the schema too", async () => {
    const schema = await getJson("/data/schema/persons-file.schema.json");
    const file = await getJson("/data/persons.json");
    const ajv = new Ajv2020({ strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const persons = file.persons as { status: { asOf: string } }[];
    const broken = {
      ...file,
      persons: [{ ...persons[0], status: { ...persons[0]?.status, asOf: "not-a-date" } }],
    };
    expect(validate(broken)).toBe(false);
    expect(validate({ ...file, licence: "all rights reserved" })).toBe(false);
  });

  it("gives every CSV file the columns its table schema describes, a row per record, in three languages", async () => {
    const pkg = await getJson("/data/datapackage.json");
    const csvs = (
      pkg.resources as {
        path: string;
        format: string;
        schema: { fields: { name: string; type: string }[] };
      }[]
    ).filter((r) => r.format === "csv");
    expect(csvs).toHaveLength(8);
    for (const r of csvs) {
      const text = await (await fetch(`${app.url}/data/${r.path}`)).text();
      const [header = "", ...rows] = text
        .replace(/^\uFEFF/, "")
        .split("\r\n")
        .filter(Boolean);
      const names = r.schema.fields.map((f) => f.name);
      expect(header.replaceAll('"', ""), r.path).toBe(names.join(","));
      expect(rows.length, r.path).toBeGreaterThan(0);
    }
    const orgs = await (await fetch(`${app.url}/data/organisations.csv`)).text();
    expect(orgs).toContain("Демократический выбор Казахстана");
    expect(orgs).toContain("Қазақстанның демократиялық таңдауы");
  });

  it("gives the cases, events and recognitions on their own, naming published persons by their page slug", async () => {
    const persons = (await getJson("/data/persons.json")).persons as {
      person: { id: string; slug: string };
      cases: { id: string }[];
      events: { id: string }[];
      recognitions: { id: string }[];
    }[];
    const slugOf = new Map(persons.map((d) => [d.person.id, d.person.slug]));
    for (const kind of ["cases", "events", "recognitions"] as const) {
      const items = (await getJson(`/data/${kind}.json`))[kind] as {
        id: string;
        personLinks: { id: string; slug: string }[];
      }[];
      // The same records the dossiers hold, no more, no fewer.
      expect(new Set(items.map((x) => x.id)), kind).toEqual(
        new Set(persons.flatMap((d) => d[kind].map((x) => x.id))),
      );
      for (const x of items) {
        expect(x.personLinks.length, x.id).toBeGreaterThan(0);
        for (const l of x.personLinks) expect(slugOf.get(l.id), `${kind} ${x.id}`).toBe(l.slug);
      }
    }
    const cases = await (await fetch(`${app.url}/data/cases.csv`)).text();
    expect(cases).toMatch(/ст\. \d+/);
  });
});
