import { closeSync, fstatSync, openSync, readSync, renameSync, writeSync } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { page, type PageHead } from "./page.ts";
import type { PageStore } from "./page-store.ts";

/**
 * The store written to a file, so that a restarted server has its pages at once. The file is only used by a
 * server of the same renderer (`key`) for the same data version and day: anything else renders again.
 * Layout: a JSON header line, then per page a JSON line (url, status, etag, day, slug, length, sizes) and its
 * gzip and brotli bodies, written a page at a time (10^5 persons' pages are about a gigabyte).
 */
function* snapshotParts(store: PageStore, key: string, version: number, day: string): Generator<Buffer> {
  yield Buffer.from(`${JSON.stringify({ key, version, day })}\n`);
  for (const [url, p] of store.entries()) {
    if (p.day !== day) continue;
    const head = { url, status: p.status, etag: p.etag, day: p.day, slug: p.slug ?? null, length: p.length };
    yield Buffer.from(`${JSON.stringify({ ...head, sizes: [p.gzip.length, p.br.length] })}\n`);
    yield p.gzip;
    yield p.br;
  }
}

/** Writes the snapshot at once (at shutdown). */
export function saveSnapshot(
  store: PageStore,
  file: string,
  key: string,
  version: number,
  day: string,
): void {
  const tmp = `${file}.${process.pid}.tmp`;
  // Readable by the server's user only, like the secret key beside it.
  const fd = openSync(tmp, "w", 0o600);
  try {
    for (const b of snapshotParts(store, key, version, day)) writeSync(fd, b, 0, b.length);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/**
 * Writes the snapshot while the server serves: the writes go to libuv's thread pool a megabyte at a time, so that
 * the kernel's throttling of a gigabyte of dirty pages never blocks the thread that answers readers (written with
 * `writeSync`, a 2 GB snapshot at 10^5 persons put the p99 of first visits at 88 ms). Gives up (false, nothing
 * written) when the store changes meanwhile: the next save writes the new state.
 */
export async function saveSnapshotInBackground(
  store: PageStore,
  file: string,
  key: string,
  version: number,
  day: string,
): Promise<boolean> {
  const tmp = `${file}.${process.pid}.tmp`;
  const generation = store.generation;
  const handle = await open(tmp, "w", 0o600);
  let done = false;
  try {
    let chunk: Buffer[] = [];
    let bytes = 0;
    for (const b of snapshotParts(store, key, version, day)) {
      if (store.generation !== generation) return false;
      chunk.push(b);
      bytes += b.length;
      if (bytes >= 1 << 20) {
        await handle.writev(chunk);
        chunk = [];
        bytes = 0;
      }
    }
    if (chunk.length) await handle.writev(chunk);
    done = store.generation === generation;
    return done;
  } finally {
    await handle.close();
    if (done) await rename(tmp, file);
    else await rm(tmp, { force: true });
  }
}

/**
 * Reads a snapshot into the (empty) store; false, and nothing kept, when it is missing, damaged or for another key,
 * version or day.
 */
export function loadSnapshot(
  store: PageStore,
  file: string,
  key: string,
  version: number,
  day: string,
): boolean {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return false;
  }
  let at = 0;
  /** The JSON line at `at` (lines are short: heads of pages). */
  const line = (): unknown => {
    const buf = Buffer.allocUnsafe(8192);
    const n = readSync(fd, buf, 0, buf.length, at);
    const end = buf.subarray(0, n).indexOf(10);
    if (end < 0) throw new Error("truncated");
    at += end + 1;
    return JSON.parse(buf.subarray(0, end).toString("utf8"));
  };
  const bytes = (n: number) => {
    const buf = Buffer.allocUnsafe(n);
    if (readSync(fd, buf, 0, n, at) !== n) throw new Error("truncated");
    at += n;
    return buf;
  };
  try {
    const size = fstatSync(fd).size;
    const header = line() as { key: string; version: number; day: string };
    if (header.key !== key || header.version !== version || header.day !== day) return false;
    while (at < size) {
      const h = line() as PageHead & { url: string; slug: string | null; sizes: number[] };
      const [gz = 0, br = 0] = h.sizes;
      const head = {
        status: h.status,
        etag: h.etag,
        day: h.day,
        length: h.length,
        ...(h.slug ? { slug: h.slug } : {}),
      };
      store.set(h.url, page(head, bytes(gz), bytes(br)));
    }
    return true;
  } catch {
    // A damaged file: nothing of it is kept.
    store.clear();
    return false;
  } finally {
    closeSync(fd);
  }
}
