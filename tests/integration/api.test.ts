import type { Database } from "@registry/db";
import { verifyAudit } from "@registry/db";
import { importRecords } from "../support/import.ts";
import { sql } from "drizzle-orm";
import { errorOf } from "../support/errors.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.ts";
import { ADMIN, CANARY, caller, EDITOR, person, REVIEWER, seedFixture } from "../support/fixtures.ts";

describe.each(BACKENDS)("API on $name", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await backend.open();
    await seedFixture(database);
  });
  afterAll(() => database.close());

  const pub = () => caller(database).public;

  it("lists published persons only, with derived statuses as of today", async () => {
    const { items, total } = await pub().persons({});
    expect(items.map((i) => i.slug).sort()).toEqual(["p-abishev", "p-kayyrbek", "p-semenova", "p-zhakupova"]);
    expect(total).toBe(4);
    const status = Object.fromEntries(items.map((i) => [i.slug, i.status]));
    expect(status).toEqual({
      "p-abishev": "imprisoned",
      "p-kayyrbek": "pre-trial-detention",
      "p-zhakupova": "house-arrest",
      "p-semenova": "released",
    });
  });

  it("filters by list, status, article, region, year, organisation and gender", async () => {
    const slugs = async (f: Parameters<ReturnType<typeof pub>["persons"]>[0]) =>
      (await pub().persons(f)).items.map((i) => i.slug).sort();
    expect(await slugs({ list: "political-prisoners" })).toEqual(["p-abishev", "p-kayyrbek"]);
    expect(await slugs({ list: "persecuted" })).toEqual(["p-semenova", "p-zhakupova"]);
    expect(await slugs({ status: "house-arrest" })).toEqual(["p-zhakupova"]);
    expect(await slugs({ article: "405" })).toHaveLength(4);
    expect(await slugs({ article: "174" })).toEqual([]);
    expect(await slugs({ region: "shymkent" })).toEqual(["p-kayyrbek"]);
    expect(await slugs({ year: 2018 })).toEqual(["p-abishev", "p-semenova"]);
    expect(await slugs({ organisation: "org-dck" })).toEqual(["p-abishev"]);
    expect(await slugs({ gender: "female" })).toEqual(["p-semenova", "p-zhakupova"]);
  });

  it("paginates by keyset without gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page = await pub().persons({ limit: 1, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((x) => x.slug));
      if (!page.next) break;
      cursor = page.next;
    }
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
  });

  it("finds a person by any spelling, in Latin, Russian or Kazakh Cyrillic, and with a typo", async () => {
    const find = async (q: string) => (await pub().persons({ q })).items.map((i) => i.slug);
    expect(await find("Askar Kaiyrbek")).toEqual(["p-kayyrbek"]);
    expect(await find("Асқар Қайырбек")).toEqual(["p-kayyrbek"]);
    expect(await find("Аскар Кайырбек")).toEqual(["p-kayyrbek"]);
    expect(await find("Abishev Aset")).toEqual(["p-abishev"]);
    expect(await find("Abishv")).toEqual(["p-abishev"]);
    expect(await find("Draft Person")).toEqual([]);
  });

  it("gives a person page with cases, events, status history and sources, and no private field", async () => {
    const d = await pub().person({ slug: "p-semenova" });
    expect(d.status.history.map((h) => h.status)).toEqual([
      "fined-or-warned",
      "under-investigation",
      "restriction-of-liberty",
      "released",
    ]);
    expect(d.cases).toHaveLength(1);
    expect(d.events.map((e) => e.type)).toEqual(["fined"]);
    expect(d.sources.map((s) => s.id)).toEqual(["src-1"]);
    expect(JSON.stringify(d)).not.toContain(CANARY);
  });

  it("answers unpublished, deleted and missing persons with the same NOT_FOUND", async () => {
    const bodies = await Promise.all(
      ["p-draft", "p-deleted", "p-nobody"].map((slug) => errorOf(pub().person({ slug }))),
    );
    expect(bodies.map((e) => e.code)).toEqual(["NOT_FOUND", "NOT_FOUND", "NOT_FOUND"]);
    expect(new Set(bodies.map((e) => e.message)).size).toBe(1);
  });

  it("never shows private values in any public procedure", async () => {
    const outputs = await Promise.all([
      pub().persons({}),
      pub().statistics(),
      pub().officials(),
      pub().massEvents(),
      pub().sources(),
      pub().organisations(),
      ...["p-abishev", "p-kayyrbek", "p-zhakupova", "p-semenova"].map((slug) => pub().person({ slug })),
    ]);
    expect(JSON.stringify(outputs)).not.toContain(CANARY);
  });

  it("counts statistics by status, list and article", async () => {
    const s = await pub().statistics();
    expect(s.total).toBe(4);
    expect(s.politicalPrisoners).toBe(2);
    expect(s.byArticle).toEqual([{ key: "criminal:405", count: 4 }]);
  });

  it("refuses a stale version with CONFLICT carrying the current record, and loses nothing", async () => {
    const a = caller(database, EDITOR).admin.persons;
    const current = await a.get({ id: "p-draft" });
    const first = await a.update({
      id: "p-draft",
      version: current.meta.version,
      record: { ...(current.value as object), gender: "male" } as never,
    });
    const e = await errorOf(
      a.update({
        id: "p-draft",
        version: current.meta.version,
        record: { ...(current.value as object), gender: "female" } as never,
      }),
    );
    expect(e.code).toBe("CONFLICT");
    const after = await a.get({ id: "p-draft" });
    expect((after.value as { gender?: string }).gender).toBe("male");
    expect(after.meta.version).toBe(first.meta.version);
  });

  it("rolls back a multi-row write that fails midway", async () => {
    const before = (await caller(database, EDITOR).admin.persons.list({ includeDeleted: true, limit: 500 }))
      .items.length;
    // The second record reuses a slug: the database refuses it after the first was written.
    const write = importRecords(
      database.db,
      [
        { kind: "person", value: person("p-new-1", [["New One", "latin"]]) },
        { kind: "person", value: { ...person("p-new-2", [["New Two", "latin"]]), slug: "p-abishev" } },
      ],
      { actor: "test" },
    );
    await expect(write).rejects.toThrow();
    const after = (await caller(database, EDITOR).admin.persons.list({ includeDeleted: true, limit: 500 }))
      .items.length;
    expect(after).toBe(before);
  });

  it("refuses admin calls without a user or with too low a role", async () => {
    expect((await errorOf(caller(database).admin.persons.list({}))).code).toBe("UNAUTHORIZED");
    expect(
      (
        await errorOf(
          caller(database, EDITOR).admin.persons.transition({ id: "p-draft", version: 1, to: "published" }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    expect((await errorOf(caller(database, REVIEWER).admin.audit.verify())).code).toBe("FORBIDDEN");
    const e = await errorOf(
      caller(database, EDITOR).admin.persons.create({
        record: { ...person("p-x", [["X Y", "latin"]]), publicationState: "published" } as never,
      }),
    );
    expect(e.code).toBe("BAD_REQUEST");
  });

  it("returns flattened field errors for invalid input", async () => {
    const e = await errorOf(
      caller(database, EDITOR).admin.persons.create({
        record: { ...person("p-bad", [["A B", "latin"]]), birthYear: 1800 } as never,
      }),
    );
    expect(e.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(e.cause)).toContain("birthYear");
  });

  it("keeps an audit chain that verifies, and names the entry that was tampered with", async () => {
    expect(await caller(database, ADMIN).admin.audit.verify()).toMatchObject({ ok: true });
    const history = await caller(database, EDITOR).admin.persons.history({ id: "p-abishev" });
    expect(history.map((h) => h.action)).toEqual(["create", "transition", "transition"]);
    expect(JSON.stringify(history)).not.toContain(CANARY);
    await database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await database.db.execute(sql`update audit_log set changes = '[]'::jsonb where seq = 3`);
    await database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: false, brokenAt: 3 });
  });
});
