import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../support/browser.ts";
import { ROOT, startServer, type RunningServer } from "../support/server.ts";

const SHOTS = join(ROOT, "tests/.tmp/screenshots");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

describe("the public site in a real browser with JavaScript off", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "registry-browser-"));
  let server: RunningServer;
  let browser: Browser;
  const requests: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer({ DATA_DIR: dataDir });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    server.signal("SIGTERM");
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  it("browses home → list → filter → search in Cyrillic → person → statistics, only from our own origin", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    page.on("request", (r) => requests.push(r.url()));

    await page.goto(`${server.url}/`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Persecution Registry");
    await shot(page, "home");

    await page
      .getByRole("navigation", { name: "Persecution Registry" })
      .getByRole("link", { name: "Persons" })
      .click();
    await page.waitForURL(/\/persons$/);
    await page.selectOption("#f-list", "political-prisoners");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/list=political-prisoners/);
    const rows = await page.locator("table.persons tbody tr").count();
    expect(rows).toBeGreaterThan(5);
    await shot(page, "list-political-prisoners");

    await page.fill("#f-q", "Асқар Қайырбек");
    await page.selectOption("#f-list", "");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/q=/);
    await shot(page, "search-cyrillic");
    await page.getByRole("link", { name: "Askar Kayyrbek" }).click();
    await page.waitForURL(/\/persons\/askar-kayyrbek$/);
    await expect(page.locator("h1").textContent()).resolves.toBe("Askar Kayyrbek");
    expect(await page.locator(".footnotes li").count()).toBeGreaterThan(0);
    await shot(page, "person");

    await page.getByRole("link", { name: "Statistics" }).first().click();
    await page.waitForURL(/\/statistics$/);
    expect(await page.locator("svg").count()).toBe(8);
    await shot(page, "statistics");

    await page.getByRole("link", { name: "Русский" }).click();
    await page.waitForURL(/\/ru\/statistics$/);
    await expect(page.locator("h1").textContent()).resolves.toBe("Статистика");
    await context.close();

    const foreign = requests.filter((u) => !u.startsWith(server.url));
    expect(foreign).toEqual([]);
  });

  it("opens the political prisoners as of a report's date without JavaScript: a quick link, then a typed date", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/ru/`);
    await page.getByRole("link", { name: /^1 сентября 2021/ }).click();
    await page.waitForURL(/asOf=2021-09-01/);
    await expect(page.locator("h1").textContent()).resolves.toBe("Политзаключённые на 1 сентября 2021");
    expect(await page.locator("table.persons tbody tr").count()).toBe(23);
    await expect(page.locator(".notice").first().textContent()).resolves.toContain("названы 23 человека");
    await shot(page, "as-of-2021-09-01");
    // The report of February 2023 by its date typed into the form (a text field where there is no date picker).
    await page.fill("#f-asOf", "2023-02-28");
    await page.getByRole("button", { name: "Показать" }).click();
    await page.waitForURL(/asOf=2023-02-28/);
    await expect(page.locator("h1").textContent()).resolves.toBe("Политзаключённые на 28 февраля 2023");
    const rows = await page.locator("table.persons tbody tr").count();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(23);
    // Every row says when its status was last reported.
    const lastColumn = await page.locator("table.persons tbody tr td:last-child").allTextContents();
    expect(lastColumn.every((c) => /\d{4}/.test(c))).toBe(true);
    await page.goto(`${server.url}/persons?asOf=2099-01-01`);
    await expect(page.getByRole("alert").textContent()).resolves.toContain("after today");
    await context.close();
  });

  it("has no axe-core violations on any page template", async () => {
    // axe needs script: a separate context with JavaScript on, our CSP bypassed to inject it.
    const context = await browser.newContext({ javaScriptEnabled: true, bypassCSP: true });
    const page = await context.newPage();
    const templates = [
      "/",
      "/persons",
      "/ru/persons?list=political-prisoners&asOf=2021-09-01",
      "/persons/tlek-tabarak",
      "/persons/aset-abishev",
      "/officials",
      "/events",
      "/statistics",
      "/sources",
      "/data",
      "/about",
      "/ru/help",
      "/persons/almat-zhumagulov",
      "/recognition",
      "/kk/recognition?body=european-parliament",
      "/persons?page=2",
      "/kk/api",
      "/ru/persons",
      "/kk/",
      "/persons/no-such-person",
    ];
    const officialLink = server.url + "/officials";
    await page.goto(officialLink);
    const official = await page.locator("table tbody tr th a").first().getAttribute("href");
    await page.goto(server.url + "/events");
    const event = await page.locator("table tbody tr th a").first().getAttribute("href");
    const results: Record<string, string[]> = {};
    for (const path of [...templates, official ?? "/officials", event ?? "/events"]) {
      await page.goto(server.url + path);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
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
      results[path] = violations;
    }
    await context.close();
    expect(Object.entries(results).filter(([, v]) => v.length > 0)).toEqual([]);
  }, 240_000);

  it("exports a static mirror that opens from disk", async () => {
    server.signal("SIGTERM");
    await server.exited;
    const out = mkdtempSync(join(tmpdir(), "registry-mirror-"));
    try {
      execFileSync("pnpm", ["--silent", "--filter", "@registry/server", "public:export", out], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dataDir },
        stdio: "pipe",
      });
      // Every open-data file and schema the data package lists is in the mirror too.
      const pkg = JSON.parse(readFileSync(join(out, "data/datapackage.json"), "utf8")) as {
        resources: { path: string; schema: unknown }[];
      };
      expect(pkg.resources.length).toBeGreaterThanOrEqual(16);
      for (const r of pkg.resources) {
        expect(existsSync(join(out, "data", r.path)), r.path).toBe(true);
        if (typeof r.schema === "string")
          expect(existsSync(join(out, "data", r.schema)), r.schema).toBe(true);
      }
      const cases = JSON.parse(readFileSync(join(out, "data/cases.json"), "utf8")) as { cases: unknown[] };
      expect(cases.cases.length).toBeGreaterThan(0);
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(out, "index.html")).href);
      await page.getByRole("link", { name: "Political prisoners" }).first().click();
      await page.waitForURL(/list-political-prisoners\/index\.html$/);
      await page.locator("table.persons tbody tr th a").first().click();
      await page.waitForURL(/persons\/[a-z0-9-]+\/index\.html$/);
      expect(await page.locator("h1").textContent()).toBeTruthy();
      expect(await page.locator("link[rel=stylesheet]").evaluateAll((els) => els.length)).toBe(1);
      await shot(page, "mirror-person");
      const css = await page.evaluate(() => getComputedStyle(document.body).maxWidth);
      expect(css).not.toBe("none");
      await context.close();
    } finally {
      rmSync(out, { recursive: true, force: true });
      server = await startServer({ DATA_DIR: dataDir });
    }
  }, 240_000);
});
