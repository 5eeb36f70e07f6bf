import type { Database } from "@registry/db";
import type { PersonDossier } from "@registry/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@registry/db/testing";
import { loadCuratedDataset } from "../support/dataset.ts";
import { startHttpApp, type HttpApp } from "../support/http-app.ts";

/**
 * Issue 16 on the curated records: Russian and Kazakh readers read their language on every person page, and
 * the open data carries every language.
 */

/** The letters a reader sees: the page's text without markup, scripts, styles or the footnotes' source list. */
function visibleLetters(html: string): { letters: number; cyrillic: number } {
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&[a-z#0-9]+;/gi, " ");
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const cyrillic = text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  return { letters, cyrillic };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2
    ? (s[(s.length - 1) / 2] as number)
    : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

/** Every text of ours in a dossier: objects with an English text; `ru`/`kk` beside it where translated. */
function localizedTexts(v: unknown, out: { en: string; ru?: string; kk?: string }[] = []) {
  if (Array.isArray(v)) for (const x of v) localizedTexts(x, out);
  else if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.en === "string") out.push(o as { en: string; ru?: string; kk?: string });
    else for (const x of Object.values(o)) localizedTexts(x, out);
  }
  return out;
}

describe("Russian and Kazakh content of the curated records", () => {
  let database: Database;
  let app: HttpApp;
  let dossiers: PersonDossier[];
  beforeAll(async () => {
    database = await createTestDb();
    await loadCuratedDataset(database);
    app = await startHttpApp(database);
    const r = await fetch(`${app.url}/data/persons.json`);
    dossiers = ((await r.json()) as { persons: PersonDossier[] }).persons;
  }, 180_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  const page = async (path: string) => {
    const r = await fetch(app.url + path);
    expect(r.status, path).toBe(200);
    return r.text();
  };

  it("has Russian and Kazakh for at least 98% of the texts in the open data, and a Cyrillic name for 95% of named persons", () => {
    const texts = localizedTexts(dossiers);
    expect(texts.length).toBeGreaterThan(3000);
    const both = texts.filter((t) => t.ru && t.kk).length;
    console.log(`open data: ${both} of ${texts.length} texts have Russian and Kazakh`);
    expect(both / texts.length).toBeGreaterThanOrEqual(0.98);
    const named = dossiers.filter((d) => d.person.visibility === "public");
    const cyrillic = named.filter((d) =>
      ["cyrillic-ru", "cyrillic-kk"].every((s) => d.person.names.some((n) => n.script === s)),
    ).length;
    expect(cyrillic / named.length).toBeGreaterThanOrEqual(0.95);
  });

  it("shows Russian and Kazakh person pages mostly in Cyrillic (median at least 75% of the letters)", async () => {
    for (const locale of ["ru", "kk"] as const) {
      const shares: number[] = [];
      for (const d of dossiers) {
        const { letters, cyrillic } = visibleLetters(await page(`/${locale}/persons/${d.person.slug}`));
        shares.push(cyrillic / letters);
      }
      const m = median(shares);
      console.log(
        `${locale}: median Cyrillic share of ${shares.length} person pages ${(m * 100).toFixed(1)}%, lowest ${(Math.min(...shares) * 100).toFixed(1)}%`,
      );
      expect(m).toBeGreaterThanOrEqual(0.75);
      // The English page of the same records is not Cyrillic: the measure tells the languages apart.
      if (locale === "ru") {
        const en = visibleLetters(await page(`/persons/${dossiers[0]?.person.slug}`));
        expect(en.cyrillic / en.letters).toBeLessThan(0.5);
      }
    }
  }, 120_000);

  it("writes charges as the codes are cited in each language, with the official names of places", async () => {
    // Asylkhan Zhaubatyrov, ODF 2021: article 405 part 2 of the Criminal Code.
    const ru = await page("/ru/persons/asylkhan-zhaubatyrov");
    expect(ru).toContain("ст. 405 ч. 2 УК РК");
    expect(ru).not.toMatch(/CC 405/);
    const kk = await page("/kk/persons/asylkhan-zhaubatyrov");
    expect(kk).toContain("ҚР ҚК 405-бабының 2-бөлігі");
    // The person's name heads the page in the reader's script.
    expect(ru).toMatch(/<h1[^>]*>Асылхан Жаубатыров/);
    expect(kk).toMatch(/<h1[^>]*>Асылхан Жаубатыров/);
  });

  it("dates statuses in the genitive in Russian and Kazakh", async () => {
    const ru = await page("/ru/persons/asylkhan-zhaubatyrov");
    // "с 1 сентября 2021", "с ноября 2021": a month after "с" takes the genitive, never the nominative.
    expect(ru).not.toMatch(
      /с (январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь) \d{4}/,
    );
    expect(ru).toMatch(
      /(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4}/,
    );
  });

  it("finds persons by their Russian and Kazakh names", async () => {
    for (const q of ["Елшибаев", "Ержан Елшибаев", "Жаубатыров"]) {
      const html = await page(`/ru/persons?q=${encodeURIComponent(q)}`);
      expect(html, q).toMatch(/href="[^"]*persons\/(yerzhan-yelshibayev|asylkhan-zhaubatyrov)"/);
    }
    // The Kazakh form, with its own letters (Ұ, Қ, Ә ...), finds the person too.
    const kk = dossiers
      .find((d) => d.person.slug === "aset-abishev")
      ?.person.names.find((n) => n.script === "cyrillic-kk");
    expect(kk?.text).toMatch(/[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/);
    const html = await page(`/kk/persons?q=${encodeURIComponent(kk?.text ?? "")}`);
    expect(html).toMatch(/href="[^"]*persons\/aset-abishev"/);
  });

  it("names the page in each language for search engines and link previews, and lists every language in the sitemap", async () => {
    const kk = await page("/kk/persons/asylkhan-zhaubatyrov");
    expect(kk).toContain('<link rel="canonical" href="/kk/persons/asylkhan-zhaubatyrov"/>');
    for (const [lang, href] of [
      ["en", "/persons/asylkhan-zhaubatyrov"],
      ["ru", "/ru/persons/asylkhan-zhaubatyrov"],
      ["kk", "/kk/persons/asylkhan-zhaubatyrov"],
      ["x-default", "/persons/asylkhan-zhaubatyrov"],
    ])
      expect(kk).toContain(`<link rel="alternate" hrefLang="${lang}" href="${href}"/>`);
    expect(kk).toMatch(/<meta property="og:title" content="Асылхан Жаубатыров"\/>/);
    expect(kk).toContain('<meta property="og:locale" content="kk_KZ"/>');
    const sitemap = await page("/sitemap.xml");
    for (const loc of [
      "/persons/asylkhan-zhaubatyrov",
      "/ru/persons/asylkhan-zhaubatyrov",
      "/kk/persons/asylkhan-zhaubatyrov",
      "/ru",
      "/kk/statistics",
    ])
      expect(sitemap).toContain(`<loc>${loc}</loc>`);
  });

  it("says a withheld name in the reader's language, not as an English phrase", async () => {
    const withheld = dossiers.find((d) => d.person.visibility === "anonymous");
    expect(withheld).toBeDefined();
    const ru = await page(`/ru/persons/${withheld?.person.slug}`);
    expect(ru).toContain("Имя не раскрывается");
    expect(ru).not.toContain("Name withheld");
    const list = await page("/kk/persons?status=&list=");
    expect(list).not.toContain("Name withheld");
  });
});
