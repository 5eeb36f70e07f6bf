import { readFileSync } from "node:fs";
import { request } from "node:http";
import type { Database } from "@registry/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.ts";
import { loginOverHttp, startHttpApp, trpc, type HttpApp } from "../support/http-app.ts";

/**
 * Holes found by probing the HTTP API (issue 15, item 4), each tried again here as an attacker or a curious
 * reader would: through the real express app, on PGlite and on PostgreSQL.
 */
describe.each(BACKENDS)("closed holes, over HTTP on $name", (backend) => {
  let database: Database;
  let app: HttpApp;
  let editor = "";
  let reviewer = "";

  const get = async (path: string, cookie?: string) => {
    const r = await fetch(app.url + path, cookie ? { headers: { cookie } } : {});
    return { status: r.status, headers: r.headers, text: await r.text() };
  };
  const query = (path: string, input: unknown, cookie?: string) =>
    get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, cookie);
  const data = <T>(r: { body: Record<string, unknown> }) => (r.body.result as { data: T }).data;
  type Stored = {
    meta: { version: number };
    value: Record<string, unknown> & { private: Record<string, unknown> };
  };

  /** Creates, submits and publishes a person as two curators would, over HTTP. */
  async function publishPerson(record: Record<string, unknown>): Promise<Stored> {
    const created = await trpc(app.url, "admin.persons.create", { record }, editor);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const id = record.id as string;
    const submitted = await trpc(
      app.url,
      "admin.persons.submit",
      { id, version: data<Stored>(created).meta.version },
      editor,
    );
    const published = await trpc(
      app.url,
      "admin.persons.transition",
      { id, version: data<Stored>(submitted).meta.version, to: "published" },
      reviewer,
    );
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    return data<Stored>(published);
  }

  beforeAll(async () => {
    database = await backend.open();
    app = await startHttpApp(database);
    editor = await loginOverHttp(app, database, "editor@example.org", "editor");
    reviewer = await loginOverHttp(app, database, "reviewer@example.org", "reviewer");
    await publishPerson({
      id: "p-aigul",
      slug: "aigul-utepova",
      names: [{ text: "Aigul Utepova", script: "latin", primary: true }],
      summary: { en: "A journalist prosecuted for her reporting." },
      private: { relatives: [], contacts: [], consent: "consent-refused" },
    });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("keeps consent private: curators read and change it, the public API, pages and open data never show it", async () => {
    const got = await query("admin.persons.get", { id: "p-aigul" }, editor);
    const stored = (JSON.parse(got.text) as { result: { data: Stored } }).result.data;
    expect(stored.value.private.consent).toBe("consent-refused");
    expect(stored.value).not.toHaveProperty("consent");
    const updated = await trpc(
      app.url,
      "admin.persons.update",
      {
        id: "p-aigul",
        version: stored.meta.version,
        record: { ...stored.value, private: { ...stored.value.private, consent: "consent-given" } },
      },
      reviewer,
    );
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(data<Stored>(updated).value.private.consent).toBe("consent-given");

    const publicPerson = await query("public.person", { slug: "aigul-utepova" });
    expect(publicPerson.status).toBe(200);
    const outputs = {
      api: publicPerson.text,
      page: (await get("/persons/aigul-utepova")).text,
      json: (await get("/data/persons.json")).text,
      csv: (await get("/data/persons.csv")).text,
    };
    for (const [what, out] of Object.entries(outputs)) {
      expect(out, what).toContain("Utepova");
      expect(out, what).not.toMatch(/consent/i);
    }
    expect((await get("/data/schema.json")).text).not.toMatch(/consent/i);
    // In the database it is in the private column, apart from the public `data`.
    const stored2 = async () => {
      const r: unknown = await database.db.execute(
        sql`select data ? 'consent' as public, private->>'consent' as consent from persons where id = 'p-aigul'`,
      );
      return (r as { rows: { public: boolean; consent: string }[] }).rows[0];
    };
    expect(await stored2()).toEqual({ public: false, consent: "consent-given" });
    // A record stored before consent became private is moved by the migration.
    await database.db.execute(
      sql`update persons set data = data || '{"consent": "unknown"}', private = private - 'consent' where id = 'p-aigul'`,
    );
    const migration = new URL("../../packages/db/drizzle/0006_private_consent.sql", import.meta.url);
    await database.db.execute(sql.raw(readFileSync(migration, "utf8")));
    expect(await stored2()).toEqual({ public: false, consent: "unknown" });
    // A smuggled top-level `consent` is refused, not stored publicly.
    const smuggled = await trpc(
      app.url,
      "admin.persons.create",
      {
        record: {
          id: "p-smuggle",
          slug: "p-smuggle",
          names: [{ text: "S", script: "latin", primary: true }],
          consent: "unknown",
        },
      },
      editor,
    );
    expect(smuggled.status).toBe(400);
  });

  it("lists no public change for an edit of private fields only", async () => {
    const before = JSON.parse((await query("public.personChanges", { slug: "aigul-utepova" })).text) as {
      result: { data: { at: string; fields: string[] }[] };
    };
    const got = await query("admin.persons.get", { id: "p-aigul" }, reviewer);
    const stored = (JSON.parse(got.text) as { result: { data: Stored } }).result.data;
    const edit = await trpc(
      app.url,
      "admin.persons.update",
      {
        id: "p-aigul",
        version: stored.meta.version,
        record: {
          ...stored.value,
          private: { ...stored.value.private, internalNotes: "Lawyer called on Monday", consent: "unknown" },
        },
      },
      reviewer,
    );
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    const after = JSON.parse((await query("public.personChanges", { slug: "aigul-utepova" })).text) as {
      result: { data: { at: string; fields: string[] }[] };
    };
    expect(after.result.data).toEqual(before.result.data);
    // Every entry listed names a public field: none is a date alone.
    for (const e of after.result.data) expect(e.fields.length).toBeGreaterThan(0);
    expect(JSON.stringify(after.result.data)).not.toMatch(/private|consent|internalNotes/);
    // A public edit is listed, with its field.
    const now = (
      JSON.parse((await query("admin.persons.get", { id: "p-aigul" }, reviewer)).text) as {
        result: { data: Stored };
      }
    ).result.data;
    await trpc(
      app.url,
      "admin.persons.update",
      {
        id: "p-aigul",
        version: now.meta.version,
        record: { ...now.value, summary: { en: "A journalist." } },
      },
      reviewer,
    );
    const latest = JSON.parse((await query("public.personChanges", { slug: "aigul-utepova" })).text) as {
      result: { data: { fields: string[] }[] };
    };
    expect(latest.result.data[0]?.fields).toEqual(["summary"]);
  });

  it("answers a list cursor holding a NUL byte with 400, on the API and on the public list page", async () => {
    const cursor = Buffer.from(JSON.stringify(["Aigul\u0000", "p-aigul"])).toString("base64url");
    const api = await query("public.persons", { cursor });
    expect(api.status).toBe(400);
    expect(api.text).not.toMatch(/invalid byte sequence|0x00|at .*\.ts:\d+/);
    const page = await get(`/persons?cursor=${cursor}`);
    expect(page.status).toBe(400);
    expect(app.logs.join("\n")).not.toMatch(/failed/);
    // An ordinary cursor still pages.
    const first = JSON.parse((await query("public.persons", { limit: 1 })).text) as {
      result: { data: { next: string | null } };
    };
    expect(
      first.result.data.next === null ||
        (await query("public.persons", { cursor: first.result.data.next })).status === 200,
    ).toBe(true);
  });

  it("refuses JSON nested 5,000 deep with 400, as a body and as a query input, before parsing it", async () => {
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    const deepObject = `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`;
    for (const body of [deep, deepObject, `{"email":"a@b.c","password":${deep}}`]) {
      const r = await fetch(`${app.url}/trpc/auth.login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      expect(r.status).toBe(400);
      expect(await r.text()).toBe("Bad request");
    }
    // A query's input travels in the URL, which Node caps at 16 KB: 2,000 levels fit.
    const q = await get(`/trpc/public.persons?input=${"[".repeat(2000)}${"]".repeat(2000)}`);
    expect(q.status).toBe(400);
    // Brackets inside strings are text, not nesting: a long string of them is fine.
    const text = await trpc(app.url, "auth.login", { email: "x@example.org", password: "[".repeat(150) });
    expect(text.status).toBe(401);
    expect(app.logs.join("\n")).not.toMatch(/failed/);
  });

  it("sends Cache-Control: private, no-store on every response to a request with a session cookie", async () => {
    const paths = [
      "/",
      "/persons",
      "/persons/aigul-utepova",
      "/ru/statistics",
      "/feed.xml",
      "/sitemap.xml",
      "/robots.txt",
      "/assets/site.css",
      "/data/persons.json",
      "/data/persons.csv?list=persecuted",
      "/data/schema.json",
      "/healthz",
      "/trpc/public.statistics",
      "/nothing-here",
    ];
    for (const path of paths) {
      const r = await get(path, editor);
      expect(r.headers.get("cache-control"), path).toBe("private, no-store");
    }
    // Also for a stale or forged cookie, and next to other cookies.
    expect((await get("/", "theme=dark; __Host-session=forged")).headers.get("cache-control")).toBe(
      "private, no-store",
    );
    // The login answer that sets the cookie, and the logout that clears it.
    const login = await trpc(app.url, "auth.login", {
      email: "editor@example.org",
      password: "a long enough password",
    });
    expect(login.setCookie.join()).toMatch(/__Host-session=/);
    expect(login.headers.get("cache-control")).toBe("private, no-store");
    // Without a cookie the public pages stay cacheable.
    expect((await get("/persons/aigul-utepova")).headers.get("cache-control")).toBe("public, max-age=300");
  });

  it("never builds sitemap, feed or robots.txt links from the Host header when PUBLIC_URL is unset", async () => {
    const withHost = (path: string) =>
      new Promise<string>((resolve, reject) => {
        const u = new URL(app.url);
        const req = request(
          {
            host: u.hostname,
            port: u.port,
            path,
            headers: { host: "evil.example", "x-forwarded-host": "evil.example" },
          },
          (res) => {
            let body = "";
            res.on("data", (d: Buffer) => (body += d.toString()));
            res.on("end", () => resolve(body));
          },
        );
        req.on("error", reject);
        req.end();
      });
    const sitemap = await withHost("/sitemap.xml");
    const feed = await withHost("/feed.xml");
    const robots = await withHost("/robots.txt");
    for (const body of [sitemap, feed, robots]) {
      expect(body).not.toContain("evil.example");
      expect(body).not.toMatch(/https?:\/\/(?!www\.(w3|sitemaps)\.org)/);
    }
    expect(sitemap).toContain("<loc>/persons/aigul-utepova</loc>");
    expect(feed).toContain('<link href="/persons/aigul-utepova"/>');
    expect(robots).not.toMatch(/Sitemap:/);
  });
});
