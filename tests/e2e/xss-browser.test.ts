import { createCaller, createContextInner } from "@registry/api";
import { userStore, type Database } from "@registry/db";
import { importRecords } from "../support/import.ts";
import { createTestDb } from "@registry/db/testing";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";
import { startHttpApp, type HttpApp } from "../support/http-app.ts";

const PAYLOADS = [
  `<script>window.__xss = 1</script>`,
  `<img src=x onerror="window.__xss = 2">`,
  `"><svg onload="window.__xss = 3">`,
  `</title><script>window.__xss = 4</script>`,
];
const cite = [{ source: "src-x", lines: [1, 1] as [number, number] }];

let database: Database;
let app: HttpApp;
let browser: Browser;

beforeAll(async () => {
  database = await createTestDb();
  await importRecords(
    database.db,
    [
      {
        kind: "source",
        value: {
          id: "src-x",
          slug: "src-x",
          kind: "ngo-report",
          publisher: PAYLOADS[1],
          title: PAYLOADS[0],
          published: "2021",
          language: "en",
        },
      },
      {
        kind: "person",
        value: {
          id: "p-x",
          slug: "p-x",
          names: [
            { text: `Xss ${PAYLOADS[0]}`, script: "latin", primary: true, citations: cite },
            { text: PAYLOADS[1], script: "latin", citations: cite },
          ],
          summary: { en: PAYLOADS.join(" ") },
          occupations: [{ label: { en: PAYLOADS[2], ru: PAYLOADS[2] }, citations: cite }],
          notes: [{ kind: "context", text: { en: PAYLOADS[3], kk: PAYLOADS[3] }, citations: cite }],
        },
      },
      {
        kind: "event",
        value: {
          id: "e-x",
          type: "detained",
          date: { date: "2020-01-01" },
          persons: ["p-x"],
          description: { en: PAYLOADS.join(" ") },
          citations: cite,
        },
      },
    ],
    { actor: "test", publicationState: "published" },
  );
  app = await startHttpApp(database);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await app.close();
  await database.close();
});

describe("stored script payloads (D2)", () => {
  it("are shown as text on public pages and never run, even with JavaScript on", async () => {
    const context = await browser.newContext({ javaScriptEnabled: true });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    for (const path of [
      "/persons/p-x",
      "/persons",
      `/persons?q=${encodeURIComponent(PAYLOADS[0] ?? "")}`,
      "/sources",
      "/",
    ]) {
      await page.goto(app.url + path);
      expect(
        await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
        path,
      ).toBeUndefined();
    }
    await page.goto(`${app.url}/persons/p-x`);
    expect(await page.locator("h1").textContent()).toContain("<script>");
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it("refuses links that would run script when clicked", async () => {
    const admin = createCaller(
      createContextInner({ database, user: { id: "u-a", name: "A", role: "admin" } }),
    );
    await userStore.create(database.db, {
      id: "u-a",
      email: "a@example.org",
      name: "A",
      role: "admin",
      passwordHash: "x",
    });
    const e = await admin.admin.sources
      .create({
        record: {
          id: "src-js",
          slug: "src-js",
          kind: "media",
          publisher: "X",
          title: "Y",
          published: "2021",
          language: "en",
          url: "javascript:alert(1)",
        },
      })
      .then(
        () => null,
        (x: unknown) => x as { code?: string },
      );
    expect(e?.code).toBe("BAD_REQUEST");
  });
});
