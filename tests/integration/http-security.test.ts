import type { Database } from "@registry/db";
import { createTestDb } from "@registry/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginOverHttp, startHttpApp, trpc, type HttpApp } from "../support/http-app.ts";

let database: Database;
let app: HttpApp;
let editorCookie = "";

const person = (id: string) => ({
  id,
  slug: id,
  names: [{ text: "Test Person", script: "latin", primary: true, citations: [] }],
});

beforeAll(async () => {
  database = await createTestDb();
  app = await startHttpApp(database);
  editorCookie = await loginOverHttp(app, database, "editor@example.org", "editor");
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe("over HTTP", () => {
  it("sets the session cookie as __Host-, Secure, HttpOnly, SameSite=Strict, Path=/ (A7)", async () => {
    const r = await trpc(app.url, "auth.login", {
      email: "editor@example.org",
      password: "a long enough password",
    });
    const cookies = r.setCookie;
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) {
      expect(c).toMatch(/^__Host-session=/);
      expect(c).toMatch(/; Secure/);
      expect(c).toMatch(/; HttpOnly/);
      expect(c).toMatch(/; SameSite=Strict/);
      expect(c).toMatch(/; Path=\//);
      expect(c).not.toMatch(/Domain=/i);
    }
  });

  it("refuses cross-site mutations sent as forms or text/plain with a valid cookie, and changes nothing (B1)", async () => {
    const ok = await trpc(app.url, "admin.persons.list", {}, editorCookie);
    expect(ok.status).toBe(405); // a query must be a GET: proves the cookie itself works below
    const list = await fetch(`${app.url}/trpc/admin.persons.list?input=${encodeURIComponent("{}")}`, {
      headers: { cookie: editorCookie },
    });
    expect(list.status).toBe(200);
    const body = JSON.stringify({ record: person("p-csrf") });
    const form = new FormData();
    form.set("record", body);
    const attempts = [
      fetch(`${app.url}/trpc/admin.persons.create`, {
        method: "POST",
        headers: { cookie: editorCookie },
        body: form,
      }),
      fetch(`${app.url}/trpc/admin.persons.create`, {
        method: "POST",
        headers: { cookie: editorCookie, "content-type": "text/plain" },
        body,
      }),
      fetch(`${app.url}/trpc/admin.persons.create`, {
        method: "POST",
        headers: { cookie: editorCookie, "content-type": "application/x-www-form-urlencoded" },
        body: `input=${encodeURIComponent(body)}`,
      }),
      fetch(`${app.url}/trpc/admin.persons.create`, {
        method: "POST",
        headers: {
          cookie: editorCookie,
          "content-type": "application/json",
          "sec-fetch-site": "cross-site",
          origin: "https://evil.example",
        },
        body,
      }),
    ];
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    for (const s of statuses) expect([403, 415]).toContain(s);
    const after = await fetch(
      `${app.url}/trpc/admin.persons.get?input=${encodeURIComponent(JSON.stringify({ id: "p-csrf" }))}`,
      { headers: { cookie: editorCookie } },
    );
    expect(after.status).toBe(404);
  });

  it("sends strict security headers on every kind of route, and no-store when authenticated (D3)", async () => {
    for (const path of [
      "/",
      "/persons",
      "/persons/none",
      "/data/schema.json",
      "/healthz",
      "/trpc/public.statistics",
      "/admin/",
      "/nothing",
    ]) {
      const r = await fetch(app.url + path);
      const csp = r.headers.get("content-security-policy") ?? "";
      const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? "";
      expect(scriptSrc, path).toBe("'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(
        Number(/max-age=(\d+)/.exec(r.headers.get("strict-transport-security") ?? "")?.[1]),
        path,
      ).toBeGreaterThanOrEqual(31_536_000);
      expect(r.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(r.headers.get("referrer-policy"), path).toBe("no-referrer");
    }
    const authed = await fetch(`${app.url}/trpc/auth.me`, { headers: { cookie: editorCookie } });
    expect(authed.headers.get("cache-control")).toContain("no-store");
  });

  it("caps request bodies and answers errors without internals (D1)", async () => {
    const huge = "x".repeat(2_000_000);
    const r = await fetch(`${app.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: huge, password: huge }),
    });
    expect(r.status).toBe(413);
    expect(await r.text()).toBe("Request too large");
    const bad = await fetch(`${app.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(bad.status).toBeLessThan(500);
    expect(await bad.text()).not.toMatch(/at .*\.ts:\d+|node_modules/);
  });

  it("trusts X-Forwarded-For only from a configured proxy: rotating it does not escape the per-address limit (A2)", async () => {
    let blocked = 0;
    for (let i = 0; i < 35; i++) {
      const r = await trpc(
        app.url,
        "auth.login",
        { email: `nobody${i}@example.org`, password: "wrong password here" },
        undefined,
        { "x-forwarded-for": `203.0.113.${i}` },
      );
      if (r.status === 429) blocked++;
    }
    expect(blocked).toBeGreaterThan(0);
  });
});
