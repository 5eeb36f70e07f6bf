import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, brotliDecompressSync } from "node:zlib";
import {
  loadSnapshot,
  PageStore,
  saveSnapshot,
  saveSnapshotInBackground,
  servePage,
  compressedPage,
  storedPage,
} from "@registry/public";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const DAY = "2026-12-05";

describe("the page store", () => {
  it("drops a person's pages and every shared page on a change, and keeps other persons' pages", () => {
    const store = new PageStore();
    store.set("/persons/a", storedPage(200, "<p>A</p>", DAY, "a"));
    store.set("/ru/persons/a", storedPage(200, "<p>А</p>", DAY, "a"));
    store.set("/persons/b", storedPage(200, "<p>B</p>", DAY, "b"));
    store.set("/persons", storedPage(200, "<p>list</p>", DAY));
    store.invalidate(new Set(["a"]));
    expect([...store.entries()].map(([url]) => url)).toEqual(["/persons/b"]);
  });

  it("compresses a page larger than brotli's 64 KB window whole, on this thread or the pool alike", async () => {
    const html = `<main>${Array.from({ length: 12_000 }, (_, i) => `<p>Пункт ${i} · ${(i * 7919) % 10007}</p>`).join("")}</main>`;
    expect(Buffer.byteLength(html)).toBeGreaterThan(200_000);
    const now = storedPage(200, html, DAY, "big");
    const pooled = await compressedPage(200, html, DAY, "big");
    for (const p of [now, pooled]) {
      expect(brotliDecompressSync(p.br).toString()).toBe(html);
      expect(gunzipSync(p.gzip).toString()).toBe(html);
      expect(p.br.length).toBeLessThan(p.gzip.length);
    }
    expect(pooled.etag).toBe(now.etag);
    expect(pooled.length).toBe(Buffer.byteLength(html));
  });

  it("keeps within its budget, oldest pages out first", () => {
    const page = (n: number) => storedPage(200, `<p>${"x".repeat(2000)}${n}</p>`, DAY, `p${n}`);
    const one = page(0);
    const store = new PageStore((one.gzip.length + one.br.length) * 3 + 2);
    for (let n = 0; n < 5; n++) store.set(`/persons/p${n}`, page(n));
    expect(store.size).toBe(3);
    expect(store.has("/persons/p0")).toBe(false);
    expect(store.has("/persons/p4")).toBe(true);
    expect(store.get("/persons/p4")?.etag).toBe(page(4).etag);
    expect(store.bytes).toBeLessThanOrEqual(store.maxBytes);
  });

  it("spills the oldest persons' pages first and keeps the shared pages (home, lists) in memory", () => {
    const dir = mkdtempSync(join(tmpdir(), "page-store-"));
    try {
      const page = (n: number) => storedPage(200, `<p>${"й".repeat(1500)}${n}</p>`, DAY, `p${n}`);
      const one = page(0);
      const store = new PageStore((one.gzip.length + one.br.length) * 3, join(dir, "spill"));
      const list = storedPage(200, "<p>list</p>", DAY);
      store.set("/persons", list);
      const persons = Array.from({ length: 6 }, (_, n) => page(n));
      persons.forEach((p, n) => store.set(`/persons/p${n}`, p));
      expect(store.spilledBytes).toBeGreaterThan(0);
      // The list, stored first, is still in memory; the oldest person's page comes from the file.
      expect(store.inMemory("/persons")).toBe(true);
      expect(store.get("/persons")?.html.toString()).toBe("<p>list</p>");
      expect(store.inMemory("/persons/p0")).toBe(false);
      expect(store.get("/persons/p0")?.etag).toBe(persons[0]?.etag);
      expect(store.inMemory("/persons/p5")).toBe(true);
      expect(store.get("/persons/p5")?.br.equals(persons[5]?.br ?? Buffer.alloc(0))).toBe(true);
      expect(store.bytes).toBeLessThanOrEqual(store.maxBytes);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("with a spill file keeps every page past its budget on disk, and drops them as it drops the others", () => {
    const dir = mkdtempSync(join(tmpdir(), "page-store-"));
    try {
      const page = (n: number) => storedPage(200, `<p>${"й".repeat(1500)}${n}</p>`, DAY, `p${n}`);
      const one = page(0);
      const store = new PageStore((one.gzip.length + one.br.length) * 2, join(dir, "spill"));
      for (let n = 0; n < 6; n++) store.set(`/persons/p${n}`, page(n));
      store.set("/persons", storedPage(200, "<p>list</p>", DAY));
      expect(store.size).toBe(7);
      expect(store.spilledBytes).toBeGreaterThan(0);
      expect(statSync(join(dir, "spill")).mode & 0o777).toBe(0o600);
      // The oldest, read back from the file: every encoding the same page, the head as it was.
      const p0 = store.get("/persons/p0");
      expect(p0?.html.toString()).toBe(`<p>${"й".repeat(1500)}0</p>`);
      expect(brotliDecompressSync(p0?.br ?? Buffer.alloc(0)).toString()).toBe(p0?.html.toString());
      expect([p0?.etag, p0?.slug, p0?.length]).toEqual([one.etag, "p0", one.length]);
      // A change to p1 drops its page (spilled) and the list (in memory), and nothing else.
      store.invalidate(new Set(["p1"]));
      expect(store.has("/persons/p1")).toBe(false);
      expect(store.has("/persons")).toBe(false);
      expect(store.size).toBe(5);
      expect([...store.entries()].map(([u]) => u).sort()).toEqual(
        ["/persons/p0", "/persons/p2", "/persons/p3", "/persons/p4", "/persons/p5"].sort(),
      );
      // Snapshots carry the spilled pages too.
      saveSnapshot(store, join(dir, "pages.bin"), "k", 1, DAY);
      const again = new PageStore();
      expect(loadSnapshot(again, join(dir, "pages.bin"), "k", 1, DAY)).toBe(true);
      expect(again.get("/persons/p0")?.html.toString()).toBe(p0?.html.toString());
      expect(again.size).toBe(5);
      store.clear();
      expect(store.get("/persons/p0")).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("saves in the background only a store that did not change meanwhile", async () => {
    const dir = mkdtempSync(join(tmpdir(), "page-store-"));
    try {
      const store = new PageStore();
      for (let n = 0; n < 1000; n++)
        store.set(`/persons/p${n}`, storedPage(200, `<p>${n}</p>`, DAY, `p${n}`));
      const file = join(dir, "pages.bin");
      const saving = saveSnapshotInBackground(store, file, "k", 1, DAY);
      store.invalidate(new Set(["p999"]));
      expect(await saving).toBe(false);
      expect(existsSync(file)).toBe(false);
      expect(readdirSync(dir)).toEqual([]);
      expect(await saveSnapshotInBackground(store, file, "k", 1, DAY)).toBe(true);
      const again = new PageStore();
      expect(loadSnapshot(again, file, "k", 1, DAY)).toBe(true);
      expect(again.size).toBe(999);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("writes a snapshot a restarted server reads, and refuses one of other code, data or day", () => {
    const dir = mkdtempSync(join(tmpdir(), "page-store-"));
    try {
      const store = new PageStore();
      store.set("/kk/persons/a", storedPage(200, "<h1>Әсет</h1>", DAY, "a"));
      store.set("/persons?list=political-prisoners", storedPage(200, "<p>23</p>", DAY));
      const file = join(dir, "pages.bin");
      saveSnapshot(store, file, "code-1", 41, DAY);
      const again = new PageStore();
      expect(loadSnapshot(again, file, "code-2", 41, DAY)).toBe(false);
      expect(loadSnapshot(again, file, "code-1", 42, DAY)).toBe(false);
      expect(loadSnapshot(again, file, "code-1", 41, "2026-12-06")).toBe(false);
      expect(again.size).toBe(0);
      expect(loadSnapshot(again, file, "code-1", 41, DAY)).toBe(true);
      expect(again.get("/kk/persons/a")?.html.toString()).toBe("<h1>Әсет</h1>");
      expect(again.get("/kk/persons/a")?.slug).toBe("a");
      expect(again.get("/persons?list=political-prisoners")?.slug).toBeUndefined();
      expect(brotliDecompressSync(again.get("/kk/persons/a")?.br ?? Buffer.alloc(0)).toString()).toBe(
        "<h1>Әсет</h1>",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("serving stored pages before express", () => {
  let server: Server;
  let url = "";
  let day = DAY;
  const store = new PageStore();
  beforeAll(async () => {
    store.set("/persons/a", storedPage(200, "<p>Aset</p>", DAY, "a"));
    const fast = servePage(store, [["X-Content-Type-Options", "nosniff"]], (d) => d === day);
    server = createServer((req, res) => {
      if (!fast(req, res)) res.writeHead(299).end("express");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const addr = server.address();
    url = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  const raw = (path: string, headers: Record<string, string> = {}, method = "GET") =>
    fetch(url + path, { headers, method });

  it("sends the encoding the client accepts, with the constant headers, and 304 for a known ETag", async () => {
    const gz = await raw("/persons/a", { "accept-encoding": "gzip, br;q=0" });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gz.headers.get("x-content-type-options")).toBe("nosniff");
    expect(gz.headers.get("vary")).toBe("Accept-Encoding");
    expect(await gz.text()).toBe("<p>Aset</p>");
    const page = store.get("/persons/a");
    expect(gunzipSync(page?.gzip ?? Buffer.alloc(0)).toString()).toBe("<p>Aset</p>");
    expect((await raw("/persons/a", { "if-none-match": page?.etag ?? "" })).status).toBe(304);
    const head = await raw("/persons/a", { "accept-encoding": "identity" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(page?.html.length));
  });

  it("leaves to express what it cannot answer alone: a session, another method, an unknown page, another day", async () => {
    expect((await raw("/persons/a", { cookie: "__Host-session=abc" })).status).toBe(299);
    expect((await raw("/persons/a", {}, "POST")).status).toBe(299);
    expect((await raw("/persons/b")).status).toBe(299);
    day = "2026-12-06";
    expect((await raw("/persons/a")).status).toBe(299);
    day = DAY;
    expect((await raw("/persons/a")).status).toBe(200);
  });
});
