import type { Database } from "@registry/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.ts";
import { cite, seedFixture } from "../support/fixtures.ts";
import { loginOverHttp, startHttpApp, trpc, type HttpApp } from "../support/http-app.ts";

/** ADR 020: curators edit where a person is held through the one pipeline; readers see it only when approved and allowed. */
describe("a person's help (where they are held), edited in the admin, through HTTP", () => {
  let database: Database;
  let app: HttpApp;
  let editor = "";
  let reviewer = "";
  beforeAll(async () => {
    database = await (BACKENDS[0] as (typeof BACKENDS)[number]).open();
    await seedFixture(database);
    app = await startHttpApp(database);
    editor = await loginOverHttp(app, database, "ed@example.org", "editor");
    reviewer = await loginOverHttp(app, database, "rv@example.org", "reviewer");
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const page = async (prefix = "") => {
    await app.settled();
    return (await fetch(`${app.url}${prefix}/persons/p-abishev`)).text();
  };
  const apiHelp = async () =>
    ((await (await fetch(`${app.url}/api/v1/persons/p-abishev`)).json()) as { person: { help: unknown[] } })
      .person.help;
  type Stored = { meta: { version: number }; value: Record<string, unknown> & { private: object } };
  const get = async (cookie: string) => {
    const r = await fetch(
      `${app.url}/trpc/admin.persons.get?input=${encodeURIComponent(JSON.stringify({ id: "p-abishev" }))}`,
      { headers: { cookie } },
    );
    return ((await r.json()) as { result: { data: Stored } }).result.data;
  };
  const help = [
    {
      institution: { en: "penal colony X-1/2", ru: "учреждение Х-1/2", kk: "Х-1/2 мекемесі" },
      letterLanguages: ["kk", "ru"],
      checkedOn: "2021-06",
      citations: cite(7),
    },
  ];

  it("refuses an entry without a citation with a 400 naming the field, and writes nothing", async () => {
    const s = await get(editor);
    const r = await trpc(
      app.url,
      "admin.persons.update",
      {
        id: "p-abishev",
        version: s.meta.version,
        record: { ...s.value, help: [{ ...help[0], citations: [] }] },
      },
      editor,
    );
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toMatch(/help.*citations|Cite the source/);
    expect((await get(editor)).meta.version).toBe(s.meta.version);
  });

  it("keeps an editor's help entry a draft until a reviewer approves it, then shows it in three languages", async () => {
    expect(await page()).not.toContain('id="how-to-help"');
    const s = await get(editor);
    const r = await trpc(
      app.url,
      "admin.persons.update",
      { id: "p-abishev", version: s.meta.version, record: { ...s.value, help } },
      editor,
    );
    expect(r.status).toBe(200);
    const proposed = (r.body.result as { data: { proposed?: number } }).data.proposed;
    expect(proposed).toBeGreaterThan(0);
    // Not public yet: neither the page nor the API shows it.
    expect(await page()).not.toContain("X-1/2");
    expect(await apiHelp()).toEqual([]);
    const approved = await trpc(app.url, "admin.revisions.approve", { id: proposed }, reviewer);
    expect(approved.status).toBe(200);
    const en = await page();
    expect(en).toContain('id="how-to-help"');
    expect(en).toContain("penal colony X-1/2");
    expect(en).toContain('<time dateTime="2021-06">June 2021</time>');
    expect(await page("/ru")).toContain("учреждение Х-1/2");
    expect(await page("/kk")).toContain("Х-1/2 мекемесі");
    expect(await apiHelp()).toHaveLength(1);
  });

  it("withdraws it from every public output when the consent is refused, and keeps it for curators", async () => {
    const s = await get(reviewer);
    const r = await trpc(
      app.url,
      "admin.persons.update",
      {
        id: "p-abishev",
        version: s.meta.version,
        record: { ...s.value, private: { ...s.value.private, consent: "consent-refused" } },
      },
      reviewer,
    );
    expect(r.status).toBe(200);
    const html = await page();
    expect(html).toContain("Aset Abishev");
    expect(html).not.toContain("X-1/2");
    expect(html).not.toContain('id="how-to-help"');
    expect(await apiHelp()).toEqual([]);
    const json = await (await fetch(`${app.url}/data/persons.json`)).text();
    expect(json).toContain("p-abishev");
    expect(json).not.toContain("X-1/2");
    // The curators' record still has it, with the refusal.
    const back = await get(reviewer);
    expect(back.value.help).toEqual(help);
    expect(back.value.private).toMatchObject({ consent: "consent-refused" });
  });
});
