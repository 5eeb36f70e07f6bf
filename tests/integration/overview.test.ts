import type { Database } from "@registry/db";
import type { RecognitionEntry, Timeline } from "@registry/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.ts";
import { loadCuratedDataset } from "../support/dataset.ts";
import { startHttpApp, type HttpApp } from "../support/http-app.ts";

interface ListAnswer {
  items: { id: string; slug: string }[];
  total: number;
  next: string | null;
}

describe.each(BACKENDS)(
  "the over-time counts, the recognition tracker and numbered pages on $name",
  (backend) => {
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

    const query = async <T>(path: string, input: unknown): Promise<{ status: number; data: T }> => {
      const r = await fetch(`${app.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
      const body = (await r.json()) as { result?: { data: T } };
      return { status: r.status, data: body.result?.data as T };
    };
    const total = async (input: Record<string, unknown>) =>
      (await query<ListAnswer>("public.persons", { ...input, limit: 1 })).data.total;

    it("counts on each report's day and on sampled months what the lists as of that day count", async () => {
      const { status, data } = await query<Timeline>("public.timeline", {});
      expect(status).toBe(200);
      expect(data.points.length).toBeGreaterThan(100);
      const days = data.points.map((p) => p.day);
      expect([...days].sort()).toEqual(days);
      for (const r of data.reports) expect(days).toContain(r.day);
      const sept = data.points.find((p) => p.day === "2021-09-01");
      // ODF's report of that day names 23 political prisoners (as-of.test.ts checks who).
      expect(sept?.politicalPrisoners).toBe(23);
      const sample = data.points.filter(
        (p, i) => i % 24 === 0 || data.reports.some((r) => r.day === p.day) || i === data.points.length - 1,
      );
      for (const p of sample) {
        expect([p.day, await total({ list: "political-prisoners", asOf: p.day })]).toEqual([
          p.day,
          p.politicalPrisoners,
        ]);
        expect([p.day, await total({ list: "persecuted", recorded: true, asOf: p.day })]).toEqual([
          p.day,
          p.persecuted,
        ]);
      }
      // Persecution is recorded over the years: the last point counts more persons than the first.
      expect(data.points.at(-1)!.persecuted).toBeGreaterThan(data.points[0]!.persecuted);
    });

    it("lists every recognition that names a published person, newest first, with those persons only", async () => {
      const { status, data } = await query<RecognitionEntry[]>("public.recognitions", {});
      expect(status).toBe(200);
      expect(data.length).toBeGreaterThan(10);
      const dates = data.map((e) => e.recognition.date.date);
      expect([...dates].sort().reverse()).toEqual(dates);
      for (const e of data) {
        expect(e.persons.length).toBeGreaterThan(0);
        expect(e.recognition.persons).toEqual(e.persons.map((p) => p.id));
        expect(e.recognition.citations.length).toBeGreaterThan(0);
        expect(Object.keys(e.recognition)).not.toContain("private");
      }
      const slugs = new Set(data.flatMap((e) => e.persons.map((p) => p.slug)));
      for (const slug of [...slugs].slice(0, 5))
        expect((await query("public.person", { slug })).status).toBe(200);
    });

    it("gives the same second page by number (offset) as by cursor, and a person's status as of a day", async () => {
      const first = (await query<ListAnswer>("public.persons", { limit: 20 })).data;
      const byCursor = (await query<ListAnswer>("public.persons", { limit: 20, cursor: first.next })).data;
      const byOffset = (await query<ListAnswer>("public.persons", { limit: 20, offset: 20 })).data;
      expect(byOffset.items.map((i) => i.id)).toEqual(byCursor.items.map((i) => i.id));
      expect(byOffset.total).toBe(first.total);
      const asOf = await query<{ status: { asOf: string; current: string } }>("public.person", {
        slug: "askar-kayyrbek",
        asOf: "2021-09-01",
      });
      expect(asOf.data.status.asOf).toBe("2021-09-01");
      expect(["imprisoned", "pre-trial-detention"]).toContain(asOf.data.status.current);
      expect((await query("public.person", { slug: "askar-kayyrbek", asOf: "2099-01-01" })).status).toBe(400);
    });
  },
);
