import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { getRecord, listSubmissions, receiveSubmission, type Database } from "@registry/db";
import { createTestDb } from "@registry/db/testing";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureAdminBuilt } from "../support/admin-login.ts";
import { launchBrowser } from "../support/browser.ts";
import { seedFixture } from "../support/fixtures.ts";
import { loginOverHttp, startHttpApp, type HttpApp } from "../support/http-app.ts";
import { ROOT } from "../support/server.ts";

const SHOTS = join(ROOT, "tests/.tmp/screenshots");

/** The inbox of readers' submissions in the admin app (ADR 021): a curator opens one and accepts it as a draft. */
describe("the admin inbox of readers' submissions in a browser", () => {
  let database: Database;
  let app: HttpApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ensureAdminBuilt();
    database = await createTestDb();
    await seedFixture(database);
    await receiveSubmission(database.db, {
      kind: "new-case",
      text: "Aigul Readerova was detained in Almaty on 5 May (inbox-4d2e).",
      contact: "reader@example.org",
      language: "ru",
    });
    app = await startHttpApp(database);
    const cookie = await loginOverHttp(app, database, "editor-inbox@example.org", "editor");
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
    // The curator's session, as the login set it (the login and enrolment screens are tested in admin-browser).
    await context.setExtraHTTPHeaders({ cookie });
    page = await context.newPage();
  }, 240_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    await database?.close();
  });

  it("lists the submission, shows the reader's contact, and accepts it as a draft person", async () => {
    await page.goto(`${app.url}/admin/`);
    await page.getByRole("link", { name: "Readers' submissions" }).click();
    const item = page.getByTestId("submissions").locator("li").first();
    await expect(item.textContent()).resolves.toContain("inbox-4d2e");
    await item.getByRole("link").click();
    await page.getByTestId("submission").waitFor();
    await expect(page.getByTestId("submission").textContent()).resolves.toContain("reader@example.org");
    await page.getByLabel("Name of the new person (Latin script)").fill("Aigul Readerova");
    await page.getByRole("button", { name: "Accept as a draft change" }).click();
    await page.getByText("Saved.").waitFor();
    await page.screenshot({ path: join(SHOTS, "admin-submission.png"), fullPage: true });
    const [s] = await listSubmissions(database.db);
    expect(s?.status).toBe("accepted");
    const draft = await getRecord(database.db, "person", s?.recordId as string);
    expect(draft?.meta.publicationState).toBe("draft");
    expect(draft?.value.names[0]?.text).toBe("Aigul Readerova");
  }, 60_000);
});
