import type { Database } from "@registry/db";
import { importRecords } from "../support/import.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.ts";
import { caller, cite } from "../support/fixtures.ts";

/** Persons whose names share words and beginnings of words, to check matching and relevance order. */
const NAMES: [string, string[]][] = [
  ["aset-abishev", ["Aset Abishev", "Абишев Асет Муксутханович"]],
  ["azamat-abishev", ["Azamat Abishev"]],
  ["azamat-zhakupov", ["Azamat Zhakupov", "Жакупов Азамат"]],
  ["nurlan-azamatov", ["Nurlan Azamatov"]],
  ["bolat-asetov", ["Bolat Asetov"]],
  ["yerzhan-kaiyrbekov", ["Yerzhan Kaiyrbekov", "Ержан Кайырбеков"]],
];

describe.each(BACKENDS)("name search on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
    await importRecords(
      database.db,
      [
        {
          kind: "source",
          value: {
            id: "src-1",
            slug: "src-1",
            kind: "ngo-report",
            publisher: "P",
            title: "T",
            published: "2021-09",
            language: "en",
          },
        },
        ...NAMES.map(([slug, names]) => ({
          kind: "person" as const,
          value: {
            id: `p-${slug}`,
            slug,
            names: names.map((text, i) => ({
              text,
              script: /[а-я]/i.test(text) ? "cyrillic-ru" : "latin",
              ...(i === 0 ? { primary: true } : {}),
              citations: cite(1),
            })),
          },
        })),
        // A draft namesake: never found by the public search.
        {
          kind: "person",
          value: {
            id: "p-draft",
            slug: "draft-abishev",
            names: [{ text: "Aset Abishev", script: "latin", primary: true, citations: cite(1) }],
          },
        },
      ],
      { actor: "test", publicationState: "published" },
    );
    await database.db.execute(
      (await import("drizzle-orm")).sql`update persons set publication_state = 'draft' where id = 'p-draft'`,
    );
  });
  afterAll(() => database.close());

  const find = async (q: string, limit?: number) => {
    const r = await caller(database).public.persons({ q, ...(limit ? { limit } : {}) });
    return { slugs: r.items.map((i) => i.slug), total: r.total, next: r.next };
  };

  it("finds whole words, or the words a beginning begins, ordered by name", async () => {
    // A whole name word finds that word only; a beginning finds the words it begins.
    expect((await find("Azamat")).slugs).toEqual(["azamat-abishev", "azamat-zhakupov"]);
    expect((await find("Azama")).slugs).toEqual(["azamat-abishev", "azamat-zhakupov", "nurlan-azamatov"]);
    expect((await find("Abishev")).slugs).toEqual(["aset-abishev", "azamat-abishev"]);
    expect((await find("Abish")).slugs).toEqual(["aset-abishev", "azamat-abishev"]);
  });

  it("ranks the person whose name is exactly the query first", async () => {
    expect((await find("Abishev Azamat")).slugs).toEqual(["azamat-abishev"]);
    expect((await find("Aset")).slugs).toEqual(["aset-abishev"]);
    // A word still being typed: whole words first (Aseto… is not one), then names it begins.
    expect((await find("Abishev Ase")).slugs).toEqual(["aset-abishev"]);
  });

  it("needs every word, in any order and script, and tolerates a patronymic the record lacks", async () => {
    expect((await find("Жакупов Азамат")).slugs).toEqual(["azamat-zhakupov"]);
    expect((await find("Zhakupov Azamat Serikovich")).slugs).toEqual(["azamat-zhakupov"]);
    expect((await find("Абишев Асет Муксутханович")).slugs).toEqual(["aset-abishev"]);
    expect((await find("Erzhan Kayyrbekov")).slugs).toEqual(["yerzhan-kaiyrbekov"]);
    expect((await find("Nurlan Zhakupov")).slugs).toEqual([]);
  });

  it("finds misspelled names through similar words, and pages through them without repeats", async () => {
    expect((await find("Azamat Zhakupv")).slugs).toEqual(["azamat-zhakupov"]);
    expect((await find("Kairbekov")).slugs).toEqual(["yerzhan-kaiyrbekov"]);
    const seen: string[] = [];
    let page = await find("Abishv", 1);
    expect(page.total).toBe(2);
    seen.push(...page.slugs);
    while (page.next) {
      const r = await caller(database).public.persons({ q: "Abishv", limit: 1, cursor: page.next });
      page = { slugs: r.items.map((i) => i.slug), total: r.total, next: r.next };
      seen.push(...page.slugs);
    }
    expect(seen).toEqual(["aset-abishev", "azamat-abishev"]);
  });

  it("answers a query with no letters with nothing", async () => {
    expect(await find("...")).toMatchObject({ slugs: [], total: 0 });
  });
});
