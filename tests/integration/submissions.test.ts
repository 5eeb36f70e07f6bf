import { SUBMIT_LIMIT } from "@registry/api";
import { getRecord, listSubmissions, type Database } from "@registry/db";
import { createTestDb } from "@registry/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedFixture } from "../support/fixtures.ts";
import { loginOverHttp, startHttpApp, trpc, type HttpApp } from "../support/http-app.ts";

/** Readers' corrections and new cases (issue 20, ADR 021): the form without JavaScript, then the admin inbox. */
let database: Database;
let app: HttpApp;
/** Posts that passed the origin and token checks: each counts against the address's hourly limit. */
let counted = 0;
/** New cases the limit's test stored. */
let newCases = 0;

beforeAll(async () => {
  database = await createTestDb();
  await seedFixture(database);
  app = await startHttpApp(database);
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

const TEXT = "He was moved to colony UG-157/12 in March 2021 (reader-text-9f3a).";
const CONTACT = "reader-contact-5e1b@example.org";

async function formToken(path = "/submit"): Promise<string> {
  const html = await (await fetch(app.url + path)).text();
  const token = /name="token" value="([^"]+)"/.exec(html)?.[1];
  expect(token).toBeTruthy();
  return token as string;
}

/** Posts the form as a browser without JavaScript does: form-encoded, from this site, no redirect followed. */
async function post(
  fields: Record<string, string>,
  headers: Record<string, string> = {},
  path = "/submit",
): Promise<Response> {
  return fetch(app.url + path, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: "null",
      "sec-fetch-site": "same-origin",
      ...headers,
    },
    body: new URLSearchParams(fields).toString(),
  });
}

const valid = async (extra: Record<string, string> = {}) => ({
  token: await formToken(),
  kind: "correction",
  person: "p-abishev",
  text: TEXT,
  source: "https://example.org/news/1",
  contact: CONTACT,
  consent: "yes",
  website: "",
  ...extra,
});

async function inbox(cookie: string, status?: string) {
  const input = encodeURIComponent(JSON.stringify(status ? { status } : {}));
  const r = await fetch(`${app.url}/trpc/admin.submissions.list?input=${input}`, { headers: { cookie } });
  return { status: r.status, body: (await r.json()) as { result?: { data: Record<string, unknown>[] } } };
}

describe("the readers' form, without JavaScript", () => {
  it("shows the form in three languages, for a person and in general, never cached", async () => {
    const general = await fetch(`${app.url}/submit`);
    expect(general.status).toBe(200);
    expect(general.headers.get("cache-control")).toBe("no-store");
    const html = await general.text();
    expect(html).toContain('method="post"');
    expect(html).toContain('name="website"');
    expect(html).toContain('value="new-case"');
    const forPerson = await (await fetch(`${app.url}/submit?person=p-abishev`)).text();
    expect(forPerson).toContain('name="person" value="p-abishev"');
    expect(forPerson).toContain("<h1>Suggest a correction: Aset Abishev</h1>");
    // The other languages' forms are about the same person.
    expect(forPerson).toContain('href="/ru/submit?person=p-abishev"');
    expect(await (await fetch(`${app.url}/ru/submit`)).text()).toContain("Сообщить об ошибке");
    expect(await (await fetch(`${app.url}/kk/submit`)).text()).toContain("Қатені немесе жаңа оқиғаны");
    // Every person page links to it.
    expect(await (await fetch(`${app.url}/persons/p-abishev`)).text()).toContain(
      'href="/submit?person=p-abishev"',
    );
    // Each form gets its own token.
    expect(await formToken()).not.toBe(await formToken());
  });

  it("takes a correction: 303 to a confirmation in the reader's language", async () => {
    const r = await post(await valid(), {}, "/ru/submit");
    counted++;
    expect(r.status).toBe(303);
    expect(r.headers.get("location")).toBe("/ru/submit/sent");
    const sent = await fetch(app.url + "/ru/submit/sent");
    expect(sent.status).toBe(200);
    const html = await sent.text();
    expect(html).toContain("Спасибо");
    expect(html).not.toContain("reader-text-9f3a");
  });

  it("refuses a post without a token, with a forged one, or from another site (403)", async () => {
    const fields = await valid();
    const { token: _t, ...noToken } = fields;
    expect((await post(noToken)).status).toBe(403);
    const [issued, nonce] = fields.token.split(".");
    const forged = await post({ ...fields, token: `${issued}.${nonce}.AAAA` });
    expect(forged.status).toBe(403);
    const html = await forged.text();
    expect(html).toContain("The form has expired");
    // What the reader typed is kept.
    expect(html).toContain("reader-text-9f3a");
    const later = `${Number(issued) + 10 ** 9}.${nonce}.${fields.token.split(".")[2]}`;
    expect((await post({ ...fields, token: later })).status).toBe(403);
    expect((await post(fields, { origin: "https://evil.example" })).status).toBe(403);
    expect((await post(fields, { "sec-fetch-site": "cross-site" })).status).toBe(403);
  });

  it("refuses an oversize body (413) and too long a text (400), keeping the form", async () => {
    const huge = await post(await valid({ text: "я".repeat(20_000) }));
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain("too long");
    const long = await post(await valid({ text: `${"x".repeat(5001)}` }));
    counted++;
    expect(long.status).toBe(400);
    const html = await long.text();
    expect(html).toContain("at most 5000 characters");
    expect(html).toContain("x".repeat(5001));
  });

  it("asks for the consent and for a text (400), naming each problem", async () => {
    const r = await post(await valid({ consent: "", text: "  " }));
    counted++;
    expect(r.status).toBe(400);
    const html = await r.text();
    expect(html).toContain("Please tick the box");
    expect(html).toContain("Please write what you know");
  });

  it("receives a form once: posted again (a double click, a replay) it is answered the same and stores nothing", async () => {
    const fields = await valid({ text: "Posted twice (reader-twice-4c2d)." });
    for (let i = 0; i < 2; i++) {
      const r = await post(fields);
      counted++;
      expect(r.status).toBe(303);
    }
    const stored = (await listSubmissions(database.db, {})).filter((s) =>
      s.text.includes("reader-twice-4c2d"),
    );
    expect(stored).toHaveLength(1);
    // A new form (a new token) is another submission.
    expect((await post(await valid({ text: "Posted twice (reader-twice-4c2d)." }))).status).toBe(303);
    counted++;
    expect(
      (await listSubmissions(database.db, {})).filter((s) => s.text.includes("reader-twice-4c2d")),
    ).toHaveLength(2);
  });

  it("answers a filled honeypot as a success and stores nothing", async () => {
    const r = await post(await valid({ text: "honeypot-text-77", website: "http://spam.example" }));
    counted++;
    expect(r.status).toBe(303);
  });

  it("limits posts per address (429)", async () => {
    let limited: Response | undefined;
    for (let i = 0; i < SUBMIT_LIMIT + 2 && !limited; i++) {
      const r = await post(await valid({ kind: "new-case", person: "", text: `New case ${i}` }));
      if (r.status === 429) limited = r;
      else {
        expect(r.status).toBe(303);
        counted++;
        newCases++;
      }
    }
    expect(limited?.status).toBe(429);
    expect(await limited?.text()).toContain("Too many forms");
    expect(counted).toBe(SUBMIT_LIMIT);
  });
});

describe("the admin inbox", () => {
  let editor = "";
  it("lists the submissions to curators, newest first, and to nobody else", async () => {
    editor = await loginOverHttp(app, database, "editor-sub@example.org", "editor");
    const { status, body } = await inbox(editor);
    expect(status).toBe(200);
    const rows = body.result?.data ?? [];
    // The correction and the new cases; not the honeypot, not the refused posts.
    expect(rows.map((r) => r.text)).toContain(TEXT);
    expect(rows.some((r) => String(r.text).includes("honeypot-text-77"))).toBe(false);
    expect(newCases).toBeGreaterThan(0);
    expect(rows.filter((r) => r.kind === "new-case")).toHaveLength(newCases);
    const correction = rows.find((r) => r.text === TEXT);
    expect(correction).toMatchObject({
      contact: CONTACT,
      language: "ru",
      personSlug: "p-abishev",
      status: "new",
    });
    const times = rows.map((r) => String(r.createdAt));
    expect(times).toEqual([...times].sort().reverse());
    // Anonymous callers are refused; the public API has no such procedure.
    expect((await inbox("")).status).toBe(401);
    const pub = await fetch(`${app.url}/trpc/public.submissions`);
    expect(pub.status).toBe(404);
    for (const path of ["/persons/p-abishev", "/api/v1/persons/p-abishev", "/api/v1/changes?after=0", "/"]) {
      const text = await (await fetch(app.url + path)).text();
      expect(text, path).not.toContain("reader-text-9f3a");
      expect(text, path).not.toContain("reader-contact-5e1b");
    }
  });

  it("accepts a correction as a private note and a new case as a draft person, neither public", async () => {
    const rows = (await inbox(editor, "new")).body.result?.data ?? [];
    const correction = rows.find((r) => r.text === TEXT) as { id: number };
    const accepted = await trpc(app.url, "admin.submissions.accept", { id: correction.id }, editor);
    expect(accepted.status).toBe(200);
    // An editor's change to a published person is a revision for a reviewer: nothing changed yet.
    expect((accepted.body.result as { data: { result: string } }).data.result).toBe("proposed");
    const again = await trpc(app.url, "admin.submissions.accept", { id: correction.id }, editor);
    expect(again.status).toBe(409);

    const newCase = rows.find((r) => r.kind === "new-case") as { id: number };
    const noName = await trpc(app.url, "admin.submissions.accept", { id: newCase.id }, editor);
    expect(noName.status).toBe(400);
    const created = await trpc(
      app.url,
      "admin.submissions.accept",
      { id: newCase.id, name: "Readerova Aigul", note: "Checking with the family" },
      editor,
    );
    expect(created.status).toBe(200);
    const { recordId } = (created.body.result as { data: { recordId: string } }).data;
    const draft = await getRecord(database.db, "person", recordId);
    expect(draft?.meta.publicationState).toBe("draft");
    expect(draft?.value.private.internalNotes).toContain("New case");
    const slug = draft?.value.slug as string;
    expect((await fetch(`${app.url}/persons/${slug}`)).status).toBe(404);
    expect((await fetch(`${app.url}/api/v1/persons/${slug}`)).status).toBe(404);
    expect(await (await fetch(`${app.url}/persons?q=Readerova`)).text()).not.toContain("Readerova Aigul");
  });

  it("lets editors reply and only reviewers discard", async () => {
    const rows = (await inbox(editor, "new")).body.result?.data ?? [];
    const [a, b] = rows as { id: number }[];
    const reply = await trpc(app.url, "admin.submissions.reply", { id: a?.id, note: "Wrote back" }, editor);
    expect(reply.status).toBe(200);
    expect((await trpc(app.url, "admin.submissions.discard", { id: b?.id }, editor)).status).toBe(403);
    const reviewer = await loginOverHttp(app, database, "reviewer-sub@example.org", "reviewer");
    expect(
      (await trpc(app.url, "admin.submissions.discard", { id: b?.id, note: "Spam" }, reviewer)).status,
    ).toBe(200);
    const replied = (await inbox(editor, "replied")).body.result?.data ?? [];
    expect(replied.map((r) => r.id)).toEqual([a?.id]);
    expect(replied[0]?.triageNote).toBe("Wrote back");
  });
});
