import type { Database } from "@registry/db";
import { endDay, sourceDay, today, type PersonDossier } from "@registry/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.ts";
import { loadCuratedDataset } from "../support/dataset.ts";
import { startHttpApp, type HttpApp } from "../support/http-app.ts";

/** ODF's report of 2 September 2021, section 3: the political prisoners it names (lines 265, 375, 424). */
const ODF_2021_POLITICAL_PRISONERS = [
  "Abai Begimbetov",
  "Almat Zhumagulov",
  "Aron Atabek",
  "Askar Kayyrbek",
  "Askhat Zheksebayev",
  "Asylkhan Zhaubatyrov",
  "Baurzhan Jusupov",
  "Bekizhan Mendygazyev",
  "Diana Baimagambetova",
  "Igor Chuprina",
  "Kairat Klyshev",
  "Kenzhebek Abishev",
  "Merei Korbakov",
  "Natalia Dauletiyarova",
  "Noyan Rakhimzhanov",
  "Rinat Batkayev",
  "Ruslan Ginatullin",
  "Sabit Syzdykbek",
  "Saltanat Kusmankyzy",
  "Ulasbek Akhmetov",
  "Yerbol Yeskhozhin",
  "Yerulan Amirov",
  "Yerzhan Yelshibayev",
];

interface Download {
  asOf: string;
  only?: { list?: string };
  persons: PersonDossier[];
}

const primary = (d: PersonDossier) => d.person.names.find((n) => n.primary)?.text ?? "";

describe.each(BACKENDS)("honest status and as-of snapshots on $name", (backend) => {
  let database: Database;
  let app: HttpApp;
  beforeAll(async () => {
    database = await backend.open();
    await loadCuratedDataset(database);
    app = await startHttpApp(database);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  /** A tRPC query over HTTP, as an outside client sends it. */
  const query = async (path: string, input: unknown) => {
    const r = await fetch(`${app.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
    return { status: r.status, body: (await r.json()) as unknown };
  };
  const get = async (path: string) => {
    const r = await fetch(app.url + path);
    return { status: r.status, text: await r.text(), type: r.headers.get("content-type") ?? "" };
  };

  it("gives every known status its citations and last-reported date, and nothing after the person's sources", async () => {
    const r = await get("/data/persons.json");
    expect(r.status).toBe(200);
    const data = JSON.parse(r.text) as Download;
    expect(data.asOf).toBe(today());
    expect(data.persons.length).toBeGreaterThan(250);
    const problems: string[] = [];
    for (const d of data.persons) {
      const newest = d.sources
        .map((s) => sourceDay(s) ?? "")
        .sort()
        .at(-1) as string;
      if (d.status.current !== "unknown" && !d.status.lastReported)
        problems.push(`${d.person.id}: no lastReported`);
      for (const h of d.status.history) {
        if (h.status === "unknown") problems.push(`${d.person.id}: an unknown period`);
        if (h.citations.length === 0) problems.push(`${d.person.id}: uncited ${h.status} from ${h.from}`);
        if (h.fromDay > newest) problems.push(`${d.person.id}: ${h.status} from ${h.from} after ${newest}`);
        if (endDay(h.lastReported.date) > newest) problems.push(`${d.person.id}: reported after ${newest}`);
      }
    }
    expect(problems).toEqual([]);
    // A computed end is labelled as such, never a status of its own.
    const computed = data.persons.filter((d) => d.status.expectedEnd);
    expect(computed.length).toBeGreaterThan(0);
    for (const d of computed) expect(d.status.expectedEnd?.computed).toBe(true);
  });

  it("answers the political prisoners as of 1 September 2021 with exactly the people ODF's report names", async () => {
    const r = await get("/data/persons.json?asOf=2021-09-01&list=political-prisoners");
    expect(r.status).toBe(200);
    const data = JSON.parse(r.text) as Download;
    expect(data.asOf).toBe("2021-09-01");
    expect(data.only).toEqual({ list: "political-prisoners" });
    expect(data.persons.map(primary).sort()).toEqual(ODF_2021_POLITICAL_PRISONERS);
    for (const d of data.persons) {
      expect(d.politicalPrisoner).toBe(true);
      expect(d.status.asOf).toBe("2021-09-01");
      expect(d.status.lastReported?.date).toBe("2021-09-01");
    }
    // The same snapshot as CSV, and through the API the public site uses.
    const csv = await get("/data/persons.csv?asOf=2021-09-01&list=political-prisoners");
    const rows = csv.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(rows[0]).toContain("status_last_reported");
    expect(rows).toHaveLength(ODF_2021_POLITICAL_PRISONERS.length + 1);
    const list = await query("public.persons", {
      list: "political-prisoners",
      asOf: "2021-09-01",
      limit: 100,
    });
    expect(list.status).toBe(200);
    expect((list.body as { result: { data: { total: number } } }).result.data.total).toBe(
      ODF_2021_POLITICAL_PRISONERS.length,
    );
  });

  it("refuses a malformed, impossible or future day with 400 and its reason", async () => {
    for (const [q, reason] of [
      ["2021-9-1", "YYYY-MM-DD"],
      ["2021-02-30", "YYYY-MM-DD"],
      ["2099-01-01", "after today"],
    ] as const) {
      const r = await get(`/data/persons.json?asOf=${q}`);
      expect(r.status, q).toBe(400);
      expect(r.text).toContain(reason);
      const page = await get(`/persons?asOf=${q}`);
      expect(page.status, q).toBe(400);
      expect(page.text).toContain(reason);
    }
    expect((await get("/data/persons.csv?list=nonsense")).status).toBe(400);
    const stats = await query("public.statistics", { asOf: "2099-01-01" });
    expect(stats.status).toBe(400);
    expect(JSON.stringify(stats.body)).toContain("after today");
  });

  it("shows the list as of a report's date as a page: count, the report's note, a permanent link, downloads", async () => {
    const r = await get("/ru/persons?list=political-prisoners&asOf=2021-09-01");
    expect(r.status).toBe(200);
    expect(r.text).toContain("на 1 сентября 2021");
    expect(r.text).toContain("названы 23 человека");
    expect(r.text).toContain('href="/data/persons.csv?asOf=2021-09-01&amp;list=political-prisoners"');
    expect(r.text).toContain("/ru/persons?list=political-prisoners&amp;asOf=2021-09-01");
    // Russian pages name people in Russian where the record has the spelling.
    for (const name of ["Арон Атабек", "Амиров"]) expect(r.text).toContain(name);
    expect(r.text).toContain("23 человека");
    const en = await get("/persons?list=political-prisoners&asOf=2021-09-01");
    for (const name of ["Aron Atabek", "Yerulan Amirov"]) expect(en.text).toContain(name);
    expect(en.text).not.toContain("Aset Abishev");
  });

  it("shows our texts in Russian where translated, and the English marked as such where not", async () => {
    const data = JSON.parse((await get("/data/persons.json")).text) as Download;
    const translated = data.persons.find((d) => d.person.summary?.ru && d.person.visibility === "public");
    expect(translated).toBeDefined();
    const ru = await get(`/ru/persons/${translated?.person.slug ?? ""}`);
    const unescaped = ru.text
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
    expect(unescaped).toContain((translated?.person.summary?.ru ?? "").slice(0, 40));
    expect(translated?.person.summary?.provenance?.ru).toMatch(/^(translated|reviewed)$/);
    const missing = data.persons.find((d) => d.person.summary && !d.person.summary.ru);
    if (missing) {
      const page = await get(`/ru/persons/${missing.person.slug}`);
      expect(page.text).toContain('<span lang="en">');
      expect(page.text).toContain("перевод ещё не готов");
    }
  });

  it("says on the home page how recent its sources are, never a count as of today", async () => {
    const home = await get("/");
    expect(home.text).toContain("February 2023");
    expect(home.text).not.toContain("Figures as of");
    expect(home.text).toContain("Political prisoners by the latest reports");
    expect(home.text).toContain("/persons?list=political-prisoners&amp;asOf=2021-09-01");
  });
});
