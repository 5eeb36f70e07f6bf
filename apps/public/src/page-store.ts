import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";

/** A rendered public page, compressed once: serving it is a lookup and a write, not a query and a render. */
export interface StoredPage {
  status: number;
  etag: string;
  html: Buffer;
  gzip: Buffer;
  br: Buffer;
  /** The day it was rendered for: statuses and "as of today" change with the date. */
  day: string;
  /** The person whose page it is; other pages (lists, totals, officials) depend on everything. */
  slug?: string;
}

export function storedPage(status: number, html: string, day: string, slug?: string): StoredPage {
  const body = Buffer.from(html, "utf8");
  return {
    status,
    etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`,
    html: body,
    gzip: gzipSync(body, { level: 9 }),
    br: brotliCompressSync(body, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
    day,
    ...(slug ? { slug } : {}),
  };
}

/** The bytes a page takes in the store: its address and its body in each encoding. */
const costOf = (url: string, p: StoredPage) => url.length + p.html.length + p.gzip.length + p.br.length;

/**
 * The public pages rendered for the current data version, by address. Writes drop what they touched (the
 * pages of the persons a change names, every list and total), so what is here is always current; the site fills
 * it when it renders a page and a background pass fills it ahead of the first reader.
 */
export class PageStore {
  private readonly pages = new Map<string, StoredPage>();
  private used = 0;
  constructor(readonly maxBytes: number = 256 * 1024 * 1024) {}

  /** Bytes kept (the page in each encoding). */
  get bytes(): number {
    return this.used;
  }
  get size(): number {
    return this.pages.size;
  }
  get(url: string): StoredPage | undefined {
    return this.pages.get(url);
  }
  has(url: string): boolean {
    return this.pages.has(url);
  }
  set(url: string, page: StoredPage): void {
    this.delete(url);
    const cost = costOf(url, page);
    // Past the budget the oldest pages go first (a Map iterates in insertion order).
    for (const [k] of this.pages) {
      if (this.used + cost <= this.maxBytes) break;
      this.delete(k);
    }
    this.pages.set(url, page);
    this.used += cost;
  }
  delete(url: string): void {
    const old = this.pages.get(url);
    if (!old) return;
    this.used -= costOf(url, old);
    this.pages.delete(url);
  }
  /** Drops the pages of these persons and every page that is not one person's. */
  invalidate(slugs: ReadonlySet<string>): void {
    for (const [url, page] of [...this.pages]) if (!page.slug || slugs.has(page.slug)) this.delete(url);
  }
  entries(): IterableIterator<[string, StoredPage]> {
    return this.pages.entries();
  }
  clear(): void {
    this.pages.clear();
    this.used = 0;
  }
}

/** Chooses the stored body a client accepts: brotli, then gzip, then the plain bytes. */
function encodingOf(accept: string | undefined): "br" | "gzip" | null {
  if (!accept) return null;
  const offered = (name: string) =>
    new RegExp(`(?:^|,)\\s*${name}\\s*(?:;\\s*q=(?!0*(?:\\.0*)?\\s*(?:,|$))[\\d.]+)?\\s*(?:,|$)`, "i").test(
      accept,
    );
  if (offered("br")) return "br";
  if (offered("gzip")) return "gzip";
  return null;
}

/**
 * Serves a stored page straight from `node:http`, in front of express, with headers computed once. Anything it
 * cannot answer alone (not a GET or HEAD, a curator's session cookie, a page not stored for today) is left to
 * express: it returns false and writes nothing.
 */
export function servePage(
  store: PageStore,
  headers: readonly [string, string][],
  today: () => string,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const cookie = req.headers.cookie;
    if (cookie !== undefined && cookie.includes("__Host-session=")) return false;
    const page = store.get(req.url ?? "");
    if (!page || page.day !== today()) return false;
    for (const [k, v] of headers) res.setHeader(k, v);
    res.setHeader("Cache-Control", page.status === 200 ? "public, max-age=300" : "no-store");
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Vary", "Accept-Encoding");
    res.setHeader("ETag", page.etag);
    if (req.headers["if-none-match"] === page.etag) {
      res.statusCode = 304;
      res.end();
      return true;
    }
    const encoding = encodingOf(req.headers["accept-encoding"]);
    const body = encoding === "br" ? page.br : encoding === "gzip" ? page.gzip : page.html;
    if (encoding) res.setHeader("Content-Encoding", encoding);
    res.setHeader("Content-Length", body.length);
    res.statusCode = page.status;
    if (req.method === "HEAD") res.end();
    else res.end(body);
    return true;
  };
}

/**
 * The store written to a file, so that a restarted server has its pages at once. The file is only used by a
 * server of the same renderer (`key`) for the same data version and day: anything else renders again.
 * Layout: a JSON header line, then per page a JSON line (url, status, etag, day, slug, sizes) and its bytes.
 */
export function saveSnapshot(
  store: PageStore,
  file: string,
  key: string,
  version: number,
  day: string,
): void {
  const parts: Buffer[] = [Buffer.from(`${JSON.stringify({ key, version, day, pages: store.size })}\n`)];
  for (const [url, p] of store.entries()) {
    if (p.day !== day) continue;
    const head = { url, status: p.status, etag: p.etag, day: p.day, slug: p.slug ?? null };
    const sizes = [p.html.length, p.gzip.length, p.br.length];
    parts.push(Buffer.from(`${JSON.stringify({ ...head, sizes })}\n`), p.html, p.gzip, p.br);
  }
  const tmp = `${file}.${process.pid}.tmp`;
  // Readable by the server's user only, like the secret key beside it.
  writeFileSync(tmp, Buffer.concat(parts), { mode: 0o600 });
  renameSync(tmp, file);
}

/** Reads a snapshot into the store; false (and nothing read) when it is missing or for another key, version or day. */
export function loadSnapshot(
  store: PageStore,
  file: string,
  key: string,
  version: number,
  day: string,
): boolean {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    return false;
  }
  const line = (at: number): [unknown, number] => {
    const end = buf.indexOf(10, at);
    if (end < 0) throw new Error("truncated");
    return [JSON.parse(buf.subarray(at, end).toString("utf8")), end + 1];
  };
  try {
    const [header, start] = line(0) as [{ key: string; version: number; day: string; pages: number }, number];
    if (header.key !== key || header.version !== version || header.day !== day) return false;
    const pages: [string, StoredPage][] = [];
    let at = start;
    for (let i = 0; i < header.pages && at < buf.length; i++) {
      const [h, next] = line(at) as [
        { url: string; status: number; etag: string; day: string; slug: string | null; sizes: number[] },
        number,
      ];
      const [a = 0, b = 0, c = 0] = h.sizes;
      const html = Buffer.from(buf.subarray(next, next + a));
      const gzip = Buffer.from(buf.subarray(next + a, next + a + b));
      const br = Buffer.from(buf.subarray(next + a + b, next + a + b + c));
      at = next + a + b + c;
      pages.push([
        h.url,
        { status: h.status, etag: h.etag, day: h.day, html, gzip, br, ...(h.slug ? { slug: h.slug } : {}) },
      ]);
    }
    for (const [url, p] of pages) store.set(url, p);
    return true;
  } catch {
    return false;
  }
}
