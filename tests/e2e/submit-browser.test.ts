import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { listSubmissions, type Database } from "@registry/db";
import { createTestDb } from "@registry/db/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";
import { seedFixture } from "../support/fixtures.ts";
import { startHttpApp, type HttpApp } from "../support/http-app.ts";
import { ROOT } from "../support/server.ts";

const SHOTS = join(ROOT, "tests/.tmp/screenshots");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** A reader's correction with the form (ADR 021), in a real browser on a 390 px phone with JavaScript off. */
describe("the readers' form in a browser, JavaScript off, 390 px", () => {
  let database: Database;
  let app: HttpApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    database = await createTestDb();
    await seedFixture(database);
    app = await startHttpApp(database);
    browser = await launchBrowser();
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    page = await context.newPage();
  }, 120_000);
  afterAll(async () => {
    await context.close();
    await browser.close();
    await app.close();
    await database.close();
  });

  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it("sends a correction from a person's page and shows the confirmation", async () => {
    await page.goto(`${app.url}/ru/persons/p-abishev`);
    await page.getByRole("link", { name: "Предложить исправление этой записи" }).click();
    await page.waitForURL(/\/ru\/submit\?person=p-abishev$/);
    expect(await overflow()).toBe(0);
    // The honeypot is out of sight: in a box of one pixel, clipped.
    const trap = page.locator(".submit-form .visually-hidden");
    expect(await trap.locator("#s-website").count()).toBe(1);
    expect((await trap.boundingBox())?.width).toBeLessThanOrEqual(1);
    await page
      .getByLabel("Что вам известно")
      .fill("Переведён в другую колонию в марте 2021 года (browser-9c1d).");
    await page.getByLabel("Откуда это известно (необязательно)").fill("https://example.org/news/2");
    await page.getByLabel("Как с вами связаться (необязательно, не публикуется)").fill("browser@example.org");
    // Sending without the consent: the browser's own check (no script) keeps the form on the page.
    await page.getByRole("button", { name: "Отправить кураторам" }).click();
    expect(page.url()).toMatch(/\/ru\/submit\?person=p-abishev$/);
    await page.getByRole("checkbox").check();
    await page.screenshot({ path: join(SHOTS, "phone-ru-submit.png"), fullPage: true });
    await page.getByRole("button", { name: "Отправить кураторам" }).click();
    await page.waitForURL(/\/ru\/submit\/sent$/);
    await expect(page.locator("h1").textContent()).resolves.toBe(
      "Спасибо: ваше сообщение получено кураторами",
    );
    expect(await overflow()).toBe(0);
    await page.screenshot({ path: join(SHOTS, "phone-ru-submit-sent.png"), fullPage: true });

    const stored = await listSubmissions(database.db);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      kind: "correction",
      personSlug: "p-abishev",
      language: "ru",
      contact: "browser@example.org",
      status: "new",
    });
    expect(stored[0]?.text).toContain("browser-9c1d");
  }, 60_000);

  it("opens the general form in three languages without horizontal overflow", async () => {
    for (const prefix of ["", "/ru", "/kk"]) {
      const r = await page.goto(`${app.url}${prefix}/submit`);
      expect(r?.status()).toBe(200);
      expect(await overflow(), prefix).toBe(0);
    }
  });

  it("has no axe-core violations on the form, the form with errors, and the confirmation", async () => {
    // axe needs script: a separate context with JavaScript on, our CSP bypassed to inject it.
    const axeContext = await browser.newContext({ javaScriptEnabled: true, bypassCSP: true });
    const p = await axeContext.newPage();
    const results: Record<string, string[]> = {};
    const check = async (name: string) => {
      await p.addScriptTag({ content: axeSource });
      results[name] = await p.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
          }
        ).axe;
        const r = await axe.run({
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
    };
    await p.goto(`${app.url}/kk/submit?person=p-abishev`);
    await check("form");
    // A post with a forged token comes back as the form with its errors.
    await p.evaluate(() => {
      (document.querySelector('input[name="token"]') as HTMLInputElement).value = "1.2.3";
      (document.querySelector("#s-text") as HTMLTextAreaElement).value = "text";
      (document.querySelector('input[name="consent"]') as HTMLInputElement).checked = true;
    });
    await p.getByRole("button").last().click();
    await p.waitForLoadState();
    expect(await p.locator("#form-errors").count()).toBe(1);
    await check("errors");
    await p.goto(`${app.url}/submit/sent`);
    await check("sent");
    await axeContext.close();
    expect(results).toEqual({ form: [], errors: [], sent: [] });
  }, 60_000);
});
