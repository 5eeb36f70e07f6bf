import { createUser } from "@registry/api";
import { applyChanges, type Database } from "@registry/db";
import { Writable } from "node:stream";
import { today } from "@registry/domain";
import { writeOpenData } from "@registry/server/open-data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.ts";
import { ADMIN, caller, cite, EDITOR, person, publish, REVIEWER, seedFixture } from "../support/fixtures.ts";
import { startHttpApp, type HttpApp } from "../support/http-app.ts";

/**
 * Issue 18: public pages are rendered ahead of readers and kept, compressed, until a write touches them. What a
 * reader gets must still be exactly what the data says: an approved change, a revert and a merge show at once;
 * a draft never does.
 */
describe.each(BACKENDS)("precomputed public pages on $name", (backend) => {
  let database: Database;
  let app: HttpApp;
  beforeAll(async () => {
    database = await backend.open();
    await seedFixture(database);
    app = await startHttpApp(database, {}, { precompute: true });
    await app.settled();
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const r = await fetch(app.url + path, { headers });
    return { status: r.status, text: await r.text(), headers: r.headers };
  };
  const version = async (id: string) =>
    (await caller(database, EDITOR).admin.persons.get({ id })).meta.version;

  it("serves every page of a person in each language, and the lists, before anyone asks, compressed once", async () => {
    const html = await get("/ru/persons/p-abishev", { "accept-encoding": "br" });
    expect(html.status).toBe(200);
    expect(html.headers.get("content-encoding")).toBe("br");
    expect(html.text).toContain("Абишев Асет");
    // The same security headers as every other response, and a strong ETag answered with 304.
    expect(html.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(html.headers.get("x-content-type-options")).toBe("nosniff");
    const etag = html.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(
      (await fetch(`${app.url}/ru/persons/p-abishev`, { headers: { "if-none-match": etag } })).status,
    ).toBe(304);
    const plain = await get("/kk/persons/p-kayyrbek", { "accept-encoding": "identity" });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.text).toContain("Асқар Қайырбек");
  });

  it("shows an approved change at once, on the person's page and in the lists, and never a draft", async () => {
    const before = await get("/persons/p-abishev");
    expect(before.text).not.toContain("Organised the 2018 rally");
    // An editor's change to a published record waits for review: the public page does not change.
    const proposed = await caller(database, EDITOR).admin.persons.update({
      id: "p-abishev",
      version: await version("p-abishev"),
      record: person(
        "p-abishev",
        [
          ["Aset Abishev", "latin"],
          ["Абишев Асет", "cyrillic-ru"],
        ],
        { gender: "male", summary: { en: "Organised the 2018 rally." } },
      ) as never,
    });
    expect(proposed.proposed).toBeGreaterThan(0);
    expect((await get("/persons/p-abishev")).text).not.toContain("Organised the 2018 rally");
    // A new draft person is not public, and its page is not there.
    await caller(database, EDITOR).admin.persons.create({
      record: person("p-secret-draft", [["Secret Draftperson", "latin"]]) as never,
    });
    expect((await get("/persons/p-secret-draft")).status).toBe(404);
    expect((await get("/persons")).text).not.toContain("Secret Draftperson");
    // Approved: the page shows it in the same moment, in every language.
    await caller(database, REVIEWER).admin.revisions.approve({ id: proposed.proposed ?? 0 });
    expect((await get("/persons/p-abishev")).text).toContain("Organised the 2018 rally");
    expect((await get("/ru/persons/p-abishev")).text).toContain("Organised the 2018 rally");
  });

  it("shows a revert and a merge at once, and the merged-away page is gone", async () => {
    // Revert to the version before the summary.
    const history = await caller(database, EDITOR).admin.persons.history({ id: "p-abishev" });
    const withoutSummary = history.find((h) =>
      (h.changes as { field: string }[]).some((c) => c.field === "summary"),
    )?.version;
    expect(withoutSummary).toBeGreaterThan(1);
    await applyChanges(database.db, { id: REVIEWER.id, role: "reviewer" }, [
      {
        op: "revert",
        kind: "person",
        id: "p-abishev",
        version: await version("p-abishev"),
        toVersion: (withoutSummary ?? 2) - 1,
      },
    ]);
    expect((await get("/persons/p-abishev")).text).not.toContain("Organised the 2018 rally");

    // Two records of one person: the page of the merged-away one answers 404 at once; the kept one shows both.
    await publish(database, "persons", person("p-abishev-dup", [["Asset Abishev", "latin"]]));
    expect((await get("/persons/p-abishev-dup")).status).toBe(200);
    await caller(database, ADMIN).admin.persons.merge({
      keepId: "p-abishev",
      keepVersion: await version("p-abishev"),
      mergeId: "p-abishev-dup",
      mergeVersion: await version("p-abishev-dup"),
    });
    expect((await get("/persons/p-abishev-dup")).status).toBe(404);
    expect((await get("/persons/p-abishev")).text).toContain("Asset Abishev");
  });

  it("keeps only the site's own addresses: never a search, a made-up query or a missing page", async () => {
    for (const path of [
      "/persons?q=Abishev",
      "/persons?list=political-prisoners&x=1",
      "/persons/no-such-person",
      "/persons?page=2",
      "/recognition?body=un-wgad",
      "/persons/p-zhakupova?asOf=2021-09-01",
    ]) {
      await get(path);
      const again = await get(path);
      // A stored page has a strong ETag; one rendered for this request alone has express's weak one (or none).
      expect(again.headers.get("etag") ?? "W/", path).toMatch(/^W\//);
    }
    for (const path of ["/persons?list=political-prisoners", "/about", "/ru/recognition", "/kk/statistics"]) {
      await get(path);
      expect((await get(path)).headers.get("etag"), path).toMatch(/^"/);
    }
  });

  it("tells readers nothing of unpublished or private activity: drafts, proposals, private edits", async () => {
    const api = async (path: string, input: unknown) =>
      (
        (await (
          await fetch(`${app.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`)
        ).json()) as {
          result: { data: unknown };
        }
      ).result.data;
    const before = (await api("public.changes", { after: 0 })) as { version: number };
    // A draft case naming a published person, and an edit of a published person's private fields only.
    await caller(database, EDITOR).admin.cases.create({
      record: {
        id: "c-draft",
        slug: "c-draft",
        title: { en: "Draft" },
        defendants: ["p-kayyrbek"],
        citations: cite(2),
      },
    });
    const curator = await createUser(database.db, {
      email: `curator-${backend.name}@example.org`,
      name: "Curator",
      role: "reviewer",
      password: "a long enough password",
    });
    const current = await caller(database, EDITOR).admin.persons.get({ id: "p-zhakupova" });
    const person = current.value;
    await applyChanges(database.db, { id: curator.id, role: "reviewer" }, [
      {
        op: "update",
        kind: "person",
        id: "p-zhakupova",
        version: current.meta.version,
        value: { ...person, private: { ...person.private, internalNotes: "only internal" } },
      },
    ]);
    const changes = (await api("public.changes", { after: before.version })) as {
      all: boolean;
      slugs: string[];
    };
    expect(changes).toMatchObject({ all: false, slugs: [] });
    expect(await api("public.recentChanges", {})).toEqual([]);
    // A public change by the same curator is listed, with its day.
    const now = await caller(database, EDITOR).admin.persons.get({ id: "p-zhakupova" });
    await applyChanges(database.db, { id: curator.id, role: "reviewer" }, [
      {
        op: "update",
        kind: "person",
        id: "p-zhakupova",
        version: now.meta.version,
        value: { ...now.value, gender: "female", birthYear: 1990 },
      },
    ]);
    expect(((await api("public.changes", { after: before.version })) as { slugs: string[] }).slugs).toContain(
      "p-zhakupova",
    );
    expect(await api("public.recentChanges", {})).toEqual([expect.objectContaining({ slug: "p-zhakupova" })]);
  });

  it("re-renders in the background only what a write touched, and the open data follows", async () => {
    await app.settled();
    const r = await get("/data/persons.json");
    const data = JSON.parse(r.text) as { persons: { person: { id: string } }[] };
    expect(data.persons.some((d) => d.person.id === "p-abishev-dup")).toBe(false);
    expect(data.persons.some((d) => d.person.id === "p-secret-draft")).toBe(false);
    // A case of one person changes: that person's pages are redone, another person's stay as they were.
    const kayyrbek = await get("/persons/p-kayyrbek");
    await publish(database, "cases", {
      id: "c-new",
      slug: "c-new",
      title: { en: "A new case for Zhakupova" },
      defendants: ["p-zhakupova"],
      citations: cite(3),
    });
    expect((await get("/persons/p-zhakupova")).text).toContain("A new case for Zhakupova");
    expect((await get("/persons/p-kayyrbek")).headers.get("etag")).toBe(kayyrbek.headers.get("etag"));
  });

  it("builds the open data after each write from the last build, the same as a whole build", async () => {
    await app.settled();
    await publish(database, "cases", {
      id: "c-newer",
      slug: "c-newer",
      title: { en: "Another case for Kayyrbek" },
      defendants: ["p-kayyrbek"],
      citations: cite(4),
    });
    await app.settled();
    // Only the persons the write touched were computed again; the others' parts were copied.
    const last = app.lastBuild();
    expect(last).toMatchObject({ mode: "incremental" });
    expect(last?.computed).toBeLessThan(last?.persons ?? 0);
    const json = await fetch(`${app.url}/data/persons.json`);
    expect(json.headers.get("x-open-data")).toBe("file");
    const csv = await fetch(`${app.url}/data/persons.csv`);
    expect(csv.headers.get("x-open-data")).toBe("file");
    const built = { json: await json.text(), csv: await csv.text() };
    expect(built.json).toContain("Another case for Kayyrbek");

    // The whole build, straight from the database, as the first build of a process makes it.
    const chunks = { json: [] as string[], csv: [] as string[] };
    const sink = (into: string[]) =>
      new Writable({
        write(chunk: Buffer, _enc, done) {
          into.push(chunk.toString("utf8"));
          done();
        },
      });
    await writeOpenData(database, today(), { json: sink(chunks.json), csv: sink(chunks.csv) });
    type File = { version: number; persons: { person: { id: string } }[] };
    const byId = (f: File) => ({
      ...f,
      persons: [...f.persons].sort((a, b) => a.person.id.localeCompare(b.person.id)),
    });
    expect(byId(JSON.parse(built.json) as File)).toEqual(byId(JSON.parse(chunks.json.join("")) as File));
    // (fetch drops the byte-order mark at the start of the CSV)
    const rows = (text: string) =>
      text
        .replace(/^\uFEFF/, "")
        .split("\r\n")
        .sort();
    expect(rows(built.csv)).toEqual(rows(chunks.csv.join("")));
  });
});
