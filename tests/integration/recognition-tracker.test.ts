import { createContextInner, createPublicCaller } from "@registry/api";
import type { Database } from "@registry/db";
import { createTestDb } from "@registry/db/testing";
import { latestFollowUp, type RecognitionEntry } from "@registry/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenPublicSite } from "../support/public-site.ts";
import { loadCuratedDataset } from "../support/dataset.ts";

// The recognition tracker's "whether it was followed" (issue 20): the latest cited follow-up, dated and footnoted,
// or "unknown"; and the outcome filter, server-rendered.
let database: Database;
let site: Awaited<ReturnType<typeof listenPublicSite>>;
let base = "";
let entries: RecognitionEntry[] = [];
const TODAY = "2024-01-01";

beforeAll(async () => {
  database = await createTestDb();
  await loadCuratedDataset(database);
  const api = createPublicCaller(createContextInner({ database, today: () => TODAY }));
  entries = await api.recognitions();
  site = await listenPublicSite({ api, today: () => TODAY, publicUrl: "https://registry.example" });
  base = site.base;
}, 120_000);
afterAll(async () => {
  await site.close();
  await database.close();
});

const page = async (path: string) => {
  const r = await fetch(base + path);
  expect(r.status).toBe(200);
  return r.text();
};
/** The markup of each recognition's article, by id. */
const articles = (html: string) =>
  new Map(
    [...html.matchAll(/<article id="([^"]+)" class="recognition"[\s\S]*?<\/article>/g)].map((m) => [
      m[1]!,
      m[0],
    ]),
  );
const outcomeOf = (e: RecognitionEntry) => latestFollowUp(e.recognition)?.outcome ?? "unknown";

describe("the recognition tracker's follow-ups", () => {
  it("shows the latest follow-up's outcome and date with a footnote to the report's lines", async () => {
    const e = entries.find((x) => x.recognition.id === "r-us-senators-2019-yerimbetov");
    const follow = e && latestFollowUp(e.recognition);
    expect(follow?.outcome).toBe("followed");
    const html = await page("/recognition");
    const article = articles(html).get("r-us-senators-2019-yerimbetov") ?? "";
    expect(article).toContain('class="followed followed-followed"');
    expect(article).toMatch(/Followed as of [^<]*2021/);
    const ref = /<sup class="cite"><a href="#fn-(\d+)"/.exec(article);
    expect(ref).not.toBeNull();
    const note = new RegExp(`<li id="fn-${ref![1]}" value="${ref![1]}">([^<]*)</li>`).exec(html);
    expect(note?.[1]).toContain(String(follow!.citations[0]!.lines![0]));
  });

  it("says unknown where no source reports an outcome, in each language", async () => {
    const none = entries.find((x) => outcomeOf(x) === "unknown")!;
    expect(none).toBeDefined();
    expect(articles(await page("/recognition")).get(none.recognition.id)).toContain(
      "Unknown: our sources do not say.",
    );
    expect(articles(await page("/ru/recognition")).get(none.recognition.id)).toContain("Неизвестно");
  });

  it("shows a person's recognitions' latest follow-ups on their page, and nothing where unknown", async () => {
    const known = entries.find((x) => x.recognition.id === "r-us-senators-2019-yerimbetov")!;
    const html = await page(`/persons/${known.persons[0]!.slug}`);
    expect(html).toMatch(/ · Followed as of [^<]*2021<sup class="cite">/);
    const unknownOnly = entries.find((e) =>
      e.persons.every((p) =>
        entries.every((x) => !x.persons.some((q) => q.id === p.id) || outcomeOf(x) === "unknown"),
      ),
    )!;
    const other = await page(`/persons/${unknownOnly.persons[0]!.slug}`);
    expect(other).toContain('<h2 id="recognition">');
    expect(other).not.toMatch(/followed as of|our sources do not say/i);
  });

  it("filters by outcome with a plain GET parameter, and ignores an unknown value", async () => {
    for (const outcome of ["followed", "partly-followed", "not-followed", "unknown"]) {
      const expected = entries.filter((e) => outcomeOf(e) === outcome).map((e) => e.recognition.id);
      expect(expected.length, outcome).toBeGreaterThan(0);
      const shown = [...articles(await page(`/kk/recognition?followed=${outcome}`)).keys()];
      expect([outcome, shown.sort()]).toEqual([outcome, [...expected].sort()]);
    }
    const all = await page("/recognition?followed=ignored");
    expect(articles(all).size).toBe(entries.length);
    const form = await page("/recognition");
    expect(form).toMatch(/<select id="r-followed" name="followed">/);
    expect(form).toContain('href="/recognition?followed=not-followed"');
  });
});
