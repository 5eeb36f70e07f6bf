import { appRouter, createCaller, createContextInner } from "@registry/api";
import { tableChecksums, userStore, type Database } from "@registry/db";
import { createTestDb } from "@registry/db/testing";
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpApp, type HttpApp } from "../support/http-app.ts";
import { ADMIN, seedFixture } from "../support/fixtures.ts";

let database: Database;
let app: HttpApp;
const admin = () =>
  createCaller(
    createContextInner({
      database,
      user: ADMIN,
      session: { tokenHash: "t".repeat(64), userId: ADMIN.id, secondFactor: true },
    }),
  );

beforeAll(async () => {
  database = await createTestDb();
  await userStore.create(database.db, {
    id: ADMIN.id,
    email: "a@example.org",
    name: "A",
    role: "admin",
    passwordHash: "x",
  });
  await seedFixture(database);
  app = await startHttpApp(database);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>,
);
const call = (path: string, input: unknown) => {
  let fn: unknown = admin();
  for (const part of path.split(".")) fn = (fn as Record<string, unknown>)[part];
  return (fn as (i: unknown) => Promise<unknown>)(input);
};
const inputsFor: Record<string, unknown> = {
  "public.person": { slug: "p-abishev" },
  "public.official": { slug: "nobody" },
  "public.massEvent": { slug: "nobody" },
  "public.personChanges": { slug: "p-abishev" },
  "public.personPages": { slugs: "p-abishev,no-such-person" },
  "public.changes": { after: 0 },
  "admin.persons.get": { id: "p-abishev" },
  "admin.persons.history": { id: "p-abishev" },
  "admin.persons.duplicates": { names: ["Aset Abishev"] },
};

describe("inputs", () => {
  it("B2: calling every query twice writes nothing", async () => {
    const queries = procedures.filter(([, p]) => p._def.type === "query").map(([path]) => path);
    expect(queries.length).toBeGreaterThan(20);
    const before = await tableChecksums(database.db);
    for (const path of queries) {
      for (let i = 0; i < 2; i++) await call(path, inputsFor[path] ?? {}).catch(() => undefined);
    }
    expect(await tableChecksums(database.db)).toEqual(before);
  });

  it("B5: rejects extra keys (published, role, version, __proto__) and writes nothing", async () => {
    const base = {
      id: "p-extra",
      slug: "p-extra",
      names: [{ text: "Extra Keys", script: "latin", primary: true }],
    };
    const before = await tableChecksums(database.db);
    for (const extra of [
      { published: true },
      { publicationState: "published" },
      { role: "admin" },
      { version: 99 },
      JSON.parse('{"__proto__": {"polluted": true}}') as object,
    ]) {
      const e = await call("admin.persons.create", { record: { ...base, ...extra } }).then(
        () => null,
        (x: unknown) => x,
      );
      expect(e instanceof TRPCError && e.code === "BAD_REQUEST", JSON.stringify(extra)).toBe(true);
      const outer = await call("admin.persons.create", { record: base, ...extra }).then(
        () => null,
        (x: unknown) => x,
      );
      if (Object.keys(extra).length)
        expect(
          outer instanceof TRPCError && outer.code === "BAD_REQUEST",
          `outer ${JSON.stringify(extra)}`,
        ).toBe(true);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await tableChecksums(database.db)).toEqual(before);
  });

  it("D1: no procedure fails with an internal error on hostile input", async () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom(
        "\u0000",
        "\u202e\u202dabc",
        "'; DROP TABLE persons; --",
        "<script>alert(1)</script>",
        "Асқар Қайырбек ӘҒҚҢӨҰҮҺІ",
        "x".repeat(100_000),
      ),
      fc.integer(),
      fc.constant(null),
      fc.json({ maxDepth: 8 }).map((j) => JSON.parse(j) as unknown),
    );
    const input = fc.oneof(
      hostile,
      fc.dictionary(
        fc.constantFrom(
          "id",
          "slug",
          "q",
          "record",
          "version",
          "names",
          "email",
          "csv",
          "dryRun",
          "to",
          "code",
        ),
        hostile,
      ),
    );
    const paths = procedures.map(([p]) => p).filter((p) => !p.startsWith("auth.logout"));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), input, async (path, value) => {
        const e = await call(path, value).then(
          () => null,
          (x: unknown) => x,
        );
        if (e instanceof TRPCError)
          expect(e.code, `${path} ${JSON.stringify(value)?.slice(0, 200)}`).not.toBe("INTERNAL_SERVER_ERROR");
        else expect(e, path).toBeNull();
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it("D1: text in Kazakh, Russian, RTL marks and markup round-trips byte for byte", async () => {
    const text = (alphabet: string) =>
      fc
        .string({ unit: fc.constantFrom(...alphabet.split("")), minLength: 1, maxLength: 80 })
        .filter((s) => s.trim().length > 0 && s.trim() === s);
    // Names refuse bidirectional controls (a right-to-left override shows one name for another); summaries keep them.
    const letters = "aбәғқңөұүһі <>&\"'Ж-1";
    await fc.assert(
      fc.asyncProperty(text(letters), text(`${letters}\u202e\u200f`), async (name, summary) => {
        const id = `p-rt-${Math.random().toString(16).slice(2, 10)}`;
        await call("admin.persons.create", {
          record: {
            id,
            slug: id,
            names: [{ text: name, script: "latin", primary: true }],
            summary: { en: summary },
          },
        });
        const got = (await call("admin.persons.get", { id })) as {
          value: { names: { text: string }[]; summary: { en: string } };
        };
        expect(got.value.names[0]?.text).toBe(name);
        expect(got.value.summary.en).toBe(summary);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it("D1: public pages answer any query string without a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("/persons", "/ru/persons", "/", "/statistics", "/persons/p-abishev"),
        fc.dictionary(
          fc.constantFrom(
            "q",
            "status",
            "list",
            "article",
            "region",
            "year",
            "organisation",
            "gender",
            "sort",
            "cursor",
            "x",
          ),
          fc.oneof(
            fc.string({ maxLength: 300 }),
            fc.constantFrom("%00", "\u202e", "' OR 1=1 --", "<img src=x onerror=alert(1)>", "Қайырбек"),
          ),
        ),
        async (path, q) => {
          const r = await fetch(`${app.url}${path}?${new URLSearchParams(q).toString()}`);
          expect(r.status, `${path} ${JSON.stringify(q)}`).toBeLessThan(500);
          const body = await r.text();
          expect(body).not.toContain("<img src=x onerror");
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});
