import { mkdtempSync, readdirSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { Database } from "@registry/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS } from "../support/backends.ts";
import { CANARY, caller, REVIEWER, seedFixture } from "../support/fixtures.ts";
import { startHttpApp, type HttpApp } from "../support/http-app.ts";

interface Got {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A raw GET (fetch would ask for and undo compression on its own). */
function get(url: string, headers: Record<string, string> = {}): Promise<Got> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", reject);
    })
      .on("error", reject)
      .end();
  });
}

const slugsOf = (body: Buffer) =>
  (JSON.parse(body.toString("utf8")) as { persons: { person: { slug: string } }[] }).persons.map(
    (p) => p.person.slug,
  );

/** Waits until the download is served from its built file. */
async function untilFile(url: string): Promise<Got> {
  for (let i = 0; i < 200; i++) {
    const r = await get(url, { "accept-encoding": "identity" });
    if (r.headers["x-open-data"] === "file") return r;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`${url} was never served from a file`);
}

describe.each(BACKENDS)("open-data files on $name", (backend) => {
  let database: Database;
  let app: HttpApp;
  let dir: string;
  beforeAll(async () => {
    database = await backend.open();
    await seedFixture(database);
    dir = mkdtempSync(join(tmpdir(), "registry-open-data-test-"));
    app = await startHttpApp(database, {}, { openDataDir: dir });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("streams the first download live, builds the file meanwhile, and serves the same bytes from it", async () => {
    const url = `${app.url}/data/persons.json`;
    const live = await get(url, { "accept-encoding": "identity" });
    expect(live.headers["x-open-data"]).toBe("live");
    const file = await untilFile(url);
    expect(file.body.equals(live.body)).toBe(true);
    expect(slugsOf(file.body).sort()).toEqual(["p-abishev", "p-kayyrbek", "p-semenova", "p-zhakupova"]);
    expect(file.body.toString("utf8")).not.toContain(CANARY);
    // A client that takes gzip gets the stored file as it is.
    const gz = await get(url, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).equals(live.body)).toBe(true);
    // The same version again: 304.
    const again = await get(url, { "if-none-match": String(file.headers.etag) });
    expect(again.status).toBe(304);
    const csv = `${app.url}/data/persons.csv`;
    const liveCsv = await get(csv, { "accept-encoding": "identity" });
    expect((await untilFile(csv)).body.equals(liveCsv.body)).toBe(true);
    // Both files and the list of parts the next build starts from, of one version and day; nothing else.
    expect(readdirSync(dir).sort()).toEqual([
      expect.stringMatching(/^persons-\d+-\d{4}-\d{2}-\d{2}\.csv\.gz$/),
      expect.stringMatching(/^persons-\d+-\d{4}-\d{2}-\d{2}\.json\.gz$/),
      expect.stringMatching(/^persons-\d+-\d{4}-\d{2}-\d{2}\.parts\.gz$/),
    ]);
  });

  it("never serves a file or a page kept from before a change: an unpublished person is gone at once", async () => {
    const url = `${app.url}/data/persons.json`;
    const before = await untilFile(url);
    // The site keeps rendered pages per data version: fill that cache first.
    for (let i = 0; i < 2; i++)
      expect((await get(`${app.url}/persons`)).body.toString()).toContain("/persons/p-semenova");
    expect((await get(`${app.url}/persons/p-semenova`)).status).toBe(200);
    const reviewer = caller(database, REVIEWER).admin.persons;
    const current = await reviewer.get({ id: "p-semenova" });
    await reviewer.transition({ id: "p-semenova", version: current.meta.version, to: "draft" });
    const after = await get(url, { "accept-encoding": "identity" });
    expect(after.headers["x-open-data"]).toBe("live");
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(slugsOf(after.body)).not.toContain("p-semenova");
    expect((await get(`${app.url}/persons`)).body.toString()).not.toContain("/persons/p-semenova");
    expect((await get(`${app.url}/persons/p-semenova`)).status).toBe(404);
    const rebuilt = await untilFile(url);
    expect(slugsOf(rebuilt.body).sort()).toEqual(["p-abishev", "p-kayyrbek", "p-zhakupova"]);
    // An old ETag is not answered with 304.
    expect((await get(url, { "if-none-match": String(before.headers.etag) })).status).toBe(200);
  });
});
