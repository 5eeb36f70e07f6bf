import { createContextInner, createPublicCaller } from "@registry/api";
import type { Database } from "@registry/db";
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

beforeAll(async () => {
  database = await createTestDb();
  await seedFixture(database);
  const real = createPublicCaller(createContextInner({ database }));
  const persons: PublicApi["persons"] = (input) => {
    const from = Number(input?.cursor ?? 0);
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

  it("answers 404 for a part that does not exist", async () => {
    expect((await get("/sitemap-3.xml")).status).toBe(404);
    expect((await get("/sitemap-0.xml")).status).toBe(404);
  });
});
