import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
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
const PERSON = "Zhanna Testova";
const SLUG = "zhanna-testova";

interface Curator {
  context: BrowserContext;
  page: Page;
}

/**
 * The curators' app, built (`apps/admin/dist`) and served by the server as a user starts it: the first admin
 * from the CLI, TOTP enrolment in the browser, users, a person with a case and citations from draft to the
 * public site, a conflicting edit, and a CSV import with a bad row.
 */
describe("the admin app in a real browser", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "registry-admin-"));
  let server: RunningServer;
  let browser: Browser;
  const curators: Record<string, Curator> = {};
  /** Console errors and CSP refusals of every page, and any request that leaves our origin. */
  const problems: string[] = [];
  let personUrl = "";

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: join(SHOTS, `admin-${name}.png`), fullPage: true });

  async function open(name: string): Promise<Curator> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-GB" });
    const page = await context.newPage();
    page.on("console", (m) => {
      // The browser logs the refused login (401) and the stale save (409) that the test provokes on purpose.
      const expected = /Failed to load resource: the server responded with a status of (401|409)/.test(
        m.text(),
      );
      // A failed load's console line does not say which URL (Chromium's own /favicon.ico request is not a
      // Playwright request event): name it from the message location.
      if (m.type() === "error" && !expected)
        problems.push(`${name} console: ${m.text()} (${m.location().url || "no URL"})`);
    });
    page.on("pageerror", (e) => problems.push(`${name} page error: ${e.message}`));
    page.on("response", (r) => {
      if (r.status() >= 400 && r.status() !== 401 && r.status() !== 409)
        problems.push(`${name} ${r.status()}: ${r.url()}`);
    });
    page.on("request", (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith("data:") && !r.url().startsWith("blob:"))
        problems.push(`${name} foreign request: ${r.url()}`);
    });
    const c = { context, page };
    curators[name] = c;
    return c;
  }

  /** Password, then (first login) enrolment (tests/support/admin-login.ts). */
  const logInAndEnrol = (page: Page, email: string, screenshots = false) =>
    logInAndEnrol_(page, {
      url: server.url,
      email,
      onStep: screenshots ? (step) => shot(page, step) : undefined,
    });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ensureAdminBuilt();
    createFirstAdmin(dataDir);
    server = await startServer({ DATA_DIR: dataDir });
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    server?.signal("SIGTERM");
    await server?.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("the first admin logs in with a password and enrols a second factor; creates an editor and a reviewer", async () => {
    const { page } = await open("admin");
    await page.goto(`${server.url}/admin/`);
    await shot(page, "login");
    await page.getByLabel("E-mail").fill("admin@example.org");
    await page.getByLabel("Password").fill("wrong password!!");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Wrong e-mail or password");

    await logInAndEnrol(page, "admin@example.org", true);
    await expect(page.locator("h1").textContent()).resolves.toBe("Dashboard");
    await page.getByTestId("awaiting-review").waitFor({ state: "attached" });
    await shot(page, "dashboard");

    await page.getByRole("link", { name: "Users" }).click();
    for (const [email, name, role] of [
      ["editor@example.org", "Erlan Editor", "editor"],
      ["reviewer@example.org", "Roza Reviewer", "reviewer"],
    ] as const) {
      await page.locator("#nu-email").fill(email);
      await page.locator("#nu-name").fill(name);
      await page.locator("#nu-role").selectOption(role);
      await page.locator("#nu-password").fill(PASSWORD);
      await page.getByRole("button", { name: "Create user" }).last().click();
      await page.locator(`tr[data-email="${email}"]`).waitFor();
    }
    await shot(page, "users");
  });

  it("an editor enters a person with a case and citations, checks the preview and sends both for review", async () => {
    const { page } = await open("editor");
    await logInAndEnrol(page, "editor@example.org");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Persons" }).click();
    await page.getByRole("link", { name: "+ New" }).click();
    await page.waitForURL(/\/admin\/persons\/new$/);

    // Saving an empty form: the domain schema's issues, inline, in the curator's language.
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.locator('[data-path="names.0.text"]').textContent()).resolves.toContain("Required");
    await page.getByRole("button", { name: "Русский" }).click();
    await expect(page.locator('[data-path="names.0.text"]').textContent()).resolves.toContain(
      "Обязательное поле",
    );
    await shot(page, "person-invalid-ru");
    await page.getByRole("button", { name: "English" }).click();

    await page.locator("#f-names-0-text").fill(PERSON);
    const nameItem = page.locator("#f-names .list-item").first();
    await nameItem.getByRole("button", { name: "+ Add citation" }).click();
    await page.locator("#f-names-0-citations-0-source").selectOption("hrw-2021");
    await page.locator("#f-names-0-citations-0-lines").fill("42");
    await page.getByRole("button", { name: "+ Add name" }).click();
    await page.locator("#f-names-1-text").fill("Жанна Тестова");
    await page.locator("#f-names-1-script").selectOption("cyrillic-ru");
    await page.locator("#f-birthYear").fill("1984");
    await page.locator("#f-summary-en").fill("A journalist detained for her reporting on the 2022 protests.");
    await page.locator("#f-private-internalNotes").fill("Contact through her lawyer only.");
    await expect(page.locator("#f-slug").inputValue()).resolves.toBe(SLUG);
    await page.getByTestId("duplicates").getByText("No likely duplicates.").waitFor();
    await shot(page, "person-new");

    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/admin\/persons\/p-[0-9a-f]{8}$/);
    personUrl = page.url();
    await page.getByText("Created. You can now send it for review.").waitFor();

    await page.getByRole("link", { name: "+ Add a case for this person" }).click();
    await page.waitForURL(/\/admin\/cases\/new\?defendant=p-/);
    await page.getByText(PERSON).first().waitFor();
    await page.locator("#f-title-en").fill("Zhanna Testova: reporting on the January 2022 protests (2023)");
    // The languages side by side: a title without Russian or Kazakh says so until they are written.
    await expect(page.locator("#f-title .missing-lang").count()).resolves.toBe(2);
    await page.locator("#f-title-ru").fill("Жанна Тестова: репортажи о январских протестах 2022 года (2023)");
    await page
      .locator("#f-title-kk")
      .fill("Жанна Тестова: 2022 жылғы қаңтар наразылықтары туралы репортаждар (2023)");
    await expect(page.locator("#f-title .missing-lang").count()).resolves.toBe(0);
    await page.getByRole("button", { name: "+ Add charge" }).click();
    await page.locator("#f-charges-0-article").selectOption("274");
    await page.locator("#f-charges-0-part").fill("2");
    await page.locator("#f-charges-0-outcome").selectOption("convicted");
    await page
      .locator("#f-charges .list-item")
      .first()
      .getByRole("button", { name: "+ Add citation" })
      .click();
    await page.locator("#f-charges-0-citations-0-source").selectOption("hrw-2021");
    await page.locator("#f-charges-0-citations-0-lines").fill("42");
    await page.getByRole("button", { name: "+ Add sentence" }).click();
    await page.locator("#f-sentences-0-imposed").fill("2023-05-10");
    await page.locator("#f-sentences-0-termMonths").fill("60");
    await page
      .locator("#f-sentences .list-item")
      .first()
      .getByRole("button", { name: "+ Add citation" })
      .click();
    await page.locator("#f-sentences-0-citations-0-source").selectOption("hrw-2021");
    await page.locator("#f-sentences-0-citations-0-lines").fill("42");
    await shot(page, "case-new");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/admin\/cases\/c-[0-9a-f]{8}$/);
    await page.getByRole("button", { name: "Send for review" }).click();
    await page.getByText("Done: In review.").waitFor();

    await page.goto(personUrl);
    await page.getByRole("tab", { name: "Public preview" }).click();
    await expect(page.getByTestId("preview-status").textContent()).resolves.toContain("imprisoned");
    await expect(page.getByTestId("preview").textContent()).resolves.not.toContain(
      "Contact through her lawyer",
    );
    await shot(page, "person-preview");
    await page.getByRole("tab", { name: "Form" }).click();
    await page.getByRole("button", { name: "Send for review" }).click();
    await page.getByText("Done: In review.").waitFor();
    await shot(page, "person-in-review");
  });

  it("a reviewer publishes the person and the case, and the public site shows them", async () => {
    const { page } = await open("reviewer");
    await logInAndEnrol(page, "reviewer@example.org");
    const awaiting = page.getByTestId("awaiting-review");
    await awaiting.getByRole("link", { name: PERSON, exact: true }).waitFor();
    await shot(page, "reviewer-dashboard");
    await awaiting.getByRole("link", { name: /Zhanna Testova: reporting/ }).click();
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Done: Published.").waitFor();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await awaiting.getByRole("link", { name: PERSON, exact: true }).click();
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Done: Published.").waitFor();
    await page.getByRole("tab", { name: "History" }).click();
    await page.locator(".history-list li").first().waitFor();
    await shot(page, "history");

    const pub = await browser.newContext({ javaScriptEnabled: false });
    const p = await pub.newPage();
    const res = await p.goto(`${server.url}/persons/${SLUG}`);
    expect(res?.status()).toBe(200);
    await expect(p.locator("h1").textContent()).resolves.toBe(PERSON);
    const text = (await p.locator("main").textContent()) ?? "";
    expect(text).not.toContain("Contact through her lawyer");
    await p.screenshot({ path: join(SHOTS, "admin-public-person.png"), fullPage: true });
    // The home page's "recently updated" lists curators' changes, not the loading of the curated data.
    await p.goto(`${server.url}/`);
    const latest = p.locator("section[aria-labelledby=latest] li");
    await expect(latest.count()).resolves.toBe(1);
    await expect(latest.first().textContent()).resolves.toContain(PERSON);
    await pub.close();
  });

  it("a conflicting edit from a second browser context shows both versions side by side and loses nothing", async () => {
    // The record is published, so its edits are a reviewer's (an editor may not change published records).
    const editor = curators.reviewer?.page;
    const admin = curators.admin?.page;
    if (!editor || !admin) throw new Error("earlier steps did not run");
    await editor.goto(personUrl);
    await admin.goto(personUrl);
    await admin.locator("#f-birthYear").fill("1985");
    await admin.getByRole("button", { name: "Save" }).click();
    await admin.getByText("Saved", { exact: true }).waitFor();

    await editor
      .locator("#f-summary-en")
      .fill("A journalist detained for her reporting; sentenced in May 2023.");
    await editor.getByRole("button", { name: "Save" }).click();
    const conflict = editor.getByTestId("conflict");
    await conflict.waitFor();
    await expect(conflict.locator('tr[data-field="birthYear"] .theirs').textContent()).resolves.toContain(
      "1985",
    );
    await expect(conflict.locator('tr[data-field="birthYear"] .mine').textContent()).resolves.toContain(
      "1984",
    );
    await expect(conflict.locator('tr[data-field="summary"] .mine').textContent()).resolves.toContain(
      "sentenced in May 2023",
    );
    await shot(editor, "conflict");
    await conflict.getByRole("button", { name: "Save merged version" }).click();
    await editor.getByText("Saved", { exact: true }).waitFor();
    await expect(editor.locator("#f-birthYear").inputValue()).resolves.toBe("1985");
    await expect(editor.locator("#f-summary-en").inputValue()).resolves.toContain("sentenced in May 2023");

    await admin.reload();
    await expect(admin.locator("#f-birthYear").inputValue()).resolves.toBe("1985");
    await expect(admin.locator("#f-summary-en").inputValue()).resolves.toContain("sentenced in May 2023");

    // History: restore the first version's public fields as a new version; the private notes stay.
    await editor.getByRole("tab", { name: "History" }).click();
    editor.once("dialog", (d) => void d.accept());
    await editor
      .locator('.history-list li[data-version="1"]')
      .getByRole("button", { name: "Restore this version" })
      .click();
    await editor.getByText("Restored version 1 as a new version.").waitFor();
    await editor.getByRole("tab", { name: "Form" }).click();
    await expect(editor.locator("#f-birthYear").inputValue()).resolves.toBe("1984");
    await expect(editor.locator("#f-summary-en").inputValue()).resolves.toBe(
      "A journalist detained for her reporting on the 2022 protests.",
    );
    await expect(editor.locator("#f-private-internalNotes").inputValue()).resolves.toBe(
      "Contact through her lawyer only.",
    );
  });

  it("an editor's change to the published person waits in the reviewer's queue; the public page changes on approval", async () => {
    const { page: editor } = curators.editor ?? (await open("editor"));
    const reviewer = curators.reviewer?.page;
    if (!reviewer) throw new Error("earlier steps did not run");
    const proposed = "A journalist detained for her reporting; her appeal is pending.";
    await editor.goto(personUrl);
    await editor.locator("#f-summary-en").fill(proposed);
    // Where she is held (ADR 020): an entry of the person's help, cited and dated, in the same revision.
    await editor.locator("#f-help > button").click();
    await editor.locator("#f-help-0-institution-en").fill("penal colony TEST-1/2");
    await editor.locator("#f-help-0-checkedOn").fill("2023-05");
    await editor
      .locator("#f-help .list-item")
      .first()
      .getByRole("button", { name: "+ Add citation" })
      .click();
    await editor.locator("#f-help-0-citations-0-source").selectOption("hrw-2021");
    await editor.locator("#f-help-0-citations-0-lines").fill("42");
    await editor.getByRole("button", { name: "Save" }).click();
    await editor.getByText(/sent to a reviewer as revision \d+/).waitFor();
    const publicText = async () => {
      const ctx = await browser.newContext({ javaScriptEnabled: false });
      const p = await ctx.newPage();
      await p.goto(`${server.url}/persons/${SLUG}`);
      const text = (await p.locator("main").textContent()) ?? "";
      await ctx.close();
      return text;
    };
    expect(await publicText()).not.toContain(proposed);
    expect(await publicText()).not.toContain("TEST-1/2");

    await reviewer.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Revisions" }).click();
    const list = reviewer.getByTestId("revisions");
    await list.getByText(proposed).waitFor();
    await shot(reviewer, "revisions-queue");
    await list.locator("li").filter({ hasText: proposed }).getByRole("button", { name: "Approve" }).click();
    await list.getByText(proposed).waitFor({ state: "detached" });
    expect(await publicText()).toContain(proposed);
    expect(await publicText()).toContain("penal colony TEST-1/2");

    await editor.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Revisions" }).click();
    await editor.getByTestId("revisions").getByText("approved").first().waitFor();
    await shot(editor, "revisions-mine");
  });

  it("imports a CSV: the bad row's problem in words, the other rows imported, and again changes nothing", async () => {
    const { page } = curators.editor ?? (await open("editor"));
    const csv = [
      "id,name,variants,gender,birth_year,region,place,occupation,summary,source,lines",
      "p-imp-0001,Bolat Importov,Болат Импортов,male,1979,almaty,Almaty,teacher,Detained after a rally.,hrw-2021,10-12",
      'p-imp-0002,"Aigul Importova","Айгуль Импортова | Айгүл Импортова",female,,astana,Astana,,"Fined, then detained.",hrw-2021,13',
      "p-imp-0003,Broken Row,,male,19x9,mars,,,,hrw-2021,abc",
      "p-imp-0004,Importov Bolat,,male,,,,,,hrw-2021,14",
    ].join("\n");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import" }).click();
    await page
      .locator("#import-file")
      .setInputFiles({ name: "persons.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Preview" }).click();
    const bad = page.locator('tr.row-error[data-line="4"]');
    await bad.waitFor();
    const words = (await bad.textContent()) ?? "";
    expect(words).toMatch(/lines/i);
    expect(words).toMatch(/region/i);
    await expect(page.getByTestId("import-summary").textContent()).resolves.toContain("3 new");
    await shot(page, "import-preview");
    await page.getByRole("button", { name: "Import 3 row(s)" }).click();
    await expect(page.getByTestId("import-done").textContent()).resolves.toContain("3 new");
    await shot(page, "import-done");

    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByTestId("import-summary").textContent()).resolves.toContain(
      "0 new, 0 updated, 3 unchanged",
    );

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Persons" }).click();
    await page.locator("#list-q").fill("Импортова");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: "Aigul Importova" }).waitFor();
    await shot(page, "persons-search");

    // Export of the filtered list, built in the browser: drafts only here, private fields left out.
    await page.locator("#list-state").selectOption("draft");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^persons-draft-\d{4}-\d{2}-\d{2}\.csv$/);
    const exported = readFileSync(await download.path(), "utf8");
    expect(exported.split("\r\n")[0]).toBe(
      "id,title,state,version,updated_at,deleted_at,names,gender,birth_year,record",
    );
    expect(exported).toContain("Aigul Importova");
    expect(exported).not.toContain(PERSON);
    expect(exported).not.toContain("internalNotes");
  });

  it("shows likely duplicates while a name is typed, and merges two records of one person", async () => {
    const editor = curators.editor?.page;
    const admin = curators.admin?.page;
    if (!editor || !admin) throw new Error("earlier steps did not run");
    await editor.goto(`${server.url}/admin/persons/new`);
    await editor.locator("#f-names-0-text").fill("Абишев Асет");
    const dups = editor.getByTestId("duplicates");
    await dups.getByRole("link", { name: "Aset Abishev" }).waitFor();
    await shot(editor, "duplicates");

    await admin.goto(`${server.url}/admin/persons/p-imp-0001`);
    const panel = admin.getByTestId("duplicates");
    await panel.getByRole("link", { name: "Importov Bolat" }).waitFor();
    admin.once("dialog", (d) => void d.accept());
    await panel.getByRole("button", { name: "Merge into this record" }).click();
    await admin.getByText("Merged.").waitFor();
    await shot(admin, "merged");
    // The merged-away record is deleted (soft), not gone: the audit trail keeps it.
    const other = await admin.evaluate(async () => {
      const r = await fetch(
        `/trpc/admin.persons.get?input=${encodeURIComponent(JSON.stringify({ id: "p-imp-0004" }))}`,
      );
      return r.text();
    });
    expect(other).toMatch(/"deletedAt":"\d{4}-/);
  });

  it("an editor creates a source, an official and an event with the forms, linked to the person with pickers and a citation chosen from the source's lines", async () => {
    const { page } = curators.editor ?? (await open("editor"));
    const personId = personUrl.split("/").pop() ?? "";
    const nav = page.getByRole("navigation", { name: "Main" });

    // A source: every field a form field, the kind a labelled select (no raw codes). (The previous step left a
    // new person's form with a typed name: leaving it asks first.)
    page.once("dialog", (d) => void d.accept());
    await nav.getByRole("link", { name: "Sources" }).click();
    await page.getByRole("link", { name: "+ New" }).click();
    await page.waitForURL(/\/admin\/sources\/new$/);
    await expect(page.locator("#record-json").count()).resolves.toBe(0);
    await expect(page.locator('#f-kind option[value="ngo-report"]').textContent()).resolves.toBe(
      "ngo report",
    );
    await page.locator("#f-title").fill("Detentions after the March rallies");
    await page.locator("#f-publisher").fill("Test Monitor");
    await page.locator("#f-slug").fill("test-monitor-2024");
    await page.locator("#f-kind").selectOption("press-release");
    await page.locator("#f-published").fill("2024-04");
    await shot(page, "source-new");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/admin\/sources\/src-[0-9a-f]{8}$/);
    const sourceId = page.url().split("/").pop() ?? "";

    // An official who tried the person: the person found by a Cyrillic spelling, cited to the new source.
    await nav.getByRole("link", { name: "Officials" }).click();
    await page.getByRole("link", { name: "+ New" }).click();
    await page.locator("#f-name").fill("Test Judgeson");
    await page.locator("#f-slug").fill("test-judgeson");
    await page.locator("#f-role").selectOption("judge");
    await page.getByRole("button", { name: "+ Add involvement" }).click();
    await page.locator("#f-involvements-0-action").selectOption("tried");
    const involved = page.locator("#f-involvements-0-persons");
    await involved.getByLabel("Add: Persons").fill("Жанна");
    await involved.getByRole("button", { name: /^Zhanna Testova/ }).click();
    // The chosen person is shown by name (fetched by id), not as a bare id.
    await involved.getByTestId("refs-f-involvements-0-persons").getByText(PERSON).waitFor();
    await page.locator("#f-involvements-0-description-en").fill("Presided over her trial.");
    const inv = page.locator("#f-involvements .list-item").first();
    await inv.getByRole("button", { name: "+ Add citation" }).click();
    await page.locator("#f-involvements-0-citations-0-source").selectOption(sourceId);
    await page.locator("#f-involvements-0-citations-0-locator").fill("p. 3");
    await shot(page, "official-new");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/admin\/officials\/off-[0-9a-f]{8}$/);
    const officialId = page.url().split("/").pop() ?? "";

    // An event: its person by the picker, its citation's lines picked in the report's own text.
    await nav.getByRole("link", { name: "Events", exact: true }).click();
    await page.getByRole("link", { name: "+ New" }).click();
    await expect(page.locator('#f-type option[value="administrative-arrest"]').textContent()).resolves.toBe(
      "administrative arrest",
    );
    await page.locator("#f-type").selectOption("detained");
    await page.locator("#f-date").fill("2024-03-02");
    await page.locator("#f-persons").getByLabel("Add: Persons").fill("Testova");
    await page
      .locator("#f-persons")
      .getByRole("button", { name: /^Zhanna Testova/ })
      .click();
    await page.locator("#f-description-en").fill("Detained at the rally and held for two days.");
    await page.locator("#f-citations").getByRole("button", { name: "+ Add citation" }).click();
    await page.locator("#f-citations-0-source").selectOption("hrw-2021");
    await page.getByRole("button", { name: "Choose the lines in the source's text" }).click();
    const lines = page.getByTestId("source-lines");
    await lines.locator('button[data-line="12"]').click();
    await lines.locator('button[data-line="14"]').click();
    await expect(page.locator("#f-citations-0-lines").inputValue()).resolves.toBe("12");
    await expect(lines.locator('button[aria-pressed="true"]').count()).resolves.toBe(3);
    await shot(page, "event-new");
    await page.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/admin\/events\/e-[0-9a-f]{8}$/);
    const eventId = page.url().split("/").pop() ?? "";

    const get = (path: string, id: string) =>
      page.evaluate(
        async ([p, i]) =>
          (
            await fetch(`/trpc/${p}?input=${encodeURIComponent(JSON.stringify({ id: i }))}`)
          ).json() as Promise<{
            result: { data: { value: Record<string, unknown> } };
          }>,
        [path, id] as const,
      );
    const event = (await get("admin.events.get", eventId)).result.data.value;
    expect(event.persons).toEqual([personId]);
    expect(event.citations).toEqual([{ source: "hrw-2021", lines: [12, 14] }]);
    const official = (await get("admin.officials.get", officialId)).result.data.value;
    expect(official.involvements).toMatchObject([
      { action: "tried", persons: [personId], citations: [{ source: sourceId, locator: "p. 3" }] },
    ]);
    // The person's screens ask the server for what names the person (refersTo), not for every record.
    const naming = await page.evaluate(
      async (id) =>
        (await (
          await fetch(`/trpc/admin.events.list?input=${encodeURIComponent(JSON.stringify({ refersTo: id }))}`)
        ).json()) as { result: { data: { items: { value: { id: string } }[] } } },
      personId,
    );
    expect(naming.result.data.items.map((i) => i.value.id)).toContain(eventId);

    // Sent for review, sent back with a comment: the editor sees the reviewer's words on the record.
    await page.goto(`${server.url}/admin/events/${eventId}`);
    await page.getByRole("button", { name: "Send for review" }).click();
    await page.getByText("Done: In review.").waitFor();
    const reviewer = curators.reviewer?.page;
    if (!reviewer) throw new Error("earlier steps did not run");
    await reviewer.goto(`${server.url}/admin/events/${eventId}`);
    await reviewer.getByLabel("Comment for the editor").fill("Cite the line that gives the date.");
    await reviewer.getByRole("button", { name: "Send back to draft" }).click();
    await reviewer.getByText("Done: Draft.").waitFor();
    await page.reload();
    await expect(page.getByTestId("sent-back").textContent()).resolves.toBe(
      "Sent back by the reviewer: Cite the line that gives the date.",
    );
    await shot(page, "sent-back");
  });

  /** The recognition form's follow-up editor, opened with one entry: outcome, date, note and citations. */
  const openFollowUp = async (page: Page) => {
    await page.getByRole("button", { name: "Add a follow-up" }).click();
    const outcome = page.getByLabel("Outcome", { exact: true });
    expect(await outcome.locator("option").allTextContents()).toEqual([
      "Followed",
      "Partly followed",
      "Not followed",
    ]);
    expect(await outcome.inputValue()).toBe("not-followed");
  };

  it("fits a 390 px wide screen on every screen, without horizontal scrolling", async () => {
    const { page } = curators.admin ?? (await open("admin"));
    await page.setViewportSize({ width: 390, height: 844 });
    const personId = personUrl.split("/").pop() ?? "";
    const wide: string[] = [];
    for (const path of [
      "",
      "persons",
      `persons/${personId}`,
      "persons/new",
      "cases",
      "cases/new",
      "events",
      "events/new",
      "officials",
      "officials/new",
      "organisations/new",
      "sources",
      "sources/hrw-2021",
      "mass-events/new",
      "recognitions/new",
      "import",
      "revisions",
      "users",
      "account",
    ]) {
      await page.goto(`${server.url}/admin/${path}`);
      await page.getByRole("navigation", { name: "Main" }).waitFor();
      await page.waitForLoadState("networkidle");
      if (path === "recognitions/new") await openFollowUp(page);
      const w = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        view: document.documentElement.clientWidth,
      }));
      if (w.scroll > w.view) wide.push(`${path || "dashboard"}: ${w.scroll} > ${w.view}`);
      if (["", `persons/${personId}`, "events/new", "sources/hrw-2021"].includes(path))
        await shot(page, `390-${(path || "dashboard").replace("/", "-")}`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(wide).toEqual([]);
  });

  it("has no axe-core violations on the main screens", async () => {
    const page = curators.admin?.page;
    if (!page) throw new Error("earlier steps did not run");
    const results: Record<string, string[]> = {};
    await page.goto(`${server.url}/admin/officials`);
    const official =
      (await page.locator("table.records tbody tr th a").first().getAttribute("href")) ?? "/admin/officials";
    const screens = [
      "",
      "persons",
      `persons/${personUrl.split("/").pop() ?? ""}`,
      "cases",
      "officials",
      official.replace("/admin/", ""),
      "import",
      "users",
      "account",
      "events/new",
      "sources/hrw-2021",
      "organisations/new",
      "mass-events/new",
      "recognitions/new",
    ];
    for (const path of screens) {
      await page.goto(`${server.url}/admin/${path}`);
      await page.getByRole("navigation", { name: "Main" }).waitFor();
      await page.waitForLoadState("networkidle");
      if (path === "recognitions/new") await openFollowUp(page);
      // Evaluated through the DevTools protocol, so the page's CSP (script-src 'self') stays as it is.
      await page.evaluate(axeSource);
      results[path || "dashboard"] = await page.evaluate(async () => {
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
      if (["officials", "account"].includes(path) || path.startsWith("officials/"))
        await shot(page, path.replace("/", "-"));
    }
    expect(Object.entries(results).filter(([, v]) => v.length > 0)).toEqual([]);
  });

  it("serves the admin's icon as SVG", async () => {
    const html = await (await fetch(`${server.url}/admin/`)).text();
    expect(html).toContain('<link rel="icon" type="image/svg+xml" href="/admin/favicon.svg"');
    const icon = await fetch(`${server.url}/admin/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
  });

  it("raised no console errors, no CSP refusals and no request to another origin", () => {
    expect(problems).toEqual([]);
  });
});
