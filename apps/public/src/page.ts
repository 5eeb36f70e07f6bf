import { createHash } from "node:crypto";
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
  slug?: string | undefined;
}

export type PageHead = Pick<StoredPage, "status" | "etag" | "day" | "length" | "slug">;

/** A page's head and bodies; `html` is on the prototype, so that a page read from the store is one small object. */
class Page implements StoredPage {
  constructor(
    readonly status: number,
    readonly etag: string,
    readonly day: string,
    readonly length: number,
    readonly slug: string | undefined,
    readonly gzip: Buffer,
    readonly br: Buffer,
  ) {}
  get html(): Buffer {
    return gunzipSync(this.gzip);
  }
}

export function page(head: PageHead, gzip: Buffer, br: Buffer): StoredPage {
  return new Page(head.status, head.etag, head.day, head.length, head.slug, gzip, br);
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
