import { createHash } from "node:crypto";
import { closeSync, openSync, readSync, writeSync } from "node:fs";
import { promisify } from "node:util";
import { brotliCompress, brotliCompressSync, constants as zlib, gunzipSync, gzip, gzipSync } from "node:zlib";

/**
 * A rendered public page, compressed once: serving it is a lookup and a write, not a query and a render. Only the
 * compressed bodies are kept (a third of the bytes); the few clients that take neither gzip nor brotli get the
 * page inflated on the way.
 */
export interface StoredPage {
  status: number;
  etag: string;
  gzip: Buffer;
  br: Buffer;
  /** Bytes of the uncompressed page. */
  length: number;
  /** The uncompressed page (inflated from `gzip` on each use). */
  readonly html: Buffer;
  /** The day it was rendered for: statuses and "as of today" change with the date. */
  day: string;
  /** The person whose page it is; other pages (lists, totals, officials) depend on everything. */
  slug?: string;
}

export type PageHead = Pick<StoredPage, "status" | "etag" | "day" | "length" | "slug">;

export function page(head: PageHead, gzip: Buffer, br: Buffer): StoredPage {
  return {
    ...head,
    gzip,
    br,
    get html() {
      return gunzipSync(gzip);
    },
  };
}

function headOf(status: number, body: Buffer, day: string, slug?: string): PageHead {
  return {
    status,
    etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`,
    day,
    length: body.length,
    ...(slug ? { slug } : {}),
  };
}

export function storedPage(status: number, html: string, day: string, slug?: string): StoredPage {
  const body = Buffer.from(html, "utf8");
  return page(
    headOf(status, body, day, slug),
    gzipSync(body, GZIP),
    brotliCompressSync(body, brotliFor(body.length)),
  );
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * The same as `storedPage`, compressed on libuv's thread pool: pages rendered ahead of readers are compressed
 * beside the next ones' rendering instead of on the one thread that renders them and answers readers.
 */
export async function compressedPage(
  status: number,
  html: string,
  day: string,
  slug?: string,
): Promise<StoredPage> {
  const body = Buffer.from(html, "utf8");
  const [gz, br] = await Promise.all([gzipAsync(body, GZIP), brotliAsync(body, brotliFor(body.length))]);
  return page(headOf(status, body, day, slug), gz, br);
}

/**
 * The compressors' settings, measured on a person page (9.5 KB; ADR 013): brotli 9 with a window of more than
 * 2^16 bytes sets up large tables for each page (5–6 ms a page, most of it the kernel's, for a body a few bytes
 * smaller), with 2^16 it takes 0.3–0.5 ms; gzip's memLevel 9 halves its time for the same bytes. A page of more
 * than 64 KB (the statistics) is compressed a little less well, which no reader notices.
 */
const GZIP = { level: 9, memLevel: 9 };
const brotliFor = (length: number) => ({
  params: {
    [zlib.BROTLI_PARAM_QUALITY]: 9,
    [zlib.BROTLI_PARAM_LGWIN]: 16,
    [zlib.BROTLI_PARAM_SIZE_HINT]: length,
  },
});

/** The bytes a page takes in memory: its address and its body in each encoding. */
const costOf = (url: string, p: StoredPage) => url.length + p.gzip.length + p.br.length;

/** A page kept in the spill file: its head in memory, its bodies at `at` in the file (gzip, then brotli). */
interface Spilled extends PageHead {
  at: number;
  gzip: number;
  br: number;
}

/**
 * The public pages rendered for the current data version, by address. Writes drop what they touched (the
 * pages of the persons a change names, every list and total), so what is here is always current; the site fills
 * it when it renders a page and a background pass fills it ahead of the first reader.
 *
 * Up to `maxBytes` of pages are kept in memory, newest first. With a `spillFile`, older pages move to that file
 * (their heads stay in memory, about 150 bytes a page), so that every page of 10^5 persons in three languages is
 * kept: serving one is then a read of a few kilobytes that the operating system usually has in its cache. The file
 * is the server's scratch space (mode 0600), emptied when the store is cleared and rewritten when it is mostly
 * garbage.
 */
export class PageStore {
  private readonly pages = new Map<string, StoredPage>();
  private readonly spilled = new Map<string, Spilled>();
  private used = 0;
  private fd: number | undefined;
  private end = 0;
  private live = 0;
  /** Counts removals: a background save of the store gives up when it changes. */
  generation = 0;
  constructor(
    readonly maxBytes: number = 256 * 1024 * 1024,
    readonly spillFile?: string,
  ) {}

  /** Whether pages past the memory budget are kept on disk rather than dropped. */
  get spills(): boolean {
    return this.spillFile !== undefined;
  }
  /** Bytes kept in memory (the page in each encoding). */
  get bytes(): number {
    return this.used;
  }
  /** Bytes of live pages in the spill file. */
  get spilledBytes(): number {
    return this.live;
  }
  get size(): number {
    return this.pages.size + this.spilled.size;
  }
  get(url: string): StoredPage | undefined {
    const hot = this.pages.get(url);
    if (hot) return hot;
    const s = this.spilled.get(url);
    if (!s || this.fd === undefined) return undefined;
    const bodies = Buffer.allocUnsafe(s.gzip + s.br);
    readSync(this.fd, bodies, 0, bodies.length, s.at);
    const { at: _at, gzip, br: _br, ...head } = s;
    return page(head, bodies.subarray(0, gzip), bodies.subarray(gzip));
  }
  /** The day a page was rendered for, without reading it. */
  dayOf(url: string): string | undefined {
    return (this.pages.get(url) ?? this.spilled.get(url))?.day;
  }
  has(url: string): boolean {
    return this.pages.has(url) || this.spilled.has(url);
  }
  set(url: string, p: StoredPage): void {
    this.delete(url);
    const cost = costOf(url, p);
    // Past the budget the oldest persons' pages go first (a Map iterates in insertion order): to the spill file, or
    // away. The shared pages (home, lists, totals: about a hundred, read by most readers) stay in memory.
    for (const [k, old] of this.pages) {
      if (this.used + cost <= this.maxBytes) break;
      if (!old.slug) continue;
      this.delete(k);
      if (this.spillFile) this.spill(k, old);
    }
    this.pages.set(url, p);
    this.used += cost;
  }
  private spill(url: string, p: StoredPage): void {
    if (this.fd === undefined) {
      this.fd = openSync(this.spillFile as string, "w+", 0o600);
      this.end = 0;
    }
    // Mostly garbage (pages replaced or dropped since): start the file again with the live pages.
    if (this.end > 64 * 1024 * 1024 && this.live < this.end / 3) this.compact();
    const at = this.end;
    writeSync(this.fd, p.gzip, 0, p.gzip.length, at);
    writeSync(this.fd, p.br, 0, p.br.length, at + p.gzip.length);
    this.end += p.gzip.length + p.br.length;
    this.live += p.gzip.length + p.br.length;
    const { status, etag, day, length, slug } = p;
    this.spilled.set(url, {
      status,
      etag,
      day,
      length,
      ...(slug ? { slug } : {}),
      at,
      gzip: p.gzip.length,
      br: p.br.length,
    });
  }
  private compact(): void {
    const kept = [...this.spilled.keys()].map((url) => [url, this.get(url) as StoredPage] as const);
    this.closeFile();
    this.spilled.clear();
    this.live = 0;
    this.fd = openSync(this.spillFile as string, "w+", 0o600);
    this.end = 0;
    for (const [url, p] of kept) this.spill(url, p);
  }
  private closeFile(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
  delete(url: string): void {
    const old = this.pages.get(url);
    if (old) {
      this.used -= costOf(url, old);
      this.pages.delete(url);
      this.generation++;
    }
    const s = this.spilled.get(url);
    if (s) {
      this.live -= s.gzip + s.br;
      this.spilled.delete(url);
      this.generation++;
    }
  }
  /** Drops the pages of these persons and every page that is not one person's. */
  invalidate(slugs: ReadonlySet<string>): void {
    for (const [url, p] of [...this.pages]) if (!p.slug || slugs.has(p.slug)) this.delete(url);
    for (const [url, p] of [...this.spilled]) if (!p.slug || slugs.has(p.slug)) this.delete(url);
  }
  /** Every page kept (those in the spill file read from it one by one). */
  *entries(): IterableIterator<[string, StoredPage]> {
    yield* this.pages.entries();
    for (const url of [...this.spilled.keys()]) {
      const p = this.get(url);
      if (p) yield [url, p];
    }
  }
  clear(): void {
    this.generation++;
    this.pages.clear();
    this.spilled.clear();
    this.used = 0;
    this.live = 0;
    this.end = 0;
    this.closeFile();
  }
}
