import { createUser } from "@registry/api";
import type { Database } from "@registry/db";
import { createTestDb } from "@registry/db/testing";
import autocannon from "autocannon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCuratedDataset } from "../support/dataset.ts";
import { startHttpApp, trpc, type HttpApp } from "../support/http-app.ts";

let database: Database;
let app: HttpApp;

beforeAll(async () => {
  database = await createTestDb();
  await loadCuratedDataset(database);
  await createUser(database.db, {
    email: "curator@example.org",
    name: "C",
    role: "editor",
    password: "the curator's password",
  });
  app = await startHttpApp(database);
}, 120_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

const run = (opts: autocannon.Options) => autocannon({ duration: 3, connections: 16, ...opts });

describe("under load (behaviour, not speed: the figures are in `pnpm bench`)", () => {
  it("serves the public list and a person page with no errors", async () => {
    for (const path of ["/persons?list=persecuted", "/persons/aset-abishev"]) {
      const r = await run({ url: app.url + path });
      expect(r.errors, path).toBe(0);
      expect(r.non2xx, path).toBe(0);
      expect(r.requests.total, path).toBeGreaterThan(5);
    }
  }, 60_000);

  it("answers a login flood with 429s, while another curator can still log in", async () => {
    const flood = run({
      url: `${app.url}/trpc/auth.login`,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "victim@example.org", password: "guessing passwords" }),
      duration: 4,
    });
    await new Promise((r) => setTimeout(r, 1500));
    // A different account from a different address is not starved by the flood.
    const legit = await trpc(
      app.url,
      "auth.login",
      { email: "curator@example.org", password: "the curator's password" },
      undefined,
    );
    const r = await flood;
    expect(r.errors).toBe(0);
    expect(r.statusCodeStats?.["429"]?.count ?? 0).toBeGreaterThan(r.requests.total / 2);
    // The test app trusts no proxy, so the flood and the curator share 127.0.0.1: the per-address limit may
    // apply to both. What must hold: the curator gets an answer (success or a fair 429), never a failure.
    expect([200, 429]).toContain(legit.status);
  }, 60_000);
});
