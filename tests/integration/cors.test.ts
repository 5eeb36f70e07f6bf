import type { Database } from "@registry/db";
import { createTestDb } from "@registry/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedFixture } from "../support/fixtures.ts";
import { loginOverHttp, startHttpApp, type HttpApp } from "../support/http-app.ts";

/**
 * Issue 17: the public reads can be used from another site's page (CORS `*`, GET only), while nothing of the
 * admin or the login, and no write, is ever readable cross-origin, even for a browser that holds a session.
 */
let database: Database;
let app: HttpApp;
let cookie = "";
beforeAll(async () => {
  database = await createTestDb();
  await seedFixture(database);
  app = await startHttpApp(database);
  cookie = await loginOverHttp(app, database, "cors-admin@example.org", "admin");
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

const ORIGIN = "https://newsroom.example";
const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(app.url + path, { headers: { origin: ORIGIN, ...headers } });
const input = (v: unknown) => `input=${encodeURIComponent(JSON.stringify(v))}`;

describe("cross-origin reads", () => {
  it("opens the open data and the public API to any site, for GET", async () => {
    for (const path of [
      "/data/persons.json",
      "/data/persons.csv",
      `/trpc/public.statistics`,
      `/trpc/public.persons?${input({ limit: 5 })}`,
    ]) {
      const r = await get(path);
      expect(r.status, path).toBe(200);
      expect(r.headers.get("access-control-allow-origin"), path).toBe("*");
      expect(r.headers.get("cross-origin-resource-policy"), path).toBe("cross-origin");
      expect(r.headers.get("access-control-allow-credentials"), path).toBeNull();
    }
    const pre = await fetch(`${app.url}/trpc/public.persons`, {
      method: "OPTIONS",
      headers: { origin: ORIGIN, "access-control-request-method": "GET" },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-methods")).toBe("GET, HEAD");
  });

  it("never opens admin, auth or a batch that names one, even with a curator's session", async () => {
    for (const path of [
      `/trpc/admin.persons.list?${input({})}`,
      `/trpc/auth.me`,
      `/trpc/public.statistics,admin.persons.list?batch=1&${input({ 0: {}, 1: {} })}`,
    ]) {
      const r = await get(path, { cookie });
      expect(r.headers.get("access-control-allow-origin"), path).toBeNull();
      expect(r.headers.get("cross-origin-resource-policy"), path).toBe("same-origin");
    }
    const pre = await fetch(`${app.url}/trpc/admin.persons.create`, {
      method: "OPTIONS",
      headers: { origin: ORIGIN, "access-control-request-method": "POST" },
    });
    expect(pre.headers.get("access-control-allow-origin")).toBeNull();
    // A write is refused whatever it names: a cross-site request never changes anything.
    const post = await fetch(`${app.url}/trpc/public.persons`, {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "application/json", cookie },
      body: "{}",
    });
    expect(post.headers.get("access-control-allow-origin")).toBeNull();
    expect(post.status).toBeGreaterThanOrEqual(400);
    expect(post.status).toBeLessThan(500);
  });

  it("keeps public pages same-origin (they are pages, not data)", async () => {
    const r = await get("/persons");
    expect(r.headers.get("access-control-allow-origin")).toBeNull();
  });
});
