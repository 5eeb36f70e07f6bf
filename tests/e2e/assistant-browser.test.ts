import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CURATOR_PASSWORD,
  createFirstAdmin,
  ensureAdminBuilt,
  logInAndEnrol as logInAndEnrol_,
} from "../support/admin-login.ts";
import { launchBrowser } from "../support/browser.ts";
import { ROOT, startServer, type RunningServer } from "../support/server.ts";

const SHOTS = join(ROOT, "tests/.tmp/screenshots");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const PASSWORD = CURATOR_PASSWORD;

/** A short report: three invented persons with facts, and the monitor's name (not a person) to reject. */
const REPORT = [
  "Kazakhstan: civic activists prosecuted in early 2024",
  "Test Monitor, 1 April 2024",
  "",
  "On 12 January 2024, police in Almaty detained Nurlan Testbekov, 38, a civic activist. He was charged under Article 174, part 2, of the Criminal Code with inciting discord.",
  "On 3 February 2024 a court placed Testbekov in pre-trial detention for two months.",
  "Aigerim Sampleova, a journalist from Shymkent, was detained on 15 January 2024 and charged under Article 274 of the Criminal Code.",
  "On 20 March 2024 Sampleova was sentenced to two years of restriction of liberty.",
  "Dauren Fictionov, a blogger, was detained in Oral in January 2024. He was released on 10 February 2024.",
].join("\n");

/**
 * The report-import assistant as a curator uses it (issue 19): an editor pastes a report as a new source, goes
 * through the proposals with their source lines, accepts three (one edited), rejects one, creates the drafts and
 * finds them among the drafts, not on the public site; the screen fits 390 px and is axe-clean.
 */
describe("the report-import assistant in a real browser", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "registry-assistant-"));
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  const shot = (name: string) =>
    page.screenshot({ path: join(SHOTS, `assistant-${name}.png`), fullPage: true });

  const logInAndEnrol = (p: Page, email: string) => logInAndEnrol_(p, { url: server.url, email });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ensureAdminBuilt();
    createFirstAdmin(dataDir);
    server = await startServer({ DATA_DIR: dataDir });
    browser = await launchBrowser();
    // The admin creates the curator (an editor), who then logs in in a browser of their own.
    const adminContext = await browser.newContext({ locale: "en-GB" });
    const admin = await adminContext.newPage();
    await logInAndEnrol(admin, "admin@example.org");
    await admin.getByRole("link", { name: "Users" }).click();
    await admin.locator("#nu-email").fill("curator@example.org");
    await admin.locator("#nu-name").fill("Kamila Curator");
    await admin.locator("#nu-role").selectOption("editor");
    await admin.locator("#nu-password").fill(PASSWORD);
    await admin.getByRole("button", { name: "Create user" }).last().click();
    await admin.locator('tr[data-email="curator@example.org"]').waitFor();
    await adminContext.close();

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
    page = await context.newPage();
    page.on("console", (m) => {
      // The second acceptance of a new person is refused on purpose (409).
      const expected = /status of 409/.test(m.text());
      if (m.type() === "error" && !expected) problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    await logInAndEnrol(page, "curator@example.org");
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    server?.signal("SIGTERM");
    await server?.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("proposes additions to known persons from a curated source, with a link to that person", async () => {
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Report assistant" })
      .click();
    await page.waitForURL(/\/admin\/assistant$/);
    await page.getByLabel("Source", { exact: true }).selectOption("hrw-2021");
    await page.getByRole("button", { name: "Read and propose" }).click();
    await page
      .getByTestId("proposal-count")
      .filter({ hasText: /from 64 lines/ })
      .waitFor();
    // Persons the dataset has are proposed as additions, not as new persons.
    const additions = page.locator(".proposal-list li", { hasText: "Addition to a known person" });
    expect(await additions.count()).toBeGreaterThan(0);
    await additions.first().getByRole("button").click();
    await page
      .getByTestId("proposal")
      .getByRole("link")
      .first()
      .evaluate((a: HTMLAnchorElement) => a.pathname)
      .then((path) => expect(path).toMatch(/^\/admin\/persons\/[a-z0-9-]+$/));
  });

  it("imports a pasted report: accepts three proposals (one edited), rejects one, creates drafts", async () => {
    await page.getByLabel("Paste a report's text as a new source").check();
    // The new source's form checks the domain schema before anything is sent.
    await page.getByRole("button", { name: "Read and propose" }).click();
    await expect(page.locator("#as-text-err").textContent()).resolves.toContain("Paste the report's text");
    await page.locator("#f-title").fill("Civic activists prosecuted in early 2024");
    await page.locator("#f-publisher").fill("Test Monitor");
    await page.locator("#f-published").fill("2024-04");
    await page.locator("#as-text").fill(REPORT);
    await expect(page.locator("#f-slug").inputValue()).resolves.toBe(
      "civic-activists-prosecuted-in-early-2024",
    );
    await page.getByRole("button", { name: "Read and propose" }).click();
    await page
      .getByTestId("proposal-count")
      .filter({ hasText: /^Proposals: 4 from 8 lines/ })
      .waitFor();

    const detail = page.getByTestId("proposal");
    // The first proposal is the report's publisher, not a person: rejected, with the keyboard only.
    await detail.locator("h2", { hasText: "Test Monitor" }).waitFor();
    await detail.getByRole("button", { name: "Reject" }).focus();
    await page.keyboard.press("Enter");

    // Next: Nurlan Testbekov, each fact beside its source line (number and text).
    await detail.locator("h2", { hasText: "Nurlan Testbekov" }).waitFor();
    const charge = detail.locator('li.fact[data-fact="charge"]');
    await expect(charge.locator(".cited-lines").textContent()).resolves.toContain(
      "police in Almaty detained Nurlan Testbekov",
    );
    await expect(charge.locator(".cited-lines li").getAttribute("value")).resolves.toBe("4");
    await expect(charge.locator('input[id$="-article"]').inputValue()).resolves.toBe("174");
    await expect(charge.locator('input[id$="-part"]').inputValue()).resolves.toBe("2");
    await detail.getByLabel("Primary name (Latin)").fill("Nurlan Testbekov-Edited");
    await detail.getByRole("button", { name: "Accept" }).click();

    // Aigerim Sampleova: the sentence is dropped, the rest accepted.
    await detail.locator("h2", { hasText: "Aigerim Sampleova" }).waitFor();
    await expect(detail.locator('li.fact[data-fact="sentence"]').textContent()).resolves.toContain("24 mo.");
    await detail
      .locator('li.fact[data-fact="sentence"]')
      .getByRole("button", { name: "Drop this fact" })
      .click();
    await expect(detail.locator('li.fact[data-fact="sentence"]').count()).resolves.toBe(0);
    await detail.getByRole("button", { name: "Accept" }).click();

    // Dauren Fictionov: "in January 2024" stays a partial date.
    await detail.locator("h2", { hasText: "Dauren Fictionov" }).waitFor();
    await expect(
      detail.locator('li.fact[data-fact="detention"] input[id$="-date"]').inputValue(),
    ).resolves.toBe("2024-01");
    await detail.getByRole("button", { name: "Accept" }).click();
    await shot("proposals");

    await page.getByRole("button", { name: "Create drafts from the accepted proposals (3)" }).click();
    const result = page.getByTestId("assistant-result");
    await result.waitFor();
    await shot("result");
    const persons = result.locator("li", { hasText: "Person" });
    await expect(persons.count()).resolves.toBe(3);
    await expect(result.locator("li", { hasText: "Source" }).count()).resolves.toBe(1);
    expect(await result.locator('li[data-result="created"]').count()).toBeGreaterThanOrEqual(4);
  });

  it("keeps the curator's choices when a proposal is refused, and says why at the proposal", async () => {
    // Accepted again, the new persons would be duplicates: refused (409), nothing written, choices kept.
    await page.getByRole("button", { name: "Create drafts from the accepted proposals (3)" }).click();
    const error = page.getByTestId("proposal-error");
    await page.getByRole("alert").filter({ hasText: "Nothing was written" }).waitFor();
    await expect(page.locator(".proposal-list li", { hasText: "needs attention" }).count()).resolves.toBe(3);
    await page
      .locator(".proposal-list li", { hasText: "needs attention" })
      .first()
      .getByRole("button")
      .click();
    await expect(error.textContent()).resolves.toMatch(/already in the registry/);
    await expect(
      page.getByRole("button", { name: "Create drafts from the accepted proposals (3)" }).isEnabled(),
    ).resolves.toBe(true);
    await shot("refused");
  });

  it("fits 390 px and has no axe-core violations", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const w = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      view: document.documentElement.clientWidth,
    }));
    await shot("390");
    // On failure, name the elements that reach beyond the screen.
    const beyond = await page.evaluate(() =>
      Array.from(document.querySelectorAll("main *"))
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 8)
        .map(
          (el) =>
            `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`,
        ),
    );
    expect(w.scroll, beyond.join("; ")).toBeLessThanOrEqual(w.view);
    // In Russian (longer words) the screen speaks Russian and still fits.
    await page.getByRole("button", { name: "Русский" }).click();
    await page.locator("h1", { hasText: "Импорт отчёта с помощником" }).waitFor();
    await expect(page.getByTestId("proposal-count").textContent()).resolves.toMatch(/^Предложений: 4/);
    await shot("390-ru");
    const ru = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(ru).toBeLessThanOrEqual(w.view);
    await page.getByRole("button", { name: "English" }).click();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      const r = await axe.run({
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      });
      return r.violations.map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 3)
            .join(", ")}`,
      );
    });
    expect(violations).toEqual([]);
  });

  it("lists the new persons as drafts, and the public site does not show them", async () => {
    await page.goto(`${server.url}/admin/persons?state=draft`);
    const rows = page.locator("table.records tbody tr");
    await rows.first().waitFor();
    const text = (await page.locator("table.records").textContent()) ?? "";
    for (const name of ["Nurlan Testbekov-Edited", "Aigerim Sampleova", "Dauren Fictionov"])
      expect(text).toContain(name);
    expect(text).not.toContain("Test Monitor");
    await shot("drafts");
    for (const slug of ["aigerim-sampleova", "dauren-fictionov"]) {
      const r = await fetch(`${server.url}/persons/${slug}`);
      expect(r.status, slug).toBe(404);
    }
  });

  it("raised no console errors", () => {
    expect(problems).toEqual([]);
  });
});
