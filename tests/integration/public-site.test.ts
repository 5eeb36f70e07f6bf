import { createContextInner, createPublicCaller } from "@registry/api";
import type { Database } from "@registry/db";
import { createTestDb } from "@registry/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenPublicSite } from "../support/public-site.ts";
import { loadCuratedDataset } from "../support/dataset.ts";

let database: Database;
let site: Awaited<ReturnType<typeof listenPublicSite>>;
let base = "";
const TODAY = "2021-09-01";

beforeAll(async () => {
  database = await createTestDb();
  await loadCuratedDataset(database);
  site = await listenPublicSite({
    api: createPublicCaller(createContextInner({ database, today: () => TODAY })),
    today: () => TODAY,
    publicUrl: "https://registry.example",
  });
  base = site.base;
});
afterAll(async () => {
  await site.close();
  await database.close();
});

const get = async (path: string) => {
  const r = await fetch(base + path);
  return { status: r.status, text: await r.text(), headers: r.headers };
};
const api = () => createPublicCaller(createContextInner({ database, today: () => TODAY }));

describe("public site pages rendered from the curated dataset (as of 1 September 2021)", () => {
  it("home shows the headline counts from the statistics", async () => {
    const stats = await api().statistics();
    const { status, text } = await get("/");
    expect(status).toBe(200);
    expect(text).toContain(`<dd>${stats.politicalPrisoners}</dd>`);
    expect(text).toContain(`<dd>${stats.total}</dd>`);
    expect(text).not.toMatch(/<script/i);
  });

  it("lists political prisoners, filtered by a plain GET form", async () => {
    const stats = await api().statistics();
    const { text } = await get("/persons?list=political-prisoners&limit=200");
    expect(text).toContain(`${stats.politicalPrisoners} persons`);
    expect(text).toMatch(/<form[^>]*action="\/persons"[^>]*method="get"/);
    expect(text).toContain("Askar Kayyrbek");
  });

  it("finds a person by a Cyrillic spelling", async () => {
    const { text } = await get(`/persons?q=${encodeURIComponent("Асет Абишев")}`);
    expect(text).toContain('href="/persons/aset-abishev"');
  });

  it("shows a person page with status, cases, timeline and numbered sources", async () => {
    const { status, text, headers } = await get("/persons/aset-abishev");
    expect(status).toBe(200);
    expect(text).toContain("<h1>Aset Abishev</h1>");
    expect(text).toContain("At liberty"); // released on 30 July 2021 (odf-2021)
    expect(text).toMatch(/id="fn-1"/);
    expect(text).toContain("lines ");
    expect(headers.get("cache-control")).toContain("max-age");
  });

  it("renders officials, mass events, statistics, sources and open data pages", async () => {
    const officials = await api().officials();
    const events = await api().massEvents();
    for (const path of [
      "/officials",
      `/officials/${officials[0]?.slug}`,
      "/events",
      `/events/${events[0]?.slug}`,
      "/statistics",
      "/sources",
      "/data",
      "/about",
      "/help",
      "/recognition",
      "/recognition?body=un-wgad&year=2021",
    ]) {
      const { status, text } = await get(path);
      expect(status, path).toBe(200);
      expect(text, path).toContain("<main");
    }
    const stats = await get("/statistics");
    // The over-time chart and seven bar charts.
    expect((stats.text.match(/<svg/g) ?? []).length).toBe(8);
  });

  it("speaks Russian and Kazakh under /ru and /kk", async () => {
    expect((await get("/ru/persons?list=political-prisoners")).text).toContain("Политзаключённые");
    expect((await get("/kk/")).text).toContain('lang="kk"');
  });

  it("answers a missing slug with 404 and ignores invalid filter values", async () => {
    const missing = await get("/persons/no-such-person");
    expect(missing.status).toBe(404);
    const bad = await get("/persons?year=abc&status=%3Cscript%3E&cursor=%22%3E");
    expect(bad.status).toBe(200);
    expect(bad.text).not.toContain("<script>");
  });

  it("writes charges, plurals and statuses in Russian and Kazakh as those languages write them", async () => {
    const ru = await get("/ru/persons/aset-abishev");
    expect(ru.text).toContain("ст. 405 ч. 2 УК РК");
    const kk = await get("/kk/persons/aset-abishev");
    expect(kk.text).toContain("ҚР ҚК 405-бабының 2-бөлігі");
    // A woman killed: the Russian status agrees with her gender.
    const khairolla = await get("/ru/persons/amanbike-khairolla");
    expect(khairolla.text).toContain("Погибла");
    expect(khairolla.text).not.toContain("Погиб(ла)");
    // CLDR plural rules: 23 человека, 21 человек.
    const list = await get("/ru/persons?list=political-prisoners&asOf=2021-09-01");
    expect(list.text).toContain("23 человека");
    const en = await get("/persons?list=political-prisoners&asOf=2021-09-01");
    expect(en.text).toContain("23 persons");
  });

  it("finds persons by their Russian and their Kazakh Cyrillic names", async () => {
    const ru = await get(`/ru/persons?q=${encodeURIComponent("Ержан Елшибаев")}`);
    expect(ru.text).toContain('href="/ru/persons/yerzhan-yelshibayev"');
    const kk = await get(`/kk/persons?q=${encodeURIComponent("Елшібаев")}`);
    expect(kk.text).toContain('href="/kk/persons/yerzhan-yelshibayev"');
  });

  it("names an SVG icon on every page and answers /favicon.ico with it", async () => {
    const home = await get("/ru/");
    expect(home.text).toContain('<link rel="icon" type="image/svg+xml" href="/assets/favicon.svg"/>');
    const icon = await get("/assets/favicon.svg");
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(icon.text).toMatch(/^<svg /);
    const ico = await fetch(base + "/favicon.ico", { redirect: "manual" });
    expect(ico.status).toBe(301);
    expect(ico.headers.get("location")).toBe("/assets/favicon.svg");
  });

  it("publishes an Atom feed, a sitemap and robots.txt", async () => {
    expect((await get("/feed.xml")).text).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    const sitemap = await get("/sitemap.xml");
    expect(sitemap.text).toContain("https://registry.example/persons/aset-abishev");
    for (const prefix of ["", "/ru", "/kk"])
      expect(sitemap.text).toContain(`https://registry.example${prefix}/help<`);
    expect((await get("/robots.txt")).text).toContain("Sitemap: https://registry.example/sitemap.xml");
  });
});
