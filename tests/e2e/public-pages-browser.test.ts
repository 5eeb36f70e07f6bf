import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";
import { ROOT, startServer, type RunningServer } from "../support/server.ts";

const SHOTS = join(ROOT, "tests/.tmp/screenshots");
const PREFIXES = ["", "/ru", "/kk"] as const;

/** The methodology, how to help, recognition, statistics, lists and person pages, on a phone with JavaScript off. */
describe("the public pages of issue 20 on a 390 px phone, JavaScript off", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "registry-pages-"));
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer({ DATA_DIR: dataDir });
    browser = await launchBrowser();
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    page = await context.newPage();
  }, 120_000);
  afterAll(async () => {
    await context.close();
    await browser.close();
    server.signal("SIGTERM");
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** How many pixels the page is wider than the screen (0: nothing to scroll sideways). */
  const overflow = () =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it("opens every new page and every list in three languages without horizontal overflow", async () => {
    const firstLink = async (list: string) => {
      await page.goto(server.url + list);
      return (await page.locator("table tbody th a").first().getAttribute("href")) ?? list;
    };
    const paths = [
      await firstLink("/officials"),
      await firstLink("/events"),
      "/data",
      "/about",
      "/help",
      "/persons/almat-zhumagulov",
      "/recognition",
      "/recognition?body=european-parliament",
      "/statistics",
      "/persons",
      "/persons?list=political-prisoners&asOf=2021-09-01",
      "/officials",
      "/events",
      "/sources",
      "/persons/askar-kayyrbek",
      "/",
    ];
    const wide: string[] = [];
    for (const prefix of PREFIXES)
      for (const path of paths) {
        const url = `${prefix}${path === "/" && prefix ? "" : path}`;
        const r = await page.goto(server.url + url);
        expect([url, r?.status()]).toEqual([url, 200]);
        const px = await overflow();
        if (px > 0) wide.push(`${url}: ${px}px`);
        if (
          [
            "/about",
            "/help",
            "/persons/almat-zhumagulov",
            "/recognition",
            "/statistics",
            "/persons",
            "/officials",
          ].includes(path)
        )
          await page.screenshot({
            path: join(SHOTS, `phone${prefix.replace("/", "-")}${path.replace(/[^a-z]+/g, "-")}.png`),
          });
      }
    expect(wide).toEqual([]);
  }, 240_000);

  it("shows on the chart for 1 September 2021 as many political prisoners as the list it links to", async () => {
    await page.goto(`${server.url}/statistics`);
    const cell = page.locator("#day-2021-09-01 td").first().locator("a");
    const shown = Number(await cell.textContent());
    expect(shown).toBeGreaterThan(0);
    const href = (await cell.getAttribute("href")) ?? "";
    expect(href).toContain("asOf=2021-09-01");
    expect(href).toContain("list=political-prisoners");
    // The point on the chart links to the same list.
    expect(await page.locator(`svg.time-chart a[href="${href}"]`).count()).toBe(1);
    await page.goto(server.url + href);
    expect(await page.locator("table.persons tbody tr").count()).toBe(shown);
    await expect(page.locator(".pager p").textContent()).resolves.toContain(`${shown} persons`);
    // And the other line: persons whose persecution was recorded by then, not political prisoners.
    await page.goto(`${server.url}/statistics`);
    const other = page.locator("#day-2021-09-01 td").nth(1).locator("a");
    const otherCount = Number(await other.textContent());
    await page.goto(server.url + ((await other.getAttribute("href")) ?? ""));
    await expect(page.locator(".pager p").textContent()).resolves.toContain(`${otherCount} persons`);
    // Every bar of the prosecution charts is a link to a filtered list.
    await page.goto(`${server.url}/statistics`);
    const bars = page.locator("#by-article-title + .chart-grid svg a");
    expect(await bars.count()).toBeGreaterThan(5);
    const articleHref = (await bars.first().getAttribute("href")) ?? "";
    expect(articleHref).toMatch(/\/persons\?article=/);
  });

  it("shows where a person is held, cited and dated, and links to the general page on letters", async () => {
    await page.goto(`${server.url}/ru/persons/muratbek-tungishbayev`);
    const help = page.locator("section[aria-labelledby=how-to-help]");
    await expect(help.locator("h2").textContent()).resolves.toBe("Как помочь");
    const text = (await help.textContent()) ?? "";
    expect(text).toContain("следственный изолятор, Алматы");
    // The report's month stays a month: no day is made up.
    expect(await help.locator("time").getAttribute("datetime")).toBe("2018-10");
    expect(await help.locator("time").textContent()).toMatch(/^октябр[ья] 2018/i);
    // Its footnote is on the page, and the general page opens in the same language.
    const ref = (await help.locator("sup.cite a").first().getAttribute("href")) ?? "";
    expect(await page.locator(ref).count()).toBe(1);
    await help.locator("a[href='/ru/help']").click();
    await page.waitForURL(/\/ru\/help$/);
    expect(await page.locator("h1").textContent()).toContain("Как помочь");
    // A person without help entries has no such section.
    await page.goto(`${server.url}/persons/askar-kayyrbek`);
    expect(await page.locator("#how-to-help").count()).toBe(0);
  });

  it("pages the list by number with previous, next and the total", async () => {
    await page.goto(`${server.url}/persons`);
    const position = (await page.locator(".pager p").textContent()) ?? "";
    const [, pages] = /Page 1 of (\d+)/.exec(position) ?? [];
    expect(Number(pages)).toBeGreaterThan(1);
    expect(await page.locator(".pager a[rel=prev]").count()).toBe(0);
    const firstPage = await page.locator("table.persons tbody th a").allTextContents();
    await page.locator(".pager a[rel=next]").click();
    await page.waitForURL(/page=2/);
    await expect(page.locator(".pager p").textContent()).resolves.toContain(`Page 2 of ${pages}`);
    const secondPage = await page.locator("table.persons tbody th a").allTextContents();
    expect(secondPage.filter((n) => firstPage.includes(n))).toEqual([]);
    await page.locator(".pager a[rel=prev]").click();
    await page.waitForURL(/\/persons$/);
    await page.getByRole("link", { name: `Page ${pages}` }).click();
    await expect(page.locator(".pager a[rel=next]").count()).resolves.toBe(0);
    const lastPage = await page.locator("table.persons tbody th a").allTextContents();
    expect(lastPage.length).toBeGreaterThan(0);
    // A page past the end shows the last page; one past the API's limit, the first.
    for (const [n, shown] of [
      [1999, pages],
      [9999, "1"],
    ]) {
      const r = await page.goto(`${server.url}/persons?page=${n}`);
      expect(r?.status()).toBe(200);
      await expect(page.locator(".pager p").textContent()).resolves.toContain(`Page ${shown} of ${pages}`);
    }
  });

  it("filters the recognition tracker with a plain form and opens a person's citation block", async () => {
    await page.goto(`${server.url}/ru/recognition`);
    const all = await page.locator("article.recognition").count();
    await page.selectOption("#r-body", "european-parliament");
    await page.getByRole("button", { name: "Показать" }).click();
    await page.waitForURL(/body=european-parliament/);
    const some = await page.locator("article.recognition").count();
    expect(some).toBeGreaterThan(0);
    expect(some).toBeLessThan(all);
    const bodies = await page.locator("article.recognition dl div:first-child dd").allTextContents();
    expect(new Set(bodies)).toEqual(new Set(["Европейский парламент"]));
    await page.locator("article.recognition dd a[href*='/ru/persons/']").first().click();
    await page.waitForURL(/\/ru\/persons\//);
    await page.locator("details.cite-record summary").click();
    const bibtex = (await page.locator("details.cite-record pre").first().textContent()) ?? "";
    expect(bibtex).toMatch(/^@misc\{registry-[a-z0-9-]+-v\d+,/);
    const permalink = (await page.locator("details.cite-record a").first().getAttribute("href")) ?? "";
    expect(permalink).toMatch(/^\/ru\/persons\/[a-z0-9-]+\?asOf=\d{4}-\d{2}-\d{2}$/);
    const csl = JSON.parse((await page.locator("details.cite-record pre").nth(1).textContent()) ?? "[]") as {
      type: string;
      version: string;
    }[];
    expect(csl[0]?.type).toBe("dataset");
    await page.screenshot({ path: join(SHOTS, "phone-ru-cite.png"), fullPage: false });
    await page.goto(server.url + permalink);
    await expect(page.locator(".notice").last().textContent()).resolves.toContain("Статус на этой странице");
  });
});
