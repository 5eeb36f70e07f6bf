import { createContextInner, createPublicCaller } from "@registry/api";
import { applyChanges, getRecord, type Database } from "@registry/db";
import { createTestDb } from "@registry/db/testing";
import type { PublicApi } from "@registry/public";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenPublicSite } from "../support/public-site.ts";
import { seedFixture } from "../support/fixtures.ts";

/**
 * The sitemap of a large registry: past 50,000 addresses (the sitemaps protocol's limit per file) `/sitemap.xml`
 * is an index of parts. The registry's persons are the seeded few plus 20,000 made-up ones answered by the list
 * API (as 10^5 persons would be), so that the three languages make 60,000+ addresses.
 */
let database: Database;
let site: Awaited<ReturnType<typeof listenPublicSite>>;
let base = "";
const MADE_UP = 20_000;
/** How many times the made-up persons were listed from the start (a sitemap's list of addresses being made). */
let listings = 0;

beforeAll(async () => {
  database = await createTestDb();
  await seedFixture(database);
  const real = createPublicCaller(createContextInner({ database }));
  const persons: PublicApi["persons"] = (input) => {
    const from = Number(input?.cursor ?? 0);
    if (from === 0) listings++;
    const limit = input?.limit ?? 50;
    const items = Array.from({ length: Math.min(limit, MADE_UP - from) }, (_, i) => ({
      slug: `made-up-${from + i}`,
      updatedAt: "2026-11-30T10:00:00.000Z",
    }));
    const next = from + items.length < MADE_UP ? String(from + items.length) : null;
    return Promise.resolve({ items, next, total: MADE_UP } as unknown as Awaited<
      ReturnType<PublicApi["persons"]>
    >);
  };
  const api = new Proxy(real, {
    get: (target, key, receiver): unknown =>
      key === "persons" ? persons : Reflect.get(target, key, receiver),
  });
  site = await listenPublicSite({ api, publicUrl: "https://registry.example" });
  base = site.base;
}, 120_000);
afterAll(async () => {
  await site.close();
  await database.close();
});

const get = async (path: string) => {
  const r = await fetch(base + path);
  return { status: r.status, text: await r.text() };
};
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] as string);

describe("the sitemap of a large registry", () => {
  it("is an index of parts of at most 50,000 addresses that together list every page in each language", async () => {
    const index = await get("/sitemap.xml");
    expect(index.status).toBe(200);
    expect(index.text).toContain("<sitemapindex");
    const parts = locs(index.text);
    expect(parts).toEqual([
      "https://registry.example/sitemap-1.xml",
      "https://registry.example/sitemap-2.xml",
    ]);
    const all: string[] = [];
    for (const part of parts) {
      const r = await get(new URL(part).pathname);
      expect(r.status).toBe(200);
      expect(r.text).toContain("<urlset");
      const urls = locs(r.text);
      expect(urls.length).toBeLessThanOrEqual(50_000);
      all.push(...urls);
    }
    expect(new Set(all).size).toBe(all.length);
    for (const prefix of ["", "/ru", "/kk"]) {
      expect(all).toContain(`https://registry.example${prefix}/persons/made-up-0`);
      expect(all).toContain(`https://registry.example${prefix}/persons/made-up-${MADE_UP - 1}`);
      expect(all).toContain(`https://registry.example${prefix}/about`);
    }
    expect(all.filter((u) => u.includes("/persons/made-up-"))).toHaveLength(3 * MADE_UP);
  });

  it("lists the addresses once per data version: the index and its parts share one list until a write", async () => {
    await get("/sitemap.xml");
    const before = listings;
    for (const path of ["/sitemap.xml", "/sitemap-1.xml", "/sitemap-2.xml"])
      expect((await get(path)).status).toBe(200);
    expect(listings).toBe(before);
    // A write (a person's summary, published at once by the system) makes a new data version: listed again, once.
    const current = await getRecord(database.db, "person", "p-abishev");
    if (!current) throw new Error("no p-abishev in the fixture");
    await applyChanges(database.db, { id: "sitemap-test", role: "system" }, [
      {
        op: "update",
        kind: "person",
        id: "p-abishev",
        version: current.meta.version,
        value: { ...current.value, summary: { en: "Listed again." } },
      },
    ]);
    for (const path of ["/sitemap.xml", "/sitemap-1.xml", "/sitemap-2.xml"])
      expect((await get(path)).status).toBe(200);
    expect(listings).toBe(before + 1);
  });

  it("answers 404 for a part that does not exist", async () => {
    expect((await get("/sitemap-3.xml")).status).toBe(404);
    expect((await get("/sitemap-0.xml")).status).toBe(404);
  });
});
